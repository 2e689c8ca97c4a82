package dev.marketlens.emulator.commerce;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;

/**
 * Seed 004's payout rules (SR-M1…M3): Atlassian owes a remittance once the partner's accumulated
 * profit reaches $500; below that it carries over to the next month. A payable month is paid in the
 * following month, with the remittance report and payment expected between the 17th and the 20th:
 * the 17th, or the next weekday when the 17th falls on a weekend.
 */
public final class Payouts {

  /** Seed 004: remittance is owed from $500 of profit. */
  public static final long THRESHOLD_CENTS = 50_000;

  /**
   * One month of a vendor's payout ledger.
   *
   * @param salesCents MPV: the summarised bill of the month's sales (vendor amounts, positive)
   * @param refundsCents MPVCR: the summarised bill credit of the month's refunds (zero or negative)
   * @param carriedInCents profit carried over from earlier months
   * @param paidCents what this month's remittance pays (zero when under the threshold)
   * @param paymentDate when it is paid, or null when nothing is paid
   * @param carriedOutCents what is carried to the next month
   */
  public record Month(
      YearMonth month,
      long salesCents,
      long refundsCents,
      long carriedInCents,
      long paidCents,
      LocalDate paymentDate,
      long carriedOutCents) {

    public long netCents() {
      return salesCents + refundsCents;
    }
  }

  private Payouts() {}

  /**
   * Runs the payout ledger over consecutive months.
   *
   * @param salesAndRefunds per month: {@code [sales cents, refunds cents]}; months without activity
   *     may be absent
   */
  public static List<Month> ledger(SortedMap<YearMonth, long[]> salesAndRefunds) {
    List<Month> months = new ArrayList<>();
    if (salesAndRefunds.isEmpty()) {
      return months;
    }
    long carried = 0;
    YearMonth last = salesAndRefunds.lastKey();
    for (YearMonth m = salesAndRefunds.firstKey(); !m.isAfter(last); m = m.plusMonths(1)) {
      long[] sr = salesAndRefunds.getOrDefault(m, new long[2]);
      long balance = carried + sr[0] + sr[1];
      if (balance >= THRESHOLD_CENTS) {
        months.add(new Month(m, sr[0], sr[1], carried, balance, paymentDate(m), 0));
        carried = 0;
      } else {
        months.add(new Month(m, sr[0], sr[1], carried, 0, null, balance));
        carried = balance;
      }
    }
    return months;
  }

  /**
   * The expected payment date for a payable month: the 17th of the next month, moved off a weekend.
   */
  public static LocalDate paymentDate(YearMonth payableMonth) {
    LocalDate d = payableMonth.plusMonths(1).atDay(17);
    while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
      d = d.plusDays(1);
    }
    return d;
  }
}
