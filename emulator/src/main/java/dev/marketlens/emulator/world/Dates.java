package dev.marketlens.emulator.world;

import java.time.LocalDate;

/**
 * Shares one {@link LocalDate} instance per day across all records of a world: a million records
 * name only a few thousand distinct days.
 */
final class Dates {

  private static final long FIRST = LocalDate.of(1990, 1, 1).toEpochDay();
  private static final LocalDate[] CACHE = new LocalDate[366 * 120];

  private Dates() {}

  /** The shared instance equal to {@code day} (itself when outside the cached years or null). */
  static LocalDate shared(LocalDate day) {
    if (day == null) {
      return null;
    }
    long i = day.toEpochDay() - FIRST;
    if (i < 0 || i >= CACHE.length) {
      return day;
    }
    LocalDate d = CACHE[(int) i];
    if (d == null) {
      CACHE[(int) i] = day;
      return day;
    }
    return d;
  }
}
