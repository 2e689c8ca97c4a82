package dev.marketlens.metrics;

import dev.marketlens.metrics.churn.ChurnMonth;
import dev.marketlens.metrics.cohorts.Cohort;
import dev.marketlens.metrics.cohorts.Cohorts;
import dev.marketlens.metrics.conversion.ConversionMonth;
import dev.marketlens.metrics.conversion.Conversions;
import dev.marketlens.metrics.conversion.DaysToConvert;
import dev.marketlens.metrics.conversion.Evaluation;
import dev.marketlens.metrics.customers.CustomerMonth;
import dev.marketlens.metrics.customers.CustomerMonths;
import dev.marketlens.metrics.customers.CustomerMrr;
import dev.marketlens.metrics.customers.CustomerRecords;
import dev.marketlens.metrics.ledger.Ledger;
import dev.marketlens.metrics.ledger.LedgerLine;
import dev.marketlens.metrics.movements.Bridge;
import dev.marketlens.metrics.movements.BridgeMonth;
import dev.marketlens.metrics.movements.GrowthMonth;
import dev.marketlens.metrics.movements.Movements;
import dev.marketlens.metrics.movements.MrrMonth;
import dev.marketlens.metrics.mrr.Book;
import dev.marketlens.metrics.mrr.Intervals;
import dev.marketlens.metrics.mrr.MonthEnds;
import dev.marketlens.metrics.mrr.Months;
import dev.marketlens.metrics.mrr.Parallel;
import dev.marketlens.metrics.renewals.RenewalMonth;
import dev.marketlens.metrics.renewals.Renewals;
import dev.marketlens.metrics.renewals.UpcomingRenewal;
import dev.marketlens.metrics.retention.RetentionMonth;
import dev.marketlens.metrics.segments.Dimension;
import dev.marketlens.metrics.segments.Where;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every metric of one vendor's book, on demand: movements, MRR, churn, retention, growth, cohorts,
 * renewals and conversion per month of a {@link View}. Intervals are computed once per basis and
 * each view's month-end pass once; the pass splits the customers over the common pool's threads.
 */
public final class Metrics {

  /**
   * Which months, segmented by what, over which lines.
   *
   * @param by the dimension to segment by, or empty for one row per month
   * @param where filters; only lines passing all of them count
   */
  public record View(YearMonth from, YearMonth to, Optional<Dimension> by, List<Where> where) {
    public View {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      if (from.isAfter(to)) {
        throw new IllegalArgumentException("--from " + from + " is after --to " + to);
      }
      where = List.copyOf(where);
    }

    public static View of(YearMonth from, YearMonth to) {
      return new View(from, to, Optional.empty(), List.of());
    }

    public View by(Dimension dimension) {
      return new View(from, to, Optional.of(dimension), where);
    }

    public View where(Where filter) {
      List<Where> more = new ArrayList<>(where);
      more.add(filter);
      return new View(from, to, by, more);
    }

    String key() {
      return from + ".." + to + "|" + by.map(Dimension::name).orElse("") + "|" + Where.key(where);
    }
  }

  private final Book book;
  private final List<Evaluation> evaluations;
  private final Records.Loaded loaded;
  private final Parameters parameters;
  private final Map<Basis, Intervals> intervals = new EnumMap<>(Basis.class);
  private final Map<String, Pass> passes = new ConcurrentHashMap<>();
  private Renewals renewals;
  private List<Conversions.Episode> episodes;
  private Map<String, Integer> customerNumbers;

  private Metrics(
      Book book, List<Evaluation> evaluations, Records.Loaded loaded, Parameters parameters) {
    this.book = book;
    this.evaluations = List.copyOf(evaluations);
    this.loaded = loaded;
    this.parameters = parameters;
  }

  /** The metrics of records loaded with {@link Records#load}. */
  public static Metrics of(Records.Loaded loaded, Parameters parameters) {
    return new Metrics(loaded.book(), loaded.evaluations(), loaded, parameters);
  }

  /** The metrics of a book built directly (no ledger). */
  public static Metrics of(Book book, List<Evaluation> evaluations, Parameters parameters) {
    return new Metrics(book, evaluations, null, parameters);
  }

  /** The same book under other parameters (another basis, grace or as-of day). */
  public Metrics with(Parameters other) {
    return new Metrics(book, evaluations, loaded, other);
  }

  /** Whether there is nothing to report on: no transaction lines and no evaluations. */
  public boolean isEmpty() {
    return book.size() == 0 && evaluations.isEmpty();
  }

  public Parameters parameters() {
    return parameters;
  }

  public Book book() {
    return book;
  }

  /** The service intervals on the parameters' basis. */
  public synchronized Intervals intervals() {
    return intervals.computeIfAbsent(parameters.basis(), b -> Intervals.of(book, b));
  }

  public List<Movements> movements(View view) {
    return pass(view).bridge().stream().map(Movements::of).toList();
  }

  public List<MrrMonth> mrr(View view) {
    return pass(view).bridge().stream().map(MrrMonth::of).toList();
  }

