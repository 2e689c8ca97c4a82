package dev.marketlens.emulator.world;

import java.time.LocalDate;

/**
 * A cloud site using an app on its free starter tier (up to 10 users): not a transaction, reported
 * only by the free starter tier export (seed 001).
 *
 * @param end the first day the site no longer uses the free tier (it bought the app), or null
 */
public record FreeStarterEntitlement(
    long vendorId,
    String addonKey,
    String addonName,
    String productId,
    String licenseId,
    String appEntitlementId,
    String entitlementNumber,
    String technicalEmail,
    String parentEdition,
    int parentUnitCount,
    LocalDate dateOfEvaluation,
    LocalDate start,
    LocalDate end) {

  public boolean activeOn(LocalDate day) {
    return !day.isBefore(start) && (end == null || day.isBefore(end));
  }
}
