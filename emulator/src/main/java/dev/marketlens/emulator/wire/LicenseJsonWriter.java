package dev.marketlens.emulator.wire;

import static dev.marketlens.emulator.wire.WireJson.date;
import static dev.marketlens.emulator.wire.WireJson.string;
import static dev.marketlens.emulator.wire.WireJson.wire;

import java.time.LocalDate;
import tools.jackson.core.JsonGenerator;

/**
 * Writes licenses as the JSON of the reporting API (spec §7.3, §7.5): the export body is a
 * top-level array of license objects, and {@link #writeRecord} writes one object into a caller's
 * generator (for the list envelope).
 *
 * <p>Properties follow the order of the spec §7.3 table. The identifiers of {@link LicenseIds} sit
 * flat at the top level. Null values, empty lists and objects with nothing in them are omitted;
 * {@code productId} only in v3; the insight fields ({@code attribution}, {@code evaluation*},
 * {@code daysToConvertEval}, {@code parentProduct*}, {@code installedOnSandbox}) only with {@code
 * withDataInsights} (spec §7.4). The live field is {@code newBillingSystem}, not the swagger's
 * {@code isNewBillingSystem}. {@code upgradeEvaluationEndDate} is a CSV-only column (spec §7.3) and
 * is not written. Contacts ({@code technicalContact}, {@code billingContact} and the partner's
 * {@code billingContact}) have the swagger's eight-field license contact shape.
 */
public final class LicenseJsonWriter extends JsonExportWriter<License> {

  /** A writer of licenses as served by {@code wire}'s API version and insight flag. */
  public LicenseJsonWriter(WireFormat wire) {
    super(wire, "license");
  }

  @Override
  public void writeRecord(License license, JsonGenerator g) {
    writeRecord(license, g, null);
  }

  /**
   * Writes one license; with {@code showLicensesHistory} each row is one version of the license and
   * carries the day that version was created as {@code recordCreatedDate} (null: no such field).
   */
  public void writeRecord(License license, JsonGenerator g, LocalDate recordCreatedDate) {
    LicenseIds ids = license.ids();
    LicenseInsights insights = wire.withDataInsights() ? license.insights() : null;
    g.writeStartObject();
    WireJson.ids(g, ids, true);
    WireJson.app(g, wire, license.addonKey(), license.productId(), license.addonName());
    string(g, "hosting", wire.hosting(license.hosting(), license.key()));
    string(g, "appEdition", license.appEdition());
    date(g, "upgradeEvaluationStartDate", license.upgradeEvaluationStartDate());
    string(g, "upgradeEvaluatingEdition", license.upgradeEvaluatingEdition());
    date(g, "latestEvaluationStartDate", license.latestEvaluationStartDate());
    date(g, "latestMaintenanceStartDate", license.latestMaintenanceStartDate());
    string(g, "newBillingSystem", license.newBillingSystem());
    date(g, "lastUpdated", license.lastUpdated());
    wire(g, "licenseType", license.licenseType());
    date(g, "maintenanceStartDate", license.maintenanceStartDate());
    date(g, "maintenanceEndDate", license.maintenanceEndDate());
    wire(g, "status", license.status());
    WireJson.tier(g, "tier", license.tier());
    CmtDetails cmt = license.cmtDetails();
    if (cmt != null) {
      g.writeObjectPropertyStart("cmtDetails");
      string(g, "status", cmt.status());
      string(g, "relatedOnPremLicense", cmt.relatedOnPremLicense());
      g.writeEndObject();
    }
    WireJson.contactDetails(g, "contactDetails", license.contactDetails(), true);
    WireJson.partnerDetails(g, license.partnerDetails(), true);
    if (insights != null) {
      writeAttribution(g, insights.attribution());
    }
    string(g, "extendedServerSupport", license.extendedServerSupport());
    string(g, "licenseSourceType", license.licenseSourceType());
    if (insights != null) {
      string(g, "evaluationOpportunitySize", insights.evaluationOpportunitySize());
      string(g, "evaluationLicense", insights.evaluationLicense());
      string(g, "daysToConvertEval", insights.daysToConvertEval());
      string(g, "evaluationStartDate", insights.evaluationStartDate());
      string(g, "evaluationEndDate", insights.evaluationEndDate());
      string(g, "evaluationSaleDate", insights.evaluationSaleDate());
      string(g, "parentProductBillingCycle", insights.parentProductBillingCycle());
      string(g, "parentProductName", insights.parentProductName());
      string(g, "parentProductEdition", insights.parentProductEdition());
      string(g, "installedOnSandbox", insights.installedOnSandbox());
    }
    string(g, "transactionAccountId", license.transactionAccountId());
    string(g, "inGracePeriod", license.inGracePeriod());
    WireJson.strings(g, "cloudComplianceBoundaries", license.cloudComplianceBoundaries());
    string(g, "licenseLevel", license.licenseLevel());
    date(g, "recordCreatedDate", recordCreatedDate);
    g.writeEndObject();
  }

  private static void writeAttribution(JsonGenerator g, Attribution a) {
    if (a == null) {
      return;
    }
    g.writeObjectPropertyStart("attribution");
    string(g, "channel", a.channel());
    string(g, "referrerDomain", a.referrerDomain());
    string(g, "campaignSource", a.campaignSource());
    string(g, "campaignMedium", a.campaignMedium());
    string(g, "campaignName", a.campaignName());
    string(g, "campaignContent", a.campaignContent());
    g.writeEndObject();
  }
}
