package dev.marketlens.emulator.wire;

import java.time.LocalDate;
import java.util.List;

/**
 * One license record exactly as the reporting API returns it (spec §7.3). Absent fields are {@code
 * null}. {@code productId} is served by v3 only; {@code insights} only with {@code
 * withDataInsights=true} and never for Atlassian-owned or internal licenses (null then).
 */
public record License(
    LicenseIds ids,
    String addonKey,
    String productId,
    String addonName,
    Hosting hosting,
    String appEdition,
    LocalDate upgradeEvaluationStartDate,
    String upgradeEvaluatingEdition,
    LocalDate upgradeEvaluationEndDate,
    LocalDate latestEvaluationStartDate,
    LocalDate latestMaintenanceStartDate,
    String newBillingSystem,
    LocalDate lastUpdated,
    LicenseType licenseType,
    LocalDate maintenanceStartDate,
    LocalDate maintenanceEndDate,
    LicenseStatus status,
    Tier tier,
    CmtDetails cmtDetails,
    ContactDetails contactDetails,
    PartnerDetails partnerDetails,
    String extendedServerSupport,
    String licenseSourceType,
    LicenseInsights insights,
    String transactionAccountId,
    String inGracePeriod,
    List<String> cloudComplianceBoundaries,
    String licenseLevel) {

  /** The key the API sorts and pages licenses by: the entitlement number, else the SEN. */
  public String key() {
    if (ids.appEntitlementNumber() != null && hosting == Hosting.CLOUD) {
      return ids.appEntitlementNumber();
    }
    return ids.licenseId() != null ? ids.licenseId() : ids.appEntitlementNumber();
  }
}
