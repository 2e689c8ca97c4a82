package dev.marketlens.metrics.mrr;

import java.time.LocalDate;
import java.time.YearMonth;

/** Months as integers (months since 0000-01) and days as epoch days, for the columnar engine. */
public final class Months {

  private Months() {}

  public static int of(YearMonth month) {
    return month.getYear() * 12 + month.getMonthValue() - 1;
  }

  /**
   * The month of an epoch day, by integer arithmetic (the proleptic Gregorian calendar's
   * civil-from-days: 400-year eras of 146,097 days, years starting in March): the engine asks for
   * it per interval, and a {@link LocalDate} per call is much slower.
   */
  public static int ofEpochDay(long epochDay) {
    long z = epochDay + 719_468; // days since 0000-03-01
    long era = Math.floorDiv(z, 146_097);
    long dayOfEra = z - era * 146_097;
    long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long marchBased = (5 * dayOfYear + 2) / 153; // 0 = March … 11 = February
    long year = era * 400 + yearOfEra + (marchBased >= 10 ? 1 : 0);
    long month = marchBased < 10 ? marchBased + 2 : marchBased - 10; // 0 = January
    return Math.toIntExact(year * 12 + month);
  }

  public static YearMonth toYearMonth(int month) {
    return YearMonth.of(Math.floorDiv(month, 12), Math.floorMod(month, 12) + 1);
  }

  /** The epoch day of the last day of a month. */
  public static int lastDay(int month) {
    return (int) toYearMonth(month).atEndOfMonth().toEpochDay();
  }
}
