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

  /** These insights naming another evaluation license. */
  public LicenseInsights withEvaluationLicense(String id) {
    return new LicenseInsights(
        evaluationOpportunitySize,
        id,
        daysToConvertEval,
        evaluationStartDate,
        evaluationEndDate,
        evaluationSaleDate,
        attribution,
        parentProductBillingCycle,
        parentProductName,
        parentProductEdition,
        installedOnSandbox);
  }

  /**
   * These insights with every parent-product field {@value #PENDING}, as before the data arrives.
   */
  public LicenseInsights pending() {
    return new LicenseInsights(
        evaluationOpportunitySize,
        evaluationLicense,
        daysToConvertEval,
        evaluationStartDate,
        evaluationEndDate,
        evaluationSaleDate,
        attribution,
        PENDING,
        PENDING,
        PENDING,
        PENDING);
  }
}
