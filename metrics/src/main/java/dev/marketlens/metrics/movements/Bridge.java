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

  /** Sums that every month from an index on gains: settled into the sums before reading them. */
  private final long[][][] fromHere;

  private final int[][][] countsFromHere;
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
    this.fromHere = new long[segments][AMOUNTS][months];
    this.countsFromHere = new int[segments][COUNTS][months];
    this.segmented = segmented;
  }

  @Override
  public void unit(
      int customer,
      long[] total,
      int start,
      int last,
      int[] segments,
      int segmentCount,
      long[][] bySegment) {
    if (!segmented) {
      add(0, total, total, start, last);
      return;
    }
    for (int g = 0; g < segmentCount; g++) {
      add(segments[g], bySegment[g], total, start, last);
    }
  }

  /** Both series are zero before {@code start} (the arrays hold leftovers there). */
  private void add(int segment, long[] series, long[] total, int start, int last) {
    long[][] a = amounts[segment];
    int[][] n = counts[segment];
    // Before the first non-zero month-end every sum gains 0. From the month both series stay
    // constant (index {@code flat}) there are no movements, and from twelve months later every
    // month-end adds the same: those go once into the sums "from here on".
    int first = start;
    while (first <= last && series[first] == 0 && total[first] == 0) {
      first++;
    }
    if (first > last) {
      return;
    }
    int flat = last;
    while (flat > first && series[flat - 1] == series[last] && total[flat - 1] == total[last]) {
      flat--;
    }
    int end = Math.min(months, flat + 13);
    boolean everPaid = false;
    long o = 0;
    long oTotal = 0;
    long oBefore = 0;
    int k = first;
    while (k < end) {
      long c = series[Math.min(k, last)];
      long cTotal = total[Math.min(k, last)];
      long before = k - 12 >= start ? series[Math.min(k - 12, last)] : 0;
      if (c == o && cTotal == oTotal && before == oBefore) {
        // The month adds what the one before added, and so do the months after it until one of
        // the three values changes: the run goes once into the sums "from here on", with its end.
        int j = k + 1;
        while (j < end
            && series[Math.min(j, last)] == c
            && total[Math.min(j, last)] == cTotal
            && (j - 12 >= start ? series[Math.min(j - 12, last)] : 0) == before) {
          j++;
        }
        addRun(segment, k, j, c, before);
        k = j;
        continue;
      }
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
      if (before > 0) {
        a[BASE12][k] += before;
        a[CURRENT12][k] += c;
        a[RETAINED12][k] += Math.min(c, before);
      }
      if (cTotal > 0) {
        everPaid = true;
      }
      o = c;
      oTotal = cTotal;
      oBefore = before;
      k++;
    }
    long c = series[last];
    if (end < months && c > 0) {
      long[][] t = fromHere[segment];
      t[OPENING][end] += c;
      t[CLOSING][end] += c;
      t[BASE12][end] += c;
      t[CURRENT12][end] += c;
      t[RETAINED12][end] += c;
      countsFromHere[segment][CUSTOMERS][end]++;
      countsFromHere[segment][OPENING_CUSTOMERS][end]++;
    }
  }

  /**
   * Months {@code [from, to)} of a unit whose MRR stays {@code c}, as it was the month before, and
   * whose MRR twelve months earlier stays {@code before}: no movements, the same sums each month.
   */
  private void addRun(int segment, int from, int to, long c, long before) {
    if (c > 0) {
      addFromHere(segment, OPENING, from, to, c);
      addFromHere(segment, CLOSING, from, to, c);
      countFromHere(segment, CUSTOMERS, from, to);
      countFromHere(segment, OPENING_CUSTOMERS, from, to);
    }
    if (before > 0) {
      addFromHere(segment, BASE12, from, to, before);
      addFromHere(segment, CURRENT12, from, to, c);
      addFromHere(segment, RETAINED12, from, to, Math.min(c, before));
    }
  }

  private void addFromHere(int segment, int sum, int from, int to, long amount) {
    long[] t = fromHere[segment][sum];
    t[from] += amount;
    if (to < months) {
      t[to] -= amount;
    }
  }

  private void countFromHere(int segment, int count, int from, int to) {
    int[] t = countsFromHere[segment][count];
    t[from]++;
    if (to < months) {
      t[to]--;
    }
  }

  /** Adds the sums "from here on" into the months' sums, once. */
  private void settle() {
    for (int g = 0; g < amounts.length; g++) {
      for (int i = 0; i < AMOUNTS; i++) {
        long running = 0;
        for (int k = 0; k < months; k++) {
          running += fromHere[g][i][k];
          fromHere[g][i][k] = 0;
          amounts[g][i][k] += running;
        }
      }
      for (int i = 0; i < COUNTS; i++) {
        int running = 0;
        for (int k = 0; k < months; k++) {
          running += countsFromHere[g][i][k];
          countsFromHere[g][i][k] = 0;
          counts[g][i][k] += running;
        }
      }
    }
  }

  /** Adds another bridge's sums (the same range and segments) to this one. */
  public synchronized void merge(Bridge other) {
    other.settle();
    settle();
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
  public synchronized List<BridgeMonth> months(int fromIndex, List<String> segmentNames) {
    settle();
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
