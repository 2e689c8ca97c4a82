package dev.marketlens.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rates as the reports show them: decimal fractions rounded half up to four places (§0.1). */
public final class Ratio {

  private Ratio() {}

  /** {@code numerator / denominator} to four decimals, or null when the denominator is zero. */
  public static BigDecimal of(long numerator, long denominator) {
    if (denominator == 0) {
      return null;
    }
    return BigDecimal.valueOf(numerator)
        .divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
  }
}
