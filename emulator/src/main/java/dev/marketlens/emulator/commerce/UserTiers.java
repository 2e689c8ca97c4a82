package dev.marketlens.emulator.commerce;

import dev.marketlens.emulator.wire.BillingPeriod;
import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.Tier;
import java.util.List;

/**
 * The user tiers apps are sold in. Seed 004 (SR-C5): an app license must match its host product
 * license, so the app tier is the host's tier: the smallest tier that holds the host's users. Cloud
 * monthly subscriptions are billed per unit for the exact user count above 10 users.
 */
public final class UserTiers {

  /** Server tiers; the last step is unlimited. */
  public static final List<Integer> SERVER = List.of(10, 25, 50, 100, 250, 500, 2000, 10_000);

  public static final List<Integer> DATA_CENTER =
      List.of(
          50, 100, 250, 500, 1000, 2000, 3000, 5000, 10_000, 15_000, 20_000, 25_000, 30_000, 40_000,
          50_000);

  public static final List<Integer> CLOUD_ANNUAL =
      List.of(10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000);

  /** Most users a cloud site holds. */
  public static final int CLOUD_MAX_USERS = 10_000;

  private UserTiers() {}

  /** The tiers sold for a hosting, smallest first. */
  public static List<Integer> ladder(Hosting hosting) {
    return switch (hosting) {
      case SERVER -> SERVER;
      case DATA_CENTER -> DATA_CENTER;
      case CLOUD -> CLOUD_ANNUAL;
    };
  }

  /** The tier an app license must have for a host product with {@code hostUsers} users. */
  public static Tier tierFor(Hosting hosting, BillingPeriod period, int hostUsers) {
    if (hostUsers < 1) {
      throw new IllegalArgumentException("a host product has at least one user, got " + hostUsers);
    }
    if (hosting == Hosting.CLOUD && period == BillingPeriod.MONTHLY) {
      int users = Math.min(hostUsers, CLOUD_MAX_USERS);
      return users <= 10 ? Tier.users(10) : Tier.perUnit(users);
    }
    for (int step : ladder(hosting)) {
      if (hostUsers <= step) {
        return Tier.users(step);
      }
    }
    return hosting == Hosting.SERVER
        ? Tier.UNLIMITED
        : Tier.users(ladder(hosting).get(ladder(hosting).size() - 1));
  }

  /** The users a tier is priced for. */
  public static int pricedUsers(Tier tier) {
    return switch (tier.kind()) {
      case USERS, PER_UNIT -> tier.users();
      case UNLIMITED -> Tier.UNLIMITED_USERS;
      default -> throw new IllegalArgumentException("tier " + tier + " has no price");
    };
  }
}
