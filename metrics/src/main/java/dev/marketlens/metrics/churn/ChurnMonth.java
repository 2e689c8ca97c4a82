package dev.marketlens.metrics.churn;

import dev.marketlens.metrics.Ratio;
import dev.marketlens.metrics.movements.BridgeMonth;
import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * One month of churn: logo churn = churned customers / customers paying at the previous month's end
 * (§5.4); gross revenue churn = (churn + contraction) / opening MRR, net revenue churn = (churn +
 * contraction − expansion − reactivation) / opening MRR (§5.5, may be negative). Null where the
 * denominator is zero.
 */
public record ChurnMonth(
    YearMonth month,
    String segment,
    int customersOpening,
    int customersChurned,
    BigDecimal logoChurnRate,
    BigDecimal grossRevenueChurnRate,
    BigDecimal netRevenueChurnRate) {

  public static ChurnMonth of(BridgeMonth m) {
    long lost = m.churnedMrr() + m.contractionMrr();
    return new ChurnMonth(
        m.month(),
        m.segment(),
        m.customersOpening(),
        m.churnedCustomers(),
        Ratio.of(m.churnedCustomers(), m.customersOpening()),
        Ratio.of(lost, m.openingMrr()),
        Ratio.of(lost - m.expansionMrr() - m.reactivationMrr(), m.openingMrr()));
  }
}
