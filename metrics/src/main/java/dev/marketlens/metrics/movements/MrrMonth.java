package dev.marketlens.metrics.movements;

import java.math.RoundingMode;
import java.time.YearMonth;

/**
 * Month-end MRR, ARR (12 × MRR, spec §5.1), paying customers (§5.2) and ARPA (§5.3: MRR per paying
 * customer, whole cents half up; null without customers).
 */
public record MrrMonth(
    YearMonth month, String segment, long mrr, long arr, int customers, Long arpa) {

  public static MrrMonth of(BridgeMonth m) {
    return new MrrMonth(
        m.month(),
        m.segment(),
        m.closingMrr(),
        12 * m.closingMrr(),
        m.customers(),
        arpa(m.closingMrr(), m.customers()));
  }

  static Long arpa(long mrr, int customers) {
    if (customers == 0) {
      return null;
    }
    return java.math.BigDecimal.valueOf(mrr)
        .divide(java.math.BigDecimal.valueOf(customers), 0, RoundingMode.HALF_UP)
        .longValueExact();
  }
}
