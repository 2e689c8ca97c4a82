package dev.marketlens.metrics.retention;

import dev.marketlens.metrics.Ratio;
import dev.marketlens.metrics.movements.BridgeMonth;
import java.math.BigDecimal;
import java.time.YearMonth;

/**
 * Revenue retention for one month. Monthly (§5.6a): NRR = (opening + expansion − contraction −
 * churn) / opening, GRR = (opening − contraction − churn) / opening. Trailing twelve months (§5.6b,
 * point to point): over the units paying twelve month-ends earlier, NRR12 = Σ MRR now / Σ MRR then
 * and GRR12 = Σ min(now, then) / Σ then. Null where nothing was paying.
 */
public record RetentionMonth(
    YearMonth month,
    String segment,
    BigDecimal nrr,
    BigDecimal grr,
    BigDecimal nrr12,
    BigDecimal grr12) {

  public static RetentionMonth of(BridgeMonth m) {
    long kept = m.openingMrr() - m.contractionMrr() - m.churnedMrr() - m.segmentOutMrr();
    return new RetentionMonth(
        m.month(),
        m.segment(),
        Ratio.of(kept + m.expansionMrr(), m.openingMrr()),
        Ratio.of(kept, m.openingMrr()),
        Ratio.of(m.current12(), m.base12()),
        Ratio.of(m.retained12(), m.base12()));
  }
}
