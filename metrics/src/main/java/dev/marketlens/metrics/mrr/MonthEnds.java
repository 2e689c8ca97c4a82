package dev.marketlens.metrics.mrr;

import java.util.Arrays;

/**
 * Each unit's MRR in whole cents on the last day of every month of a range (metrics spec §3.5): the
 * sum of the unit's intervals active that day; on a day no interval covers, the MRR of the day
 * before the last coverage ended when the gap to the next start is at most the grace (or, with no
 * next start, when the lapse is younger than the grace on {@code asOf}), else zero. A unit is a
 * customer, over the lines a filter keeps.
 *
 * <p>With segments, a unit's MRR is also split by segment: the segment's share of the same sum
 * (bridged from the same day), so the segments' intervals add up to the unit's.
 */
public final class MonthEnds {

  /** Receives one unit's series; the arrays are reused for the next unit. */
  public interface Visitor {
    /**
     * @param customer the unit
     * @param total the unit's month-end MRR in cents, one entry per month of the range
     * @param first every series is zero before this index (the arrays hold leftovers there)
     * @param last every series holds entries up to this index; after it, each repeats its entry at
     *     {@code last} (the arrays hold leftovers there)
     * @param segments the segments the unit has lines in, {@code segmentCount} of them
     * @param bySegment {@code bySegment[i]} is the series of {@code segments[i]}
     */
    void unit(
        int customer,
        long[] total,
        int first,
        int last,
        int[] segments,
        int segmentCount,
        long[][] bySegment);
  }

  private final Intervals intervals;
  private final Book book;
  private final int firstMonth;
  private final int months;
  private final int[] monthEnd;

  /** The month (index in the range) of each day of the range, from {@link #firstDay}. */
  private final int[] monthOfDay;

  private final long firstDay;
  private final long asOf;
  private final int graceDays;

  /**
   * @param firstMonth the range's first month ({@link Months#of})
   * @param months how many months
   */
  public MonthEnds(Intervals intervals, int firstMonth, int months, long asOf, int graceDays) {
    this.intervals = intervals;
    this.book = intervals.book();
    this.firstMonth = firstMonth;
    this.months = months;
    this.monthEnd = new int[months];
    for (int k = 0; k < months; k++) {
      monthEnd[k] = Months.lastDay(firstMonth + k);
    }
    this.firstDay = Months.firstDay(firstMonth);
    this.monthOfDay = new int[Math.toIntExact(Months.firstDay(firstMonth + months) - firstDay)];
    for (int k = 0, day = 0; k < months; k++) {
      for (; day <= monthEnd[k] - firstDay; day++) {
        monthOfDay[day] = k;
      }
    }
    this.asOf = asOf;
    this.graceDays = graceDays;
  }

  public int firstMonth() {
    return firstMonth;
  }

  public int months() {
    return months;
  }

  /**
   * Visits every unit with at least one kept line that covers a day.
   *
   * @param keep which profiles count (the filter)
   * @param segmentOfProfile each profile's segment, or null for no segmentation
   * @param from the first customer to visit
   * @param to the customer after the last to visit
   */
  public void forEachUnit(
      boolean[] keep, int[] segmentOfProfile, int from, int to, Visitor visitor) {
    Scratch s = new Scratch(months);
    for (int c = from; c < to; c++) {
      int n = 0;
      for (int i = book.customerStart[c]; i < book.customerStart[c + 1]; i++) {
        int line = book.customerLines[i];
        if (keep[book.profile[line]] && intervals.hasLength(line)) {
          s.add(n++, line, segmentOfProfile == null ? 0 : segmentOfProfile[book.profile[line]]);
        }
      }
      if (n == 0) {
        continue;
      }
      if (segmentOfProfile == null) {
        int last = series(s, n, -1, s.total);
        visitor.unit(c, s.total, s.first, last, s.segments, 0, s.bySegment);
      } else {
        int segments = s.distinctSegments(n);
        fill(s.total, series(s, n, -1, s.total));
        for (int g = 0; g < segments; g++) {
          fill(s.bySegment[g], series(s, n, s.segments[g], s.bySegment[g]));
        }
        visitor.unit(c, s.total, s.first, months - 1, s.segments, segments, s.bySegment);
      }
    }
  }

  /**
   * The month of a day as an index in the range; -1 for any day before it and {@code months} for
   * any day after it, which the series treat alike.
   */
  private int month(long day) {
    long i = day - firstDay;
    return i < 0 ? -1 : i >= monthOfDay.length ? months : monthOfDay[(int) i];
  }

  /** Repeats a series' entry at {@code last} to the end. */
  private void fill(long[] series, int last) {
    Arrays.fill(series, last + 1, months, series[last]);
  }