  public List<ChurnMonth> churn(View view) {
    return pass(view).bridge().stream().map(ChurnMonth::of).toList();
  }

  public List<RetentionMonth> retention(View view) {
    return pass(view).bridge().stream().map(RetentionMonth::of).toList();
  }

  /** Growth figures; the churn mean reaches back up to eleven months before {@code from}. */
  public List<GrowthMonth> growth(View view) {
    Pass p = pass(view);
    List<BridgeMonth> all = p.bridgeFrom(0);
    List<GrowthMonth> out = new ArrayList<>();
    int segments = p.segments.size();
    for (int g = 0; g < segments; g++) {
      List<BridgeMonth> ofSegment = new ArrayList<>();
      for (int i = g; i < all.size(); i += segments) {
        ofSegment.add(all.get(i));
      }
      out.addAll(GrowthMonth.of(ofSegment, p.fromIndex));
    }
    // Month by month, segments in order, like every other report.
    out.sort(
        java.util.Comparator.comparing(GrowthMonth::month)
            .thenComparing(m -> p.segments.indexOf(m.segment() == null ? "" : m.segment())));
    return out;
  }

  public List<Cohort> cohorts(View view, Cohort.Measure measure) {
    Pass p = pass(view);
    return p.cohorts.cohorts(p.fromIndex, measure, p.segments);
  }

  public List<RenewalMonth> renewals(View view) {
    Pass p = pass(view);
    int first = Months.of(view.from());
    int months = Months.of(view.to()) - first + 1;
    return renewalsComputed().months(first, months, p.keep, p.segmentOf, p.segments);
  }

  /** Paid terms ending in the next {@code days} days (or overdue within the grace), not renewed. */
  public List<UpcomingRenewal> upcoming(int days, List<Where> where) {
    return renewalsComputed().upcoming(days, keep(where));
  }

  public List<ConversionMonth> conversion(View view) {
    Pass p = pass(view);
    int first = Months.of(view.from());
    int months = Months.of(view.to()) - first + 1;
    return Conversions.months(
        episodes(), parameters, first, months, p.segmentOf, p.segments, p.keep);
  }

  /**
   * The days of conversion of the episodes started in each month of the view that converted at any
   * time, for the days-to-convert distribution; the same episodes as {@link #conversion}.
   */
  public List<DaysToConvert> daysToConvert(View view) {
    Pass p = pass(view);
    int first = Months.of(view.from());
    int months = Months.of(view.to()) - first + 1;
    return Conversions.days(episodes(), parameters, first, months, p.segmentOf, p.segments, p.keep);
  }

  /** The revenue ledger of the lines sold in the view's months that pass its filters. */
  public List<LedgerLine> ledger(View view) {
    if (loaded == null) {
      throw new IllegalStateException("a book built directly has no ledger");
    }
    boolean[] keep = keep(view.where());
    return Ledger.of(
        loaded,
        intervals(),
        line -> keep[book.profileOf(line)],
        view.from().atDay(1),
        view.to().plusMonths(1).atDay(1));
  }

  /**
   * The customers behind a month's movements: each customer with MRR at the end of {@code month} or
   * of the month before, over the lines the view's filters keep, with the movement it makes — from
   * the same month-end pass the movements report sums, so the amounts of each kind add up to the
   * report's figure for that month. The view's months and segmentation are not used.
   */
  public List<CustomerMonth> customers(View view, YearMonth month) {
    return customerMonths(view).month(Months.of(month));
  }

  /** One customer's month-end MRR over the view's months, or empty for an unknown customer. */
  public Optional<List<CustomerMrr>> customerMrr(View view, String customer) {
    Integer c = customerNumber(customer);
    if (c == null) {
      return Optional.empty();
    }
    return Optional.of(
        customerMonths(view).series(c, Months.of(view.from()), Months.of(view.to())));
  }

  /**
   * What belongs to a customer: its license lineages, the license ids its records carry and the
   * line item ids of its counted transaction lines; empty for an unknown customer.
   */
  public Optional<CustomerRecords> customerRecords(String customer) {
    Integer c = customerNumber(customer);
    if (c == null) {
      return Optional.empty();
    }
    TreeSet<String> lineages = new TreeSet<>();
    for (int i = 0; i < book.customerLineCount(c); i++) {
      lineages.add(book.licenseKey(book.licenseOf(book.customerLine(c, i))));
    }
    for (Evaluation e : evaluations) {
      if (e.customer() == c) {
        lineages.add(book.licenseKey(e.license()));
      }
    }
    TreeSet<String> ids = new TreeSet<>();
    List<String> lineItems = new ArrayList<>();
    if (loaded != null) {
      loaded
          .customerOfId()
          .forEach(
              (id, key) -> {
                if (key.equals(customer)) {
                  ids.add(id);
                }
              });
      for (int k = 0; k < loaded.lines().size(); k++) {
        if (book.customerOf(book.lineAdded(k)) == c) {
          lineItems.add(loaded.lines().get(k).lineItemId().value());
        }
      }
    }
    return Optional.of(
        new CustomerRecords(customer, List.copyOf(lineages), List.copyOf(ids), lineItems));
  }

