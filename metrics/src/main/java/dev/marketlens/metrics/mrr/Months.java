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

  /** The epoch day of the first day of a month (the inverse of {@link #ofEpochDay}'s civil). */
  public static long firstDay(int month) {
    long year = Math.floorDiv(month, 12);
    int monthOfYear = Math.floorMod(month, 12); // 0 = January
    if (monthOfYear < 2) {
      year--; // January and February end the March-based year before
    }
    long era = Math.floorDiv(year, 400);
    long yearOfEra = year - era * 400;
    long marchBased = (monthOfYear + 10) % 12; // 0 = March … 11 = February
    long dayOfYear = (153 * marchBased + 2) / 5;
    long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
    return era * 146_097 + dayOfEra - 719_468;
  }

  /**
   * {@code LocalDate.ofEpochDay(epochDay).plusMonths(n).toEpochDay()}: the same day of the month
   * {@code n} months later, or that month's last day when it is shorter.
   */
  public static long plusMonths(long epochDay, int n) {
    int month = ofEpochDay(epochDay);
    long dayOfMonth = epochDay - firstDay(month);
    long first = firstDay(month + n);
    long length = firstDay(month + n + 1) - first;
    return first + Math.min(dayOfMonth, length - 1);
  }

  public static YearMonth toYearMonth(int month) {
    return YearMonth.of(Math.floorDiv(month, 12), Math.floorMod(month, 12) + 1);
  }

  /** The epoch day of the last day of a month. */
  public static int lastDay(int month) {
    return (int) toYearMonth(month).atEndOfMonth().toEpochDay();
  }
}