  /**
   * Fills {@code out} with the series of the unit's lines in a segment (or all, {@code -1}) from
   * {@code s.first}, before which every month-end is zero (and {@code out} is left as it was), up
   * to the index it returns; every later month-end has the same MRR.
   */
  private int series(Scratch s, int n, int segment, long[] out) {
    // Month-end k is covered when start ≤ monthEnd[k] < end: from the start's month to the month
    // before the end's month. Before the first start's month every month-end is 0; after the
    // last month an interval starts or ends in, every month-end repeats the one after it.
    int lo = Integer.MAX_VALUE;
    int hi = Integer.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      s.startMonth[i] = month(s.start[i]);
      s.endMonth[i] = month(s.end[i]);
      lo = Math.min(lo, s.startMonth[i]);
      hi = Math.max(hi, s.endMonth[i]);
    }
    lo = Math.max(0, lo);
    if (lo >= months) {
      out[0] = 0;
      s.first = 0;
      return 0;
    }
    int to = Math.max(lo, Math.min(months - 1, hi + 1));
    // diff and cover are all zero here: the loop below clears what this unit adds to them. Every
    // interval adds at its first month-end and subtracts after its last, both in [lo, to + 1].
    long[] diff = s.diff;
    int[] cover = s.cover;
    for (int i = 0; i < n; i++) {
      int first = Math.max(0, s.startMonth[i]);
      int last = Math.min(months - 1, s.endMonth[i] - 1);
      if (first > last) {
        continue;
      }
      cover[first]++;
      cover[last + 1]--;
      if (segment < 0 || s.segment[i] == segment) {
        diff[first] += s.rate[i];
        diff[last + 1] -= s.rate[i];
      }
    }
    s.first = lo;
    long running = 0;
    int covered = 0;
    int lastEnd = Integer.MIN_VALUE;
    long lastRate = 0; // the rate of the last covered day, lastEnd - 1
    int nextStart = Integer.MAX_VALUE;
    int knownBefore = lo; // these hold for the uncovered month-ends before this
    for (int k = lo; k <= to; k++) {
      running += diff[k];
      covered += cover[k];
      diff[k] = 0;
      cover[k] = 0;
      if (covered > 0) {
        out[k] = Fixed.cents(running);
        continue;
      }
      // Month-end k is uncovered (a gap, or the months after the last end): the last coverage
      // ended on the latest end in k's month or before, the next starts on the earliest start in
      // a later month. Both hold until the next month an interval ends or starts in. The last
      // covered day is covered by exactly the intervals ending on lastEnd: one ending later and
      // starting before it would cover month-end k too.
      if (k >= knownBefore) {
        lastEnd = Integer.MIN_VALUE;
        lastRate = 0;
        nextStart = Integer.MAX_VALUE;
        knownBefore = Integer.MAX_VALUE;
        for (int i = 0; i < n; i++) {
          int endMonth = s.endMonth[i];
          if (endMonth <= k) {
            int end = s.end[i];
            long rate = segment < 0 || s.segment[i] == segment ? s.rate[i] : 0;
            if (end > lastEnd) {
              lastEnd = end;
              lastRate = rate;
            } else if (end == lastEnd) {
              lastRate += rate;
            }
          } else {
            knownBefore = Math.min(knownBefore, endMonth);
          }
          int startMonth = s.startMonth[i];
          if (startMonth > k) {
            nextStart = Math.min(nextStart, s.start[i]);
            knownBefore = Math.min(knownBefore, startMonth);
          }
        }
      }
      if (lastEnd == Integer.MIN_VALUE) {
        out[k] = 0; // before the first coverage
        continue;
      }
      out[k] = bridged(lastEnd, nextStart) ? Fixed.cents(lastRate) : 0;
    }
    diff[to + 1] = 0;
    cover[to + 1] = 0;
    return to;
  }

  /**
   * §3.5: whether a day no interval covers keeps the rate of the last covered day: when the gap
   * between the coverage ending on {@code lastEnd} and the next start is within grace (or, with no
   * next start, when the lapse is younger than the grace on {@code asOf}).
   */
  private boolean bridged(int lastEnd, int nextStart) {
    return nextStart != Integer.MAX_VALUE
        ? (long) nextStart - lastEnd <= graceDays
        : asOf - lastEnd < graceDays;
  }

  /** One unit's intervals and the series buffers, reused from unit to unit. */
  private final class Scratch {
    int[] start = new int[64];
    int[] end = new int[64];
    long[] rate = new long[64];
    int[] segment = new int[64];
    int[] startMonth = new int[64];
    int[] endMonth = new int[64];
    int[] segments = new int[8];
    final long[] total;

    /** Where the unit's series start: every month-end before it is zero. */
    int first;

    long[][] bySegment = new long[8][];
    final long[] diff;
    final int[] cover;

    Scratch(int months) {
      total = new long[months];
      diff = new long[months + 1];
      cover = new int[months + 1];
    }

    void add(int i, int line, int seg) {
      if (i == start.length) {
        start = Arrays.copyOf(start, i * 2);
        end = Arrays.copyOf(end, i * 2);
        rate = Arrays.copyOf(rate, i * 2);
        segment = Arrays.copyOf(segment, i * 2);
        startMonth = Arrays.copyOf(startMonth, i * 2);
        endMonth = Arrays.copyOf(endMonth, i * 2);
      }
      start[i] = book.start[line];
      end[i] = intervals.effectiveEnd[line];
      rate[i] = intervals.rate[line];
      segment[i] = seg;
    }

    /** The distinct segments of the unit's intervals, into {@link #segments}, sorted. */
    int distinctSegments(int n) {
      int count = 0;
      for (int i = 0; i < n; i++) {
        int g = segment[i];
        boolean seen = false;
        for (int j = 0; j < count; j++) {
          if (segments[j] == g) {
            seen = true;
            break;
          }
        }
        if (!seen) {
          if (count == segments.length) {
            segments = Arrays.copyOf(segments, count * 2);
            bySegment = Arrays.copyOf(bySegment, count * 2);
          }
          segments[count++] = g;
        }
      }
      Arrays.sort(segments, 0, count);
      for (int j = 0; j < count; j++) {
        if (bySegment[j] == null) {
          bySegment[j] = new long[months];
        }
      }
      return count;
    }
  }
}
