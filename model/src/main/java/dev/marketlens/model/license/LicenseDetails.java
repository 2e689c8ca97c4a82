package dev.marketlens.model.license;

import dev.marketlens.model.ModelException;
import java.time.LocalDate;
import java.util.List;

/**
 * The fields of a license beyond what metrics read: how Atlassian's commerce and support systems
 * hold it (spec §7.3). Text keeps the API's values ({@code Yes}, {@code No}, {@code NA}, …); every
 * component is null when absent, except {@code cloudComplianceBoundaries}, which is empty then.
 *
 * @param cmt the linked cloud migration trial ({@code cmtDetails})
 * @param upgradeEvaluation the evaluation of a higher edition
 * @param extendedServerSupport {@code Yes}, {@code No} or {@code NA} (server only)
 * @param licenseSourceType {@code Atlassian} or {@code Non-Atlassian}
 * @param transactionAccountId the billing account (cloud, CCP), a UUID
 * @param newBillingSystem {@code Yes} or {@code No} (the live spelling of {@code
 *     isNewBillingSystem})
 * @param inGracePeriod {@code Yes} or {@code No}
 * @param invoiceDunningReason why the invoice is in dunning, only while it is
 * @param licenseLevel {@code single-instance} or {@code multi-instance}
 * @param multiInstanceEntitlementId the multi-instance entitlement, when there is one
 * @param multiInstanceEntitlementNumber its number
 * @param cloudComplianceBoundaries {@code commercial}, {@code fedramp_moderate}, {@code
 *     isolated_cloud}; empty when absent
 * @param latestEvaluationStartDate the start of the customer's latest evaluation
 * @param latestMaintenanceStartDate the start of the latest maintenance period
 * @param recordCreatedDate the day this version was created, with {@code showLicensesHistory}
 */
public record LicenseDetails(
    CmtDetails cmt,
    UpgradeEvaluation upgradeEvaluation,
    String extendedServerSupport,
    String licenseSourceType,
    String transactionAccountId,
    String newBillingSystem,
    String inGracePeriod,
    String invoiceDunningReason,
    String licenseLevel,
    String multiInstanceEntitlementId,
    String multiInstanceEntitlementNumber,
    List<String> cloudComplianceBoundaries,
    LocalDate latestEvaluationStartDate,
    LocalDate latestMaintenanceStartDate,
    LocalDate recordCreatedDate) {

  private static final LicenseDetails NONE =
      new LicenseDetails(
          null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

  public LicenseDetails {
    extendedServerSupport = blankToNull(extendedServerSupport);
    licenseSourceType = blankToNull(licenseSourceType);
    transactionAccountId = blankToNull(transactionAccountId);
    newBillingSystem = blankToNull(newBillingSystem);
    inGracePeriod = blankToNull(inGracePeriod);
    invoiceDunningReason = blankToNull(invoiceDunningReason);
    licenseLevel = blankToNull(licenseLevel);
    multiInstanceEntitlementId = blankToNull(multiInstanceEntitlementId);
    multiInstanceEntitlementNumber = blankToNull(multiInstanceEntitlementNumber);
    if (cloudComplianceBoundaries == null) {
      cloudComplianceBoundaries = List.of();
    } else {
      for (String boundary : cloudComplianceBoundaries) {
        if (boundary == null || boundary.isBlank()) {
          throw new ModelException(
              "cloudComplianceBoundaries[]", boundary, "is empty (expected e.g. commercial)");
        }
      }
      cloudComplianceBoundaries = List.copyOf(cloudComplianceBoundaries);
    }
  }

  /** A license with none of these fields. */
  public static LicenseDetails none() {
    return NONE;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
