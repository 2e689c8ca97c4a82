package dev.marketlens.emulator.wire;

import static dev.marketlens.emulator.wire.Exports.csvHeader;
import static dev.marketlens.emulator.wire.Exports.csvRecords;
import static dev.marketlens.emulator.wire.Exports.onlyCsvRecord;
import static dev.marketlens.emulator.wire.Exports.write;
import static dev.marketlens.emulator.wire.WireFixtures.aCloudLicense;
import static dev.marketlens.emulator.wire.WireFixtures.aDataCenterLicense;
import static dev.marketlens.emulator.wire.WireFixtures.aForgottenCustomer;
import static dev.marketlens.emulator.wire.WireFixtures.technicalContact;
import static dev.marketlens.emulator.wire.WireFixtures.withCustomer;
import static dev.marketlens.emulator.wire.WireFixtures.withInsights;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("spec §7.5: license CSV export")
class LicenseCsvWriterTest {

  /** The observed v2 column order, copied verbatim from spec §7.5. */
  static final List<String> SPEC_COLUMNS =
      spec(
          """
          addonLicenseId, hostLicenseId, licenseId, addonKey, addonName, licenseType, maintenanceStartDate,
          maintenanceEndDate, status, hosting, tier, company, country, region,
          technicalContactName, technicalContactEmail, technicalContactPhone, technicalContactAddress1,
          technicalContactAddress2, technicalContactCity, technicalContactState, technicalContactPostcode,
          billingContactName, billingContactEmail, billingContactPhone, billingContactAddress1,
          billingContactAddress2, billingContactCity, billingContactState, billingContactPostcode,
          partnerType, partnerName, partnerContactName, partnerContactEmail, lastUpdated,
          appEntitlementId, appEntitlementNumber, hostEntitlementId, hostEntitlementNumber, cloudId,
          cloudSiteHostname, cmtStatus, cmtRelatedOnPremLicense, extendedServerSupport, licenseSourceType,
          transactionAccountId, appEdition, upgradeEvaluationEdition, upgradeEvaluationStartDate,
          upgradeEvaluationEndDate
          """);

  /** The insight columns appended with withDataInsights, copied verbatim from spec §7.5. */
  static final List<String> SPEC_INSIGHT_COLUMNS =
      spec(
          """
          evaluationOpportunitySize, evaluationLicense, daysToConvertEval, evaluationStartDate,
          evaluationEndDate, evaluationSaleDate, channel, referrerDomain, campaignSource, campaignMedium,
          campaignName, campaignContent, parentProductBillingCycle, parentProductName, parentProductEdition,
          installedOnSandbox
          """);

  static List<String> spec(String text) {
    return List.of(text.strip().split("\\s*,\\s*"));
  }

  private static final LicenseCsvWriter PLAIN = new LicenseCsvWriter(WireFormat.V2);
  private static final LicenseCsvWriter WITH_INSIGHTS =
      new LicenseCsvWriter(WireFormat.V2.dataInsights(true));

  @DisplayName("spec §7.5: license CSV columns are named and ordered as the live export")
  @Test
  void headerWithoutInsights() {
    String csv = write(PLAIN, aCloudLicense());

    assertThat(csvHeader(csv)).containsExactlyElementsOf(SPEC_COLUMNS);
    assertThat(LicenseCsvWriter.COLUMNS).containsExactlyElementsOf(SPEC_COLUMNS);
    assertThat(LicenseCsvWriter.columns(false)).isEqualTo(LicenseCsvWriter.COLUMNS);
    assertThat(csv).startsWith("\"addonLicenseId\",\"hostLicenseId\",\"licenseId\",\"addonKey\",");
  }

