package dev.marketlens.emulator.world;

import dev.marketlens.emulator.commerce.App;
import dev.marketlens.emulator.commerce.MrrLedger;
import dev.marketlens.emulator.commerce.Payouts;
import dev.marketlens.emulator.commerce.RefundPolicy;
import dev.marketlens.emulator.commerce.ServiceEvent;
import dev.marketlens.emulator.commerce.Vendor;
import dev.marketlens.emulator.wire.DiscountType;
import dev.marketlens.emulator.wire.PurchaseDetails;
import dev.marketlens.emulator.wire.SaleType;
import dev.marketlens.emulator.wire.Transaction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * What a vendor's metrics must come to, computed from what happened in the world (service events
 * with true customer and license identities, evaluation episodes) rather than from the exported
 * records: MRR movements vendor-wide and per app, evaluations and conversions, refunds, revenue and
 * payouts, month by month.
 */
public final class GroundTruth {

  /**
   * Metrics spec §5.11: an evaluation converts when the first paid sale is within 60 days of its
   * start.
   */
  public static final int CONVERSION_WINDOW_DAYS = 60;

  /**
   * One month of evaluations by evaluation-start month, in the shape of the metrics' {@code
   * conversion} report.
   */
  public record Conversion(
      YearMonth month,
      int evaluations,
      int converted,
      BigDecimal conversionRate,
      int eventualConversions,
      Integer medianDaysToConvert) {}

  /** One month of refunds (amounts negative, cents) and how the policy classified them. */
  public record Refunds(
      YearMonth month,
      int count,
      long purchaseCents,
      long vendorCents,
      Map<RefundPolicy.Rule, Integer> byRule) {}

  /** One month of one app's transactions, in cents. */
  public record Revenue(
      YearMonth month,
      String addonKey,
      int lines,
      int zeroDollarLines,
      long grossCents,
      long vendorCents,
      long listCents,
      Map<DiscountType, Long> discountCents) {}

  /** A subscription's month-end MRR in cents (net), recorded at each month it changed. */
  public record SubscriptionMrr(
      String lineage, String customer, String addonKey, Map<YearMonth, Long> changes) {}

  private final Vendor vendor;
  private final YearMonth from;
  private final YearMonth to;
  private final List<MrrLedger.Movements> movements;
  private final Map<String, List<MrrLedger.Movements>> movementsByApp;
  private final List<Conversion> conversions;
  private final List<Refunds> refunds;
  private final List<Revenue> revenue;
  private final List<Payouts.Month> payouts;
  private final List<SubscriptionMrr> subscriptions;

  private GroundTruth(Vendor vendor, World world) {
    this.vendor = vendor;
    this.from = YearMonth.from(world.spec().from());
    this.to = YearMonth.from(world.clock());
    Set<String> keys = new HashSet<>();
    for (App a : vendor.apps()) {
      keys.add(a.addonKey());
    }
    boolean wholeWorld = world.vendors().size() == 1;
    Predicate<ServiceEvent> ours = wholeWorld ? e -> true : e -> keys.contains(e.addonKey());
    // History before `from` counts: the movements' series start at the world's earliest service
    // start (earlier than the vendor's own only adds months without MRR).
    LocalDate firstStart = world.firstServiceStart();
    YearMonth start =
        firstStart != null && month(firstStart).isBefore(from) ? month(firstStart) : from;
    MrrLedger ledger =
        new MrrLedger(MrrLedger.Basis.NET, MrrLedger.DEFAULT_GRACE_DAYS, world.clock());
    List<List<ServiceEvent>> byCustomer = world.serviceEventsByCustomer();
    Ledger sums =
        IntStream.range(0, byCustomer.size())
            .parallel()
            .collect(
                () -> new Ledger(ledger, ours, start),
                (acc, c) -> acc.add(byCustomer.get(c)),
                Ledger::addAll);
    this.movements = sums.vendorWide.movements(from);
    Map<String, List<MrrLedger.Movements>> byApp = new TreeMap<>();
    for (int a = 0; a < sums.apps.size(); a++) {
      byApp.put(sums.apps.get(a), sums.byApp[a].movements(from));
    }
    this.movementsByApp = byApp;
    sums.subscriptions.sort(Comparator.comparing(SubscriptionMrr::lineage));
    this.subscriptions = sums.subscriptions;
    this.conversions = conversions(world, keys);
    // Customer by customer: each customer's lines were materialised together.
    List<List<RecordHistory<Transaction>>> linesByCustomer = world.transactionHistoriesByCustomer();
    LineSums lineSums =
        IntStream.range(0, linesByCustomer.size())
            .parallel()
            .collect(
                LineSums::new,
                (acc, c) -> {
                  for (RecordHistory<Transaction> line : linesByCustomer.get(c)) {
                    Transaction t = line.latest();
                    if (wholeWorld || keys.contains(t.addonKey())) {
                      acc.add(t);
                    }
                  }
                },
                LineSums::addAll);
    this.refunds = lineSums.refunds();
    Map<YearMonth, long[]> salesAndRefunds = new HashMap<>();
    this.revenue = lineSums.revenue(salesAndRefunds);
    this.payouts = payouts(salesAndRefunds);
  }

