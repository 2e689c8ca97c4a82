package dev.marketlens.metrics.mrr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.metrics.Basis;
import dev.marketlens.model.BillingPeriod;
import dev.marketlens.model.SaleType;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Rule N1 and the edges of N3 (metrics spec §2.3, §2.5), one line at a time. */
class IntervalsTest {

  private static final String[] PROFILE = new String[10];

  /** The monthly rate in millionths of a cent of one line, alone on its license. */
  private static long rate(
      SaleType type, String start, String end, BillingPeriod billing, long cents) {
    Book.Builder b = Book.builder();
    b.line(
        b.license("E-1"),
        b.customer("c"),
        b.profile(PROFILE),
        type,
        day(start),
        day(end),
        day(start),
        billing,
        cents,
        cents,
        cents);
    return Intervals.of(b.build(), Basis.NET).rate(0);
  }

  private static long day(String date) {
    return LocalDate.parse(date).toEpochDay();
  }

  @Test
  @DisplayName("spec §2.3: a whole annual term is divided by 12")
  void wholeAnnualTerm() {
    assertThat(rate(SaleType.NEW, "2025-01-01", "2026-01-01", BillingPeriod.ANNUAL, 100_000))
        .isEqualTo(8_333_333_333L); // $1,000 / 12 = 8,333.333333… cents, to a millionth
  }

  @Test
  @DisplayName("spec §2.3: a three-year Data Center term is divided by 36")
  void threeYearTerm() {
    assertThat(rate(SaleType.NEW, "2024-02-01", "2027-02-01", BillingPeriod.ANNUAL, 360_000))
        .isEqualTo(10_000 * Fixed.UNITS);
  }

  @Test
  @DisplayName("spec §2.3: a leap-year annual term of 366 days is still twelve months")
  void leapYearTerm() {
    assertThat(rate(SaleType.RENEWAL, "2024-01-01", "2025-01-01", BillingPeriod.ANNUAL, 120_000))
        .isEqualTo(10_000 * Fixed.UNITS);
  }

  @Test
  @DisplayName("spec §2.3: a monthly term anchored on the 31st is one month")
  void monthlyTermOnThe31st() {
    assertThat(rate(SaleType.RENEWAL, "2025-01-31", "2025-02-28", BillingPeriod.MONTHLY, 10_000))
        .isEqualTo(10_000 * Fixed.UNITS);
  }

  @Test
  @DisplayName("spec §2.3: a term within three days of whole counts as whole")
  void snapTolerance() {
    assertThat(rate(SaleType.NEW, "2025-01-01", "2026-01-04", BillingPeriod.ANNUAL, 120_000))
        .isEqualTo(10_000 * Fixed.UNITS);
  }

  @Test
  @DisplayName(
      "spec §2.3: a co-terminated first annual term is a prorated piece at amount × 365 / (12 × days)")
  void proratedPiece() {
    // $657.00 for 200 days: 65,700 × 365 / 2,400 = 9,991.875 cents a month.
    assertThat(rate(SaleType.NEW, "2025-03-01", "2025-09-17", BillingPeriod.ANNUAL, 65_700))
        .isEqualTo(9_991_875_000L);
  }

  @Test
  @DisplayName("spec §2.3: a line without a period (start = end) has no rate and covers nothing")
  void zeroLength() {
    Book.Builder b = Book.builder();
    b.line(
        b.license("E-1"),
        b.customer("c"),
        b.profile(PROFILE),
        SaleType.RENEWAL,
        day("2025-01-01"),
        day("2025-01-01"),
        day("2025-01-01"),
        BillingPeriod.ANNUAL,
        0,
        0,
        0);
    Intervals intervals = Intervals.of(b.build(), Basis.NET);
    assertThat(intervals.rate(0)).isZero();
    assertThat(intervals.hasLength(0)).isFalse();
  }

  /** A $1,200 annual sale and a refund of {@code cents} without a period: the sale's interval. */
  private static long[] saleAfterRefundWithoutPeriod(long cents) {
    Book.Builder b = Book.builder();
    int sale =
        b.line(
            b.license("E-1"),
            b.customer("c"),
            b.profile(PROFILE),
            SaleType.NEW,
            day("2025-01-01"),
            day("2026-01-01"),
            day("2025-01-01"),
            BillingPeriod.ANNUAL,
            120_000,
            120_000,
            120_000);
    int refund =
        b.line(
            b.license("E-1"),
            b.customer("c"),
            b.profile(PROFILE),
            SaleType.REFUND,
            day("2025-01-10"),
            day("2025-01-10"),
            day("2025-01-10"),
            BillingPeriod.ANNUAL,
            cents,
            cents,
            cents);
    b.refunds(refund, sale);
    Book book = b.build();
    Intervals intervals = Intervals.of(book, Basis.NET);
    int line = book.lineAdded(sale);
    return new long[] {
      intervals.isVoided(line) ? 1 : 0, intervals.rate(line), intervals.hasLength(line) ? 1 : 0
    };
  }

  @Test
  @DisplayName("spec §2.5: a refund without a period returning all but at most $1 voids the sale")
  void refundWithoutPeriodVoidsTheSale() {
    // voided, no rate, covers nothing
    assertThat(saleAfterRefundWithoutPeriod(-119_950)).containsExactly(1, 0, 0);
  }

  @Test
  @DisplayName("spec §2.5: a partial refund without a period leaves the sale in MRR (cash only)")
  void partialRefundWithoutPeriodKeepsTheSale() {
    assertThat(saleAfterRefundWithoutPeriod(-50_000)).containsExactly(0, 10_000 * Fixed.UNITS, 1);
  }

  @Test
  @DisplayName("spec §0.1: month-end MRR is whole cents half up, and half a cent or less is zero")
  void centsAndEpsilon() {
    assertThat(Fixed.cents(500_000)).isZero();
    assertThat(Fixed.cents(500_001)).isEqualTo(1);
    assertThat(Fixed.cents(-3 * Fixed.UNITS)).isZero();
    assertThat(Fixed.cents(8_333_500_000L)).isEqualTo(8_334);
    assertThat(Fixed.divide(-7, 2)).isEqualTo(-4);
    assertThat(Fixed.divide(7, 2)).isEqualTo(4);
  }
}