  @DisplayName(
      "spec §7.5: withDataInsights appends the sixteen insight columns after the base columns")
  @Test
  void headerWithInsights() {
    String csv = write(WITH_INSIGHTS, aCloudLicense());

    assertThat(csvHeader(csv))
        .hasSize(SPEC_COLUMNS.size() + SPEC_INSIGHT_COLUMNS.size())
        .startsWith(SPEC_COLUMNS.toArray(String[]::new))
        .endsWith(SPEC_INSIGHT_COLUMNS.toArray(String[]::new));
    assertThat(LicenseCsvWriter.INSIGHT_COLUMNS).containsExactlyElementsOf(SPEC_INSIGHT_COLUMNS);
    assertThat(LicenseCsvWriter.columns(true)).isEqualTo(LicenseCsvWriter.COLUMNS_WITH_INSIGHTS);
  }

  @DisplayName("spec §7.3: CSV never carries productId, not even for v3")
  @Test
  void noProductIdColumn() {
    String csv = write(new LicenseCsvWriter(WireFormat.V3.dataInsights(true)), aCloudLicense());

    assertThat(csvHeader(csv)).doesNotContain("productId");
    assertThat(csv).doesNotContain(WireFixtures.PRODUCT_ID);
  }

  @DisplayName(
      "spec §7.5: every field, header and empty ones included, is double-quoted; rows end with CRLF")
  @Test
  void everyValueQuoted() {
    String csv = write(WITH_INSIGHTS, aCloudLicense(), aDataCenterLicense());

    String[] lines = csv.split("\r\n", -1);
    assertThat(lines).hasSize(4);
    assertThat(lines[3]).as("the text after the last row end").isEmpty();
    for (String line : List.of(lines[0], lines[1], lines[2])) {
      assertThat(line).matches("\"[^\"]*\"(,\"[^\"]*\")*");
      assertThat(line.split("\",\"", -1)).hasSize(LicenseCsvWriter.COLUMNS_WITH_INSIGHTS.size());
    }
  }

  @DisplayName("spec §7.3/§7.5: a cloud license fills the flattened columns from the nested record")
  @Test
  void cloudLicenseRow() {
    Map<String, String> row = onlyCsvRecord(write(WITH_INSIGHTS, aCloudLicense()));

    assertThat(row)
        .containsEntry("addonLicenseId", "")
        .containsEntry("licenseId", "")
        .containsEntry("appEntitlementNumber", "E-3W8-NHD-V5E-GM7")
        .containsEntry("cloudSiteHostname", "acme.atlassian.net")
        .containsEntry("addonKey", WireFixtures.APP_KEY)
        .containsEntry("licenseType", "COMMERCIAL")
        .containsEntry("hosting", "Cloud")
        .containsEntry("status", "active")
        .containsEntry("tier", "Per Unit Pricing (25 Users)")
        .containsEntry("maintenanceStartDate", "2024-03-02")
        .containsEntry("company", "Acme Ltd")
        .containsEntry("region", "EMEA")
        .containsEntry("technicalContactEmail", "ada@acme.example")
        .containsEntry("technicalContactPostcode", "EC1A 1BB")
        .containsEntry("billingContactAddress2", "")
        .containsEntry("partnerType", "Expert")
        .containsEntry("partnerContactName", "Pat Partner")
        .containsEntry("partnerContactEmail", "sales@partner.example")
        .containsEntry("cmtStatus", "converted")
        .containsEntry("cmtRelatedOnPremLicense", "SEN-5123456")
        .containsEntry("upgradeEvaluationEdition", "Advanced")
        .containsEntry("upgradeEvaluationStartDate", "2024-02-01")
        .containsEntry("upgradeEvaluationEndDate", "2024-03-01")
        .containsEntry("daysToConvertEval", "-59")
        .containsEntry("channel", "Paid Search")
        .containsEntry("campaignContent", "ad-variant-b")
        .containsEntry("parentProductBillingCycle", "MONTHLY")
        .containsEntry("installedOnSandbox", "No");
  }

