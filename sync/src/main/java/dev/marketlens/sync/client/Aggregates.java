package dev.marketlens.sync.client;

import java.time.YearMonth;

/** The figures the reporting API publishes about a vendor, as the client reads them. */
public final class Aggregates {

  private Aggregates() {}

  /**
   * One month of partner metrics ({@code RECURRING_REVENUE}), in cents; {@code expired} as a
   * non-negative magnitude (the API writes it negative).
   */
  public record MrrMonth(
      YearMonth month,
      int graceDays,
      long opening,
      long newMrr,
      long expansion,
      long contraction,
      long reactivated,
      long expired,
      long closing) {}

  /**
   * One count of a cloud metric: the month, the dataset ({@code Monthly}, {@code Annual}, or null
   * for conversion), the series ({@code Customers}, {@code Cancellations}, {@code Renewal
   * opportunities}, {@code Renewals}, {@code Evaluations}, {@code Conversions}) and the count.
   */
  public record Count(YearMonth month, String dataset, String series, long count) {}
}
