package dev.marketlens.emulator.commerce;

import dev.marketlens.emulator.wire.BillingPeriod;
import dev.marketlens.emulator.wire.Tier;
import java.util.List;

/**
 * The list prices of one app for one hosting, in cents. Cloud plans price a month by user bands;
 * seed 004 (SR-C1): a cloud annual subscription costs 10 × the monthly price of its tier. Server
 * and Data Center plans price a year of maintenance per user tier.
 */
public sealed interface PricePlan {

  /** The list price of one whole term (a month or a year) of a tier. */
  long listPriceCents(Tier tier, BillingPeriod period);

  /**
   * Cloud pricing: a flat monthly price up to 10 users, then a monthly price per user in each band
   * (11–100, 101–250, 251–1000, above 1000).
   */
  record Cloud(
      long upTo10Cents,
      long perUser11To100Cents,
      long perUser101To250Cents,
      long perUser251To1000Cents,
      long perUserAbove1000Cents)
      implements PricePlan {

    /** Seed 004: annual = 10 × monthly for cloud apps. */
    public static final int ANNUAL_MULTIPLIER = 10;

    public Cloud {
      if (upTo10Cents < 0
          || perUser11To100Cents < 0
          || perUser101To250Cents < 0
          || perUser251To1000Cents < 0
          || perUserAbove1000Cents < 0) {
        throw new IllegalArgumentException("cloud prices are not negative");
      }
    }

    /** The monthly price for a site of {@code users} users. */
    public long monthlyCents(int users) {
      long price = upTo10Cents;
      price += band(users, 10, 100) * perUser11To100Cents;
      price += band(users, 100, 250) * perUser101To250Cents;
      price += band(users, 250, 1000) * perUser251To1000Cents;
      price += band(users, 1000, Integer.MAX_VALUE) * perUserAbove1000Cents;
      return price;
    }

    private static long band(int users, int above, int upTo) {
      return Math.max(0, Math.min(users, upTo) - above);
    }

    @Override
    public long listPriceCents(Tier tier, BillingPeriod period) {
      long monthly = monthlyCents(UserTiers.pricedUsers(tier));
      return period == BillingPeriod.ANNUAL ? ANNUAL_MULTIPLIER * monthly : monthly;
    }

    /** A plan with every price multiplied by {@code percent}/100, rounded to whole cents. */
    public Cloud scaled(int percent) {
      return new Cloud(
          scale(upTo10Cents, percent),
          scale(perUser11To100Cents, percent),
          scale(perUser101To250Cents, percent),
          scale(perUser251To1000Cents, percent),
          scale(perUserAbove1000Cents, percent));
    }
  }

  /**
   * Server and Data Center pricing: the annual price of each tier of the ladder, in ladder order.
   */
  record Tiered(List<Integer> tiers, List<Long> annualCents, long unlimitedCents)
      implements PricePlan {

    public Tiered {
      tiers = List.copyOf(tiers);
      annualCents = List.copyOf(annualCents);
      if (tiers.size() != annualCents.size()) {
        throw new IllegalArgumentException(
            "one price per tier: " + tiers.size() + " tiers, " + annualCents.size() + " prices");
      }
    }

    @Override
    public long listPriceCents(Tier tier, BillingPeriod period) {
      if (period != BillingPeriod.ANNUAL) {
        throw new IllegalArgumentException("server and Data Center licenses are sold by the year");
      }
      if (tier.kind() == Tier.Kind.UNLIMITED) {
        return unlimitedCents;
      }
      int i = tiers.indexOf(UserTiers.pricedUsers(tier));
      if (i < 0) {
        throw new IllegalArgumentException("no price for tier " + tier + " (tiers " + tiers + ")");
      }
      return annualCents.get(i);
    }

    /** A plan with every price multiplied by {@code percent}/100, rounded to whole dollars. */
    public Tiered scaled(int percent) {
      return new Tiered(
          tiers,
          annualCents.stream().map(c -> scale(c / 100, percent) * 100).toList(),
          scale(unlimitedCents / 100, percent) * 100);
    }
  }

  private static long scale(long value, int percent) {
    return (value * percent + 50) / 100;
  }
}
