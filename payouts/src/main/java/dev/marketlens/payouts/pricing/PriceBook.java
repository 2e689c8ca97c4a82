package dev.marketlens.payouts.pricing;

import dev.marketlens.model.BillingPeriod;
import dev.marketlens.model.Hosting;
import dev.marketlens.model.Tier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A vendor's list prices: for each app and hosting, plans with the first day each applies to sales
 * (effective dates), each plan a price per user tier, in cents.
 *
 * <ul>
 *   <li>Cloud: the monthly price of a site at each tier's user count ({@code "10 Users"}, {@code
 *       "100 Users"} …). A site between two tiers (per-unit pricing above 10 users, {@code "Per
 *       Unit Pricing (37 Users)"}) pays the lower tier's price plus the per-user price of the band
 *       (the difference of the two tiers' prices over the difference of their users) for each user
 *       above the lower tier. The annual price is 10 × the monthly price (seed 004, SR-C1).
 *   <li>Server and Data Center: the annual price of each tier ({@code "25 Users"}, {@code
 *       "Unlimited Users"}), with an optional renewal price (a year of maintenance renewed).
 * </ul>
 */
public final class PriceBook {

  /** Seed 004 (SR-C1): a cloud annual subscription costs 10 × the monthly price. */
  public static final int CLOUD_ANNUAL_MULTIPLIER = 10;

  /**
   * One price of a plan, as the CSV and the store hold it.
   *
   * @param price cents of one term: a month for cloud, a year for server and Data Center
   * @param renewalPrice cents of a renewed year (server and Data Center), or null when a renewal
   *     costs {@code price}
   */
  public record Row(
      String app,
      Hosting hosting,
      LocalDate effectiveFrom,
      Tier tier,
      long price,
      Long renewalPrice) {}

  /** The plan of one app and hosting from one day on. */
  public record Plan(String app, Hosting hosting, LocalDate effectiveFrom, Map<Tier, Row> prices) {

    /** The tiers with a price, fewest users first, unlimited last. */
    public List<Row> rows() {
      return prices.values().stream()
          .sorted(Comparator.comparingLong(r -> users(r.tier())))
          .toList();
    }

    /**
     * The list price of one whole term of {@code tier}; empty when the plan has no price for it.
     *
     * @param renewal the price of a renewal (server and Data Center renewal prices)
     */
    public OptionalLong termPrice(Tier tier, BillingPeriod period, boolean renewal) {
      if (hosting == Hosting.CLOUD) {
        OptionalLong monthly = cloudMonthly(tier);
        if (monthly.isEmpty()) {
          return monthly;
        }
        return OptionalLong.of(
            period == BillingPeriod.ANNUAL
                ? CLOUD_ANNUAL_MULTIPLIER * monthly.getAsLong()
                : monthly.getAsLong());
      }
      if (period != BillingPeriod.ANNUAL) {
        return OptionalLong.empty();
      }
      Row row = prices.get(key(tier));
      if (row == null) {
        return OptionalLong.empty();
      }
      return OptionalLong.of(
          renewal && row.renewalPrice() != null ? row.renewalPrice() : row.price());
    }

    /** The monthly cloud price of a site of the tier's users; empty without such prices. */
    public OptionalLong cloudMonthly(Tier tier) {
      if (tier.kind() != Tier.Kind.USERS && tier.kind() != Tier.Kind.PER_UNIT_PRICING) {
        return OptionalLong.empty();
      }
      return cloudMonthly(tier.users().getAsInt());
    }

    /** The monthly cloud price of a site of {@code users} users. */
    public OptionalLong cloudMonthly(int users) {
      List<Row> rows = rows();
      if (rows.isEmpty() || users < 1) {
        return OptionalLong.empty();
      }
      Row first = rows.get(0);
      if (users <= users(first.tier())) {
        return OptionalLong.of(first.price());
      }
      for (int i = 1; i < rows.size(); i++) {
        Row lower = rows.get(i - 1);
        Row upper = rows.get(i);
        long lu = users(lower.tier());
        long uu = users(upper.tier());
        if (users <= uu) {
          long perUserNumerator = upper.price() - lower.price();
          // The band's per-user price times the users above the lower tier; exact when the tiers
          // are the band's ends, rounded half up otherwise.
          long extra =
              Math.floorDiv(2 * perUserNumerator * (users - lu) + (uu - lu), 2 * (uu - lu));
          return OptionalLong.of(lower.price() + extra);
        }
      }
      return OptionalLong.empty();
    }
  }

  private final Map<String, List<Plan>> plans;

  private PriceBook(Map<String, List<Plan>> plans) {
    this.plans = plans;
  }

  /** An empty book. */
  public static PriceBook empty() {
    return new PriceBook(Map.of());
  }

  /**
   * A book of rows; rows of one app, hosting and effective date form a plan.
   *
   * @throws IllegalArgumentException when a tier is priced twice in one plan
   */
  public static PriceBook of(List<Row> rows) {
    Map<String, Map<LocalDate, Map<Tier, Row>>> grouped = new LinkedHashMap<>();
    for (Row row : rows) {
      Map<Tier, Row> plan =
          grouped
              .computeIfAbsent(planKey(row.app(), row.hosting()), k -> new java.util.TreeMap<>())
              .computeIfAbsent(row.effectiveFrom(), d -> new LinkedHashMap<>());
      if (plan.putIfAbsent(key(row.tier()), row) != null) {
        throw new IllegalArgumentException(
            "tier "
                + row.tier()
                + " of "
                + row.app()
                + " "
                + row.hosting().wire()
                + " from "
                + row.effectiveFrom()
                + " is priced twice");
      }
    }
    Map<String, List<Plan>> plans = new LinkedHashMap<>();
    grouped.forEach(
        (key, byDate) -> {
          List<Plan> list = new ArrayList<>();
          byDate.forEach(
              (date, prices) -> {
                Row any = prices.values().iterator().next();
                list.add(new Plan(any.app(), any.hosting(), date, Map.copyOf(prices)));
              });
          plans.put(key, List.copyOf(list));
        });
    return new PriceBook(plans);
  }

  /** Every row, by app, hosting, effective date and tier. */
  public List<Row> rows() {
    List<Row> all = new ArrayList<>();
    plans().forEach(p -> all.addAll(p.rows()));
    return all;
  }

  /** Every plan, by app, hosting and effective date. */
  public List<Plan> plans() {
    return plans.values().stream()
        .flatMap(List::stream)
        .sorted(
            Comparator.comparing(Plan::app)
                .thenComparing(p -> p.hosting().ordinal())
                .thenComparing(Plan::effectiveFrom))
        .toList();
  }

  public boolean isEmpty() {
    return plans.isEmpty();
  }

  /** The plans of one app and hosting, oldest first. */
  public List<Plan> plans(String app, Hosting hosting) {
    return plans.getOrDefault(planKey(app, hosting), List.of());
  }

  /** The plan that applies to a sale of the app on {@code day}. */
  public Optional<Plan> planOn(String app, Hosting hosting, LocalDate day) {
    Plan found = null;
    for (Plan p : plans(app, hosting)) {
      if (!p.effectiveFrom().isAfter(day)) {
        found = p;
      }
    }
    return Optional.ofNullable(found);
  }

  /** The plan before {@code plan} in its app and hosting, if any. */
  public Optional<Plan> previous(Plan plan) {
    List<Plan> list = plans(plan.app(), plan.hosting());
    int i = list.indexOf(plan);
    return i > 0 ? Optional.of(list.get(i - 1)) : Optional.empty();
  }

  /**
   * This book with {@code other}'s latest plan of each app and hosting added from {@code from} (a
   * price change), replacing this book's plans from that day on.
   */
  public PriceBook changedFrom(PriceBook other, LocalDate from) {
    List<Row> rows = new ArrayList<>();
    java.util.Set<String> changed = new java.util.HashSet<>();
    for (List<Plan> list : other.plans.values()) {
      Plan latest = list.get(list.size() - 1);
      changed.add(planKey(latest.app(), latest.hosting()));
      for (Row r : latest.rows()) {
        rows.add(new Row(r.app(), r.hosting(), from, r.tier(), r.price(), r.renewalPrice()));
      }
    }
    for (Row r : rows()) {
      if (!changed.contains(planKey(r.app(), r.hosting())) || r.effectiveFrom().isBefore(from)) {
        rows.add(r);
      }
    }
    return of(rows);
  }

  /** Users a tier is priced for; unlimited after every number. */
  static long users(Tier tier) {
    return switch (tier.kind()) {
      case USERS, PER_UNIT_PRICING -> tier.users().getAsInt();
      case UNLIMITED_USERS -> Long.MAX_VALUE;
      default -> -1;
    };
  }

  /** Per-unit and fixed tiers of the same users are one price point. */
  static Tier key(Tier tier) {
    return tier.kind() == Tier.Kind.PER_UNIT_PRICING ? Tier.users(tier.users().getAsInt()) : tier;
  }

  private static String planKey(String app, Hosting hosting) {
    return app + "\u0000" + hosting.name();
  }
}
