package dev.marketlens.emulator.wire;

/** Formats amounts held as a {@code long} of US cents in the decimal style of the live API. */
public final class Cents {

  private Cents() {}

  /**
   * The amount as the live API writes it: at least one fractional digit and at most two, no binary
   * floating point on the way ({@code 4000 → "40.0"}, {@code 49619 → "496.19"}, {@code 4050 →
   * "40.5"}, {@code 405 → "4.05"}, {@code -3400 → "-34.0"}, {@code 0 → "0.0"}, {@code -5 →
   * "-0.05"}).
   */
  public static String toDecimalString(long cents) {
    // Division and remainder truncate toward zero, so this is exact for every long, Long.MIN_VALUE
    // included.
    long whole = cents / 100;
    int fraction = (int) Math.abs(cents % 100);
    StringBuilder text = new StringBuilder(24);
    if (cents < 0 && whole == 0) {
      text.append('-');
    }
    text.append(whole).append('.');
    if (fraction % 10 == 0) {
      text.append(fraction / 10);
    } else {
      if (fraction < 10) {
        text.append('0');
      }
      text.append(fraction);
    }
    return text.toString();
  }
}