  /** The vendor's app keys in order. */
  private List<String> appKeys() {
    return new ArrayList<>(new TreeSet<>(vendor.apps().stream().map(App::addonKey).toList()));
  }

  /**
   * The MRR views summed customer by customer: a customer's licenses, its units (the customer, the
   * customer × app) and its subscriptions are its own, so customers are independent and summed in
   * parallel, each worker into its own sums, then merged (the sums are exact).
   */
  private final class Ledger {
    final MrrLedger ledger;
    final Predicate<ServiceEvent> ours;
    final MrrLedger.Months history;
    final MrrLedger.Months reported;
    final List<String> apps;
    final Map<String, Integer> appIndex = new HashMap<>();
    final MrrLedger.Totals vendorWide;
    final MrrLedger.Totals[] byApp;
    final List<SubscriptionMrr> subscriptions = new ArrayList<>();

    Ledger(MrrLedger ledger, Predicate<ServiceEvent> ours, YearMonth start) {
      this.ledger = ledger;
      this.ours = ours;
      this.history = new MrrLedger.Months(start, to);
      this.reported = new MrrLedger.Months(from, to);
      this.apps = appKeys();
      this.vendorWide = new MrrLedger.Totals(start, to);
      this.byApp = new MrrLedger.Totals[apps.size()];
      for (int a = 0; a < apps.size(); a++) {
        appIndex.put(apps.get(a), a);
        byApp[a] = new MrrLedger.Totals(start, to);
      }
    }

    /** Adds one customer's events. */
    void add(List<ServiceEvent> events) {
      List<ServiceEvent> own = new ArrayList<>(events.size());
      for (ServiceEvent e : events) {
        if (ours.test(e)) {
          own.add(e);
        }
      }
      if (own.isEmpty()) {
        return;
      }
      MrrLedger.Intervals intervals = ledger.intervals(own);
      ledger.forEachUnit(
          intervals, ServiceEvent::customer, history, (unit, e, series) -> vendorWide.add(series));
      // The customer's units per app are its events of each app.
      ledger.forEachUnit(
          intervals,
          ServiceEvent::addonKey,
          history,
          (app, e, series) -> {
            Integer a = appIndex.get(app);
            if (a != null) {
              byApp[a].add(series);
            }
          });
      ledger.forEachUnit(
          intervals,
          ServiceEvent::lineage,
          reported,
          (lineage, e, series) -> {
            Map<YearMonth, Long> changes = new LinkedHashMap<>();
            long previous = 0;
            for (int k = 0; k < series.length; k++) {
              if (series[k] != previous) {
                changes.put(from.plusMonths(k), series[k]);
                previous = series[k];
              }
            }
            subscriptions.add(new SubscriptionMrr(lineage, e.customer(), e.addonKey(), changes));
          });
    }

    void addAll(Ledger other) {
      vendorWide.addAll(other.vendorWide);
      for (int a = 0; a < byApp.length; a++) {
        byApp[a].addAll(other.byApp[a]);
      }
      subscriptions.addAll(other.subscriptions);
    }
  }

