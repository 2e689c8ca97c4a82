package dev.marketlens.emulator.commerce;

import dev.marketlens.emulator.wire.BillingPeriod;
import dev.marketlens.emulator.wire.SaleType;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The ground-truth MRR ledger: turns what happened ({@link ServiceEvent}s) into month-end MRR per
 * unit and the movements between months, following {@code metrics-spec.md} (service intervals
 * N1–N3, grace on coverage gaps, month-end classification).
 *
 * <p>Arithmetic: monthly rates are fixed-point integers in millionths of a cent ({@value #SCALE}
 * decimal places of a cent), each division rounded half up (away from zero for negative refunds);
 * sums are exact. A unit's month-end MRR is then rounded half up to whole cents, and at most half a
 * cent (or a negative value) counts as zero. Every total is therefore a sum of whole cents and
 * opening + movements = closing holds exactly. Amounts beyond about 10 million dollars per line
 * overflow and fail loudly.
 */
public final class MrrLedger {

  /** Which amount feeds MRR. */
  public enum Basis {
    /** The vendor amount (default). */
    NET,
    /** The purchase price. */
    GROSS,
    /** The purchase price plus discounts. */
    LIST
  }

  /** Decimal places of a cent kept in monthly rates. */
  public static final int SCALE = 6;

  /** Fixed-point units per cent. */
  static final long UNITS = 1_000_000L;

  /** A whole monthly or annual term may differ from the calendar by this many days. */
  public static final int SNAP_TOLERANCE_DAYS = 3;

  /** Default grace on coverage gaps. */
  public static final int DEFAULT_GRACE_DAYS = 30;

  private static final Comparator<ServiceEvent> LICENSE_ORDER =
      Comparator.comparing(ServiceEvent::start)
          .thenComparing(ServiceEvent::saleDate)
          .thenComparingInt(e -> typeOrder(e.saleType()))
          .thenComparing(ServiceEvent::lineItem);

  /** One month of movements, in cents; movement amounts are non-negative magnitudes. */
  public record Movements(
      YearMonth month,
      long openingMrr,
      long newMrr,
      long expansionMrr,
      long contractionMrr,
      long churnedMrr,
      long reactivationMrr,
      long closingMrr,
      int customers) {

    /** Whether opening + new + reactivation + expansion − contraction − churn = closing. */
    public boolean balances() {
      return openingMrr + newMrr + reactivationMrr + expansionMrr - contractionMrr - churnedMrr
          == closingMrr;
    }
  }

  /**
   * A service interval {@code [start, effectiveEnd)} with its monthly rate in millionths of a cent.
   */
  static final class Interval {
    final ServiceEvent event;
    final long start;
    final long end;
    long effectiveEnd;
    final long monthlyRate;

    /** Months since 1970-01 of the start and of the effective end, set once the rates are final. */
    int startMonth;

    int endMonth;

    Interval(ServiceEvent event, long monthlyRate) {
      this.event = event;
      this.start = event.start().toEpochDay();
      this.end = event.end().toEpochDay();
      this.effectiveEnd = end;
      this.monthlyRate = monthlyRate;
    }

    boolean activeOn(long day) {
      return day >= start && day < effectiveEnd;
    }

    boolean hasLength() {
      return effectiveEnd > start;
    }
  }

  /** The service intervals of a set of events, computed once and grouped by any unit. */
  public static final class Intervals {
    private final List<Interval> all;

    private Intervals(List<Interval> all) {
      this.all = all;
      for (Interval i : all) {
        i.startMonth = epochMonth(i.start);
        i.endMonth = epochMonth(i.effectiveEnd);
      }
    }

    /** The intervals of the events that match {@code which}. */
    public Intervals filter(java.util.function.Predicate<ServiceEvent> which) {
      List<Interval> kept = new ArrayList<>();
      for (Interval i : all) {
        if (which.test(i.event)) {
          kept.add(i);
        }
      }
      return new Intervals(kept, true);
    }

    private Intervals(List<Interval> all, boolean monthsSet) {
      this.all = all;
    }
  }

  private final Basis basis;
  private final int graceDays;
  private final long asOf;

  public MrrLedger(Basis basis, int graceDays, LocalDate asOf) {
    if (graceDays < 0) {
      throw new IllegalArgumentException("grace days are not negative: " + graceDays);
    }
    this.basis = basis;
    this.graceDays = graceDays;
    this.asOf = asOf.toEpochDay();
  }

  /**
   * Month-end MRR in whole cents per unit for every month of {@code [from, to]}.
   *
   * @param unitOf the unit an event's MRR belongs to (a customer, or a customer and app)
   */
  public Map<String, long[]> monthEndMrr(
      List<ServiceEvent> events,
      Function<ServiceEvent, String> unitOf,
      YearMonth from,
      YearMonth to) {
    return monthEndMrr(intervals(events), unitOf, from, to);
  }

  /** Month-end MRR per unit from intervals computed once with {@link #intervals}. */
  public Map<String, long[]> monthEndMrr(
      Intervals intervals, Function<ServiceEvent, String> unitOf, YearMonth from, YearMonth to) {
    Map<String, long[]> result = new LinkedHashMap<>();
    forEachUnit(
        intervals, unitOf, from, to, (unit, event, series) -> result.put(unit, series.clone()));
    return result;
  }

  /** Receives one unit's month-end MRR series and one of the unit's events. */
  @FunctionalInterface
  public interface UnitSeries {
    void accept(String unit, ServiceEvent anEvent, long[] series);
  }

  /**
   * Computes each unit's month-end MRR for {@code [from, to]} in turn and hands it to {@code each},
   * without keeping them all: the array is reused for the next unit, so copy it to keep it.
   */
  public void forEachUnit(
      Intervals intervals,
      Function<ServiceEvent, String> unitOf,
      YearMonth from,
      YearMonth to,
      UnitSeries each) {
    forEachUnit(intervals, unitOf, new Months(from, to), each);
  }

  /**
   * The months {@code [from, to]} with their month-end days, and scratch space for one unit's
   * series: reused from unit to unit (and call to call), so not to be shared between threads.
   */
  public static final class Months {
    private final long[] monthEnds;
    private final int fromMonth;
    private final long[] series;
    private final long[] diff;
    private final int[] coverDiff;

    public Months(YearMonth from, YearMonth to) {
      int months = (int) ChronoUnit.MONTHS.between(from, to) + 1;
      this.monthEnds = new long[months];
      for (int k = 0; k < months; k++) {
        monthEnds[k] = from.plusMonths(k).atEndOfMonth().toEpochDay();
      }
      this.fromMonth = from.getYear() * 12 + from.getMonthValue() - 1 - EPOCH_MONTH;
      this.series = new long[months];
      this.diff = new long[months + 1];
      this.coverDiff = new int[months + 1];
    }
  }

  /**
   * {@link #forEachUnit(Intervals, Function, YearMonth, YearMonth, UnitSeries)} over {@code
   * months}; the series handed to {@code each} is {@code months}' scratch array.
   */
  public void forEachUnit(
      Intervals intervals, Function<ServiceEvent, String> unitOf, Months months, UnitSeries each) {
    // Group by unit with a counting sort on unit numbers (in order of first appearance): one array,
    // no list per unit.
    List<Interval> all = intervals.all;
    Map<String, Integer> numbers = new HashMap<>();
    List<String> units = new ArrayList<>();
    int[] unitOfInterval = new int[all.size()];
    for (int k = 0; k < all.size(); k++) {
      String unit = unitOf.apply(all.get(k).event);
      Integer n = numbers.get(unit);
      if (n == null) {
        n = units.size();
        numbers.put(unit, n);
        units.add(unit);
      }
      unitOfInterval[k] = n;
    }
    numbers = null;
    int[] start = new int[units.size() + 1];
    for (int n : unitOfInterval) {
      start[n + 1]++;
    }
    for (int u = 0; u < units.size(); u++) {
      start[u + 1] += start[u];
    }
    Interval[] grouped = new Interval[all.size()];
    int[] next = Arrays.copyOf(start, units.size());
    for (int k = 0; k < all.size(); k++) {
      grouped[next[unitOfInterval[k]]++] = all.get(k);
    }
    List<Interval> view = Arrays.asList(grouped);
    for (int u = 0; u < units.size(); u++) {
      unitSeries(
          view.subList(start[u], start[u + 1]),
          months.monthEnds,
          months.fromMonth,
          months.series,
          months.diff,
          months.coverDiff);
      each.accept(units.get(u), grouped[start[u]].event, months.series);
    }
  }

  /**
   * The earliest month any of {@code intervals} starts, or {@code from} if earlier: where {@link
   * Totals} must begin for history before {@code from} to count.
   */
  private static YearMonth firstMonth(Intervals intervals, YearMonth from) {
    int first = from.getYear() * 12 + from.getMonthValue() - 1 - EPOCH_MONTH;
    for (Interval i : intervals.all) {
      first = Math.min(first, i.startMonth);
    }
    return YearMonth.of((first + EPOCH_MONTH) / 12, (first + EPOCH_MONTH) % 12 + 1);
  }

  /**
   * Movements for every month of {@code [from, to]}, summed over units. History before {@code from}
   * counts: the first month opens at the previous month's close, and a unit that paid before is
   * reactivated, not new.
   */
  public List<Movements> movements(
      List<ServiceEvent> events,
      Function<ServiceEvent, String> unitOf,
      YearMonth from,
      YearMonth to) {
    return movements(intervals(events), unitOf, from, to);
  }

  /**
   * Movements from intervals computed once with {@link #intervals}; history before {@code from}
   * counts.
   */
  public List<Movements> movements(
      Intervals intervals, Function<ServiceEvent, String> unitOf, YearMonth from, YearMonth to) {
    YearMonth start = firstMonth(intervals, from);
    Totals totals = new Totals(start, to);
    forEachUnit(intervals, unitOf, start, to, (unit, event, series) -> totals.add(series));
    return totals.movements(from);
  }

  /** Movements from per-unit month-end series that start at {@code from}. */
  public static List<Movements> movements(
      Iterable<long[]> unitSeries, YearMonth from, YearMonth to) {
    Totals totals = new Totals(from, to);
    for (long[] series : unitSeries) {
      totals.add(series);
    }
    return totals.movements();
  }

  /**
   * Month-by-month sums of the units' movements (metrics spec §4.2). Units may be added in any
   * order and totals merged: the sums are exact.
   */
  public static final class Totals {
    private final YearMonth from;
    private final long[][] acc;
    private final int[] customers;

    /**
     * Totals of units whose series start at {@code from}, which must be no later than the start of
     * any of their intervals for history to count.
     */
    public Totals(YearMonth from, YearMonth to) {
      int months = (int) ChronoUnit.MONTHS.between(from, to) + 1;
      this.from = from;
      this.acc = new long[months][7];
      this.customers = new int[months];
    }

    /** Adds one unit's month-end series over this total's months. */
    public void add(long[] series) {
      boolean everPaid = false;
      long o = 0;
      for (int k = 0; k < acc.length; k++) {
        long c = series[k];
        long[] a = acc[k];
        a[0] += o;
        if (o == 0 && c > 0) {
          a[everPaid ? 5 : 1] += c;
        } else if (o > 0 && c == 0) {
          a[4] += o;
        } else if (o > 0 && c > o) {
          a[2] += c - o;
        } else if (o > 0 && c < o) {
          a[3] += o - c;
        }
        a[6] += c;
        if (c > 0) {
          customers[k]++;
          everPaid = true;
        }
        o = c;
      }
    }

    /** Adds the units of {@code other}, which covers the same months. */
    public void addAll(Totals other) {
      for (int k = 0; k < acc.length; k++) {
        for (int j = 0; j < acc[k].length; j++) {
          acc[k][j] += other.acc[k][j];
        }
        customers[k] += other.customers[k];
      }
    }

    List<Movements> movements() {
      return movements(from);
    }

    /** The movements of the months from {@code first} on. */
    public List<Movements> movements(YearMonth first) {
      int skip = (int) ChronoUnit.MONTHS.between(from, first);
      List<Movements> out = new ArrayList<>(acc.length - skip);
      for (int k = skip; k < acc.length; k++) {
        long[] a = acc[k];
        out.add(
            new Movements(
                from.plusMonths(k), a[0], a[1], a[2], a[3], a[4], a[5], a[6], customers[k]));
      }
      return out;
    }
  }

  /** Service intervals of every license, with the N1–N3 rates (metrics spec §2). */
  public Intervals intervals(List<ServiceEvent> events) {
    // Group by license with a counting sort on license numbers, then order each license's events.
    Map<String, Integer> numbers = new HashMap<>();
    int[] licenseOf = new int[events.size()];
    for (int k = 0; k < events.size(); k++) {
      String lineage = events.get(k).lineage();
      Integer n = numbers.get(lineage);
      if (n == null) {
        n = numbers.size();
        numbers.put(lineage, n);
      }
      licenseOf[k] = n;
    }
    int licenses = numbers.size();
    numbers = null;
    int[] start = new int[licenses + 1];
    for (int n : licenseOf) {
      start[n + 1]++;
    }
    for (int u = 0; u < licenses; u++) {
      start[u + 1] += start[u];
    }
    ServiceEvent[] grouped = new ServiceEvent[events.size()];
    int[] next = Arrays.copyOf(start, licenses);
    for (int k = 0; k < events.size(); k++) {
      grouped[next[licenseOf[k]]++] = events.get(k);
    }
    List<Interval> all = new ArrayList<>(events.size());
    for (int u = 0; u < licenses; u++) {
      Arrays.sort(grouped, start[u], start[u + 1], LICENSE_ORDER);
      int first = all.size();
      for (int k = start[u]; k < start[u + 1]; k++) {
        all.add(new Interval(grouped[k], rate(grouped[k], all.subList(first, all.size()))));
      }
    }
    return new Intervals(all);
  }

  /** The monthly rate of one event, in millionths of a cent. */
  private long rate(ServiceEvent e, List<Interval> earlier) {
    long amount = Math.multiplyExact(e.amount(basis), UNITS);
    long start = e.start().toEpochDay();
    long end = e.end().toEpochDay();
    long days = end - start;
    if (days <= 0) {
      return 0;
    }
    if (e.saleType() == SaleType.UPGRADE || e.saleType() == SaleType.DOWNGRADE) {
      long credit = 0;
      for (Interval p : earlier) {
        if (p.activeOn(start)) {
          long overlap = Math.min(p.effectiveEnd, end) - start;
          credit += divide(Math.multiplyExact(p.monthlyRate, 12 * overlap), 365);
          p.effectiveEnd = start;
        }
      }
      return divide(Math.multiplyExact(amount + credit, 365), 12 * days);
    }
    int n = wholeTermMonths(e.billingPeriod(), e.start(), e.end());
    if (n > 0) {
      return divide(amount, n);
    }
    return divide(Math.multiplyExact(amount, 365), 12 * days);
  }

  /** Division rounded half away from zero. */
  static long divide(long numerator, long denominator) {
    long q = Math.abs(numerator) / denominator;
    long r = Math.abs(numerator) % denominator;
    if (2 * r >= denominator) {
      q++;
    }
    return numerator < 0 ? -q : q;
  }

  /**
   * Metrics spec §2.3: the number of months of a whole term, or 0 when the period is a prorated
   * piece. Monthly terms are one month; annual terms are 12·k months with k the period in years
   * rounded; the period must end within {@value #SNAP_TOLERANCE_DAYS} days of {@code
   * start.plusMonths(n)}.
   */
  public static int wholeTermMonths(BillingPeriod period, LocalDate start, LocalDate end) {
    long days = ChronoUnit.DAYS.between(start, end);
    int n;
    if (period == BillingPeriod.MONTHLY) {
      n = 1;
    } else {
      long k = (2 * days + 365) / 730;
      if (k < 1) {
        return 0;
      }
      n = (int) (12 * k);
    }
    long off = Math.abs(ChronoUnit.DAYS.between(start.plusMonths(n), end));
    return off <= SNAP_TOLERANCE_DAYS ? n : 0;
  }

  /**
   * Fills {@code series} with one unit's month-end MRR; {@code diff} and {@code coverDiff} are
   * scratch.
   */
  private void unitSeries(
      List<Interval> intervals,
      long[] monthEnds,
      int fromMonth,
      long[] series,
      long[] diff,
      int[] coverDiff) {
    int months = monthEnds.length;
    Arrays.fill(diff, 0);
    Arrays.fill(coverDiff, 0);
    for (Interval i : intervals) {
      if (!i.hasLength()) {
        continue;
      }
      // The month-end of a day's month is on or after it: the first month-end covered is the
      // start's month, the
      // last is the one before the effective end's month.
      int first = Math.max(0, i.startMonth - fromMonth);
      int last = Math.min(months - 1, i.endMonth - fromMonth - 1);
      if (first > last) {
        continue;
      }
      diff[first] += i.monthlyRate;
      diff[last + 1] -= i.monthlyRate;
      coverDiff[first]++;
      coverDiff[last + 1]--;
    }
    long firstStart = Long.MAX_VALUE;
    long lastEnd = Long.MIN_VALUE;
    for (Interval i : intervals) {
      if (i.hasLength()) {
        firstStart = Math.min(firstStart, i.start);
        lastEnd = Math.max(lastEnd, i.effectiveEnd);
      }
    }
    // After the last coverage there is no later start: the gap is bridged only while younger than
    // the grace.
    long afterLast = -1;
    long running = 0;
    int covered = 0;
    for (int k = 0; k < months; k++) {
      running += diff[k];
      covered += coverDiff[k];
      long d = monthEnds[k];
      if (covered > 0) {
        series[k] = toCents(running);
      } else if (d < firstStart) {
        series[k] = 0;
      } else if (d >= lastEnd) {
        if (afterLast < 0) {
          afterLast = toCents(bridged(intervals, d));
        }
        series[k] = afterLast;
      } else {
        series[k] = toCents(bridged(intervals, d));
      }
    }
  }

  /**
   * Metrics spec §3.5: MRR on an uncovered day, kept from the last covered day when the gap is
   * within grace.
   */
  private long bridged(List<Interval> intervals, long d) {
    long lastEnd = Long.MIN_VALUE;
    long nextStart = Long.MAX_VALUE;
    for (Interval i : intervals) {
      if (!i.hasLength()) {
        continue;
      }
      if (i.effectiveEnd <= d && i.effectiveEnd > lastEnd) {
        lastEnd = i.effectiveEnd;
      }
      if (i.start > d && i.start < nextStart) {
        nextStart = i.start;
      }
    }
    if (lastEnd == Long.MIN_VALUE) {
      return 0;
    }
    boolean bridged =
        nextStart != Long.MAX_VALUE ? nextStart - lastEnd <= graceDays : asOf - lastEnd < graceDays;
    if (!bridged) {
      return 0;
    }
    long dayBefore = lastEnd - 1;
    long m = 0;
    for (Interval i : intervals) {
      if (i.activeOn(dayBefore)) {
        m += i.monthlyRate;
      }
    }
    return m;
  }

  /** Whole cents, half up; at most half a cent, or negative, is zero. */
  static long toCents(long units) {
    if (units <= UNITS / 2) {
      return 0;
    }
    return (units + UNITS / 2) / UNITS;
  }

  private static final int EPOCH_MONTH = 1970 * 12;

  /** Months since 1970-01 of an epoch day. */
  static int epochMonth(long epochDay) {
    LocalDate d = LocalDate.ofEpochDay(epochDay);
    return d.getYear() * 12 + d.getMonthValue() - 1 - EPOCH_MONTH;
  }

  /** Metrics spec §2.4: New < Renewal < Refund < Downgrade < Upgrade. */
  private static int typeOrder(SaleType t) {
    return switch (t) {
      case NEW -> 0;
      case RENEWAL -> 1;
      case REFUND -> 2;
      case DOWNGRADE -> 3;
      case UPGRADE -> 4;
    };
  }
}
