package dev.marketlens.emulator.reporting;

import dev.marketlens.emulator.commerce.App;
import dev.marketlens.emulator.wire.ContactDetails;
import dev.marketlens.emulator.wire.License;
import dev.marketlens.emulator.wire.LicenseType;
import dev.marketlens.emulator.wire.PartnerDetails;
import dev.marketlens.emulator.wire.PurchaseDetails;
import dev.marketlens.emulator.wire.SaleType;
import dev.marketlens.emulator.wire.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Sales and evaluations aggregated by a dimension and a time bucket (spec §13.1, A1 and A2), in the
 * shape of {@code AggregatedAddonsWithTotal}: one series per value of the dimension, vendor-wide
 * ({@code total}) and per app ({@code addons}).
 *
 * <p>Sales (A1), per bucket of {@code saleDate}:
 *
 * <ul>
 *   <li>{@code count}: transaction lines that are not refunds;
 *   <li>{@code netCount}: {@code count} minus the refund lines;
 *   <li>{@code revenue}: the sum of {@code vendorAmount} of every line, refunds (negative)
 *       included, in cents.
 * </ul>
 *
 * A refund line is grouped by its own fields: by {@code type} it forms a {@code Refund} series with
 * {@code count} 0 and a negative {@code netCount} and revenue.
 *
 * <p>Evaluations (A2), per bucket of the evaluation's start: every license that is or was an
 * evaluation — an {@code EVALUATION} license (dated by its evaluation start, which is its {@code
 * maintenanceStartDate}) and a cloud license converted in place (it keeps the same key and its
 * {@code latestEvaluationStartDate}, K13). {@code count} = {@code netCount} = evaluations; no
 * revenue.
 *
 * <p>Series names: hosting {@code Cloud}/{@code Data Center}/{@code Server}; partner {@code Direct}
 * (no partner), {@code Expert}, {@code Reseller} (corporate resellers too), {@code Unknown}; type =
 * the sale type ({@code New}, {@code Renewal}, {@code Upgrade}, {@code Downgrade}, {@code Refund});
 * tier = the tier as written in the record; country and region from the customer's details ({@code
 * Unknown} when absent). Series are sorted by name and carry one element per bucket, zeros
 * included; a value appears only when some record in the range has it, and an app only when it has
 * a record in the range [EMU].
 */
final class SalesAggregates {

  /** The dimension of an aggregate, by its path segment. */
  enum Metric {
    COUNTRY,
    HOSTING,
    PARTNER,
    REGION,
    TIER,
    TYPE
  }

  /** {@code /sales/transactions/{metric}}. */
  static final Map<String, Metric> SALES;

  /** {@code /evaluations/{metric}}. */
  static final Map<String, Metric> EVALUATIONS;

  static {
    Map<String, Metric> s = new LinkedHashMap<>();
    s.put("country", Metric.COUNTRY);
    s.put("hosting", Metric.HOSTING);
    s.put("partner", Metric.PARTNER);
    s.put("region", Metric.REGION);
    Map<String, Metric> e = new LinkedHashMap<>(s);
    s.put("tier", Metric.TIER);
    s.put("type", Metric.TYPE);
    SALES = Collections.unmodifiableMap(s);
    EVALUATIONS = Collections.unmodifiableMap(e);
  }

  static final String UNKNOWN = "Unknown";

  /** One series: counts and revenue (cents) per bucket. */
  record Series(String name, long[] count, long[] netCount, long[] revenueCents) {

    Series(String name, int buckets) {
      this(name, new long[buckets], new long[buckets], new long[buckets]);
    }
  }

  /** The series of one app. */
  record AddonSeries(App app, List<Series> series) {}

  /** A whole answer: the vendor's series and each app's. */
  record Result(List<Series> total, List<AddonSeries> addons) {

    static final Result EMPTY = new Result(List.of(), List.of());
  }

  private SalesAggregates() {}

  /** Sales by {@code metric} in the buckets of {@code periods} (A1). */
  static Result transactions(
      List<Transaction> lines, List<App> apps, Metric metric, Aggregation periods) {
    if (periods.isEmpty()) {
      return Result.EMPTY;
    }
    Function<Transaction, String> name = transactionDimension(metric);
    Accumulator acc = new Accumulator(periods.size());
    for (Transaction t : lines) {
      PurchaseDetails p = t.purchaseDetails();
      int k = periods.index(p.saleDate());
      if (k < 0) {
        continue;
      }
      boolean refund = p.saleType() == SaleType.REFUND;
      String group = name.apply(t);
      for (Series s : acc.series(t.addonKey(), group)) {
        if (refund) {
          s.netCount()[k]--;
        } else {
          s.count()[k]++;
          s.netCount()[k]++;
        }
        s.revenueCents()[k] += p.vendorAmountCents();
      }
    }
    return acc.result(apps);
  }