  /** The ground truth of one vendor of a world. */
  public static GroundTruth of(World world, Vendor vendor) {
    return new GroundTruth(vendor, world);
  }

  public Vendor vendor() {
    return vendor;
  }

  public YearMonth from() {
    return from;
  }

  public YearMonth to() {
    return to;
  }

  /** Vendor-wide movements (unit: customer), NET basis, 30 days of grace. */
  public List<MrrLedger.Movements> movements() {
    return movements;
  }

  /** Movements per app (unit: customer × app). */
  public Map<String, List<MrrLedger.Movements>> movementsByApp() {
    return movementsByApp;
  }

  public List<Conversion> conversions() {
    return conversions;
  }

  public List<Refunds> refunds() {
    return refunds;
  }

  public List<Revenue> revenue() {
    return revenue;
  }

  public List<Payouts.Month> payouts() {
    return payouts;
  }

  public List<SubscriptionMrr> subscriptions() {
    return subscriptions;
  }

  private List<Conversion> conversions(World world, Set<String> keys) {
    int first = from.getYear() * 12 + from.getMonthValue() - 1;
    int months = to.getYear() * 12 + to.getMonthValue() - first;
    int[][] counts = new int[months][3];
    List<List<Long>> days = new ArrayList<>(months);
    for (int m = 0; m < months; m++) {
      days.add(new ArrayList<>());
    }
    for (EvaluationEpisode e : world.evaluations()) {
      int m = e.start().getYear() * 12 + e.start().getMonthValue() - 1 - first;
      if (m < 0 || m >= months || !keys.contains(e.addonKey())) {
        continue;
      }
      int[] c = counts[m];
      c[0]++;
      if (e.saleDate() != null) {
        long day = ChronoUnit.DAYS.between(e.start(), e.saleDate());
        c[2]++;
        if (day >= 0 && day <= CONVERSION_WINDOW_DAYS) {
          c[1]++;
          days.get(m).add(day);
        }
      }
    }
    List<Conversion> out = new ArrayList<>();
    for (int m = 0; m < months; m++) {
      int[] c = counts[m];
      List<Long> d = days.get(m);
      d.sort(null);
      Integer median =
          d.isEmpty()
              ? null
              : (int)
                  (d.size() % 2 == 1
                      ? d.get(d.size() / 2)
                      : (d.get(d.size() / 2 - 1) + d.get(d.size() / 2)) / 2);
      BigDecimal rate =
          c[0] == 0
              ? null
              : BigDecimal.valueOf(c[1]).divide(BigDecimal.valueOf(c[0]), 4, RoundingMode.HALF_UP);
      out.add(new Conversion(from.plusMonths(m), c[0], c[1], rate, c[2], median));
    }
    return out;
  }

  /**
   * Refunds and revenue summed line by line, in parallel: each worker into its own sums, then
   * merged (the sums are exact). Revenue is accumulated in arrays indexed by app and month (a few
   * hundred cells), not in a map keyed per line.
   */
  private final class LineSums {
    private final DiscountType[] types = DiscountType.values();
    private final RefundPolicy.Rule[] rules = RefundPolicy.Rule.values();
    private final List<String> apps = appKeys();
    private final Map<String, Integer> appIndex = new HashMap<>();
    private final int first = from.getYear() * 12 + from.getMonthValue() - 1;
    private final int months = to.getYear() * 12 + to.getMonthValue() - first;

    /** Per app and month: lines, $0 lines, gross, net, list, sales, refunds, then discounts. */
    private final long[][][] revenue = new long[apps.size()][months][];

    /** Per month: refunds, purchase, vendor amount, then the count of each rule. */
    private final SortedMap<YearMonth, long[]> refunds = new TreeMap<>();

    LineSums() {
      for (int i = 0; i < apps.size(); i++) {
        appIndex.put(apps.get(i), i);
      }
    }

