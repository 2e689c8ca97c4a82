package dev.marketlens.payouts.monthly;

import static dev.marketlens.payouts.monthly.Lines.refund;
import static dev.marketlens.payouts.monthly.Lines.sale;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.model.transaction.TransactionLine;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Seed 004's payouts (SR-M1…M3), worked by hand: sales, refunds, the $500 carry-over, dates. */
class PayoutLedgerTest {

  private static String row(PayoutMonth m) {
    return m.month()
        + " sales "
        + m.salesCents()
        + " refunds "
        + m.refundsCents()
        + " in "
        + m.carriedInCents()
        + " paid "
        + m.paidCents()
        + " out "
        + m.carriedOutCents()
        + " "
        + m.status().label()
        + " "
        + m.expectedPaymentDate();
  }

  private static List<String> rows(List<TransactionLine> lines, String asOf) {
    return PayoutLedger.of(lines, LocalDate.parse(asOf)).stream()
        .map(PayoutLedgerTest::row)
        .toList();
  }

  @Test
  @DisplayName(
      "SR-M1: $200, $150 and $180 carry over until March's $530 reaches $500, paid in April")
  void carryOverAcrossThreeMonths() {
    List<TransactionLine> lines =
        List.of(
            sale("2025-01-10", 23_529, 20_000),
            sale("2025-02-03", 10_000, 8_500),
            sale("2025-02-20", 7_647, 6_500),
            sale("2025-03-31", 21_176, 18_000));
    assertThat(rows(lines, "2025-05-31"))
        .containsExactly(
            "2025-01 sales 20000 refunds 0 in 0 paid 0 out 20000 carried null",
            "2025-02 sales 15000 refunds 0 in 20000 paid 0 out 35000 carried null",
            // 350 + 180 = 530 ≥ 500: paid on Thursday 2025-04-17.
            "2025-03 sales 18000 refunds 0 in 35000 paid 53000 out 0 paid 2025-04-17",
            "2025-04 sales 0 refunds 0 in 0 paid 0 out 0 carried null",
            "2025-05 sales 0 refunds 0 in 0 paid 0 out 0 carried null");
  }

  @Test
  @DisplayName("SR-M1: exactly $500.00 is payable; $499.99 carries over")
  void threshold() {
    assertThat(rows(List.of(sale("2025-01-05", 60_000, 50_000)), "2025-01-31"))
        .containsExactly("2025-01 sales 50000 refunds 0 in 0 paid 50000 out 0 due 2025-02-17");
    assertThat(rows(List.of(sale("2025-01-05", 60_000, 49_999)), "2025-01-31"))
        .containsExactly("2025-01 sales 49999 refunds 0 in 0 paid 0 out 49999 carried null");
  }

  @Test
  @DisplayName("SR-M1: MPVCR refunds lower the balance; a negative balance carries over too")
  void refundsAndNegativeBalance() {
    List<TransactionLine> lines =
        List.of(
            sale("2025-01-05", 70_588, 60_000),
            refund("2025-02-10", -11_765, -10_000),
            sale("2025-03-05", 64_706, 55_000),
            sale("2025-04-05", 11_765, 10_000));
    assertThat(rows(lines, "2025-04-30"))
        .containsExactly(
            "2025-01 sales 60000 refunds 0 in 0 paid 60000 out 0 paid 2025-02-17",
            "2025-02 sales 0 refunds -10000 in 0 paid 0 out -10000 carried null",
            "2025-03 sales 55000 refunds 0 in -10000 paid 0 out 45000 carried null",
            "2025-04 sales 10000 refunds 0 in 45000 paid 55000 out 0 due 2025-05-19");
    PayoutMonth february = PayoutLedger.of(lines, LocalDate.parse("2025-04-30")).get(1);
    assertThat(february.refundLines()).isEqualTo(1);
    assertThat(february.netCents()).isEqualTo(-10_000);
  }

  @Test
  @DisplayName(
      "MPV and MPVCR: a month's sales and refunds are summed apart, by sale month; $0 lines count as sales lines")
  void salesAndRefundsSummaries() {
    List<TransactionLine> lines =
        List.of(
            sale("2025-06-01", 100_000, 85_000),
            sale("2025-06-30", 0, 0),
            refund("2025-06-15", -20_000, -17_000),
            refund("2025-07-01", -10_000, -8_500));
    PayoutMonth june = PayoutLedger.of(lines, LocalDate.parse("2025-07-31")).get(0);
    assertThat(june.salesCents()).isEqualTo(85_000);
    assertThat(june.refundsCents()).isEqualTo(-17_000);
    assertThat(june.salesLines()).isEqualTo(2);
    assertThat(june.refundLines()).isEqualTo(1);
    assertThat(june.paidCents()).isEqualTo(68_000);
  }

  @Test
  @DisplayName(
      "months without sales appear between the first month and the as-of month; later sales are left out")
  void emptyMonthsAndAsOf() {
    List<TransactionLine> lines =
        List.of(sale("2025-01-05", 10_000, 8_500), sale("2025-04-05", 10_000, 8_500));
    assertThat(PayoutLedger.of(lines, LocalDate.parse("2025-03-15")))
        .extracting(m -> m.month().toString() + " " + m.salesCents())
        .containsExactly("2025-01 8500", "2025-02 0", "2025-03 0");
    assertThat(PayoutLedger.of(lines, LocalDate.parse("2024-12-31"))).isEmpty();
    assertThat(PayoutLedger.of(List.of(), LocalDate.parse("2025-03-15"))).isEmpty();
  }

