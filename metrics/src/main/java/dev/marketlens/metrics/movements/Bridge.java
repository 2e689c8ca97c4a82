package dev.marketlens.metrics.movements;

import dev.marketlens.metrics.mrr.MonthEnds;
import dev.marketlens.metrics.mrr.Months;
import java.util.ArrayList;
import java.util.List;

/**
 * Sums units' month-end series into monthly movements per segment (metrics spec §4.2, §4.4).
 *
 * <p>For a unit with opening {@code o} and closing {@code c}: from 0 to positive is NEW if the unit
 * was never paying at an earlier month-end, else REACTIVATION; positive to 0 is CHURN; otherwise
 * the difference is EXPANSION or CONTRACTION. In a segment view, a unit entering a segment while
 * paying elsewhere is SEGMENT_IN, leaving it while still paying elsewhere SEGMENT_OUT; new,
 * reactivation and churn are judged by the unit's total, across all segments.
 */
public final class Bridge implements MonthEnds.Visitor {

  private static final int OPENING = 0;
  private static final int NEW = 1;
  private static final int EXPANSION = 2;
  private static final int CONTRACTION = 3;
  private static final int CHURN = 4;
  private static final int REACTIVATION = 5;
  private static final int SEGMENT_IN = 6;
  private static final int SEGMENT_OUT = 7;
  private static final int CLOSING = 8;
  private static final int BASE12 = 9;
  private static final int CURRENT12 = 10;
  private static final int RETAINED12 = 11;
  private static final int AMOUNTS = 12;

  private static final int CUSTOMERS = 0;
  private static final int OPENING_CUSTOMERS = 1;
  private static final int NEW_CUSTOMERS = 2;
  private static final int REACTIVATED = 3;
  private static final int CHURNED = 4;
  private static final int EXPANDED = 5;
  private static final int CONTRACTED = 6;
  private static final int COUNTS = 7;

  private final int firstMonth;
  private final int months;
  private final long[][][] amounts;
  private final int[][][] counts;
  private final boolean segmented;

  /**
   * @param segments how many segments (1 when the view is not segmented)
   * @param segmented whether the visits carry segment series
   */
  public Bridge(int firstMonth, int months, int segments, boolean segmented) {
    this.firstMonth = firstMonth;
    this.months = months;
    this.amounts = new long[segments][AMOUNTS][months];
    this.counts = new int[segments][COUNTS][months];
    this.segmented = segmented;
  }

  @Override
  public void unit(
      int customer, long[] total, int[] segments, int segmentCount, long[][] bySegment) {
    if (!segmented) {
      add(0, total, total);
      return;
    }
    for (int g = 0; g < segmentCount; g++) {
      add(segments[g], bySegment[g], total);
    }
  }

  private void add(int segment, long[] series, long[] total) {
    long[][] a = amounts[segment];
    int[][] n = counts[segment];
    // Before the first non-zero month-end and from twelve after the last every sum gains 0.
    int first = 0;
    while (first < months && series[first] == 0 && total[first] == 0) {
      first++;
    }
    if (first == months) {
      return;
    }
    int last = months - 1;
    while (series[last] == 0 && total[last] == 0) {
      last--;
    }
    int end = Math.min(months, last + 13);
    boolean everPaid = false;
    long o = 0;
    long oTotal = 0;
    for (int k = first; k < end; k++) {
      long c = series[k];
      long cTotal = total[k];
      a[OPENING][k] += o;
      if (o == 0 && c > 0) {
        if (oTotal > 0) {
          a[SEGMENT_IN][k] += c;
        } else if (everPaid) {
          a[REACTIVATION][k] += c;
          n[REACTIVATED][k]++;
        } else {
          a[NEW][k] += c;
          n[NEW_CUSTOMERS][k]++;
        }
      } else if (o > 0 && c == 0) {
        if (cTotal > 0) {
          a[SEGMENT_OUT][k] += o;
        } else {
          a[CHURN][k] += o;
          n[CHURNED][k]++;
        }
      } else if (o > 0 && c > o) {
        a[EXPANSION][k] += c - o;
        n[EXPANDED][k]++;
      } else if (o > 0 && c < o) {
        a[CONTRACTION][k] += o - c;
        n[CONTRACTED][k]++;
      }
      a[CLOSING][k] += c;
      if (c > 0) {
        n[CUSTOMERS][k]++;
      }
      if (o > 0) {
        n[OPENING_CUSTOMERS][k]++;
      }
      if (k >= 12 && series[k - 12] > 0) {
        a[BASE12][k] += series[k - 12];
        a[CURRENT12][k] += c;
        a[RETAINED12][k] += Math.min(c, series[k - 12]);
      }
      if (cTotal > 0) {
        everPaid = true;
      }
      o = c;
      oTotal = cTotal;
    }
  }

  /** Adds another bridge's sums (the same range and segments) to this one. */
  public void merge(Bridge other) {
    for (int g = 0; g < amounts.length; g++) {
      for (int i = 0; i < AMOUNTS; i++) {
        for (int k = 0; k < months; k++) {
          amounts[g][i][k] += other.amounts[g][i][k];
        }
      }
      for (int i = 0; i < COUNTS; i++) {
        for (int k = 0; k < months; k++) {
          counts[g][i][k] += other.counts[g][i][k];
        }
      }
    }
  }

  /**
   * The months from {@code fromIndex} (months since the range's first month) to the end, for each
   * segment in turn.
   *
   * @param segmentNames each segment's value (ignored when the view is not segmented)
   * @throws IllegalStateException when a month does not balance
   */
  public List<BridgeMonth> months(int fromIndex, List<String> segmentNames) {
    List<BridgeMonth> out = new ArrayList<>();
    for (int k = fromIndex; k < months; k++) {
      for (int g = 0; g < amounts.length; g++) {
        long[][] a = amounts[g];
        int[][] n = counts[g];
        BridgeMonth m =
            new BridgeMonth(
                Months.toYearMonth(firstMonth + k),
                segmented ? segmentNames.get(g) : null,
                a[OPENING][k],
                a[NEW][k],
                a[EXPANSION][k],
                a[CONTRACTION][k],
                a[CHURN][k],
                a[REACTIVATION][k],
                a[SEGMENT_IN][k],
                a[SEGMENT_OUT][k],
                a[CLOSING][k],
                n[CUSTOMERS][k],
                n[OPENING_CUSTOMERS][k],
                n[NEW_CUSTOMERS][k],
                n[REACTIVATED][k],
                n[CHURNED][k],
                n[EXPANDED][k],
                n[CONTRACTED][k],
                a[BASE12][k],
                a[CURRENT12][k],
                a[RETAINED12][k]);
        if (!m.balances()) {
          throw new IllegalStateException("the MRR bridge does not balance: " + m);
        }
        out.add(m);
      }
    }
    return out;
  }
}
