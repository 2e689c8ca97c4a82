package dev.marketlens.model.license;

import java.time.LocalDate;

/**
 * The data-insight fields of a license, present only when requested with {@code withDataInsights}
 * (spec §7.3–7.4, §16.4). The text fields keep the API's values, including {@code "NA"} (not
 * available) and {@code "Pending"} (insights arrive 48–72 h late); each field is null when absent.
 *
 * @param parentProductName {@code Jira}, {@code Confluence}, {@code NA}, {@code Pending}
 * @param parentProductEdition {@code Free}, {@code Standard}, {@code Premium}, {@code Enterprise},
 *     {@code NA}, {@code Pending}
 * @param parentProductBillingCycle {@code ANNUAL}, {@code MONTHLY}, {@code NA}, {@code Pending}
 * @param installedOnSandbox {@code Yes}, {@code No}, {@code NA}, {@code Pending}
 * @param evaluationOpportunitySize the host license size, or {@code NA}
 * @param evaluationLicense the id of the matching evaluation
 * @param daysToConvertEval an integer as text, or {@code NA}
 */
public record DataInsights(
    String parentProductName,
    String parentProductEdition,
    String parentProductBillingCycle,
    String installedOnSandbox,
    String evaluationOpportunitySize,
    String evaluationLicense,
    String daysToConvertEval,
    LocalDate evaluationStartDate,
    LocalDate evaluationEndDate,
    LocalDate evaluationSaleDate,
    Attribution attribution) {}
