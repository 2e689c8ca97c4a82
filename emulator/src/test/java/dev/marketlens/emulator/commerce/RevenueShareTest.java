package dev.marketlens.emulator.commerce;

import static dev.marketlens.emulator.commerce.CommerceFixtures.connectApp;
import static dev.marketlens.emulator.commerce.CommerceFixtures.d;
import static dev.marketlens.emulator.commerce.CommerceFixtures.forgeApp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketlens.emulator.wire.Hosting;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName(
    "seed 004 (SR-V1…V4): the partner's revenue share by hosting, product, platform and date")
class RevenueShareTest {

  private final RevenueShare share = RevenueShare.defaults();

  // The seed states the rates "effective 1 April 2022 through 31 December 2024": both ends and a
  // day in between.
  private static final List<LocalDate> SEED_PERIOD =
      List.of(d("2022-04-01"), d("2023-07-15"), d("2024-12-31"));

  @DisplayName(
      "seed 004 (SR-V1): cloud apps for Jira, JSM and Confluence earn 85 % from 2022-04-01 to 2024-12-31")
  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = HostProduct.class,
      names = {"JIRA", "JIRA_SERVICE_MANAGEMENT", "CONFLUENCE"})
  void cloudCoreProducts85(HostProduct product) {
    App app = connectApp(product);

    for (LocalDate sale : SEED_PERIOD) {
      assertThat(share.basisPoints(app, Hosting.CLOUD, sale))
          .as("sale on %s", sale)
          .isEqualTo(8500);
    }
  }

  @DisplayName(
      "seed 004 (SR-V1): Data Center apps for Jira, JSM and Confluence earn 75 % from 2022-04-01 to 2024-12-31")
  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = HostProduct.class,
      names = {"JIRA", "JIRA_SERVICE_MANAGEMENT", "CONFLUENCE"})
  void dataCenterCoreProducts75(HostProduct product) {
    App app = connectApp(product);

    for (LocalDate sale : SEED_PERIOD) {
      assertThat(share.basisPoints(app, Hosting.DATA_CENTER, sale))
          .as("sale on %s", sale)
          .isEqualTo(7500);
    }
  }

  @DisplayName(
      "seed 004 (SR-V1): server apps for Jira, JSM and Confluence earn 75 % from 2022-04-01 to 2024-12-31")
  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = HostProduct.class,
      names = {"JIRA", "JIRA_SERVICE_MANAGEMENT", "CONFLUENCE"})
  void serverCoreProducts75(HostProduct product) {
    App app = connectApp(product);

    for (LocalDate sale : SEED_PERIOD) {
      assertThat(share.basisPoints(app, Hosting.SERVER, sale))
          .as("sale on %s", sale)
          .isEqualTo(7500);
    }
  }

  @DisplayName("seed 004 (SR-V2): apps for Bitbucket and Bamboo earn 75 % on every hosting")
  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = HostProduct.class,
      names = {"BITBUCKET", "BAMBOO"})
  void otherProducts75OnEveryHosting(HostProduct product) {
    App app =
        CommerceFixtures.app(
            product,
            AppPlatform.PLUGINS_V2,
            false,
            false,
            d("2015-01-01"),
            PaymentModel.PAID_VIA_ATLASSIAN,
            Hosting.DATA_CENTER,
            Hosting.SERVER);

    for (Hosting hosting : Hosting.values()) {
      for (LocalDate sale : SEED_PERIOD) {
        assertThat(share.basisPoints(app, hosting, sale))
            .as("%s on %s", hosting, sale)
            .isEqualTo(7500);
      }
    }
  }

  @DisplayName(
      "seed 004 (SR-V3): a Forge app listed after 2022-04-01 on Atlassian-hosted storage earns 95 % in its first year, then the standard cloud 85 %")
  @Test
  void forgeFirstYearIncentive() {
    App app = forgeApp(d("2022-06-15"), true, false);

    // first year = sales before 2022-06-15 + 1 year = 2023-06-15
    assertThat(share.basisPoints(app, Hosting.CLOUD, d("2022-06-15"))).isEqualTo(9500);
    assertThat(share.basisPoints(app, Hosting.CLOUD, d("2023-06-14"))).isEqualTo(9500);
    assertThat(share.basisPoints(app, Hosting.CLOUD, d("2023-06-15"))).isEqualTo(8500);
    assertThat(share.basisPoints(app, Hosting.CLOUD, d("2024-12-31"))).isEqualTo(8500);
  }

  @DisplayName(
      "seed 004 (SR-V3): after its first year a Forge app returns to the cloud rate of that time (84 % for Forge from 2026-04-01)")
  @Test
  void forgeAfterFirstYearTakesTheRateOfThatTime() {
    App app = forgeApp(d("2025-05-01"), true, false);

    // first year ends 2026-05-01; the Forge cloud rate for 2026-04-01..2026-09-30 is 84 %
    assertThat(share.basisPoints(app, Hosting.CLOUD, d("2026-04-30"))).isEqualTo(9500);
    assertThat(share.basisPoints(app, Hosting.CLOUD, d("2026-05-01"))).isEqualTo(8400);
  }

  @DisplayName("seed 004 (SR-V3): a Connect app listed after 2022-04-01 never earns 95 %")
  @Test
  void connectAppNeverGetsIncentive() {
    App app =
        CommerceFixtures.app(
            HostProduct.JIRA,
            AppPlatform.CONNECT,
            true,
            false,
            d("2023-01-10"),
            PaymentModel.PAID_VIA_ATLASSIAN,
            Hosting.CLOUD);

    assertThat(app.qualifiesForForgeIncentive()).isFalse();
    assertThat(share.basisPoints(app, Hosting.CLOUD, d("2023-01-10"))).isEqualTo(8500);
    assertThat(share.basisPoints(app, Hosting.CLOUD, d("2023-06-01"))).isEqualTo(8500);
  }

  @DisplayName(
      "seed 004 (SR-V3): a Forge app migrated from (or rebuilt from) Connect never earns 95 %")
  @Test
  void forgeMigratedFromConnectNeverGetsIncentive() {
    App app = forgeApp(d("2023-01-10"), true, true);

    assertThat(app.qualifiesForForgeIncentive()).isFalse();
    assertThat(share.basisPoints(app, Hosting.CLOUD, d("2023-01-10"))).isEqualTo(8500);
    assertThat(share.basisPoints(app, Hosting.CLOUD, d("2023-06-01"))).isEqualTo(8500);
  }

  @DisplayName(
      "seed 004 (SR-V3): a Forge app without Atlassian-hosted storage and compute never earns 95 %")
  @Test
  void forgeWithoutHostedStorageNeverGetsIncentive() {
    App app = forgeApp(d("2023-01-10"), false, false);

    assertThat(app.qualifiesForForgeIncentive()).isFalse();
    assertThat(share.basisPoints(app, Hosting.CLOUD, d("2023-06-01"))).isEqualTo(8500);
  }

  @DisplayName(
      "seed 004 (SR-V3): a Forge app listed exactly on 2022-04-01 is not listed \"after\" it; one listed on 2022-04-02 is")
  @Test
  void listingDateBoundaryIsExclusive() {
    App onTheDay = forgeApp(d("2022-04-01"), true, false);
    App dayAfter = forgeApp(d("2022-04-02"), true, false);

    assertThat(onTheDay.qualifiesForForgeIncentive()).isFalse();
    assertThat(share.basisPoints(onTheDay, Hosting.CLOUD, d("2022-05-01"))).isEqualTo(8500);
    assertThat(dayAfter.qualifiesForForgeIncentive()).isTrue();
    assertThat(share.basisPoints(dayAfter, Hosting.CLOUD, d("2022-05-01"))).isEqualTo(9500);
  }

  @DisplayName(
      "seed 001/002 (SR-V4): vendorAmount = purchasePrice × share rounded half away from zero to the cent")
  @ParameterizedTest(name = "{0} cents at {1} bps → {2}")
  @CsvSource({
    // 3333 × 8500 / 10000 = 2833.05 → 2833
    "3333, 8500, 2833",
    // 1 × 7500 / 10000 = 0.75 → 1
    "1, 7500, 1",
    // 1 × 5000 / 10000 = 0.5 → 1 (half away from zero)
    "1, 5000, 1",
    // 3 × 8500 / 10000 = 2.55 → 3
    "3, 8500, 3",
    // 4000 × 8500 / 10000 = 3400 exactly (seed 002 sample: 40.00 → 34.00)
    "4000, 8500, 3400",
    // 1 × 4999 / 10000 = 0.4999 → 0
    "1, 4999, 0",
    // 12345 × 10000 / 10000 = 12345
    "12345, 10000, 12345",
    // anything × 0 = 0
    "12345, 0, 0"
  })
  void vendorAmountRoundsHalfAwayFromZero(long price, int bps, long expected) {
    assertThat(RevenueShare.vendorAmountCents(price, bps)).isEqualTo(expected);
  }

  @DisplayName("seed 001 (SR-V4, SR-Z2): a $0 transaction has vendorAmount 0 at every share")
  @ParameterizedTest(name = "{0} bps")
  @CsvSource({"0", "7500", "8500", "9500", "10000"})
  void zeroDollarPaysZero(int bps) {
    assertThat(RevenueShare.vendorAmountCents(0, bps)).isZero();
  }

  @DisplayName(
      "spec §17 W4 (SR-V4): a refund mirrors its sale, vendorAmount(−x) = −vendorAmount(x)")
  @Test
  void refundMirrorsSale() {
    // −3333 × 0.85 = −2833.05 → −2833 ; −1 × 0.5 = −0.5 → −1 (away from zero, like the sale)
    assertThat(RevenueShare.vendorAmountCents(-3333, 8500)).isEqualTo(-2833);
    assertThat(RevenueShare.vendorAmountCents(-1, 5000)).isEqualTo(-1);
    assertThat(RevenueShare.vendorAmountCents(-1, 7500)).isEqualTo(-1);
    for (long x : new long[] {1, 3, 99, 3333, 49_619, 1_000_000_007L}) {
      assertThat(RevenueShare.vendorAmountCents(-x, 8500))
          .as("x = %d", x)
          .isEqualTo(-RevenueShare.vendorAmountCents(x, 8500));
    }
  }

  @DisplayName(
      "seed 004 (configurable periods): a revenue-share schedule rejects a gap or an overlap between periods")
  @Test
  void scheduleRejectsGaps() {
    RevenueShare.Period first =
        new RevenueShare.Period(d("2020-01-01"), d("2021-01-01"), 7500, 7500, 7500, 7500, 7500);
    RevenueShare.Period afterGap =
        new RevenueShare.Period(d("2021-02-01"), null, 8500, 8500, 7500, 7500, 7500);
    RevenueShare.Period overlapping =
        new RevenueShare.Period(d("2020-12-01"), null, 8500, 8500, 7500, 7500, 7500);
    RevenueShare.Period adjacent =
        new RevenueShare.Period(d("2021-01-01"), null, 8500, 8500, 7500, 7500, 7500);

    assertThatThrownBy(() -> new RevenueShare(List.of(first, afterGap)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gaps");
    assertThatThrownBy(() -> new RevenueShare(List.of(first, overlapping)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RevenueShare(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new RevenueShare(List.of(first, adjacent)).periods()).hasSize(2);
  }

  @DisplayName(
      "seed 004 (SR-V1…V3): a share is between 0 and 10000 basis points; anything else is rejected")
  @Test
  void periodRejectsOutOfRangeBasisPoints() {
    assertThatThrownBy(
            () -> new RevenueShare.Period(d("2020-01-01"), null, 10_001, 8500, 7500, 7500, 7500))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new RevenueShare.Period(d("2020-01-01"), null, 8500, 8500, 7500, -1, 7500))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new RevenueShare.Period(d("2020-01-01"), d("2020-01-01"), 0, 0, 0, 0, 0))
        .as("a period must end after it starts")
        .isInstanceOf(IllegalArgumentException.class);
    assertThatCode(() -> new RevenueShare.Period(d("2020-01-01"), null, 0, 10_000, 0, 10_000, 0))
        .doesNotThrowAnyException();
  }

  @DisplayName(
      "metrics spec §2.1 (documented default): from 2026-04-01 Connect cloud apps earn 80 %, Forge cloud apps 84 %, Data Center still 75 %")
  @Test
  void defaultsFromApril2026() {
    App connect = connectApp(HostProduct.JIRA);
    // listed before 2022-04-01, so never in the Forge first-year incentive
    App forge = forgeApp(d("2021-06-01"), true, false);

    assertThat(share.basisPoints(connect, Hosting.CLOUD, d("2026-03-31"))).isEqualTo(8500);
    assertThat(share.basisPoints(forge, Hosting.CLOUD, d("2026-03-31"))).isEqualTo(8500);
    assertThat(share.basisPoints(connect, Hosting.CLOUD, d("2026-04-01"))).isEqualTo(8000);
    assertThat(share.basisPoints(forge, Hosting.CLOUD, d("2026-04-01"))).isEqualTo(8400);
    assertThat(share.basisPoints(connect, Hosting.CLOUD, d("2026-09-30"))).isEqualTo(8000);
    assertThat(share.basisPoints(forge, Hosting.CLOUD, d("2026-09-30"))).isEqualTo(8400);
    assertThat(share.basisPoints(connect, Hosting.DATA_CENTER, d("2026-04-01"))).isEqualTo(7500);
  }

  @DisplayName(
      "metrics spec §2.1 (documented default): from 2026-10-01 Connect cloud apps earn 75 %, Forge cloud apps 83 %")
  @Test
  void defaultsFromOctober2026() {
    App connect = connectApp(HostProduct.CONFLUENCE);
    App forge = forgeApp(d("2021-06-01"), true, false);

    assertThat(share.basisPoints(connect, Hosting.CLOUD, d("2026-10-01"))).isEqualTo(7500);
    assertThat(share.basisPoints(forge, Hosting.CLOUD, d("2026-10-01"))).isEqualTo(8300);
    assertThat(share.basisPoints(connect, Hosting.CLOUD, d("2030-01-01"))).isEqualTo(7500);
    assertThat(share.basisPoints(forge, Hosting.CLOUD, d("2030-01-01"))).isEqualTo(8300);
  }

  @DisplayName("seed 004 (configurable periods): a sale date no period covers is an error")
  @Test
  void dateOutsideScheduleIsAnError() {
    RevenueShare schedule =
        new RevenueShare(
            List.of(
                new RevenueShare.Period(
                    d("2022-04-01"), d("2025-01-01"), 8500, 8500, 7500, 7500, 7500)));
    App app = connectApp(HostProduct.JIRA);

    assertThatThrownBy(() -> schedule.basisPoints(app, Hosting.CLOUD, d("2022-03-31")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> schedule.basisPoints(app, Hosting.CLOUD, d("2025-01-01")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(schedule.basisPoints(app, Hosting.CLOUD, d("2024-12-31"))).isEqualTo(8500);
  }

  @DisplayName(
      "metrics spec §2.1: server apps for Jira, JSM and Confluence earned 70 % before 2022-04-01 (75 % from then on)")
  @Test
  void serverWas70BeforeApril2022() {
    App app = connectApp(HostProduct.JIRA);

    // 2021 sale: cloud 85 % (seed 002 sample), Data Center 75 %, server 70 %
    assertThat(share.basisPoints(app, Hosting.CLOUD, d("2021-06-01"))).isEqualTo(8500);
    assertThat(share.basisPoints(app, Hosting.DATA_CENTER, d("2021-06-01"))).isEqualTo(7500);
    assertThat(share.basisPoints(app, Hosting.SERVER, d("2022-03-31"))).isEqualTo(7000);
    assertThat(share.basisPoints(app, Hosting.SERVER, d("2022-04-01"))).isEqualTo(7500);
  }
}
