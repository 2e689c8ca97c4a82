package dev.marketlens.emulator.commerce;

import dev.marketlens.emulator.wire.Hosting;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * An app listed on the Marketplace by a vendor: its key, the host product it extends, the hostings
 * it is sold for (each with its own price book), what its cloud variant is built on and its payment
 * model.
 *
 * @param atlassianHostedStorage a Forge app that keeps its data in Atlassian-hosted storage and
 *     compute
 * @param migratedFromConnect a Forge app rebuilt from or migrated from a Connect app
 * @param solutionPartnerOptIn the listing takes part in the Solution Partner program (partners buy
 *     at a discount)
 * @param freeStarterTier cloud sites of up to 10 users use the app for free
 */
public record App(
    String addonKey,
    String name,
    String productId,
    HostProduct hostProduct,
    AppPlatform platform,
    boolean atlassianHostedStorage,
    boolean migratedFromConnect,
    LocalDate listingDate,
    PaymentModel paymentModel,
    boolean solutionPartnerOptIn,
    boolean freeStarterTier,
    Map<Hosting, PriceBook> priceBooks) {

  public App {
    priceBooks = priceBooks.isEmpty() ? Map.of() : new EnumMap<>(priceBooks);
    for (Hosting h : priceBooks.keySet()) {
      if (!paymentModel.isAvailableFor(hostProduct, h)) {
        throw new IllegalArgumentException(
            addonKey
                + ": "
                + paymentModel
                + " is not available for "
                + hostProduct
                + " "
                + h.wire());
      }
    }
  }

  public Set<Hosting> hostings() {
    return priceBooks.keySet();
  }

  public boolean sells(Hosting hosting) {
    return priceBooks.containsKey(hosting);
  }

  public PriceBook priceBook(Hosting hosting) {
    PriceBook book = priceBooks.get(hosting);
    if (book == null) {
      throw new IllegalArgumentException(addonKey + " is not sold for " + hosting.wire());
    }
    return book;
  }

  /**
   * Seed 004: Forge apps listed after 2022-04-01 on Atlassian-hosted storage, not rebuilt from
   * Connect.
   */
  public boolean qualifiesForForgeIncentive() {
    return platform == AppPlatform.FORGE
        && atlassianHostedStorage
        && !migratedFromConnect
        && listingDate.isAfter(RevenueShare.FORGE_INCENTIVE_LISTED_AFTER);
  }
}
