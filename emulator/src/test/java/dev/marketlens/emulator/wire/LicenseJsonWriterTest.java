package dev.marketlens.emulator.wire;

import static dev.marketlens.emulator.wire.Exports.json;
import static dev.marketlens.emulator.wire.Exports.names;
import static dev.marketlens.emulator.wire.Exports.write;
import static dev.marketlens.emulator.wire.WireFixtures.aCloudLicense;
import static dev.marketlens.emulator.wire.WireFixtures.aDataCenterLicense;
import static dev.marketlens.emulator.wire.WireFixtures.aForgottenCustomer;
import static dev.marketlens.emulator.wire.WireFixtures.withCustomer;
import static dev.marketlens.emulator.wire.WireFixtures.withInsights;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;

@DisplayName("spec §7.3/§7.5: license JSON records and export")
class LicenseJsonWriterTest {

  private static final List<String> INSIGHT_FIELDS =
      List.of(
          "attribution",
          "evaluationOpportunitySize",
          "evaluationLicense",
          "daysToConvertEval",
          "evaluationStartDate",
          "evaluationEndDate",
          "evaluationSaleDate",
          "parentProductBillingCycle",
          "parentProductName",
          "parentProductEdition",
          "installedOnSandbox");

  private static JsonNode only(String body) {
    JsonNode array = json(body);
    assertThat(array.isArray()).as("the export body is a top-level array").isTrue();
    assertThat(array.size()).isEqualTo(1);
    return array.get(0);
  }

  @DisplayName("spec §7.5: the export body is a top-level JSON array of license objects, in order")
  @Test
  void exportIsAnArray() {
    String body =
        write(new LicenseJsonWriter(WireFormat.V2), aCloudLicense(), aDataCenterLicense());

    JsonNode array = json(body);
    assertThat(array.isArray()).isTrue();
    assertThat(array.size()).isEqualTo(2);
    assertThat(array.at("/0/appEntitlementNumber").stringValue()).isEqualTo("E-3W8-NHD-V5E-GM7");
    assertThat(array.at("/1/licenseId").stringValue()).isEqualTo("SEN-5123456");
    assertThat(write(new LicenseJsonWriter(WireFormat.V2))).isEqualTo("[]");
  }

  @DisplayName(
      "spec §12: v2 license records have no productId; v3 records carry it right after addonKey")
  @Test
  void productIdOnlyInV3() {
    JsonNode v2 = only(write(new LicenseJsonWriter(WireFormat.V2), aCloudLicense()));
    JsonNode v3 = only(write(new LicenseJsonWriter(WireFormat.V3), aCloudLicense()));

    assertThat(v2.has("productId")).isFalse();
    assertThat(v3.at("/productId").stringValue()).isEqualTo(WireFixtures.PRODUCT_ID);
    List<String> v3Names = names(v3);
    assertThat(v3Names.get(v3Names.indexOf("addonKey") + 1)).isEqualTo("productId");
    assertThat(v3Names.get(v3Names.indexOf("productId") + 1)).isEqualTo("addonName");
  }

  @DisplayName("spec §7.4: without withDataInsights the insight fields are absent")
  @Test
  void insightsAbsentWithoutFlag() {
    JsonNode record = only(write(new LicenseJsonWriter(WireFormat.V3), aCloudLicense()));

    for (String field : INSIGHT_FIELDS) {
      assertThat(record.has(field)).as(field).isFalse();
    }
    assertThat(record.has("licenseSourceType")).isTrue();
  }

  @DisplayName(
      "spec §7.4: with withDataInsights the insight fields are present, attribution nested")
  @Test
  void insightsPresentWithFlag() {
    JsonNode record =
        only(write(new LicenseJsonWriter(WireFormat.V3.dataInsights(true)), aCloudLicense()));

    for (String field : INSIGHT_FIELDS) {
      assertThat(record.has(field)).as(field).isTrue();
    }
    assertThat(record.at("/attribution/channel").stringValue()).isEqualTo("Paid Search");
    assertThat(record.at("/attribution/referrerDomain").stringValue()).isEqualTo("google.com");
    assertThat(record.at("/attribution/campaignContent").stringValue()).isEqualTo("ad-variant-b");
    assertThat(names(record.get("attribution")))
        .containsExactly(
            "channel",
            "referrerDomain",
            "campaignSource",
            "campaignMedium",
            "campaignName",
            "campaignContent");
    assertThat(record.at("/daysToConvertEval").stringValue()).isEqualTo("-59");
    assertThat(record.at("/parentProductEdition").stringValue()).isEqualTo("Standard");
  }

