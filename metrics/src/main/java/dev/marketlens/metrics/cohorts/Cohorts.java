package dev.marketlens.metrics.cohorts;

import dev.marketlens.metrics.Ratio;
import dev.marketlens.metrics.mrr.MonthEnds;
import dev.marketlens.metrics.mrr.Months;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Accumulates cohorts from units' month-end series (§5.7): a unit's cohort is the first month its
 * MRR is positive, and it never changes cohort; a unit that churned and came back counts again
 * while it pays.
 */
public final class Cohorts implements MonthEnds.Visitor {

  private final int firstMonth;
  private final int months;
  private final boolean segmented;
  private final int[][] size;
  private final long[][] base;
  private final int[][][] paying;
  private final long[][][] revenue;

  /** Counts that every month from an offset on gains, settled before they are read. */
  private final int[][][] payingFromHere;

  private final long[][][] revenueFromHere;

  public Cohorts(int firstMonth, int months, int segments, boolean segmented) {
    this.firstMonth = firstMonth;
    this.months = months;
    this.segmented = segmented;
    this.size = new int[segments][months];
    this.base = new long[segments][months];
    this.paying = new int[segments][months][];
    this.revenue = new long[segments][months][];
    this.payingFromHere = new int[segments][months][];
    this.revenueFromHere = new long[segments][months][];
  }

  @Override
  public void unit(
      int customer,
      long[] total,
      int first,
      int last,
      int[] segments,
      int segmentCount,
      long[][] bySegment) {
    if (!segmented) {
      add(0, total, first, last);
      return;
    }
    for (int g = 0; g < segmentCount; g++) {
      add(segments[g], bySegment[g], first, last);
    }
  }

  /** The series is zero before {@code first} (the array holds leftovers there). */
  private void add(int segment, long[] series, int first, int last) {
    int f = first;
    while (f <= last && series[f] <= 0) {
      f++;
    }
    if (f > last) {
      return;
    }
    if (paying[segment][f] == null) {
      paying[segment][f] = new int[months - f];
      revenue[segment][f] = new long[months - f];
      payingFromHere[segment][f] = new int[months - f];
      revenueFromHere[segment][f] = new long[months - f];
    }
    size[segment][f]++;
    base[segment][f] += series[f];
    int[] p = paying[segment][f];
    long[] r = revenue[segment][f];
    // Every month after {@code last} repeats it: counted once, from there on.
    for (int k = f; k <= last; k++) {
      if (series[k] > 0) {
        p[k - f]++;
        r[k - f] += series[k];
      }
    }
    if (last + 1 < months && series[last] > 0) {
      payingFromHere[segment][f][last + 1 - f]++;
      revenueFromHere[segment][f][last + 1 - f] += series[last];
    }
  }

  /** Adds the counts "from here on" into the months' counts, once. */
  private void settle() {
    for (int g = 0; g < size.length; g++) {
      for (int f = 0; f < months; f++) {
        if (paying[g][f] == null) {
          continue;
        }
        int payingRunning = 0;
        long revenueRunning = 0;
        for (int k = 0; k < months - f; k++) {
          payingRunning += payingFromHere[g][f][k];
          revenueRunning += revenueFromHere[g][f][k];
          payingFromHere[g][f][k] = 0;
          revenueFromHere[g][f][k] = 0;
          paying[g][f][k] += payingRunning;
          revenue[g][f][k] += revenueRunning;
        }
      }
    }
  }

  /** Adds another accumulator's cohorts (the same range and segments) to this one. */
  public synchronized void merge(Cohorts other) {
    other.settle();
    settle();
    for (int g = 0; g < size.length; g++) {
      for (int f = 0; f < months; f++) {
        size[g][f] += other.size[g][f];
        base[g][f] += other.base[g][f];
        if (other.paying[g][f] == null) {
          continue;
        }
        if (paying[g][f] == null) {
          paying[g][f] = new int[months - f];
          revenue[g][f] = new long[months - f];
          payingFromHere[g][f] = new int[months - f];
          revenueFromHere[g][f] = new long[months - f];
        }
        for (int k = 0; k < months - f; k++) {
          paying[g][f][k] += other.paying[g][f][k];
          revenue[g][f][k] += other.revenue[g][f][k];
        }
      }
    }
  }

  /**
   * The cohorts of the months from {@code fromIndex} on, each segment in turn per month; every
   * month has a row, empty cohorts with size 0 and no retention.
   */
  public synchronized List<Cohort> cohorts(
      int fromIndex, Cohort.Measure measure, List<String> segmentNames) {
    settle();
    List<Cohort> out = new ArrayList<>();
    for (int f = fromIndex; f < months; f++) {
      for (int g = 0; g < size.length; g++) {
        List<BigDecimal> retention = new ArrayList<>();
        if (size[g][f] > 0) {
          for (int k = 0; k < months - f; k++) {
            retention.add(
                measure == Cohort.Measure.LOGOS
                    ? Ratio.of(paying[g][f][k], size[g][f])
                    : Ratio.of(revenue[g][f][k], base[g][f]));
          }
        }
        out.add(
            new Cohort(
                Months.toYearMonth(firstMonth + f),
                segmented ? segmentNames.get(g) : null,
                size[g][f],
                List.copyOf(retention)));
      }
    }
    return out;
  }
}