  /** Evaluations by {@code metric} in the buckets of {@code periods} (A2). */
  static Result evaluations(
      List<License> licenses, List<App> apps, Metric metric, Aggregation periods) {
    if (periods.isEmpty()) {
      return Result.EMPTY;
    }
    Function<License, String> name = licenseDimension(metric);
    Accumulator acc = new Accumulator(periods.size());
    for (License l : licenses) {
      int k = periods.index(evaluationStart(l));
      if (k < 0) {
        continue;
      }
      for (Series s : acc.series(l.addonKey(), name.apply(l))) {
        s.count()[k]++;
        s.netCount()[k]++;
      }
    }
    return acc.result(apps);
  }

  /**
   * The day a license's evaluation started, or null when it never was an evaluation: an {@code
   * EVALUATION} license's evaluation start ({@code latestEvaluationStartDate}, else its {@code
   * maintenanceStartDate}); a license converted in place keeps {@code latestEvaluationStartDate}.
   */
  static LocalDate evaluationStart(License l) {
    if (l.licenseType() == LicenseType.EVALUATION) {
      return l.latestEvaluationStartDate() != null
          ? l.latestEvaluationStartDate()
          : l.maintenanceStartDate();
    }
    return l.latestEvaluationStartDate();
  }

  /** The partner series a record falls in. */
  static String partner(PartnerDetails p) {
    if (p == null || p.partnerType() == null) {
      return "Direct";
    }
    return switch (p.partnerType()) {
      case EXPERT -> "Expert";
      case RESELLER, CORPORATE_RESELLER -> "Reseller";
      case UNKNOWN -> UNKNOWN;
    };
  }

  private static Function<Transaction, String> transactionDimension(Metric metric) {
    return switch (metric) {
      case COUNTRY -> t -> country(t.customerDetails());
      case REGION -> t -> region(t.customerDetails());
      case HOSTING -> t -> t.purchaseDetails().hosting().wire();
      case PARTNER -> t -> partner(t.partnerDetails());
      case TIER -> t -> t.purchaseDetails().tier().wire();
      case TYPE -> t -> t.purchaseDetails().saleType().wire();
    };
  }

  private static Function<License, String> licenseDimension(Metric metric) {
    return switch (metric) {
      case COUNTRY -> l -> country(l.contactDetails());
      case REGION -> l -> region(l.contactDetails());
      case HOSTING -> l -> l.hosting().wire();
      case PARTNER -> l -> partner(l.partnerDetails());
      case TIER, TYPE ->
          throw new IllegalArgumentException("evaluations are not aggregated by " + metric);
    };
  }

  private static String country(ContactDetails c) {
    return c == null || c.country() == null || c.country().isEmpty() ? UNKNOWN : c.country();
  }

  private static String region(ContactDetails c) {
    return c == null || c.region() == null || c.region().isEmpty() ? UNKNOWN : c.region();
  }

  /** Series by name, vendor-wide and per app. */
  private static final class Accumulator {
    private final int buckets;
    private final Map<String, Series> total = new TreeMap<>();
    private final Map<String, Map<String, Series>> byApp = new HashMap<>();
    private final Series[] pair = new Series[2];
    private final List<Series> pairView = java.util.Arrays.asList(pair);

    Accumulator(int buckets) {
      this.buckets = buckets;
    }

    /** The vendor-wide series and the app's series of a group value (reused list). */
    List<Series> series(String addonKey, String group) {
      pair[0] = total.computeIfAbsent(group, n -> new Series(n, buckets));
      pair[1] =
          byApp
              .computeIfAbsent(addonKey, k -> new TreeMap<>())
              .computeIfAbsent(group, n -> new Series(n, buckets));
      return pairView;
    }

    Result result(List<App> apps) {
      List<AddonSeries> addons = new ArrayList<>();
      for (App app : apps) {
        Map<String, Series> s = byApp.get(app.addonKey());
        if (s != null) {
          addons.add(new AddonSeries(app, List.copyOf(s.values())));
        }
      }
      return new Result(List.copyOf(total.values()), List.copyOf(addons));
    }
  }
}
