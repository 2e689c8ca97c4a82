package dev.marketlens.emulator.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("seed 004 (SR-M1…M3): payouts — the $500 threshold, carry-over and payment dates")
class PayoutsTest {

  private static SortedMap<YearMonth, long[]> months(Object... monthSalesRefunds) {
    SortedMap<YearMonth, long[]> map = new TreeMap<>();
    for (int i = 0; i < monthSalesRefunds.length; i += 3) {
      map.put(
          YearMonth.parse((String) monthSalesRefunds[i]),
          new long[] {
            ((Number) monthSalesRefunds[i + 1]).longValue(),
            ((Number) monthSalesRefunds[i + 2]).longValue()
          });
    }
    return map;
  }

  @DisplayName(
      "seed 004 (SR-M1): below $500 profit nothing is paid and the balance carries over — 200, 250, 100 USD pay 550 in month 3")
  @Test
  void thresholdWithCarryOver() {
    List<Payouts.Month> ledger =
        Payouts.ledger(months("2024-01", 20_000, 0, "2024-02", 25_000, 0, "2024-03", 10_000, 0));

    assertThat(ledger).hasSize(3);
    // January: 200 < 500 → nothing paid, 200 carried
    assertThat(ledger.get(0).paidCents()).isZero();
    assertThat(ledger.get(0).paymentDate()).isNull();
    assertThat(ledger.get(0).carriedOutCents()).isEqualTo(20_000);
    // February: 200 + 250 = 450 < 500 → nothing paid, 450 carried
    assertThat(ledger.get(1).carriedInCents()).isEqualTo(20_000);
    assertThat(ledger.get(1).paidCents()).isZero();
    assertThat(ledger.get(1).carriedOutCents()).isEqualTo(45_000);
    // March: 450 + 100 = 550 ≥ 500 → 550 paid on 2024-04-17 (a Wednesday), nothing carried
    assertThat(ledger.get(2).carriedInCents()).isEqualTo(45_000);
    assertThat(ledger.get(2).paidCents()).isEqualTo(55_000);
    assertThat(ledger.get(2).paymentDate()).isEqualTo(LocalDate.of(2024, 4, 17));
    assertThat(ledger.get(2).carriedOutCents()).isZero();
  }

  @DisplayName("seed 004 (SR-M1): exactly $500.00 of profit is paid")
  @Test
  void exactly500Pays() {
    List<Payouts.Month> ledger = Payouts.ledger(months("2024-03", 50_000, 0));

    assertThat(ledger.get(0).paidCents()).isEqualTo(50_000);
    assertThat(ledger.get(0).carriedOutCents()).isZero();
    // $499.99 is not
    assertThat(Payouts.ledger(months("2024-03", 49_999, 0)).get(0).paidCents()).isZero();
  }

  @DisplayName(
      "seed 004 (SR-M1, SR-M5): a month's refunds (MPVCR) reduce the balance that carries over")
  @Test
  void refundsReduceCarriedBalance() {
    List<Payouts.Month> ledger =
        Payouts.ledger(
            months("2024-01", 40_000, 0, "2024-02", 5_000, -10_000, "2024-03", 15_000, 0));

    // January: 400 carried
    assertThat(ledger.get(0).carriedOutCents()).isEqualTo(40_000);
    // February: 400 + 50 − 100 = 350 → carried, not paid
    assertThat(ledger.get(1).netCents()).isEqualTo(-5_000);
    assertThat(ledger.get(1).paidCents()).isZero();
    assertThat(ledger.get(1).carriedOutCents()).isEqualTo(35_000);
    // March: 350 + 150 = 500 → paid
    assertThat(ledger.get(2).paidCents()).isEqualTo(50_000);
  }

  @DisplayName(
      "seed 004 (SR-M1): a month without sales still carries the balance (400 in Jan, none in Feb, 100 in Mar → 500 paid in Mar)")
  @Test
  void quietMonthsCarry() {
    List<Payouts.Month> ledger = Payouts.ledger(months("2024-01", 40_000, 0, "2024-03", 10_000, 0));

    assertThat(ledger)
        .extracting(Payouts.Month::month)
        .containsExactly(YearMonth.of(2024, 1), YearMonth.of(2024, 2), YearMonth.of(2024, 3));
    assertThat(ledger.get(1).carriedInCents()).isEqualTo(40_000);
    assertThat(ledger.get(1).carriedOutCents()).isEqualTo(40_000);
    assertThat(ledger.get(2).paidCents()).isEqualTo(50_000);
  }

  @DisplayName(
      "seed 004 (SR-M3): payment is on the 17th of the next month, or the following Monday when the 17th is a weekend")
  @Test
  void paymentDateMovesOffWeekend() {
    // 2024-04-17 is a Wednesday
    assertThat(Payouts.paymentDate(YearMonth.of(2024, 3))).isEqualTo(LocalDate.of(2024, 4, 17));
    // 2024-08-17 is a Saturday → Monday 2024-08-19
    assertThat(Payouts.paymentDate(YearMonth.of(2024, 7))).isEqualTo(LocalDate.of(2024, 8, 19));
    // 2024-03-17 is a Sunday → Monday 2024-03-18
    assertThat(Payouts.paymentDate(YearMonth.of(2024, 2))).isEqualTo(LocalDate.of(2024, 3, 18));
    // 2025-05-17 is a Saturday → Monday 2025-05-19
    assertThat(Payouts.paymentDate(YearMonth.of(2025, 4))).isEqualTo(LocalDate.of(2025, 5, 19));
  }

  @DisplayName(
      "seed 004 (SR-M2, SR-M3): every payment falls on a weekday between the 17th and 20th of the next month, within 30 days after the payable month ends")
  @Test
  void paymentDateWindow() {
    for (YearMonth m = YearMonth.of(2015, 1);
        m.isBefore(YearMonth.of(2036, 1));
        m = m.plusMonths(1)) {
      LocalDate paid = Payouts.paymentDate(m);
      assertThat(YearMonth.from(paid)).as("%s", m).isEqualTo(m.plusMonths(1));
      assertThat(paid.getDayOfMonth()).as("%s", m).isBetween(17, 20);
      assertThat(paid.getDayOfWeek()).as("%s", m).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
      if (paid.getDayOfMonth() > 17) {
        assertThat(paid.getDayOfWeek()).as("%s", m).isEqualTo(DayOfWeek.MONDAY);
      }
      assertThat(ChronoUnit.DAYS.between(m.atEndOfMonth(), paid)).as("%s", m).isBetween(1L, 30L);
    }
  }

  @DisplayName("seed 004 (SR-M1): no activity, no payout months")
  @Test
  void emptyLedger() {
    assertThat(Payouts.ledger(new TreeMap<>())).isEmpty();
    assertThat(Payouts.THRESHOLD_CENTS).isEqualTo(50_000);
  }
}
