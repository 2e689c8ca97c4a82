package dev.marketlens.payouts.monthly;

import dev.marketlens.model.id.AppKey;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What the records cannot say about an app and the revenue share needs (seed 004, SR-V1…V3): the
 * host product it extends, whether its cloud variant is built on Forge, the day it was listed, and
 * whether it earns the Forge first-year incentive.
 *
 * @param hostProduct null when not configured: the line's {@code parentProduct} decides then
 * @param forge the cloud app is built on Forge (Forge cloud rates apply)
 * @param listed the listing day; null when unknown (then no incentive)
 * @param forgeIncentive a new Forge app listed after 2022-04-01 on Atlassian-hosted storage and
 *     compute, not rebuilt from or migrated from Connect: 95 % in its first year
 */
public record AppTerms(
    AppKey app, HostProduct hostProduct, boolean forge, LocalDate listed, boolean forgeIncentive) {

  public AppTerms {
    Objects.requireNonNull(app, "app");
    if (forgeIncentive && (!forge || listed == null)) {
      throw new IllegalArgumentException(
          app + ": the Forge first-year incentive needs a Forge app with a listing date");
    }
    if (forgeIncentive && !listed.isAfter(RevenueShare.FORGE_INCENTIVE_LISTED_AFTER)) {
      throw new IllegalArgumentException(
          app
              + ": the Forge first-year incentive is for apps listed after "
              + RevenueShare.FORGE_INCENTIVE_LISTED_AFTER
              + ", not on "
              + listed);
    }
  }

  /** SR-V3: a sale on this day falls in the incentive's first year after listing. */
  public boolean inForgeFirstYear(LocalDate saleDate) {
    return forgeIncentive && !saleDate.isBefore(listed) && saleDate.isBefore(listed.plusYears(1));
  }
}