  @DisplayName(
      "spec §7.4: with withDataInsights, pre-2018 licenses read NA and Atlassian-owned ones have none")
  @Test
  void insightsNotAvailable() {
    WireFormat insights = WireFormat.V2.dataInsights(true);
    JsonNode old = only(write(new LicenseJsonWriter(insights), aDataCenterLicense()));
    JsonNode owned =
        only(write(new LicenseJsonWriter(insights), withInsights(aCloudLicense(), null)));

    assertThat(old.at("/evaluationOpportunitySize").stringValue()).isEqualTo("NA");
    assertThat(old.at("/installedOnSandbox").stringValue()).isEqualTo("NA");
    assertThat(old.has("attribution")).isFalse();
    for (String field : INSIGHT_FIELDS) {
      assertThat(owned.has(field)).as(field).isFalse();
    }
  }

  @DisplayName(
      "spec §7.3: identifiers are flat, contactDetails and partnerDetails nested with their contacts")
  @Test
  void nesting() {
    JsonNode record = only(write(new LicenseJsonWriter(WireFormat.V2), aCloudLicense()));

    assertThat(record.at("/appEntitlementId").stringValue())
        .isEqualTo("709a7212-3330-4ba6-9785-9804a9983373");
    assertThat(record.at("/cloudSiteHostname").stringValue()).isEqualTo("acme.atlassian.net");
    assertThat(record.has("ids")).isFalse();
    assertThat(record.at("/contactDetails/company").stringValue()).isEqualTo("Acme Ltd");
    assertThat(record.at("/contactDetails/country").stringValue()).isEqualTo("United Kingdom");
    assertThat(record.at("/contactDetails/region").stringValue()).isEqualTo("EMEA");
    assertThat(names(record.at("/contactDetails/technicalContact")))
        .containsExactly(
            "email", "name", "phone", "address1", "address2", "city", "state", "postcode");
    assertThat(record.at("/contactDetails/technicalContact/postcode").stringValue())
        .isEqualTo("EC1A 1BB");
    assertThat(record.at("/contactDetails/billingContact/email").stringValue())
        .isEqualTo("bill@acme.example");
    assertThat(record.at("/contactDetails/billingContact").has("address2")).isFalse();
    assertThat(record.at("/partnerDetails/partnerName").stringValue())
        .isEqualTo("Solutions Partner GmbH");
    assertThat(record.at("/partnerDetails/partnerType").stringValue()).isEqualTo("Expert");
    assertThat(record.at("/partnerDetails/billingContact/email").stringValue())
        .isEqualTo("sales@partner.example");
    assertThat(record.at("/partnerDetails/billingContact/name").stringValue())
        .isEqualTo("Pat Partner");
    assertThat(record.at("/cmtDetails/status").stringValue()).isEqualTo("converted");
    assertThat(record.at("/cmtDetails/relatedOnPremLicense").stringValue())
        .isEqualTo("SEN-5123456");
  }

  @DisplayName(
      "spec §7.3: values use the live spellings — Cloud, active, COMMERCIAL, tiers, YYYY-MM-DD dates")
  @Test
  void liveSpellings() {
    JsonNode record = only(write(new LicenseJsonWriter(WireFormat.V2), aCloudLicense()));

    assertThat(record.at("/hosting").stringValue()).isEqualTo("Cloud");
    assertThat(record.at("/status").stringValue()).isEqualTo("active");
    assertThat(record.at("/licenseType").stringValue()).isEqualTo("COMMERCIAL");
    assertThat(record.at("/tier").stringValue()).isEqualTo("Per Unit Pricing (25 Users)");
    assertThat(record.at("/maintenanceStartDate").stringValue()).isEqualTo("2024-03-02");
    assertThat(record.at("/lastUpdated").stringValue()).isEqualTo("2024-03-05");
    assertThat(record.at("/newBillingSystem").stringValue()).isEqualTo("Yes");
    assertThat(record.has("isNewBillingSystem")).isFalse();
    assertThat(record.at("/upgradeEvaluatingEdition").stringValue()).isEqualTo("Advanced");
    assertThat(record.at("/upgradeEvaluationStartDate").stringValue()).isEqualTo("2024-02-01");
    assertThat(record.has("upgradeEvaluationEndDate")).as("CSV-only column").isFalse();
    assertThat(record.at("/cloudComplianceBoundaries/0").stringValue()).isEqualTo("commercial");
    assertThat(record.at("/licenseLevel").stringValue()).isEqualTo("single-instance");
  }

