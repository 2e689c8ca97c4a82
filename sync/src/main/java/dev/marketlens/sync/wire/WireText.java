package dev.marketlens.sync.wire;

import dev.marketlens.model.Money;
import java.time.Instant;
import java.time.LocalDate;

/** Model values as the export formats spell them, shared by the JSON and CSV writers. */
final class WireText {

  /** Days from 1990 to 2100 as text, made once each: exports repeat the same few thousand days. */
  private static final long FIRST_DAY = LocalDate.of(1990, 1, 1).toEpochDay();

  private static final String[] DATES =
      new String[(int) (LocalDate.of(2100, 1, 1).toEpochDay() - FIRST_DAY)];

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
    if (date == null) {
      return null;
    }
    long index = date.toEpochDay() - FIRST_DAY;
    if (index < 0 || index >= DATES.length) {
      return date.toString();
    }
    String text = DATES[(int) index];
    if (text == null) {
      text = date.toString(); // a race only makes the same text twice
      DATES[(int) index] = text;
    }
    return text;
  }

  /** {@code lastUpdated}: the API sends the day, in UTC. */
  static String day(Instant instant) {
    return instant == null
        ? null
        : date(LocalDate.ofEpochDay(Math.floorDiv(instant.getEpochSecond(), 86_400)));
  }

  static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
