package dev.marketlens.emulator.reporting;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The time buckets of an aggregate request (spec §13.1): {@code aggregation} ∈ {@code week}, {@code
 * month} (case-sensitive, default {@code week}) over {@code [startDate, endDate]}.
 *
 * <ul>
 *   <li>Weeks start on Sunday and months on the 1st; the start date moves back to the start of its
 *       bucket, so the first bucket is whole. The last bucket ends at the end date (it may be
 *       partial).
 *   <li>The end date is at most today: no bucket lies in the future. Without {@code endDate} the
 *       range ends today; without {@code startDate} it starts twelve months before the end date
 *       (the day after the same date a year earlier) [EMU].
 *   <li>A reversed range, or one that starts after today, has no buckets (K24).
 * </ul>
 *
 * Immutable; {@link #index} places a day in its bucket in constant time.
 */
final class Aggregation {

  /** The bucket size. */
  enum Unit {
    WEEK,
    MONTH
  }

  /** {@code aggregation}'s values, looked up exactly (the live API is case-sensitive). */
  static final Map<String, Unit> PARAM;

  static {
    Map<String, Unit> m = new LinkedHashMap<>();
    m.put("week", Unit.WEEK);
    m.put("month", Unit.MONTH);
    PARAM = Collections.unmodifiableMap(m);
  }

  private final Unit unit;
  private final LocalDate first;
  private final LocalDate last;
  private final List<LocalDate> starts;

  private Aggregation(Unit unit, LocalDate first, LocalDate last) {
    this.unit = unit;
    this.first = first;
    this.last = last;
    List<LocalDate> s = new ArrayList<>();
    if (first != null) {
      for (LocalDate d = first; !d.isAfter(last); d = next(d)) {
        s.add(d);
      }
    }
    this.starts = Collections.unmodifiableList(s);
  }

  /**
   * Reads {@code aggregation}, {@code startDate} and {@code endDate}.
   *
   * @throws ApiException 400 for an unknown aggregation or a malformed date
   */
  static Aggregation parse(Params p, LocalDate today) {
    Unit unit = p.choice("aggregation", PARAM, Unit.WEEK);
    LocalDate start = p.date("startDate");
    LocalDate end = p.date("endDate");
    return of(unit, start, end, today);
  }

  /** The buckets of {@code [startDate, endDate]} (either may be null: the defaults apply). */
  static Aggregation of(Unit unit, LocalDate startDate, LocalDate endDate, LocalDate today) {
    LocalDate end = endDate == null || endDate.isAfter(today) ? today : endDate;
    LocalDate start = startDate != null ? startDate : end.minusYears(1).plusDays(1);
    if (start.isAfter(end)) {
      return new Aggregation(unit, null, null);
    }
    return new Aggregation(unit, bucketStart(unit, start), end);
  }

  /** The first day of the bucket holding {@code day}. */
  static LocalDate bucketStart(Unit unit, LocalDate day) {
    return unit == Unit.WEEK
        ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY))
        : day.withDayOfMonth(1);
  }

  Unit unit() {
    return unit;
  }

  /** Whether there is no bucket at all (reversed or future-only range). */
  boolean isEmpty() {
    return starts.isEmpty();
  }

  /** The first day of every bucket, in order. */
  List<LocalDate> starts() {
    return starts;
  }

  int size() {
    return starts.size();
  }

  /** The first day counted (a bucket start), or null when empty. */
  LocalDate first() {
    return first;
  }

  /** The last day counted, or null when empty. */
  LocalDate last() {
    return last;
  }

  /** The bucket holding {@code day}, or -1 when the day is outside the range. */
  int index(LocalDate day) {
    if (first == null || day == null || day.isBefore(first) || day.isAfter(last)) {
      return -1;
    }
    if (unit == Unit.WEEK) {
      return (int) (ChronoUnit.DAYS.between(first, day) / 7);
    }
    return (day.getYear() - first.getYear()) * 12 + day.getMonthValue() - first.getMonthValue();
  }

  private LocalDate next(LocalDate d) {
    return unit == Unit.WEEK ? d.plusWeeks(1) : d.plusMonths(1);
  }
}
