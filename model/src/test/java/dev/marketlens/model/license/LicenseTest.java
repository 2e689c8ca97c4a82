package dev.marketlens.model.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketlens.model.Contact;
import dev.marketlens.model.CustomerDetails;
import dev.marketlens.model.Hosting;
import dev.marketlens.model.LicenseStatus;
import dev.marketlens.model.LicenseType;
import dev.marketlens.model.ModelException;
import dev.marketlens.model.Partner;
import dev.marketlens.model.PartnerType;
import dev.marketlens.model.Tier;
import dev.marketlens.model.id.AddonLicenseId;
import dev.marketlens.model.id.AppEntitlementId;
import dev.marketlens.model.id.AppEntitlementNumber;
import dev.marketlens.model.id.AppKey;
import dev.marketlens.model.id.CloudId;
import dev.marketlens.model.id.LicenseId;
import dev.marketlens.model.id.LicenseIds;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LicenseTest {

  private static final LicenseIds SERVER_IDS =
      LicenseIds.ofServer(AddonLicenseId.of("12345"), LicenseId.of("SEN-12345"));
  private static final AppKey APP = AppKey.of("com.example.timesheets");
  private static final Instant UPDATED = Instant.parse("2025-03-01T00:00:00Z");

  private static License dataCenter(LocalDate start, LocalDate end) {
    return dataCenter(SERVER_IDS, start, end);
  }

  private static License dataCenter(LicenseIds ids, LocalDate start, LocalDate end) {
    return new License(
        ids,
        APP,
        "Timesheets",
        null,
        Hosting.DATA_CENTER,
        LicenseType.COMMERCIAL,
        LicenseStatus.ACTIVE,
        Tier.parse("500 Users"),
        null,
        start,
        end,
        UPDATED,
        new CustomerDetails(
            "Acme", "Germany", "EMEA", new Contact("RTBF", "RTBF"), new Contact("Bo", "b@acme.io")),
        new Partner("Partner Co", PartnerType.EXPERT, null),
        null,
        null);
  }

  @Test
  @DisplayName("spec §7.3: a Data Center license with SEN, tier, maintenance period and contacts")
  void dataCenterLicense() {
    License license = dataCenter(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1));
    assertThat(license.ids().sen()).hasValue(LicenseId.of("SEN-12345"));
    assertThat(license.tier().users()).hasValue(500);
    assertThat(license.isCloud()).isFalse();
    assertThat(license.isEvaluation()).isFalse();
    assertThat(license.maintenanceEnd()).hasValue(LocalDate.of(2026, 1, 1));
    assertThat(license.customer().technicalContact().isRedacted()).isTrue();
    assertThat(license.customer().billingContact().isRedacted()).isFalse();
    assertThat(license.partnerDetails()).map(Partner::type).hasValue(PartnerType.EXPERT);
    assertThat(license.dataInsights()).isEmpty();
  }

  @Test
  @DisplayName("spec §7.3, K12: a cloud evaluation without SEN, with insights and its site")
  void cloudEvaluationWithInsights() {
    String uuid = "3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b";
    DataInsights insights =
        new DataInsights(
            "Jira",
            "Premium",
            "MONTHLY",
            "No",
            "250",
            null,
            "NA",
            LocalDate.of(2025, 2, 1),
            LocalDate.of(2025, 3, 3),
            null,
            new Attribution("Paid Search", "google.com", null, null, null, null));
    License license =
        new License(
            LicenseIds.ofCloud(
                AppEntitlementId.of(uuid),
                AppEntitlementNumber.of("E-3W8-NHD-V5E-GM7"),
                CloudId.of(uuid)),
            APP,
            null,
            null,
            Hosting.CLOUD,
            LicenseType.EVALUATION,
            LicenseStatus.ACTIVE,
            Tier.evaluation(),
            "Standard",
            LocalDate.of(2025, 2, 1),
            LocalDate.of(2025, 3, 3),
            UPDATED,
            null,
            null,
            "acme.atlassian.net",
            insights);
    assertThat(license.ids().sen()).isEmpty();
    assertThat(license.isCloud()).isTrue();
    assertThat(license.isEvaluation()).isTrue();
    assertThat(license.customer()).isEqualTo(CustomerDetails.none());
    assertThat(license.dataInsights()).map(DataInsights::parentProductName).hasValue("Jira");
    assertThat(license.partnerDetails()).isEmpty();
  }

  @Test
  @DisplayName("spec §7.3: maintenance may end on the day it starts")
  void maintenanceMayEndOnItsStart() {
    LocalDate day = LocalDate.of(2025, 1, 1);
    assertThat(dataCenter(day, day).maintenanceEndDate()).isEqualTo(day);
  }

  @Test
  @DisplayName("spec §7.3: maintenance end is optional in the swagger")
  void maintenanceEndIsOptional() {
    assertThat(dataCenter(LocalDate.of(2025, 1, 1), null).maintenanceEnd()).isEmpty();
  }

  @Test
  @DisplayName("invariant: maintenance does not end before it starts; the message names the SEN")
  void maintenanceEndNotBeforeStart() {
    assertThatThrownBy(() -> dataCenter(LocalDate.of(2025, 1, 1), LocalDate.of(2024, 12, 31)))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("maintenanceEndDate")
        .hasMessageContaining("2024-12-31")
        .hasMessageContaining("2025-01-01")
        .hasMessageContaining("SEN-12345");
  }

  @Test
  @DisplayName(
      "invariant: without a SEN the message names the license by the id it has (addonLicenseId)")
  void maintenanceEndNamesTheIdThereIs() {
    LicenseIds addonOnly =
        new LicenseIds(AddonLicenseId.of("777"), null, null, null, null, null, null, null);
    assertThatThrownBy(
            () -> dataCenter(addonOnly, LocalDate.of(2025, 1, 1), LocalDate.of(2024, 12, 31)))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("of license 777")
        .hasMessageNotContaining("LicenseIds[");
  }

  @Test
  @DisplayName("invariant: required license fields are present, and the message names the field")
  void requiredFields() {
    assertThatThrownBy(
            () ->
                new License(
                    SERVER_IDS,
                    APP,
                    null,
                    null,
                    null,
                    LicenseType.COMMERCIAL,
                    LicenseStatus.ACTIVE,
                    null,
                    null,
                    LocalDate.of(2025, 1, 1),
                    null,
                    UPDATED,
                    null,
                    null,
                    null,
                    null))
        .isInstanceOf(ModelException.class)
        .hasMessage("hosting: null is required");
    assertThatThrownBy(
            () ->
                new License(
                    SERVER_IDS,
                    APP,
                    null,
                    null,
                    Hosting.SERVER,
                    LicenseType.COMMERCIAL,
                    LicenseStatus.ACTIVE,
                    null,
                    null,
                    null,
                    null,
                    UPDATED,
                    null,
                    null,
                    null,
                    null))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("maintenanceStartDate");
    assertThatThrownBy(
            () ->
                new License(
                    null,
                    APP,
                    null,
                    null,
                    Hosting.SERVER,
                    LicenseType.COMMERCIAL,
                    LicenseStatus.ACTIVE,
                    null,
                    null,
                    LocalDate.of(2025, 1, 1),
                    null,
                    UPDATED,
                    null,
                    null,
                    null,
                    null))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("license ids");
  }

  @Test
  @DisplayName("K32: an absent tier is the undefined tier, not null")
  void absentTierIsUndefined() {
    License license =
        new License(
            SERVER_IDS,
            APP,
            null,
            null,
            Hosting.SERVER,
            LicenseType.COMMERCIAL,
            LicenseStatus.INACTIVE,
            null,
            null,
            LocalDate.of(2025, 1, 1),
            null,
            UPDATED,
            null,
            null,
            null,
            null);
    assertThat(license.tier()).isEqualTo(Tier.undefined());
  }
}
