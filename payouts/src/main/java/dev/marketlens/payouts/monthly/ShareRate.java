package dev.marketlens.payouts.monthly;

/**
 * The share a line's sale earns and why: the basis points, the rule (seed id) and period that gave
 * them, and the host product with where it came from.
 *
 * @param productSource {@code configured} (the app's line in the configuration), {@code
 *     parentProduct} (the line's parent product) or {@code assumed} (neither says: Jira, JSM or
 *     Confluence, the products with hosting-specific rates, are assumed)
 */
public record ShareRate(
    int basisPoints, String rule, SharePeriod period, HostProduct product, String productSource) {

  /**
   * The rule as people read it: {@code SR-V1 Cloud (Connect), Jira (parentProduct), 2022-04-01 –
   * 2026-03-31}.
   */
  public String explanation() {
    return rule + ", " + product.label() + " (" + productSource + "), " + period.label();
  }
}
