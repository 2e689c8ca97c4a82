package dev.marketlens.model.id;

import dev.marketlens.model.ModelException;
import java.util.Optional;

/**
 * The identifiers a license (or a sale of one) carries. Which are present depends on hosting and
 * era (spec §7.3, K12): server and Data Center have a SEN and an {@code addonLicenseId}, new cloud
 * licenses only entitlement ids and a {@code cloudId}, Data Center gained entitlement numbers in
 * 2025-09. Absent ids are null; at least one must be present.
 */
public record LicenseIds(
    AddonLicenseId addonLicenseId,
    LicenseId licenseId,
    HostLicenseId hostLicenseId,
    AppEntitlementId appEntitlementId,
    AppEntitlementNumber appEntitlementNumber,
    HostEntitlementId hostEntitlementId,
    HostEntitlementNumber hostEntitlementNumber,
    CloudId cloudId) {

  public LicenseIds {
    if (addonLicenseId == null
        && licenseId == null
        && hostLicenseId == null
        && appEntitlementId == null
        && appEntitlementNumber == null
        && hostEntitlementId == null
        && hostEntitlementNumber == null
        && cloudId == null) {
      throw new ModelException(
          "license ids",
          null,
          "are all absent: a license needs at least one of addonLicenseId, licenseId,"
              + " hostLicenseId, appEntitlementId, appEntitlementNumber, hostEntitlementId,"
              + " hostEntitlementNumber, cloudId");
    }
  }

  /** The ids of a server or Data Center license before 2025-09: SEN and addon license id. */
  public static LicenseIds ofServer(AddonLicenseId addonLicenseId, LicenseId licenseId) {
    return new LicenseIds(addonLicenseId, licenseId, null, null, null, null, null, null);
  }

  /** The ids of a cloud (CCP) license. */
  public static LicenseIds ofCloud(
      AppEntitlementId appEntitlementId,
      AppEntitlementNumber appEntitlementNumber,
      CloudId cloudId) {
    return new LicenseIds(
        null, null, null, appEntitlementId, appEntitlementNumber, null, null, cloudId);
  }

  public Optional<LicenseId> sen() {
    return Optional.ofNullable(licenseId);
  }

  public Optional<AppEntitlementNumber> entitlementNumber() {
    return Optional.ofNullable(appEntitlementNumber);
  }
}