    void add(Transaction t) {
      PurchaseDetails p = t.purchaseDetails();
      if (p.saleType() == SaleType.REFUND) {
        long[] r = refunds.computeIfAbsent(month(p.saleDate()), m -> new long[3 + rules.length]);
        RefundPolicy.Rule rule =
            RefundPolicy.classify(
                p.originalTransactionDetails().saleDate(),
                p.saleDate(),
                -p.purchasePriceCents(),
                false);
        r[0]++;
        r[1] += p.purchasePriceCents();
        r[2] += p.vendorAmountCents();
        r[3 + rule.ordinal()]++;
      }
      LocalDate sale = p.saleDate();
      int m = sale.getYear() * 12 + sale.getMonthValue() - 1 - first;
      if (m < 0 || m >= months) {
        throw new IllegalStateException(
            t.transactionLineItemId()
                + ": sold "
                + sale
                + ", outside the world's "
                + from
                + ".."
                + to);
      }
      long[][] byMonth = revenue[appIndex.get(t.addonKey())];
      long[] a = byMonth[m];
      if (a == null) {
        a = new long[7 + types.length];
        byMonth[m] = a;
      }
      a[0]++;
      a[1] += p.purchasePriceCents() == 0 ? 1 : 0;
      a[2] += p.purchasePriceCents();
      a[3] += p.vendorAmountCents();
      a[5 + (p.vendorAmountCents() < 0 ? 1 : 0)] += p.vendorAmountCents();
      for (var d : p.discounts()) {
        a[7 + d.type().ordinal()] += d.amountCents();
        a[4] += d.amountCents();
      }
      a[4] += p.purchasePriceCents();
    }

    void addAll(LineSums other) {
      other.refunds.forEach(
          (m, o) -> {
            long[] r = refunds.computeIfAbsent(m, k -> new long[o.length]);
            for (int i = 0; i < o.length; i++) {
              r[i] += o[i];
            }
          });
      for (int app = 0; app < apps.size(); app++) {
        for (int m = 0; m < months; m++) {
          long[] o = other.revenue[app][m];
          if (o == null) {
            continue;
          }
          long[] a = revenue[app][m];
          if (a == null) {
            revenue[app][m] = o.clone();
          } else {
            for (int i = 0; i < o.length; i++) {
              a[i] += o[i];
            }
          }
        }
      }
    }

    List<Refunds> refunds() {
      List<Refunds> out = new ArrayList<>();
      refunds.forEach(
          (m, r) -> {
            Map<RefundPolicy.Rule, Integer> byRule = new EnumMap<>(RefundPolicy.Rule.class);
            for (RefundPolicy.Rule rule : rules) {
              if (r[3 + rule.ordinal()] > 0) {
                byRule.put(rule, (int) r[3 + rule.ordinal()]);
              }
            }
            out.add(new Refunds(m, (int) r[0], r[1], r[2], byRule));
          });
      return out;
    }

    /** Lines, amounts and discounts per month and app; adds each month's sales and refunds. */
    List<Revenue> revenue(Map<YearMonth, long[]> salesAndRefunds) {
      List<Revenue> out = new ArrayList<>();
      for (int m = 0; m < months; m++) {
        YearMonth month = from.plusMonths(m);
        for (int app = 0; app < apps.size(); app++) {
          long[] a = revenue[app][m];
          if (a == null) {
            continue;
          }
          long[] sr = salesAndRefunds.computeIfAbsent(month, k -> new long[2]);
          sr[0] += a[5];
          sr[1] += a[6];
          Map<DiscountType, Long> discounts = new EnumMap<>(DiscountType.class);
          for (DiscountType type : types) {
            if (a[7 + type.ordinal()] > 0) {
              discounts.put(type, a[7 + type.ordinal()]);
            }
          }
          out.add(
              new Revenue(
                  month, apps.get(app), (int) a[0], (int) a[1], a[2], a[3], a[4], discounts));
        }
      }
      return out;
    }
  }

  private List<Payouts.Month> payouts(Map<YearMonth, long[]> salesAndRefunds) {
    SortedMap<YearMonth, long[]> sorted = new TreeMap<>(salesAndRefunds);
    if (!sorted.isEmpty() && sorted.lastKey().isBefore(to)) {
      sorted.put(to, new long[2]);
    }
    return Payouts.ledger(sorted);
  }

  /** The month of a day, without the general temporal machinery of {@code YearMonth.from}. */
  private static YearMonth month(LocalDate day) {
    return YearMonth.of(day.getYear(), day.getMonthValue());
  }
}
