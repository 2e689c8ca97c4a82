package dev.marketlens.payouts.monthly;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * When a payable month is paid (seed 004): "within 30 days after the end of the month" in which the
 * $500 accrued (SR-M2), with the remittance report and payment "between the 17th-20th of the
 * payment month" (SR-M3). The payment month is the month after the payable month; the expected day
 * is the window's first business day (the 17th, or the Monday after when it falls on a weekend —
 * always inside the window).
 *
 * <p>SR-M2 also says this pays "within a minimum of 30 days from the time of sale, and no more than
 * 60": a sale on the 31st paid on the 17th of the next month is paid after 17 days, so the two
 * statements cannot both hold. The 17th–20th is the concrete, checkable one and is kept; the 30–60
 * days are reported only as what they are for each month (days from the month's first and last day
 * to the expected payment).
 */
public final class PaymentCalendar {

  /** SR-M3: the window's first and last day of the payment month. */
  public static final int WINDOW_FIRST_DAY = 17;

  public static final int WINDOW_LAST_DAY = 20;

  private PaymentCalendar() {}

  /** The month in which a payable month is paid: the next one. */
  public static YearMonth paymentMonth(YearMonth payable) {
    return payable.plusMonths(1);
  }

  public static LocalDate windowStart(YearMonth payable) {
    return paymentMonth(payable).atDay(WINDOW_FIRST_DAY);
  }

  public static LocalDate windowEnd(YearMonth payable) {
    return paymentMonth(payable).atDay(WINDOW_LAST_DAY);
  }

  /** The expected payment day: the window's first weekday. */
  public static LocalDate expectedDate(YearMonth payable) {
    LocalDate d = windowStart(payable);
    while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
      d = d.plusDays(1);
    }
    return d;
  }
}
