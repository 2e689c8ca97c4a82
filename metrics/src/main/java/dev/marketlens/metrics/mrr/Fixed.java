package dev.marketlens.metrics.mrr;

/**
 * The engine's exact arithmetic. Monthly rates are integers in millionths of a cent ({@link #UNITS}
 * per cent); every division rounds half away from zero; sums are exact. A unit's month-end MRR is
 * rounded half up to whole cents, and at most half a cent (or a negative value) is zero (spec §0.1:
 * ε = 0.005 USD). Reported MRR is therefore a sum of whole cents and opening + movements = closing
 * holds exactly.
 */
public final class Fixed {

  /** Fixed-point units per cent. */
  public static final long UNITS = 1_000_000L;

  private Fixed() {}

  /** {@code numerator / denominator} (denominator positive), rounded half away from zero. */
  public static long divide(long numerator, long denominator) {
    long magnitude = Math.abs(numerator);
    long q = magnitude / denominator;
    if (2 * (magnitude % denominator) >= denominator) {
      q++;
    }
    return numerator < 0 ? -q : q;
  }

  /** Whole cents of a rate in units, half up; at most half a cent, or negative, is zero. */
  public static long cents(long units) {
    return units <= UNITS / 2 ? 0 : (units + UNITS / 2) / UNITS;
  }

  /** Whether a rate in units is above ε, half a cent. */
  public static boolean positive(long units) {
    return units > UNITS / 2;
  }
}
