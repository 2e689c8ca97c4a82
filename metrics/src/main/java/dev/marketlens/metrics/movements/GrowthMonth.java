package dev.marketlens.metrics.movements;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Growth figures of one month (metrics spec §5.8, §5.9, §5.12): net new MRR, MRR growth (close /
 * open − 1), expansion rate (expansion / open), quick ratio ((new + reactivation + expansion) /
 * (contraction + churn)) and its variant without reactivation, the mean logo churn rate over the
 * twelve months ending here (months with paying customers at their start), the average lifetime in
 * months (1 / mean churn) and simple LTV (ARPA / mean churn, cents). Null where undefined.
 */
public record GrowthMonth(
    YearMonth month,
    String segment,
    long netNewMrr,
    BigDecimal mrrGrowth,
    BigDecimal expansionRate,
    BigDecimal quickRatio,
    BigDecimal quickRatioWithoutReactivation,
    BigDecimal meanLogoChurn12,
    BigDecimal averageLifetimeMonths,
    Long ltv) {

  private static final int SCALE = 4;

  /**
   * The growth rows of one segment's months, oldest first, with the twelve months before the first
   * row given for the churn mean.
   *
   * @param months the segment's bridge, oldest first; rows are produced from {@code fromIndex}
   */
  public static List<GrowthMonth> of(List<BridgeMonth> months, int fromIndex) {
    List<GrowthMonth> out = new ArrayList<>();
    for (int i = fromIndex; i < months.size(); i++) {
      BridgeMonth m = months.get(i);
      long gained = m.newMrr() + m.reactivationMrr() + m.expansionMrr();
      long lost = m.contractionMrr() + m.churnedMrr();
      BigDecimal churnSum = BigDecimal.ZERO;
      int churnMonths = 0;
      for (int j = Math.max(0, i - 11); j <= i; j++) {
        BridgeMonth p = months.get(j);
        if (p.customersOpening() > 0) {
          churnSum =
              churnSum.add(
                  BigDecimal.valueOf(p.churnedCustomers())
                      .divide(BigDecimal.valueOf(p.customersOpening()), 12, RoundingMode.HALF_UP));
          churnMonths++;
        }
      }
      BigDecimal meanChurn =
          churnMonths == 0
              ? null
              : churnSum.divide(BigDecimal.valueOf(churnMonths), 12, RoundingMode.HALF_UP);
      boolean churns = meanChurn != null && meanChurn.signum() > 0;
      Long arpa = MrrMonth.arpa(m.closingMrr(), m.customers());
      out.add(
          new GrowthMonth(
              m.month(),
              m.segment(),
              gained - lost,
              m.openingMrr() == 0 ? null : ratio(m.closingMrr() - m.openingMrr(), m.openingMrr()),
              m.openingMrr() == 0 ? null : ratio(m.expansionMrr(), m.openingMrr()),
              lost == 0 ? null : ratio(gained, lost),
              lost == 0 ? null : ratio(gained - m.reactivationMrr(), lost),
              meanChurn == null ? null : meanChurn.setScale(SCALE, RoundingMode.HALF_UP),
              churns ? BigDecimal.ONE.divide(meanChurn, 1, RoundingMode.HALF_UP) : null,
              churns && arpa != null
                  ? BigDecimal.valueOf(arpa)
                      .divide(meanChurn, 0, RoundingMode.HALF_UP)
                      .longValueExact()
                  : null));
    }
    return out;
  }

  private static BigDecimal ratio(long numerator, long denominator) {
    return BigDecimal.valueOf(numerator)
        .divide(BigDecimal.valueOf(denominator), SCALE, RoundingMode.HALF_UP);
  }
}
