package dev.marketlens.metrics.customers;

import java.time.YearMonth;

/**
 * One customer's MRR at the month-ends around a month, in cents, and the movement it makes.
 *
 * @param customer the customer's key, as the metrics report it ({@code domain:acme.com} …)
 * @param openingMrr MRR at the previous month's end
 * @param closingMrr MRR at the month's end
 */
public record CustomerMonth(
    String customer, YearMonth month, long openingMrr, long closingMrr, MovementKind movement) {

  /** The movement's amount as the movements report sums it (non-negative). */
  public long amount() {
    return movement.amount(openingMrr, closingMrr);
  }

  /** Closing minus opening MRR. */
  public long change() {
    return closingMrr - openingMrr;
  }
}
