package dev.marketlens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;

class WireEnumsTest {

  @ParameterizedTest(name = "\"{0}\"")
  @CsvSource({
    "Data Center",
    "Data center",
    "DataCenter",
    "datacenter",
    "DATA_CENTER",
    "data-center"
  })
  @DisplayName("K21: every casing of Data Center the live API sends is one hosting")
  void dataCenterSpellings(String text) {
    assertThat(Hosting.fromWire(text)).isEqualTo(Hosting.DATA_CENTER);
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource({"Server, SERVER", "server, SERVER", "Cloud, CLOUD", "cloud, CLOUD", "CLOUD, CLOUD"})
  @DisplayName("spec §7.3: Server and Cloud in any case")
  void serverAndCloud(String text, Hosting expected) {
    assertThat(Hosting.fromWire(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource({
    "New, NEW",
    "Renewal, RENEWAL",
    "Upgrade, UPGRADE",
    "Downgrade, DOWNGRADE",
    "downgrade, DOWNGRADE",
    "Refund, REFUND",
    "refund, REFUND"
  })
  @DisplayName("spec §8.3, §15: sale types including the live-only Downgrade")
  void saleTypes(String text, SaleType expected) {
    assertThat(SaleType.fromWire(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource({"Monthly, MONTHLY", "monthly, MONTHLY", "Annual, ANNUAL", "ANNUAL, ANNUAL"})
  @DisplayName("spec §8.3: billing periods")
  void billingPeriods(String text, BillingPeriod expected) {
    assertThat(BillingPeriod.fromWire(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource({
    "COMMERCIAL, COMMERCIAL",
    "EVALUATION, EVALUATION",
    "ACADEMIC, ACADEMIC",
    "COMMUNITY, COMMUNITY",
    "OPEN_SOURCE, OPEN_SOURCE",
    "DEMONSTRATION, DEMONSTRATION",
    "CLASSROOM, CLASSROOM",
    "FREE, FREE",
    "INTERNAL USE, INTERNAL_USE",
    "NON_COMMERCIAL, NON_COMMERCIAL",
    "PERSONAL, PERSONAL",
    "SOCIAL_IMPACT, SOCIAL_IMPACT",
    "SOCIAL_IMPACT_GLOBAL_ACCESS, SOCIAL_IMPACT_GLOBAL_ACCESS",
    "FOUNDATION_FREE, FOUNDATION_FREE",
    "commercial, COMMERCIAL",
    "open_source, OPEN_SOURCE",
    "Internal Use, INTERNAL_USE"
  })
  @DisplayName("spec §7.3, §15: license types of the swagger and the live API, upper or lower case")
  void licenseTypes(String text, LicenseType expected) {
    assertThat(LicenseType.fromWire(text)).isEqualTo(expected);
  }

  @Test
  @DisplayName("spec §15: INTERNAL USE is written back with its space")
  void internalUseKeepsItsSpace() {
    assertThat(LicenseType.INTERNAL_USE.wire()).isEqualTo("INTERNAL USE");
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource({
    "active, ACTIVE",
    "Active, ACTIVE",
    "inactive, INACTIVE",
    "cancelled, CANCELLED",
    "CANCELLED, CANCELLED"
  })
  @DisplayName("spec §7.3: license statuses")
  void licenseStatuses(String text, LicenseStatus expected) {
    assertThat(LicenseStatus.fromWire(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource({
    "Expert, EXPERT",
    "expert, EXPERT",
    "Reseller, RESELLER",
    "Corporate_reseller, CORPORATE_RESELLER",
    "Corporate Reseller, CORPORATE_RESELLER",
    "Unknown, UNKNOWN"
  })
  @DisplayName("spec §7.3: partner types")
  void partnerTypes(String text, PartnerType expected) {
    assertThat(PartnerType.fromWire(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource({
    "Paid, PAID",
    "Open, OPEN",
    "Uncollectible, UNCOLLECTIBLE",
    "Refunded, REFUNDED",
    "paid, PAID"
  })
  @DisplayName("spec §8.3: payment statuses")
  void paymentStatuses(String text, PaymentStatus expected) {
    assertThat(PaymentStatus.fromWire(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource({
    "LOYALTY_DISCOUNT, LOYALTY_DISCOUNT",
    "LOYALTY, LOYALTY_DISCOUNT",
    "EXPERT, EXPERT",
    "MANUAL, MANUAL",
    "MARKETPLACE_PROMOTION, MARKETPLACE_PROMOTION",
    "manual, MANUAL"
  })
  @DisplayName("K19: discount types, with the seed's LOYALTY read as the wire's LOYALTY_DISCOUNT")
  void discountTypes(String text, DiscountType expected) {
    assertThat(DiscountType.fromWire(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource({
    "Increase, INCREASE",
    "Decrease, DECREASE",
    "Not Applicable, NOT_APPLICABLE",
    "NOT_APPLICABLE, NOT_APPLICABLE"
  })
  @DisplayName("spec §8.3: changes in tier")
  void changesInTier(String text, ChangeInTier expected) {
    assertThat(ChangeInTier.fromWire(text)).isEqualTo(expected);
  }

  static Stream<Arguments> everyEnum() {
    return Stream.of(
        Arguments.of(Hosting.class, (Function<String, Object>) Hosting::fromWire),
        Arguments.of(SaleType.class, (Function<String, Object>) SaleType::fromWire),
        Arguments.of(BillingPeriod.class, (Function<String, Object>) BillingPeriod::fromWire),
        Arguments.of(LicenseType.class, (Function<String, Object>) LicenseType::fromWire),
        Arguments.of(LicenseStatus.class, (Function<String, Object>) LicenseStatus::fromWire),
        Arguments.of(PartnerType.class, (Function<String, Object>) PartnerType::fromWire),
        Arguments.of(PaymentStatus.class, (Function<String, Object>) PaymentStatus::fromWire),
        Arguments.of(DiscountType.class, (Function<String, Object>) DiscountType::fromWire),
        Arguments.of(ChangeInTier.class, (Function<String, Object>) ChangeInTier::fromWire));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyEnum")
  @DisplayName("every constant reads back from its own wire spelling")
  <E extends Enum<E> & WireSpellings.Spelled> void everyConstantRoundTrips(
      Class<E> type, Function<String, Object> fromWire) {
    for (E constant : type.getEnumConstants()) {
      assertThat(fromWire.apply(constant.wire())).isEqualTo(constant);
      assertThat(fromWire.apply(" " + constant.wire().toLowerCase() + " ")).isEqualTo(constant);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("everyEnum")
  @DisplayName("an unknown value is rejected, naming the value and every allowed one")
  <E extends Enum<E> & WireSpellings.Spelled> void unknownValuesAreRejected(
      Class<E> type, Function<String, Object> fromWire) {
    assertThatThrownBy(() -> fromWire.apply("Bogus"))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("\"Bogus\"")
        .hasMessageContaining(
            Arrays.stream(type.getEnumConstants()).map(E::wire).toList().toString());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @DisplayName("an absent value is rejected as required, not guessed")
  void absentValuesAreRejected(String text) {
    assertThatThrownBy(() -> Hosting.fromWire(text))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("hosting")
        .hasMessageContaining("required");
  }

  @Test
  @DisplayName("the rejection names the field, for a user to find it in the record")
  void rejectionNamesTheField() {
    assertThatThrownBy(() -> SaleType.fromWire("Transfer"))
        .isInstanceOf(ModelException.class)
        .hasMessage(
            "saleType: \"Transfer\" is not one of [New, Renewal, Upgrade, Downgrade, Refund]")
        .satisfies(
            e -> {
              assertThat(((ModelException) e).field()).isEqualTo("saleType");
              assertThat(((ModelException) e).value()).isEqualTo("Transfer");
            });
  }
}
