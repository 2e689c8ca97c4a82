package dev.marketlens.sync.wire;

import dev.marketlens.model.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** Model values as the export formats spell them, shared by the JSON and CSV writers. */
final class WireText {

  private WireText() {}

  /**
   * An amount as the export writes it: at least one fractional digit and at most two ({@code 40.0},
   * {@code 496.19}, {@code 4.05}, {@code -34.0}, {@code -0.05}, {@code 0.0}); exact, no floating
   * point.
   */
  static String amount(Money money) {
    long cents = money.cents();
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

  static String date(LocalDate date) {
    return date == null ? null : date.toString();
  }

  /** {@code lastUpdated}: the API sends the day, in UTC. */
  static String day(Instant instant) {
    return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
  }

  static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
