package dev.marketlens.model.published;

import java.time.YearMonth;

/**
 * Figures the reporting API publishes about a vendor (partner metrics, cloud metrics): what the
 * client reads and what reconciliation compares our metrics with.
 */
public final class Published {

  private Published() {}

  /**
   * A month of partner metrics (recurring revenue) in cents, computed by the API with {@code
   * graceDays} of grace; every amount a non-negative magnitude.
   */
  public record Mrr(
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
   * One monthly count of the cloud renewal, churn or conversion metric.
   *
   * @param dataset {@code Monthly} or {@code Annual}, null for conversion
   * @param series e.g. {@code Renewal opportunities}, {@code Renewals}, {@code Evaluations}
   */
  public record Count(YearMonth month, String dataset, String series, long count) {}
}
