package dev.marketlens.emulator.wire;

import java.time.LocalDate;

/**
 * One row of the free starter tier export (spec §10): a cloud site using an app for free on its up
 * to 10 users on {@code day}. {@code productId} is in v3 JSON only.
 */
public record FreeStarterTierRow(
    LocalDate day,
    String licenseId,
    String appEntitlementId,
    String entitlementNumber,
    String parentEdition,
    LocalDate dateOfEvaluation,
    int parentUnitCount,
    String technicalEmail,
    long vendorId,
    String addonName,
    String addonKey,
    String productId) {}