  @DisplayName("spec §4.1: null fields are omitted, not written as null")
  @Test
  void nullsOmitted() {
    String body = write(new LicenseJsonWriter(WireFormat.V3), aDataCenterLicense());
    JsonNode record = only(body);

    assertThat(body).doesNotContain("null");
    assertThat(record.has("appEntitlementId")).isFalse();
    assertThat(record.has("cloudId")).isFalse();
    assertThat(record.has("partnerDetails")).isFalse();
    assertThat(record.has("cmtDetails")).isFalse();
    assertThat(record.has("appEdition")).isFalse();
    assertThat(record.has("cloudComplianceBoundaries")).isFalse();
    assertThat(record.at("/hosting").stringValue()).isEqualTo("Data Center");
  }

  @DisplayName("spec §7.3: properties follow the order of the spec's license field table")
  @Test
  void propertyOrder() {
    JsonNode record =
        only(write(new LicenseJsonWriter(WireFormat.V3.dataInsights(true)), aCloudLicense()));

    assertThat(names(record))
        .containsExactly(
            "appEntitlementId",
            "appEntitlementNumber",
            "hostEntitlementId",
            "hostEntitlementNumber",
            "cloudId",
            "cloudSiteHostname",
            "addonKey",
            "productId",
            "addonName",
            "hosting",
            "appEdition",
            "upgradeEvaluationStartDate",
            "upgradeEvaluatingEdition",
            "latestEvaluationStartDate",
            "latestMaintenanceStartDate",
            "newBillingSystem",
            "lastUpdated",
            "licenseType",
            "maintenanceStartDate",
            "maintenanceEndDate",
            "status",
            "tier",
            "cmtDetails",
            "contactDetails",
            "partnerDetails",
            "attribution",
            "licenseSourceType",
            "evaluationOpportunitySize",
            "evaluationLicense",
            "daysToConvertEval",
            "evaluationStartDate",
            "evaluationEndDate",
            "evaluationSaleDate",
            "parentProductBillingCycle",
            "parentProductName",
            "parentProductEdition",
            "installedOnSandbox",
            "transactionAccountId",
            "inGracePeriod",
            "cloudComplianceBoundaries",
            "licenseLevel");
  }

  @DisplayName("spec §14 K20: a forgotten customer's contacts read RTBF in every field")
  @Test
  void rtbfContacts() {
    JsonNode record =
        only(
            write(
                new LicenseJsonWriter(WireFormat.V2),
                withCustomer(aCloudLicense(), aForgottenCustomer())));

    for (String contact : List.of("technicalContact", "billingContact")) {
      JsonNode node = record.at("/contactDetails/" + contact);
      assertThat(node.size()).isEqualTo(8);
      node.properties().forEach(e -> assertThat(e.getValue().stringValue()).isEqualTo("RTBF"));
    }
  }

  @DisplayName("spec §7.1: one record can be written into an enclosing envelope's generator")
  @Test
  void writesIntoAnEnvelope() {
    LicenseJsonWriter writer = new LicenseJsonWriter(WireFormat.V2);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = WireJson.createGenerator(out)) {
      g.writeStartObject();
      g.writeObjectPropertyStart("_links");
      g.writeObjectPropertyStart("self");
      g.writeStringProperty("href", "/rest/2/vendors/1234/reporting/licenses?offset=0&limit=10");
      g.writeEndObject();
      g.writeEndObject();
      g.writeArrayPropertyStart("licenses");
      writer.writeRecord(aCloudLicense(), g);
      writer.writeRecord(aDataCenterLicense(), g);
      g.writeEndArray();
      g.writeEndObject();
    }

    JsonNode envelope = json(out.toString(StandardCharsets.UTF_8));
    assertThat(names(envelope)).containsExactly("_links", "licenses");
    assertThat(envelope.at("/licenses").size()).isEqualTo(2);
    assertThat(envelope.at("/licenses/1/addonLicenseId").stringValue()).isEqualTo("2205182");
  }
}
