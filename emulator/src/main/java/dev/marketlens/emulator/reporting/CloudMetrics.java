package dev.marketlens.emulator.reporting;

import dev.marketlens.emulator.commerce.App;
import dev.marketlens.emulator.wire.BillingPeriod;
import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.License;
import dev.marketlens.emulator.wire.LicenseIds;
import dev.marketlens.emulator.wire.LicenseStatus;
import dev.marketlens.emulator.wire.PurchaseDetails;
import dev.marketlens.emulator.wire.SaleType;
import dev.marketlens.emulator.wire.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Cloud churn, renewals and conversions (spec §13.2–§13.3, A3 and A4), derived from the licenses
 * and transaction lines one vendor is served on one day. A cloud license and its lines are linked
 * by {@code appEntitlementId} (else the SEN); only cloud records count.
 *
 * <p><b>Renewal opportunity.</b> A term of a cloud license that ended by the view's day: an end
 * date {@code e} of a paid line of the license (not a refund, {@code purchasePrice > 0}). Lines
 * that share an end (a term and its co-terminated upgrades) are one opportunity. A term refunded in
 * full (a refund line with the term's own start and end) is void and no opportunity; a refund of
 * the rest of a term is not (the customer simply stops paying). The opportunity's billing period
 * ({@code Monthly}, {@code Annual}) is the term's: the line that bought it (New, Renewal or
 * Downgrade ending at {@code e}, the latest sold).
 *
 * <p><b>Renewal.</b> The opportunity is renewed when a line of the same license that is not a
 * refund starts within {@value #EARLY_DAYS} days before to {@value #GRACE_DAYS} days after {@code
 * e} and ends after {@code e} — whatever its price (a $0 concession renewal renews too) and billing
 * period.
 *
 * <p><b>Cancellation (churn).</b> An opportunity not renewed whose license is no longer active on
 * the view's day, or whose renewal window ({@code e} + {@value #GRACE_DAYS} days) has closed. An
 * opportunity neither renewed nor cancelled yet is pending: it counts as an opportunity ({@code
 * Customers}, {@code Renewal opportunities}) but as neither a renewal nor a cancellation. Every
 * bucket therefore has {@code Cancellations ≤ Customers} and {@code Renewals ≤ Renewal
 * opportunities}.
 *
 * <p><b>Evaluation and conversion.</b> A cloud evaluation is a cloud license that is or was an
 * {@code EVALUATION} (cloud keeps the license through conversion, K13), dated by its evaluation
 * start. It converted when the license has a New line sold on or after that start (no time window:
 * eventual conversion, as of the view's day). Conversions are counted in the bucket of the
 * evaluation's start, so {@code Conversions ≤ Evaluations} in every bucket.
 *
 * <p><b>Counting.</b> Opportunities are counted in the bucket of {@code e}. {@code uniqueTotal}
 * (churn only) is the number of distinct licenses the series counted over the whole range. Series
 * carry one element per bucket, zeros included; both datasets ({@code Monthly}, {@code Annual}) are
 * always present; an app is listed when it has an opportunity (churn, renewal) or an evaluation
 * (conversion) in the range [EMU].
 *
 * <p><b>Events (A4).</b> churn: one per cancellation, dated {@code e}, with the line that bought
 * the lapsed term; renewal: one per renewal, dated {@code e}, with the renewing line; conversion:
 * one per conversion, dated by the converting sale, with the New line. {@code licenseDetails}
 * carries the line's maintenance dates and {@code monthsValid} (1 monthly, 12 annual). {@code
 * lastUpdated} is the line's ({@code e} at the earliest for a cancellation). {@code inGracePeriod}
 * is {@code Yes} for a cancellation less than {@value #GRACE_DAYS} days old, else {@code No}.
 */
final class CloudMetrics {

  /** How early a renewal may start before the end of the term it renews. */
  static final int EARLY_DAYS = 7;

  /** How late a renewal may start after the end of the term it renews. */
  static final int GRACE_DAYS = 30;

  /** The three metrics, by their path segment. */
  enum Kind {
    CHURN,
    CONVERSION,
    RENEWAL
  }

  static final Map<String, Kind> PARAM;

  static {
    Map<String, Kind> m = new LinkedHashMap<>();
    m.put("churn", Kind.CHURN);
    m.put("conversion", Kind.CONVERSION);
    m.put("renewal", Kind.RENEWAL);
    PARAM = Collections.unmodifiableMap(m);
  }

  /** What became of a renewal opportunity. */
  enum Outcome {
    RENEWED,
    CANCELLED,
    PENDING
  }

  /** A term of a paid cloud license that came up for renewal. */
  record Opportunity(
      License license,
      String key,
      BillingPeriod period,
      LocalDate end,
      Transaction term,
      Outcome outcome,
      Transaction renewal) {}

  /** A cloud evaluation and the New line that converted it (null when it did not convert). */
  record Evaluation(License license, String key, LocalDate start, Transaction conversion) {}

  /**
   * One series of counts per bucket; {@code uniqueTotal} and {@code conversionType} may be null.
   */
  record MetricSeries(String name, String conversionType, Integer uniqueTotal, long[] counts) {}

  /** The series of one billing period. */
  record Dataset(String name, List<MetricSeries> series) {}

  /** One app's datasets (churn, renewal) or series (conversion). */
  record AppMetrics(App app, List<Dataset> datasets, List<MetricSeries> series) {}

  /** A whole A3 answer. */
  record Result(List<Dataset> datasets, List<MetricSeries> series, List<AppMetrics> addons) {}

  /** One cloud license event (A4), in the fields of {@code LicenseTransition}. */
  record LicenseEvent(
      Kind kind,
      String addonKey,
      String productId,
      String addonName,
      Hosting hosting,
      String appEdition,
      LocalDate lastUpdated,
      LocalDate eventDate,
      String transactionId,
      String inGracePeriod,
      String licenseId,
      String appEntitlementId,
      String appEntitlementNumber,
      String cloudId,
      LocalDate maintenanceStartDate,
      LocalDate maintenanceEndDate,
      Integer monthsValid,
      String multiInstanceEntitlementId,
      String multiInstanceEntitlementNumber,
      License license,
      Transaction transaction) {

    /** The row key: events are unique per license and day. */
    String rowKey() {
      return licenseId + "|" + eventDate;
    }
  }

  private static final List<BillingPeriod> PERIODS =
      List.of(BillingPeriod.MONTHLY, BillingPeriod.ANNUAL);

  private final LocalDate day;
  private final List<App> apps;
  private final List<Opportunity> opportunities;
  private final List<Evaluation> evaluations;
  private final Map<Kind, List<LicenseEvent>> events =
      Collections.synchronizedMap(new EnumMap<>(Kind.class));

  private CloudMetrics(
      LocalDate day,
      List<App> apps,
      List<Opportunity> opportunities,
      List<Evaluation> evaluations) {
    this.day = day;
    this.apps = apps;
    this.opportunities = opportunities;
    this.evaluations = evaluations;
  }

  /** The metrics of the records served on {@code day}. */
  static CloudMetrics of(
      List<License> licenses, List<Transaction> lines, List<App> apps, LocalDate day) {
    Map<String, License> byKey = new HashMap<>();
    for (License l : licenses) {
      if (l.hosting() == Hosting.CLOUD) {
        String k = key(l.ids());
        if (k != null) {
          byKey.put(k, l);
        }
      }
    }
    Map<String, List<Transaction>> linesByKey = new HashMap<>();
    for (Transaction t : lines) {
      if (t.purchaseDetails().hosting() != Hosting.CLOUD) {
        continue;
      }
      String k = key(t.ids());
      if (k != null && byKey.containsKey(k)) {
        linesByKey.computeIfAbsent(k, x -> new ArrayList<>()).add(t);
      }
    }
    List<Opportunity> opportunities = new ArrayList<>();
    for (Map.Entry<String, List<Transaction>> e : linesByKey.entrySet()) {
      opportunities(byKey.get(e.getKey()), e.getKey(), e.getValue(), day, opportunities);
    }
    opportunities.sort(Comparator.comparing(Opportunity::end).thenComparing(Opportunity::key));
    List<Evaluation> evaluations = new ArrayList<>();
    for (Map.Entry<String, License> e : byKey.entrySet()) {
      License l = e.getValue();
      LocalDate start = SalesAggregates.evaluationStart(l);
      if (start == null || start.isAfter(day)) {
        continue;
      }
      Transaction conversion = null;
      for (Transaction t : linesByKey.getOrDefault(e.getKey(), List.of())) {
        PurchaseDetails p = t.purchaseDetails();
        if (p.saleType() == SaleType.NEW
            && !p.saleDate().isBefore(start)
            && (conversion == null
                || p.saleDate().isBefore(conversion.purchaseDetails().saleDate())
                || (p.saleDate().equals(conversion.purchaseDetails().saleDate())
                    && t.transactionLineItemId().compareTo(conversion.transactionLineItemId())
                        < 0))) {
          conversion = t;
        }
      }
      evaluations.add(new Evaluation(l, e.getKey(), start, conversion));
    }
    evaluations.sort(Comparator.comparing(Evaluation::start).thenComparing(Evaluation::key));
    return new CloudMetrics(day, List.copyOf(apps), List.copyOf(opportunities), evaluations);
  }

  /** The key linking a cloud license and its lines: the entitlement id, else the SEN. */
  static String key(LicenseIds ids) {
    if (ids == null) {
      return null;
    }
    return ids.appEntitlementId() != null ? ids.appEntitlementId() : ids.licenseId();
  }

  private static void opportunities(
      License license, String key, List<Transaction> lines, LocalDate day, List<Opportunity> out) {
    Set<Long> voided = new HashSet<>();
    // Paid lines by the end of their term; every non-refund line by its start, for renewals.
    Map<LocalDate, List<Transaction>> byEnd = new TreeMap<>();
    List<Transaction> byStart = new ArrayList<>(lines.size());
    for (Transaction t : lines) {
      PurchaseDetails p = t.purchaseDetails();
      if (p.maintenanceStartDate() == null || p.maintenanceEndDate() == null) {
        continue;
      }
      if (p.saleType() == SaleType.REFUND) {
        voided.add(span(p));
        continue;
      }
      byStart.add(t);
      if (p.purchasePriceCents() > 0 && !p.maintenanceEndDate().isAfter(day)) {
        byEnd.computeIfAbsent(p.maintenanceEndDate(), x -> new ArrayList<>()).add(t);
      }
    }
    byStart.sort(
        Comparator.comparing((Transaction t) -> t.purchaseDetails().maintenanceStartDate())
            .thenComparing(Transaction::transactionLineItemId));
    for (Map.Entry<LocalDate, List<Transaction>> entry : byEnd.entrySet()) {
      LocalDate e = entry.getKey();
      Transaction term = null;
      for (Transaction t : entry.getValue()) {
        PurchaseDetails p = t.purchaseDetails();
        if (!voided.isEmpty() && voided.contains(span(p))) {
          continue;
        }
        if (term == null || termPreferred(t, term)) {
          term = t;
        }
      }
      if (term == null) {
        continue;
      }
      Transaction renewal = null;
      LocalDate from = e.minusDays(EARLY_DAYS);
      LocalDate to = e.plusDays(GRACE_DAYS);
      for (int i = firstStartingOnOrAfter(byStart, from); i < byStart.size(); i++) {
        PurchaseDetails p = byStart.get(i).purchaseDetails();
        if (p.maintenanceStartDate().isAfter(to)) {
          break;
        }
        if (p.maintenanceEndDate().isAfter(e)) {
          renewal = byStart.get(i);
          break;
        }
      }
      Outcome outcome;
      if (renewal != null) {
        outcome = Outcome.RENEWED;
      } else if (license.status() != LicenseStatus.ACTIVE || to.isBefore(day)) {
        outcome = Outcome.CANCELLED;
      } else {
        outcome = Outcome.PENDING;
      }
      BillingPeriod period =
          term.purchaseDetails().billingPeriod() == null
              ? BillingPeriod.ANNUAL
              : term.purchaseDetails().billingPeriod();
      out.add(new Opportunity(license, key, period, e, term, outcome, renewal));
    }
  }

  /** A line's maintenance period as one number. */
  private static long span(PurchaseDetails p) {
    return p.maintenanceStartDate().toEpochDay() << 32 | p.maintenanceEndDate().toEpochDay();
  }

  /** The first line (sorted by start) starting on or after {@code day}. */
  private static int firstStartingOnOrAfter(List<Transaction> byStart, LocalDate day) {
    int lo = 0;
    int hi = byStart.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (byStart.get(mid).purchaseDetails().maintenanceStartDate().isBefore(day)) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The line that bought a term: a New/Renewal/Downgrade over an Upgrade, then the latest sold. */
  private static boolean termPreferred(Transaction a, Transaction b) {
    boolean aTerm = a.purchaseDetails().saleType() != SaleType.UPGRADE;
    boolean bTerm = b.purchaseDetails().saleType() != SaleType.UPGRADE;
    if (aTerm != bTerm) {
      return aTerm;
    }
    int c = a.purchaseDetails().saleDate().compareTo(b.purchaseDetails().saleDate());
    return c != 0 ? c > 0 : a.transactionLineItemId().compareTo(b.transactionLineItemId()) > 0;
  }

  List<Opportunity> opportunities() {
    return opportunities;
  }

  List<Evaluation> evaluations() {
    return evaluations;
  }

  /** Every event of a kind, in the order of the underlying opportunities or evaluations. */
  List<LicenseEvent> events(Kind kind) {
    return events.computeIfAbsent(kind, this::buildEvents);
  }

  /** The A3 answer for {@code kind} in the buckets of {@code periods}. */
  Result metric(Kind kind, Aggregation periods, boolean conversionType) {
    if (periods.isEmpty()) {
      return new Result(List.of(), List.of(), List.of());
    }
    if (kind == Kind.CONVERSION) {
      return conversion(periods, conversionType);
    }
    boolean churn = kind == Kind.CHURN;
    String denominator = churn ? "Customers" : "Renewal opportunities";
    String numerator = churn ? "Cancellations" : "Renewals";
    Outcome counted = churn ? Outcome.CANCELLED : Outcome.RENEWED;
    // [scope][period][series] counts and license sets; scope 0 = all apps, 1 + i = app i.
    int n = periods.size();
    int scopes = apps.size() + 1;
    long[][][][] counts = new long[scopes][PERIODS.size()][2][n];
    List<List<List<Set<String>>>> unique = new ArrayList<>();
    for (int s = 0; s < scopes; s++) {
      List<List<Set<String>>> byPeriod = new ArrayList<>();
      for (int p = 0; p < PERIODS.size(); p++) {
        byPeriod.add(List.of(new HashSet<>(), new HashSet<>()));
      }
      unique.add(byPeriod);
    }
    boolean[] present = new boolean[scopes];
    Map<String, Integer> appIndex = appIndex();
    for (Opportunity o : opportunities) {
      int k = periods.index(o.end());
      if (k < 0) {
        continue;
      }
      int p = PERIODS.indexOf(o.period());
      Integer a = appIndex.get(o.license().addonKey());
      for (int s : a == null ? new int[] {0} : new int[] {0, 1 + a}) {
        present[s] = true;
        counts[s][p][0][k]++;
        unique.get(s).get(p).get(0).add(o.key());
        if (o.outcome() == counted) {
          counts[s][p][1][k]++;
          unique.get(s).get(p).get(1).add(o.key());
        }
      }
    }
    List<List<Dataset>> datasets = new ArrayList<>();
    for (int s = 0; s < scopes; s++) {
      List<Dataset> ds = new ArrayList<>();
      for (int p = 0; p < PERIODS.size(); p++) {
        ds.add(
            new Dataset(
                PERIODS.get(p).wire(),
                List.of(
                    new MetricSeries(
                        denominator,
                        null,
                        churn ? unique.get(s).get(p).get(0).size() : null,
                        counts[s][p][0]),
                    new MetricSeries(
                        numerator,
                        null,
                        churn ? unique.get(s).get(p).get(1).size() : null,
                        counts[s][p][1]))));
      }
      datasets.add(List.copyOf(ds));
    }
    List<AppMetrics> addons = new ArrayList<>();
    for (int i = 0; i < apps.size(); i++) {
      if (present[1 + i]) {
        addons.add(new AppMetrics(apps.get(i), datasets.get(1 + i), null));
      }
    }
    return new Result(datasets.get(0), null, List.copyOf(addons));
  }

  private Result conversion(Aggregation periods, boolean conversionType) {
    int n = periods.size();
    int scopes = apps.size() + 1;
    long[][][] counts = new long[scopes][2][n];
    boolean[] present = new boolean[scopes];
    Map<String, Integer> appIndex = appIndex();
    for (Evaluation e : evaluations) {
      int k = periods.index(e.start());
      if (k < 0) {
        continue;
      }
      Integer a = appIndex.get(e.license().addonKey());
      for (int s : a == null ? new int[] {0} : new int[] {0, 1 + a}) {
        present[s] = true;
        counts[s][0][k]++;
        if (e.conversion() != null) {
          counts[s][1][k]++;
        }
      }
    }
    // The world models no upgrade evaluations: every conversion is a net-new one.
    String type = conversionType ? "Net New" : null;
    List<List<MetricSeries>> series = new ArrayList<>();
    for (int s = 0; s < scopes; s++) {
      series.add(
          List.of(
              new MetricSeries("Evaluations", type, null, counts[s][0]),
              new MetricSeries("Conversions", type, null, counts[s][1])));
    }
    List<AppMetrics> addons = new ArrayList<>();
    for (int i = 0; i < apps.size(); i++) {
      if (present[1 + i]) {
        addons.add(new AppMetrics(apps.get(i), null, series.get(1 + i)));
      }
    }
    return new Result(null, series.get(0), List.copyOf(addons));
  }

  private Map<String, Integer> appIndex() {
    Map<String, Integer> m = new HashMap<>();
    for (int i = 0; i < apps.size(); i++) {
      m.put(apps.get(i).addonKey(), i);
    }
    return m;
  }

  private List<LicenseEvent> buildEvents(Kind kind) {
    List<LicenseEvent> out = new ArrayList<>();
    switch (kind) {
      case CHURN -> {
        for (Opportunity o : opportunities) {
          if (o.outcome() == Outcome.CANCELLED) {
            LocalDate updated =
                o.term().lastUpdated().isBefore(o.end()) ? o.end() : o.term().lastUpdated();
            boolean grace = day.isBefore(o.end().plusDays(GRACE_DAYS));
            out.add(event(kind, o.license(), o.term(), o.end(), updated, grace ? "Yes" : "No"));
          }
        }
      }
      case RENEWAL -> {
        for (Opportunity o : opportunities) {
          if (o.outcome() == Outcome.RENEWED) {
            out.add(
                event(kind, o.license(), o.renewal(), o.end(), o.renewal().lastUpdated(), "No"));
          }
        }
      }
      case CONVERSION -> {
        for (Evaluation e : evaluations) {
          Transaction t = e.conversion();
          if (t != null) {
            out.add(
                event(kind, e.license(), t, t.purchaseDetails().saleDate(), t.lastUpdated(), "No"));
          }
        }
      }
    }
    return List.copyOf(out);
  }

  private LicenseEvent event(
      Kind kind,
      License l,
      Transaction t,
      LocalDate eventDate,
      LocalDate lastUpdated,
      String inGracePeriod) {
    PurchaseDetails p = t.purchaseDetails();
    LicenseIds ids = l.ids();
    App app = null;
    for (App a : apps) {
      if (a.addonKey().equals(l.addonKey())) {
        app = a;
      }
    }
    BillingPeriod period = p.billingPeriod();
    return new LicenseEvent(
        kind,
        l.addonKey(),
        app != null ? app.productId() : l.productId(),
        app != null ? app.name() : l.addonName(),
        l.hosting(),
        l.appEdition() != null ? l.appEdition() : t.appEdition(),
        lastUpdated,
        eventDate,
        t.transactionId(),
        inGracePeriod,
        ids.licenseId() != null ? ids.licenseId() : ids.appEntitlementNumber(),
        ids.appEntitlementId(),
        ids.appEntitlementNumber(),
        ids.cloudId(),
        p.maintenanceStartDate(),
        p.maintenanceEndDate(),
        period == null ? null : period.months(),
        null,
        null,
        l,
        t);
  }
}
