package dev.marketlens.emulator.wire;

/**
 * The data-insights fields of a license, served only with {@code withDataInsights=true}. Every
 * value is a string on the wire: {@code "NA"} where Atlassian has no insight (licenses before
 * 2018-07, purchases without an evaluation, non-cloud editions) and {@code "Pending"} for the 48–72
 * hours before the data arrives.
 */
public record LicenseInsights(
    String evaluationOpportunitySize,
    String evaluationLicense,
    String daysToConvertEval,
    String evaluationStartDate,
    String evaluationEndDate,
    String evaluationSaleDate,
    Attribution attribution,
    String parentProductBillingCycle,
    String parentProductName,
    String parentProductEdition,
    String installedOnSandbox) {

  public static final String NA = "NA";
  public static final String PENDING = "Pending";

  /**
   * Insights of a license whose data predates the insights (July 2018): every string field reads
   * {@code NA}.
   */
  public static LicenseInsights notAvailable() {
    return new LicenseInsights(NA, NA, NA, NA, NA, NA, null, NA, NA, NA, NA);
  }
}
