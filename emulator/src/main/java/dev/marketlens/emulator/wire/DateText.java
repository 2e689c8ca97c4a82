package dev.marketlens.emulator.wire;

import java.time.LocalDate;

/**
 * {@code YYYY-MM-DD} text of a date, made once per day and shared: exports write the same few
 * thousand days millions of times.
 */
final class DateText {

  private static final int FIRST_YEAR = 1990;
  private static final int YEARS = 110;

  /** Indexed by (year, month, day) as if every month had 31 days: cheaper than an epoch day. */
  private static final String[] TEXT = new String[YEARS * 12 * 31];

  private DateText() {}

  static String of(LocalDate day) {
    int year = day.getYear() - FIRST_YEAR;
    if (year < 0 || year >= YEARS) {
      return day.toString();
    }
    int i = (year * 12 + day.getMonthValue() - 1) * 31 + day.getDayOfMonth() - 1;
    String text = TEXT[i];
    if (text == null) {
      // A race only makes the same string twice.
      text = day.toString();
      TEXT[i] = text;
    }
    return text;
  }
}
