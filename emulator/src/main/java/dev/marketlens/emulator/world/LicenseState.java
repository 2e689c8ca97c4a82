package dev.marketlens.emulator.world;

import dev.marketlens.emulator.wire.CmtDetails;
import dev.marketlens.emulator.wire.ContactDetails;
import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.License;
import dev.marketlens.emulator.wire.LicenseIds;
import dev.marketlens.emulator.wire.LicenseInsights;
import dev.marketlens.emulator.wire.LicenseStatus;
import dev.marketlens.emulator.wire.LicenseType;
import dev.marketlens.emulator.wire.PartnerDetails;
import dev.marketlens.emulator.wire.Tier;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** The mutable state of a license during simulation; snapshots become {@link License} versions. */
final class LicenseState {
  LicenseIds ids;
  String addonKey;
  String productId;
  String addonName;
  Hosting hosting;
  String appEdition;
  LocalDate latestEvaluationStartDate;
  LocalDate latestMaintenanceStartDate;
  String newBillingSystem;
  LicenseType licenseType;
  LocalDate maintenanceStartDate;
  LocalDate maintenanceEndDate;
  LicenseStatus status = LicenseStatus.ACTIVE;
  Tier tier;
  CmtDetails cmtDetails;
  ContactDetails contactDetails;
  PartnerDetails partnerDetails;
  String extendedServerSupport;
  String licenseSourceType = "Non-Atlassian";
  LicenseInsights insights;
  String transactionAccountId;
  List<String> cloudComplianceBoundaries;
  String licenseLevel;

  /**
   * The evaluation license whose id {@code insights.evaluationLicense} names, resolved when ids are
   * known.
   */
  LicenseLife evaluationKey;

  private LicenseInsights resolvedFrom;
  private LicenseInsights resolved;

  License snapshot(LocalDate lastUpdated) {
    return new License(
        ids,
        addonKey,
        productId,
        addonName,
        hosting,
        appEdition,
        null,
        null,
        null,
        latestEvaluationStartDate,
        latestMaintenanceStartDate,
        newBillingSystem,
        lastUpdated,
        licenseType,
        maintenanceStartDate,
        maintenanceEndDate,
        status,
        tier,
        cmtDetails,
        contactDetails,
        partnerDetails,
        extendedServerSupport,
        licenseSourceType,
        resolvedInsights(),
        transactionAccountId,
        null,
        cloudComplianceBoundaries,
        licenseLevel);
  }

  private LicenseInsights resolvedInsights() {
    LicenseInsights i = insights;
    if (i == null || evaluationKey == null || LicenseInsights.NA.equals(i.evaluationStartDate())) {
      return i;
    }
    if (i == resolvedFrom) {
      return resolved;
    }
    resolvedFrom = i;
    resolved = resolve(i);
    return resolved;
  }

  private LicenseInsights resolve(LicenseInsights i) {
    return i.withEvaluationLicense(
        evaluationKey.cloudSite ? evaluationKey.appEntitlementId : evaluationKey.addonLicenseId);
  }

  /** Whether two versions differ in nothing but {@code lastUpdated}. */
  static boolean sameButLastUpdated(License a, License b) {
    return Objects.equals(a.ids(), b.ids())
        && Objects.equals(a.addonKey(), b.addonKey())
        && Objects.equals(a.productId(), b.productId())
        && Objects.equals(a.addonName(), b.addonName())
        && Objects.equals(a.hosting(), b.hosting())
        && Objects.equals(a.appEdition(), b.appEdition())
        && Objects.equals(a.upgradeEvaluationStartDate(), b.upgradeEvaluationStartDate())
        && Objects.equals(a.upgradeEvaluatingEdition(), b.upgradeEvaluatingEdition())
        && Objects.equals(a.upgradeEvaluationEndDate(), b.upgradeEvaluationEndDate())
        && Objects.equals(a.latestEvaluationStartDate(), b.latestEvaluationStartDate())
        && Objects.equals(a.latestMaintenanceStartDate(), b.latestMaintenanceStartDate())
        && Objects.equals(a.newBillingSystem(), b.newBillingSystem())
        && Objects.equals(a.licenseType(), b.licenseType())
        && Objects.equals(a.maintenanceStartDate(), b.maintenanceStartDate())
        && Objects.equals(a.maintenanceEndDate(), b.maintenanceEndDate())
        && Objects.equals(a.status(), b.status())
        && Objects.equals(a.tier(), b.tier())
        && Objects.equals(a.cmtDetails(), b.cmtDetails())
        && Objects.equals(a.contactDetails(), b.contactDetails())
        && Objects.equals(a.partnerDetails(), b.partnerDetails())
        && Objects.equals(a.extendedServerSupport(), b.extendedServerSupport())
        && Objects.equals(a.licenseSourceType(), b.licenseSourceType())
        && Objects.equals(a.insights(), b.insights())
        && Objects.equals(a.transactionAccountId(), b.transactionAccountId())
        && Objects.equals(a.inGracePeriod(), b.inGracePeriod())
        && Objects.equals(a.cloudComplianceBoundaries(), b.cloudComplianceBoundaries())
        && Objects.equals(a.licenseLevel(), b.licenseLevel());
  }
}
