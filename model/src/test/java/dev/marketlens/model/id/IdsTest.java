package dev.marketlens.model.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketlens.model.ModelException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class IdsTest {

  private static final String UUID = "3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b";

  static Stream<Arguments> validIds() {
    return Stream.of(
        Arguments.of("vendorId", (Function<String, Object>) VendorId::of, "1212980"),
        Arguments.of("developerId", (Function<String, Object>) DeveloperId::of, UUID),
        Arguments.of("addonKey", (Function<String, Object>) AppKey::of, "com.example.timesheets"),
        Arguments.of("productId", (Function<String, Object>) ProductId::of, UUID),
        Arguments.of("licenseId", (Function<String, Object>) LicenseId::of, "SEN-12345"),
        Arguments.of("licenseId", (Function<String, Object>) LicenseId::of, "SEN-L12345678"),
        Arguments.of("addonLicenseId", (Function<String, Object>) AddonLicenseId::of, "12345"),
        Arguments.of("hostLicenseId", (Function<String, Object>) HostLicenseId::of, "987654"),
        Arguments.of("appEntitlementId", (Function<String, Object>) AppEntitlementId::of, UUID),
        Arguments.of(
            "appEntitlementNumber",
            (Function<String, Object>) AppEntitlementNumber::of,
            "E-123-456-789"),
        Arguments.of(
            "appEntitlementNumber",
            (Function<String, Object>) AppEntitlementNumber::of,
            "E-3W8-NHD-V5E-GM7"),
        Arguments.of("hostEntitlementId", (Function<String, Object>) HostEntitlementId::of, UUID),
        Arguments.of(
            "hostEntitlementNumber",
            (Function<String, Object>) HostEntitlementNumber::of,
            "E-4AB-CDE-FGH"),
        Arguments.of("cloudId", (Function<String, Object>) CloudId::of, UUID),
        Arguments.of("transactionId", (Function<String, Object>) TransactionId::of, "AT-12345"),
        Arguments.of(
            "transactionId", (Function<String, Object>) TransactionId::of, "IN-003-095-784"),
        Arguments.of(
            "transactionId", (Function<String, Object>) TransactionId::of, "IN-EU-002-341-987"),
        Arguments.of(
            "transactionLineItemId",
            (Function<String, Object>) TransactionLineItemId::of,
            "40021987"),
        Arguments.of(
            "transactionLineItemId", (Function<String, Object>) TransactionLineItemId::of, UUID));
  }

  @ParameterizedTest(name = "{0} \"{2}\"")
  @MethodSource("validIds")
  @DisplayName("spec §1.2: each id accepts the formats the API uses and prints as its value")
  void acceptsTheApiFormats(String field, Function<String, Object> of, String value) {
    assertThat(of.apply(value)).hasToString(value);
  }

  static Stream<Arguments> invalidIds() {
    return Stream.of(
        Arguments.of("vendorId", (Function<String, Object>) VendorId::of, "vendor-1"),
        Arguments.of("developerId", (Function<String, Object>) DeveloperId::of, "1212980"),
        Arguments.of("addonKey", (Function<String, Object>) AppKey::of, "com example"),
        Arguments.of("productId", (Function<String, Object>) ProductId::of, "com.example.app"),
        Arguments.of("licenseId", (Function<String, Object>) LicenseId::of, "12345"),
        Arguments.of("licenseId", (Function<String, Object>) LicenseId::of, "SEN-"),
        Arguments.of("addonLicenseId", (Function<String, Object>) AddonLicenseId::of, "SEN-12345"),
        Arguments.of("hostLicenseId", (Function<String, Object>) HostLicenseId::of, "12a"),
        Arguments.of("appEntitlementId", (Function<String, Object>) AppEntitlementId::of, "E-1-2"),
        Arguments.of(
            "appEntitlementNumber", (Function<String, Object>) AppEntitlementNumber::of, UUID),
        Arguments.of(
            "hostEntitlementId", (Function<String, Object>) HostEntitlementId::of, "3f2a1b4c"),
        Arguments.of(
            "hostEntitlementNumber", (Function<String, Object>) HostEntitlementNumber::of, "123"),
        Arguments.of("cloudId", (Function<String, Object>) CloudId::of, "acme.atlassian.net"),
        Arguments.of("transactionId", (Function<String, Object>) TransactionId::of, "12345"),
        Arguments.of(
            "transactionLineItemId",
            (Function<String, Object>) TransactionLineItemId::of,
            "AT-12345"));
  }

  @ParameterizedTest(name = "{0} \"{2}\"")
  @MethodSource("invalidIds")
  @DisplayName("spec §1.2: a value of the wrong format is rejected, naming the field and value")
  void rejectsOtherFormats(String field, Function<String, Object> of, String value) {
    assertThatThrownBy(() -> of.apply(value))
        .isInstanceOf(ModelException.class)
        .hasMessageStartingWith(field + ": \"" + value + "\" is not ");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validIds")
  @DisplayName("every id is non-blank: null, empty and blank are rejected as required")
  void rejectsBlank(String field, Function<String, Object> of, String ignored) {
    for (String blank : new String[] {null, "", "  "}) {
      assertThatThrownBy(() -> of.apply(blank))
          .isInstanceOf(ModelException.class)
          .hasMessageStartingWith(field + ": ")
          .hasMessageContaining("is required");
    }
  }

  @Test
  @DisplayName("K1: a transaction id is a value; two lines of one order share an equal one")
  void transactionIdsAreValues() {
    assertThat(TransactionId.of("IN-003-095-784")).isEqualTo(TransactionId.of("IN-003-095-784"));
  }

  @Test
  @DisplayName("spec §7.3, K12: license ids need at least one id present")
  void licenseIdsNeedOneId() {
    assertThatThrownBy(() -> new LicenseIds(null, null, null, null, null, null, null, null))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("license ids")
        .hasMessageContaining("at least one");
  }

  @Test
  @DisplayName("K12: a cloud license has no SEN, a server license has one")
  void senPresence() {
    LicenseIds cloud =
        LicenseIds.ofCloud(
            AppEntitlementId.of(UUID), AppEntitlementNumber.of("E-123-456-789"), CloudId.of(UUID));
    LicenseIds server = LicenseIds.ofServer(AddonLicenseId.of("12345"), LicenseId.of("SEN-12345"));
    assertThat(cloud.sen()).isEmpty();
    assertThat(cloud.entitlementNumber()).hasValue(AppEntitlementNumber.of("E-123-456-789"));
    assertThat(server.sen()).hasValue(LicenseId.of("SEN-12345"));
    assertThat(server.entitlementNumber()).isEmpty();
  }
}
