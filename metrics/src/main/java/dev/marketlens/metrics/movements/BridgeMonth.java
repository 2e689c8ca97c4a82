package dev.marketlens.metrics.movements;

import java.time.YearMonth;

/**
 * Everything the month-indexed metrics need about one month (and segment): the MRR bridge in cents
 * (movement amounts are non-negative magnitudes), the logo counts, and the sums over the units
 * paying twelve months earlier for trailing-12 retention.
 *
 * @param segment the segment's value, or null for the whole view
 * @param customers units paying at the month's end
 * @param customersOpening units paying at the previous month's end
 * @param base12 Σ MRR twelve month-ends earlier of the units paying then
 * @param current12 Σ MRR now of those units
 * @param retained12 Σ min(MRR now, MRR twelve month-ends earlier) of those units
 */
public record BridgeMonth(
    YearMonth month,
    String segment,
    long openingMrr,
    long newMrr,
    long expansionMrr,
    long contractionMrr,
    long churnedMrr,
    long reactivationMrr,
    long segmentInMrr,
    long segmentOutMrr,
    long closingMrr,
    int customers,
    int customersOpening,
    int newCustomers,
    int reactivatedCustomers,
    int churnedCustomers,
    int expandedCustomers,
    int contractedCustomers,
    long base12,
    long current12,
    long retained12) {

  /** §4.1/§4.4: opening + new + reactivation + expansion − contraction − churn + in − out. */
  public boolean balances() {
    return openingMrr
            + newMrr
            + reactivationMrr
            + expansionMrr
            - contractionMrr
            - churnedMrr
            + segmentInMrr
            - segmentOutMrr
        == closingMrr;
  }
}
