package dev.marketlens.emulator.commerce;

import dev.marketlens.emulator.wire.BillingPeriod;
import dev.marketlens.emulator.wire.SaleType;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * N1–N3, grace on coverage gaps, month-end classification). Arithmetic is exact to {@value #SCALE}
 * decimal places of a cent with half-up rounding at each division; a unit's month-end MRR is then
 * rounded half-up to whole cents (values of at most half a cent, and negative values, count as
 * zero), so every total is a sum of whole cents and opening + movements = closing holds exactly.
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

  /** Decimal places of a cent kept in intermediate results. */
  public static final int SCALE = 10;

  /** A whole monthly or annual term may differ from the calendar by this many days. */
  public static final int SNAP_TOLERANCE_DAYS = 3;

  /** Default grace on coverage gaps. */
  public static final int DEFAULT_GRACE_DAYS = 30;

  private static final BigDecimal HALF_CENT = new BigDecimal("0.5");
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

  /** A service interval {@code [start, effectiveEnd)} with its monthly rate in cents. */
  static final class Interval {
    final ServiceEvent event;
    final LocalDate start;
    final LocalDate end;
    LocalDate effectiveEnd;
    final BigDecimal monthlyRate;

    Interval(ServiceEvent event, BigDecimal monthlyRate) {
      this.event = event;
      this.start = event.start();
      this.end = event.end();
      this.effectiveEnd = event.end();
      this.monthlyRate = monthlyRate;
    }

    boolean activeOn(LocalDate d) {
      return !d.isBefore(start) && d.isBefore(effectiveEnd);
    }

    boolean hasLength() {
      return effectiveEnd.isAfter(start);
    }
  }

  private final Basis basis;
  private final int graceDays;
  private final LocalDate asOf;

  public MrrLedger(Basis basis, int graceDays, LocalDate asOf) {
    if (graceDays < 0) {
      throw new IllegalArgumentException("grace days are not negative: " + graceDays);
    }
    this.basis = basis;
    this.graceDays = graceDays;
    this.asOf = asOf;
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
    Map<String, List<Interval>> byUnit = new LinkedHashMap<>();
    for (Interval i : intervals(events)) {
      byUnit.computeIfAbsent(unitOf.apply(i.event), k -> new ArrayList<>()).add(i);
    }
    int months = (int) ChronoUnit.MONTHS.between(from, to) + 1;
    LocalDate[] monthEnds = new LocalDate[months];
    for (int k = 0; k < months; k++) {
      monthEnds[k] = from.plusMonths(k).atEndOfMonth();
    }
    Map<String, long[]> result = new LinkedHashMap<>();
    for (Map.Entry<String, List<Interval>> e : byUnit.entrySet()) {
      result.put(e.getKey(), unitSeries(e.getValue(), monthEnds));
    }
    return result;
  }

  /** Movements for every month of {@code [from, to]}, summed over units. */
  public List<Movements> movements(
      List<ServiceEvent> events,
      Function<ServiceEvent, String> unitOf,
      YearMonth from,
      YearMonth to) {
    return movements(monthEndMrr(events, unitOf, from, to).values(), from, to);
  }

  /** Movements from per-unit month-end series that start at {@code from}. */
  public static List<Movements> movements(
      Iterable<long[]> unitSeries, YearMonth from, YearMonth to) {
    int months = (int) ChronoUnit.MONTHS.between(from, to) + 1;
    long[][] acc = new long[months][7];
    int[] customers = new int[months];
    for (long[] series : unitSeries) {
      boolean everPaid = false;
      long o = 0;
      for (int k = 0; k < months; k++) {
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
    List<Movements> out = new ArrayList<>(months);
    for (int k = 0; k < months; k++) {
      long[] a = acc[k];
      out.add(
          new Movements(
              from.plusMonths(k), a[0], a[1], a[2], a[3], a[4], a[5], a[6], customers[k]));
    }
    return out;
  }

  /** Service intervals of every license, with the N1–N3 rates (metrics spec §2). */
  List<Interval> intervals(List<ServiceEvent> events) {
    Map<String, List<ServiceEvent>> byLicense = new HashMap<>();
    for (ServiceEvent e : events) {
      byLicense.computeIfAbsent(e.lineage(), k -> new ArrayList<>()).add(e);
    }
    List<Interval> all = new ArrayList<>(events.size());
    for (List<ServiceEvent> license : byLicense.values()) {
      license.sort(LICENSE_ORDER);
      List<Interval> done = new ArrayList<>(license.size());
      for (ServiceEvent e : license) {
        Interval interval = new Interval(e, rate(e, done));
        done.add(interval);
      }
      all.addAll(done);
    }
    return all;
  }

  private BigDecimal rate(ServiceEvent e, List<Interval> earlier) {
    long amount = e.amount(basis);
    long days = ChronoUnit.DAYS.between(e.start(), e.end());
    if (days <= 0) {
      return BigDecimal.ZERO;
    }
    if (e.saleType() == SaleType.UPGRADE || e.saleType() == SaleType.DOWNGRADE) {
      BigDecimal credit = BigDecimal.ZERO;
      for (Interval p : earlier) {
        if (p.activeOn(e.start())) {
          LocalDate overlapEnd = p.effectiveEnd.isBefore(e.end()) ? p.effectiveEnd : e.end();
          long overlap = ChronoUnit.DAYS.between(e.start(), overlapEnd);
          credit =
              credit.add(
                  p.monthlyRate
                      .multiply(BigDecimal.valueOf(12 * overlap))
                      .divide(BigDecimal.valueOf(365), SCALE, RoundingMode.HALF_UP));
          p.effectiveEnd = e.start();
        }
      }
      return BigDecimal.valueOf(amount)
          .add(credit)
          .multiply(BigDecimal.valueOf(365))
          .divide(BigDecimal.valueOf(12 * days), SCALE, RoundingMode.HALF_UP);
    }
    int n = wholeTermMonths(e.billingPeriod(), e.start(), e.end());
    if (n > 0) {
      return BigDecimal.valueOf(amount).divide(BigDecimal.valueOf(n), SCALE, RoundingMode.HALF_UP);
    }
    return BigDecimal.valueOf(amount * 365)
        .divide(BigDecimal.valueOf(12 * days), SCALE, RoundingMode.HALF_UP);
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

  private long[] unitSeries(List<Interval> intervals, LocalDate[] monthEnds) {
    int months = monthEnds.length;
    BigDecimal[] diff = new BigDecimal[months + 1];
    Arrays.fill(diff, BigDecimal.ZERO);
    int[] coverDiff = new int[months + 1];
    for (Interval i : intervals) {
      if (!i.hasLength()) {
        continue;
      }
      int first = firstMonthEndOnOrAfter(monthEnds, i.start);
      int last = firstMonthEndOnOrAfter(monthEnds, i.effectiveEnd) - 1; // month-ends < effectiveEnd
      if (first > last) {
        continue;
      }
      diff[first] = diff[first].add(i.monthlyRate);
      diff[last + 1] = diff[last + 1].subtract(i.monthlyRate);
      coverDiff[first]++;
      coverDiff[last + 1]--;
    }
    long[] series = new long[months];
    BigDecimal running = BigDecimal.ZERO;
    int covered = 0;
    for (int k = 0; k < months; k++) {
      running = running.add(diff[k]);
      covered += coverDiff[k];
      BigDecimal m = covered > 0 ? running : bridged(intervals, monthEnds[k]);
      series[k] = toCents(m);
    }
    return series;
  }

  /**
   * Metrics spec §3.5: MRR on an uncovered day, kept from the last covered day when the gap is
   * within grace.
   */
  private BigDecimal bridged(List<Interval> intervals, LocalDate d) {
    LocalDate lastEnd = null;
    LocalDate nextStart = null;
    for (Interval i : intervals) {
      if (!i.hasLength()) {
        continue;
      }
      if (!i.effectiveEnd.isAfter(d) && (lastEnd == null || i.effectiveEnd.isAfter(lastEnd))) {
        lastEnd = i.effectiveEnd;
      }
      if (i.start.isAfter(d) && (nextStart == null || i.start.isBefore(nextStart))) {
        nextStart = i.start;
      }
    }
    if (lastEnd == null) {
      return BigDecimal.ZERO;
    }
    boolean bridged =
        nextStart != null
            ? ChronoUnit.DAYS.between(lastEnd, nextStart) <= graceDays
            : ChronoUnit.DAYS.between(lastEnd, asOf) < graceDays;
    if (!bridged) {
      return BigDecimal.ZERO;
    }
    LocalDate dayBefore = lastEnd.minusDays(1);
    BigDecimal m = BigDecimal.ZERO;
    for (Interval i : intervals) {
      if (i.activeOn(dayBefore)) {
        m = m.add(i.monthlyRate);
      }
    }
    return m;
  }

  /** Whole cents, half up; at most half a cent, or negative, is zero. */
  static long toCents(BigDecimal m) {
    if (m.compareTo(HALF_CENT) <= 0) {
      return 0;
    }
    return m.setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  private static int firstMonthEndOnOrAfter(LocalDate[] monthEnds, LocalDate d) {
    int lo = 0;
    int hi = monthEnds.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (monthEnds[mid].isBefore(d)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
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
