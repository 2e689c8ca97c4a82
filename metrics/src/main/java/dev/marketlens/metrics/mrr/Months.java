package dev.marketlens.metrics.mrr;

import java.time.LocalDate;
import java.time.YearMonth;

/** Months as integers (months since 0000-01) and days as epoch days, for the columnar engine. */
public final class Months {

  private Months() {}

  public static int of(YearMonth month) {
    return month.getYear() * 12 + month.getMonthValue() - 1;
  }

  public static int ofEpochDay(long epochDay) {
    LocalDate d = LocalDate.ofEpochDay(epochDay);
    return d.getYear() * 12 + d.getMonthValue() - 1;
  }

  public static YearMonth toYearMonth(int month) {
    return YearMonth.of(Math.floorDiv(month, 12), Math.floorMod(month, 12) + 1);
  }

  /** The epoch day of the last day of a month. */
  public static int lastDay(int month) {
    return (int) toYearMonth(month).atEndOfMonth().toEpochDay();
  }
}