  @Test
  @DisplayName(
      "SR-M3: a payable month is paid between the 17th and the 20th of the next month, on the first weekday")
  void paymentWindow() {
    // 2025-05-17 is a Saturday → Monday the 19th; 2025-08-17 a Sunday → Monday the 18th.
    assertThat(PaymentCalendar.expectedDate(YearMonth.of(2025, 4)))
        .isEqualTo(LocalDate.of(2025, 5, 19));
    assertThat(PaymentCalendar.expectedDate(YearMonth.of(2025, 7)))
        .isEqualTo(LocalDate.of(2025, 8, 18));
    assertThat(PaymentCalendar.expectedDate(YearMonth.of(2025, 5)))
        .isEqualTo(LocalDate.of(2025, 6, 17));
    assertThat(PaymentCalendar.windowStart(YearMonth.of(2025, 12)))
        .isEqualTo(LocalDate.of(2026, 1, 17));
    assertThat(PaymentCalendar.windowEnd(YearMonth.of(2025, 12)))
        .isEqualTo(LocalDate.of(2026, 1, 20));
    for (YearMonth m = YearMonth.of(2020, 1);
        m.isBefore(YearMonth.of(2030, 1));
        m = m.plusMonths(1)) {
      LocalDate d = PaymentCalendar.expectedDate(m);
      assertThat(d).isBetween(PaymentCalendar.windowStart(m), PaymentCalendar.windowEnd(m));
    }
  }

  @Test
  @DisplayName(
      "SR-M2: paid within 30 days after the end of the payable month — the 17th–20th wins over '30–60 days after sale'")
  void withinThirtyDaysOfMonthEnd() {
    for (YearMonth m = YearMonth.of(2020, 1);
        m.isBefore(YearMonth.of(2030, 1));
        m = m.plusMonths(1)) {
      long afterMonthEnd =
          ChronoUnit.DAYS.between(m.atEndOfMonth(), PaymentCalendar.expectedDate(m));
      assertThat(afterMonthEnd).as(m.toString()).isBetween(17L, 30L);
    }
    // A sale on 2025-01-31 is paid on 2025-02-17: 17 days after the sale, not the 30 the seed's
    // "30 to 60 days after sale" would need; a sale on 2025-01-01 after 47 days.
    List<PayoutMonth> ledger =
        PayoutLedger.of(List.of(sale("2025-01-31", 70_000, 59_500)), LocalDate.parse("2025-02-28"));
    assertThat(
            ChronoUnit.DAYS.between(LocalDate.of(2025, 1, 31), ledger.get(0).expectedPaymentDate()))
        .isEqualTo(17);
  }

  @Test
  @DisplayName(
      "status on the as-of day: open inside the month, due before its payment day, paid from it")
  void status() {
    List<TransactionLine> lines = List.of(sale("2025-03-10", 70_000, 59_500));
    assertThat(PayoutLedger.of(lines, LocalDate.parse("2025-03-30")).get(0).status())
        .isEqualTo(PayoutMonth.Status.OPEN);
    assertThat(PayoutLedger.of(lines, LocalDate.parse("2025-03-31")).get(0).status())
        .isEqualTo(PayoutMonth.Status.DUE);
    assertThat(PayoutLedger.of(lines, LocalDate.parse("2025-04-16")).get(0).status())
        .isEqualTo(PayoutMonth.Status.DUE);
    assertThat(PayoutLedger.of(lines, LocalDate.parse("2025-04-17")).get(0).status())
        .isEqualTo(PayoutMonth.Status.PAID);
  }

  @Test
  @DisplayName(
      "forecast on 2025-04-10: March's $595 due on 04-17, April's $600 so far expected on 05-19")
  void forecast() {
    List<TransactionLine> lines =
        List.of(
            sale("2025-03-10", 70_000, 59_500),
            sale("2025-04-02", 70_588, 60_000),
            sale("2025-04-20", 10_000, 8_500));
    List<PayoutForecast.Payment> coming =
        PayoutForecast.of(PayoutLedger.of(lines, LocalDate.parse("2025-04-10")));
    assertThat(coming)
        .extracting(
            p ->
                p.month()
                    + " "
                    + p.amountCents()
                    + " "
                    + p.status()
                    + " "
                    + p.expectedPaymentDate())
        .containsExactly("2025-03 59500 due 2025-04-17", "2025-04 60000 expected 2025-05-19");
  }

  @Test
  @DisplayName(
      "forecast below the threshold: the balance waits, with the $ still missing to reach $500")
  void forecastBelowThreshold() {
    List<TransactionLine> lines =
        List.of(sale("2025-01-10", 23_529, 20_000), sale("2025-02-03", 10_000, 8_500));
    List<PayoutForecast.Payment> coming =
        PayoutForecast.of(PayoutLedger.of(lines, LocalDate.parse("2025-02-28")));
    assertThat(coming).hasSize(1);
    PayoutForecast.Payment p = coming.get(0);
    assertThat(p.status()).isEqualTo("below threshold");
    assertThat(p.amountCents()).isEqualTo(28_500);
    assertThat(p.shortfallCents()).isEqualTo(21_500);
    assertThat(p.expectedPaymentDate()).isNull();
  }
}
