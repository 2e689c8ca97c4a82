package dev.marketlens.emulator.commerce;

import static dev.marketlens.emulator.commerce.CommerceFixtures.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketlens.emulator.wire.Hosting;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("seed 004 (SR-R5, SR-R6): payment models and which changes between them are allowed")
class PaymentModelTest {

  @DisplayName("seed 004 (SR-R6): an existing app may change Free → Paid via Vendor")
  @Test
  void freeToPaidViaVendorAllowed() {
    assertThat(PaymentModel.FREE.canChangeTo(PaymentModel.PAID_VIA_VENDOR)).isTrue();
  }

  @DisplayName("seed 004 (SR-R6): an existing app may change Paid via Vendor → Free")
  @Test
  void paidViaVendorToFreeAllowed() {
    assertThat(PaymentModel.PAID_VIA_VENDOR.canChangeTo(PaymentModel.FREE)).isTrue();
  }

  @DisplayName(
      "seed 004 (SR-R6): no change into or out of Paid via Atlassian (needs a new app version)")
  @ParameterizedTest(name = "{0} → {1} is refused")
  @CsvSource({
    "PAID_VIA_ATLASSIAN, PAID_VIA_VENDOR",
    "PAID_VIA_ATLASSIAN, FREE",
    "FREE, PAID_VIA_ATLASSIAN",
    "PAID_VIA_VENDOR, PAID_VIA_ATLASSIAN"
  })
  void forbiddenChanges(PaymentModel from, PaymentModel to) {
    assertThat(from.canChangeTo(to)).isFalse();
  }

  @DisplayName("seed 004 (SR-R5): Paid via Atlassian is not available for Bitbucket Cloud apps")
  @Test
  void paidViaAtlassianNotForBitbucketCloud() {
    assertThat(PaymentModel.PAID_VIA_ATLASSIAN.isAvailableFor(HostProduct.BITBUCKET, Hosting.CLOUD))
        .isFalse();
    // the seed's advice: request Paid via Vendor for Bitbucket Cloud apps instead
    assertThat(PaymentModel.PAID_VIA_VENDOR.isAvailableFor(HostProduct.BITBUCKET, Hosting.CLOUD))
        .isTrue();
    assertThat(PaymentModel.FREE.isAvailableFor(HostProduct.BITBUCKET, Hosting.CLOUD)).isTrue();
  }

  @DisplayName(
      "seed 004 (SR-R5): Paid via Atlassian stays available for Bitbucket Data Center and for Jira Cloud")
  @Test
  void paidViaAtlassianForBitbucketDataCenter() {
    assertThat(
            PaymentModel.PAID_VIA_ATLASSIAN.isAvailableFor(
                HostProduct.BITBUCKET, Hosting.DATA_CENTER))
        .isTrue();
    assertThat(PaymentModel.PAID_VIA_ATLASSIAN.isAvailableFor(HostProduct.JIRA, Hosting.CLOUD))
        .isTrue();
  }

  @DisplayName(
      "seed 004 (SR-R5): an app cannot be built with a Paid-via-Atlassian Bitbucket Cloud price book")
  @Test
  void appRejectsPaidViaAtlassianBitbucketCloud() {
    assertThatThrownBy(
            () ->
                CommerceFixtures.app(
                    HostProduct.BITBUCKET,
                    AppPlatform.CONNECT,
                    false,
                    false,
                    d("2020-01-01"),
                    PaymentModel.PAID_VIA_ATLASSIAN,
                    Hosting.CLOUD))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Cloud");

    App dataCenter =
        CommerceFixtures.app(
            HostProduct.BITBUCKET,
            AppPlatform.PLUGINS_V2,
            false,
            false,
            d("2020-01-01"),
            PaymentModel.PAID_VIA_ATLASSIAN,
            Hosting.DATA_CENTER);
    assertThat(dataCenter.sells(Hosting.DATA_CENTER)).isTrue();
    assertThat(dataCenter.sells(Hosting.CLOUD)).isFalse();
  }

  @DisplayName("seed 000/004 (SR-R1): only Paid-via-Atlassian apps have sales reports")
  @Test
  void onlyPaidViaAtlassianHasSalesReports() {
    assertThat(PaymentModel.PAID_VIA_ATLASSIAN.hasSalesReports()).isTrue();
    assertThat(PaymentModel.PAID_VIA_VENDOR.hasSalesReports()).isFalse();
    assertThat(PaymentModel.FREE.hasSalesReports()).isFalse();
  }
}
