package dev.marketlens.sync.wire;

import static dev.marketlens.sync.wire.Exports.licenses;
import static dev.marketlens.sync.wire.Exports.resource;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.model.Hosting;
import dev.marketlens.model.LicenseStatus;
import dev.marketlens.model.LicenseType;
import dev.marketlens.model.PartnerType;
import dev.marketlens.model.Tier;
import dev.marketlens.model.license.License;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LicenseExportTest {

  @Test
  @DisplayName("§7.5: a v2 JSON license export maps every field; unknown fields are ignored")
  void v2Json() {
    ExportReader reader = resource("licenses-v2.json");
    assertThat(reader.format()).isEqualTo(ExportFormat.JSON);
    assertThat(reader.kind()).isEqualTo(ExportKind.LICENSES);
    List<License> all = licenses(reader);
    assertThat(all).hasSize(2);

    License dc = all.get(0);
    assertThat(dc.ids().addonLicenseId().value()).isEqualTo("2205182");
    assertThat(dc.ids().licenseId().value()).isEqualTo("SEN-L123456");
    assertThat(dc.app().value()).isEqualTo("com.acme.planner");
    assertThat(dc.appName()).isEqualTo("Acme Planner");
    assertThat(dc.hosting()).isEqualTo(Hosting.DATA_CENTER);
    assertThat(dc.licenseType()).isEqualTo(LicenseType.COMMERCIAL);
    assertThat(dc.status()).isEqualTo(LicenseStatus.ACTIVE);
    assertThat(dc.tier()).isEqualTo(Tier.users(500));
    assertThat(dc.maintenanceStartDate()).isEqualTo(LocalDate.of(2024, 3, 1));
    assertThat(dc.maintenanceEndDate()).isEqualTo(LocalDate.of(2025, 3, 1));
    assertThat(dc.lastUpdated()).isEqualTo(Instant.parse("2024-03-02T00:00:00Z"));
    assertThat(dc.appEdition()).as("null means absent").isNull();
    assertThat(dc.customer().company()).isEqualTo("Globex");
    assertThat(dc.customer().country()).isEqualTo("Germany");
    assertThat(dc.customer().region()).isEqualTo("EMEA");
    assertThat(dc.customer().technicalContact().email()).isEqualTo("ops@globex.example");
    assertThat(dc.customer().technicalContact().name()).isEqualTo("Hank Scorpio");
    assertThat(dc.partner()).isNull();
    assertThat(dc.insights()).as("no data insights requested").isNull();
    assertThat(dc.productId()).isNull();
  }

  @Test
  @DisplayName("K20: contacts reading \"RTBF\" are recognised as redacted")
  void rtbf() {
    License dc = licenses(resource("licenses-v2.json")).get(0);
    assertThat(dc.customer().billingContact().isRedacted()).isTrue();
    assertThat(dc.customer().isRedacted()).isTrue();
    assertThat(dc.customer().technicalContact().isRedacted()).isFalse();
  }

  @Test
  @DisplayName("§7.3/§7.4: a cloud license with data insights, attribution and a partner")
  void cloudWithInsights() {
    License cloud = licenses(resource("licenses-v2.json")).get(1);
    assertThat(cloud.ids().appEntitlementNumber().value()).isEqualTo("E-3QX-TY2-8RN-9KP");
    assertThat(cloud.ids().appEntitlementId().value())
        .isEqualTo("6f1c1a52-6f3e-4d3c-9f5e-2f4b8e1c0a11");
    assertThat(cloud.ids().hostEntitlementNumber().value()).isEqualTo("E-4RY-UZ3-9SO-0LQ");
    assertThat(cloud.ids().hostEntitlementId()).isNotNull();
    assertThat(cloud.ids().cloudId().value()).isEqualTo("8b3e3c74-8b5a-4f5e-9b7a-4b6d0a3e2c33");
    assertThat(cloud.cloudSiteHostname()).isEqualTo("initech.atlassian.net");
    assertThat(cloud.isEvaluation()).isTrue();
    assertThat(cloud.tier()).isEqualTo(Tier.evaluation());
    assertThat(cloud.appEdition()).isEqualTo("Standard");
    assertThat(cloud.customer().company()).isNull();
    assertThat(cloud.partner().name()).isEqualTo("Solutions Ltd");
    assertThat(cloud.partner().type()).isEqualTo(PartnerType.EXPERT);
    assertThat(cloud.partner().contact().email()).isEqualTo("sales@solutions.example");
    assertThat(cloud.insights()).isNotNull();
    assertThat(cloud.insights().parentProductName()).isEqualTo("Jira");
    assertThat(cloud.insights().parentProductEdition()).isEqualTo("Premium");
    assertThat(cloud.insights().parentProductBillingCycle()).isEqualTo("MONTHLY");
    assertThat(cloud.insights().installedOnSandbox()).isEqualTo("No");
    assertThat(cloud.insights().evaluationOpportunitySize()).isEqualTo("NA");
    assertThat(cloud.insights().evaluationLicense()).isNull();
    assertThat(cloud.insights().daysToConvertEval()).isEqualTo("NA");
    assertThat(cloud.insights().attribution().channel()).isEqualTo("Paid Search");
    assertThat(cloud.insights().attribution().campaignSource()).isEqualTo("google");
    assertThat(cloud.insights().attribution().referrerDomain()).as("empty means absent").isNull();
  }

  @Test
  @DisplayName("§12: a v3 JSON license carries productId; insight dates are read")
  void v3Json() {
    License license = licenses(resource("licenses-v3.json")).get(0);
    assertThat(license.productId().value()).isEqualTo("0f6b6f0e-1b4f-4f5e-9b7a-4b6d0a3e2c44");
    assertThat(license.status()).isEqualTo(LicenseStatus.CANCELLED);
    assertThat(license.tier()).isEqualTo(Tier.perUnitPricing(593));
    assertThat(license.insights().evaluationStartDate()).isEqualTo(LocalDate.of(2022, 12, 1));
    assertThat(license.insights().evaluationEndDate()).isEqualTo(LocalDate.of(2022, 12, 31));
    assertThat(license.insights().evaluationSaleDate()).isEqualTo(LocalDate.of(2023, 1, 1));
    assertThat(license.insights().daysToConvertEval()).isEqualTo("-1");
    assertThat(license.insights().attribution()).isNull();
  }

  @Test
  @DisplayName("§7.5: a CSV license export (CRLF, quoted values, doubled quotes, a newline inside)")
  void csv() {
    ExportReader reader = resource("licenses.csv");
    assertThat(reader.format()).isEqualTo(ExportFormat.CSV);
    assertThat(reader.kind()).isEqualTo(ExportKind.LICENSES);
    List<License> all = licenses(reader);
    assertThat(all).hasSize(2);

    License server = all.get(0);
    assertThat(server.hosting()).isEqualTo(Hosting.SERVER);
    assertThat(server.tier()).isEqualTo(Tier.unlimitedUsers());
    assertThat(server.customer().company()).isEqualTo("Globex \"North\"");
    assertThat(server.customer().technicalContact().isRedacted()).isTrue();
    assertThat(server.customer().billingContact().isEmpty()).isTrue();
    assertThat(server.partner()).isNull();
    assertThat(server.ids().hostLicenseId()).as("empty means absent").isNull();

    License cloud = all.get(1);
    assertThat(cloud.customer().company()).isEqualTo("Initech\r\nResearch");
    assertThat(cloud.maintenanceEndDate()).isNull();
    assertThat(cloud.status()).isEqualTo(LicenseStatus.INACTIVE);
    assertThat(cloud.licenseType()).isEqualTo(LicenseType.FREE);
    assertThat(cloud.tier().isNegative()).as("K32: negative tiers are kept").isTrue();
    assertThat(cloud.partner().type()).isEqualTo(PartnerType.RESELLER);
    assertThat(cloud.partner().name()).isEqualTo("Resell Co");
    assertThat(cloud.lastUpdated()).isEqualTo(Instant.parse("2024-04-02T00:00:00Z"));
    assertThat(cloud.ids().appEntitlementNumber().value()).isEqualTo("E-3QX-TY2-8RN-9KP");
  }

  @Test
  @DisplayName("§7.5: CSV columns are mapped by name, in any order, with missing optional columns")
  void csvShuffledWithInsights() {
    License license = licenses(resource("licenses-insights-shuffled.csv")).get(0);
    assertThat(license.ids().appEntitlementNumber().value()).isEqualTo("E-3QX-TY2-8RN-9KP");
    assertThat(license.status()).isEqualTo(LicenseStatus.ACTIVE);
    assertThat(license.licenseType()).isEqualTo(LicenseType.EVALUATION);
    assertThat(license.maintenanceStartDate()).isEqualTo(LocalDate.of(2024, 5, 30));
    assertThat(license.lastUpdated()).isEqualTo(Instant.parse("2024-06-01T00:00:00Z"));
    assertThat(license.insights().parentProductName()).isEqualTo("Pending");
    assertThat(license.insights().evaluationStartDate()).as("\"NA\" is no date").isNull();
    assertThat(license.appName()).isNull();
    assertThat(license.customer().country()).isNull();
  }
}