  @DisplayName("spec §7.5 [EMU]: null values are empty fields")
  @Test
  void nullsAreEmpty() {
    Map<String, String> row = onlyCsvRecord(write(PLAIN, aDataCenterLicense()));

    assertThat(row)
        .containsEntry("addonLicenseId", "2205182")
        .containsEntry("licenseId", "SEN-5123456")
        .containsEntry("hosting", "Data Center")
        .containsEntry("status", "inactive")
        .containsEntry("cloudId", "")
        .containsEntry("partnerType", "")
        .containsEntry("partnerName", "")
        .containsEntry("cmtStatus", "")
        .containsEntry("appEdition", "");
  }

  @DisplayName(
      "spec §7.4: licenses without insights (Atlassian-owned) leave the insight columns empty")
  @Test
  void missingInsightsAreEmpty() {
    Map<String, String> row =
        onlyCsvRecord(write(WITH_INSIGHTS, withInsights(aCloudLicense(), null)));

    for (String column : SPEC_INSIGHT_COLUMNS) {
      assertThat(row).containsEntry(column, "");
    }
    assertThat(row).containsEntry("company", "Acme Ltd");
  }

  @DisplayName("spec §7.4: licenses predating the insights read NA in the insight columns")
  @Test
  void notAvailableInsights() {
    Map<String, String> row = onlyCsvRecord(write(WITH_INSIGHTS, aDataCenterLicense()));

    assertThat(row)
        .containsEntry("evaluationOpportunitySize", "NA")
        .containsEntry("parentProductName", "NA")
        .containsEntry("installedOnSandbox", "NA")
        .containsEntry("channel", "");
  }

  @DisplayName("spec §14 K20: contacts of a forgotten customer read RTBF in every contact column")
  @Test
  void rtbfContacts() {
    Map<String, String> row =
        onlyCsvRecord(write(PLAIN, withCustomer(aCloudLicense(), aForgottenCustomer())));

    for (String column : SPEC_COLUMNS) {
      if (column.startsWith("technicalContact") || column.startsWith("billingContact")) {
        assertThat(row).containsEntry(column, Contact.RTBF);
      }
    }
    assertThat(row).containsEntry("country", "Germany");
  }

  @DisplayName(
      "spec §7.5: values with line breaks, quotes and commas survive a round trip through a CSV parser")
  @Test
  void awkwardValuesRoundTrip() {
    String company = "Acme, \"the\" Company\nSecond line\r\nThird; line";
    String name = "O'Brien, \"Bob\"";
    Contact tech = technicalContact();
    ContactDetails awkward =
        new ContactDetails(
            company,
            "Côte d’Ivoire",
            "EMEA",
            new Contact(
                tech.email(), name, tech.phone(), "Line 1\nLine 2", ",", "\"", "", tech.postcode()),
            null);
    String csv = write(PLAIN, withCustomer(aCloudLicense(), awkward), aDataCenterLicense());

    List<Map<String, String>> rows = csvRecords(csv);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0))
        .containsEntry("company", company)
        .containsEntry("country", "Côte d’Ivoire")
        .containsEntry("technicalContactName", name)
        .containsEntry("technicalContactAddress1", "Line 1\nLine 2")
        .containsEntry("technicalContactAddress2", ",")
        .containsEntry("technicalContactCity", "\"")
        .containsEntry("technicalContactState", "")
        .containsEntry("billingContactEmail", "");
    assertThat(rows.get(1)).containsEntry("company", "Acme Ltd");
    assertThat(csv).contains("\"Acme, \"\"the\"\" Company\nSecond line\r\nThird; line\"");
  }

  @DisplayName("spec §7.5: an export without licenses is just the header row")
  @Test
  void emptyExport() {
    String csv = write(PLAIN);

    assertThat(csv.split("\r\n")).hasSize(1);
    assertThat(csvHeader(csv)).containsExactlyElementsOf(SPEC_COLUMNS);
    assertThat(csvRecords(csv)).isEmpty();
  }
}