  /** The customer a license id (entitlement id or number, SEN, add-on license id) belongs to. */
  public Optional<String> customerOfLicense(String id) {
    return loaded == null || id == null
        ? Optional.empty()
        : Optional.ofNullable(loaded.customerOfId().get(id));
  }

  /** Whether the book knows a customer by this key (it has lines or evaluations). */
  public boolean hasCustomer(String customer) {
    return customerNumber(customer) != null;
  }

  private CustomerMonths customerMonths(View view) {
    return new CustomerMonths(
        intervals(), keep(view.where()), parameters.asOf().toEpochDay(), parameters.graceDays());
  }

  private synchronized Integer customerNumber(String customer) {
    if (customerNumbers == null) {
      Map<String, Integer> numbers = new java.util.HashMap<>();
      for (int c = 0; c < book.customerCount(); c++) {
        numbers.put(book.customerKey(c), c);
      }
      customerNumbers = numbers;
    }
    return customer == null ? null : customerNumbers.get(customer);
  }

  private synchronized Renewals renewalsComputed() {
    if (renewals == null) {
      renewals = Renewals.of(intervals(), parameters);
    }
    return renewals;
  }

  private synchronized List<Conversions.Episode> episodes() {
    if (episodes == null) {
      episodes = Conversions.episodes(book, evaluations, parameters);
    }
    return episodes;
  }

  private boolean[] keep(List<Where> where) {
    List<String[]> profiles = book.profiles();
    boolean[] keep = new boolean[profiles.size()];
    for (int p = 0; p < keep.length; p++) {
      keep[p] = Where.allMatch(where, profiles.get(p));
    }
    return keep;
  }

  private Pass pass(View view) {
    return passes.computeIfAbsent(view.key(), k -> new Pass(view));
  }

  /** What a month-end pass sums over some customers. */
  private record Sums(Bridge bridge, Cohorts cohorts) {}

  /** One view's month-end pass over every customer: its bridge and cohorts. */
  private final class Pass {
    final boolean[] keep;
    final int[] segmentOf;
    final List<String> segments;
    final int firstMonth;
    final int fromIndex;
    final int months;
    final Bridge bridgeSums;
    final Cohorts cohorts;

    Pass(View view) {
      this.keep = keep(view.where());
      List<String[]> profiles = book.profiles();
      if (view.by().isPresent()) {
        int d = view.by().get().ordinal();
        TreeSet<String> values = new TreeSet<>();
        for (int p = 0; p < profiles.size(); p++) {
          if (keep[p]) {
            values.add(profiles.get(p)[d]);
          }
        }
        this.segments = List.copyOf(values);
        this.segmentOf = new int[profiles.size()];
        for (int p = 0; p < profiles.size(); p++) {
          segmentOf[p] = Math.max(0, segments.indexOf(profiles.get(p)[d]));
        }
      } else {
        this.segments = List.of("");
        this.segmentOf = null;
      }
      int from = Months.of(view.from());
      this.firstMonth = Math.min(from, book.firstMonth().orElse(from));
      this.fromIndex = from - firstMonth;
      this.months = Months.of(view.to()) - firstMonth + 1;
      boolean segmented = segmentOf != null;
      MonthEnds monthEnds =
          new MonthEnds(
              intervals(),
              firstMonth,
              months,
              parameters.asOf().toEpochDay(),
              parameters.graceDays());
      // One part per core: the first on this thread, the others on the common pool.
      List<Sums> parts =
          Parallel.map(book.customerCount(), (lo, hi) -> part(monthEnds, segmented, lo, hi));
      Bridge bridge = parts.get(0).bridge();
      Cohorts cohortSums = parts.get(0).cohorts();
      for (Sums other : parts.subList(1, parts.size())) {
        bridge.merge(other.bridge());
        cohortSums.merge(other.cohorts());
      }
      this.bridgeSums = bridge;
      this.cohorts = cohortSums;
    }

    /** The bridge and cohorts of customers {@code [lo, hi)}. */
    private Sums part(MonthEnds monthEnds, boolean segmented, int lo, int hi) {
      Bridge b = new Bridge(firstMonth, months, segments.size(), segmented);
      Cohorts c = new Cohorts(firstMonth, months, segments.size(), segmented);
      monthEnds.forEachUnit(
          keep,
          segmentOf,
          lo,
          hi,
          (customer, total, first, last, segs, count, bySegment) -> {
            b.unit(customer, total, first, last, segs, count, bySegment);
            c.unit(customer, total, first, last, segs, count, bySegment);
          });
      return new Sums(b, c);
    }

    List<BridgeMonth> bridge() {
      return bridgeFrom(fromIndex);
    }

    List<BridgeMonth> bridgeFrom(int index) {
      return bridgeSums.months(index, segments);
    }
  }
}
