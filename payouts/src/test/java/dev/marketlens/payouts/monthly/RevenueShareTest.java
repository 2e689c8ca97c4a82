package dev.marketlens.payouts.monthly;

import static dev.marketlens.payouts.monthly.Lines.APP;
import static dev.marketlens.payouts.monthly.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketlens.model.Hosting;
import dev.marketlens.model.SaleType;
import dev.marketlens.model.id.AppKey;
import dev.marketlens.model.transaction.TransactionLine;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Seed 004's revenue share (SR-V1…V4), worked by hand from the seed's percentages. */
class RevenueShareTest {
  private static final RevenueShare DEFAULTS = RevenueShare.defaults();
  private static final AppKey FORGE_APP = AppKey.of("com.example.forge");
  private static final AppKey BITBUCKET_APP = AppKey.of("com.example.bitbucket");

  private static int bps(RevenueShare share, TransactionLine line) {
    return share.rate(line).orElseThrow().basisPoints();
  }

  private static TransactionLine sale(AppKey app, Hosting hosting, String product, String day) {
    return line(app, SaleType.NEW, hosting, product, day, 100_000, 0);
  }

  @Test
  @DisplayName(
      "SR-V1: Jira and Confluence apps get 85 % on cloud, 75 % on Data Center and server (2022-04-01 – 2024-12-31)")
  void hostingRates() {
    assertThat(bps(DEFAULTS, sale(APP, Hosting.CLOUD, "Jira", "2023-05-10"))).isEqualTo(8500);
    assertThat(bps(DEFAULTS, sale(APP, Hosting.CLOUD, "Confluence", "2024-12-31"))).isEqualTo(8500);
    assertThat(bps(DEFAULTS, sale(APP, Hosting.DATA_CENTER, null, "2022-04-01"))).isEqualTo(7500);
    assertThat(bps(DEFAULTS, sale(APP, Hosting.SERVER, null, "2023-02-15"))).isEqualTo(7500);
    // SR-D6's sample: purchase price 40.00 on cloud pays 34.00.
    TransactionLine sample =
        line(APP, SaleType.NEW, Hosting.CLOUD, "Jira", "2023-05-10", 4000, 3400);
    assertThat(new ShareCheck(DEFAULTS).expectedCents(sample)).contains(3400L);
  }

  @Test
  @DisplayName(
      "SR-V1: a Jira Service Management app, configured as such, gets the hosting-specific rates")
  void jiraServiceManagement() {
    RevenueShare share =
        RevenueShare.parse(
            "revenue-share.csv", List.of("app,com.example.app,Jira Service Desk,,,"));
    ShareRate rate = share.rate(sale(APP, Hosting.DATA_CENTER, null, "2023-01-01")).orElseThrow();
    assertThat(rate.basisPoints()).isEqualTo(7500);
    assertThat(rate.product()).isEqualTo(HostProduct.JIRA_SERVICE_MANAGEMENT);
    assertThat(rate.productSource()).isEqualTo("configured");
  }

  @Test
  @DisplayName(
      "SR-V2: apps of other products get 75 % on every hosting, also where server paid 70 % (2021)")
  void otherProducts() {
    RevenueShare share =
        RevenueShare.parse(
            "revenue-share.csv", List.of("app,com.example.bitbucket,Bitbucket,server,,"));
    assertThat(bps(share, sale(BITBUCKET_APP, Hosting.SERVER, null, "2021-06-01"))).isEqualTo(7500);
    assertThat(bps(share, sale(BITBUCKET_APP, Hosting.DATA_CENTER, null, "2023-06-01")))
        .isEqualTo(7500);
    // The same sale of a Jira app in 2021 earns the server rate of then, 70 %.
    assertThat(bps(share, sale(APP, Hosting.SERVER, null, "2021-06-01"))).isEqualTo(7000);
    // Without configuration, a cloud line's parent product names the product.
    assertThat(bps(DEFAULTS, sale(APP, Hosting.CLOUD, "Bamboo", "2023-06-01"))).isEqualTo(7500);
    assertThat(DEFAULTS.rate(sale(APP, Hosting.CLOUD, "Bamboo", "2023-06-01")).orElseThrow().rule())
        .startsWith("SR-V2");
  }

  @Test
  @DisplayName(
      "SR-V3: a Forge app listed after 2022-04-01 earns 95 % on cloud in its first year, then the cloud rate")
  void forgeFirstYear() {
    RevenueShare share =
        RevenueShare.parse(
            "revenue-share.csv", List.of("app,com.example.forge,Jira,forge,2023-01-15,"));
    assertThat(bps(share, sale(FORGE_APP, Hosting.CLOUD, "Jira", "2023-01-15"))).isEqualTo(9500);
    assertThat(bps(share, sale(FORGE_APP, Hosting.CLOUD, "Jira", "2024-01-14"))).isEqualTo(9500);
    // The first day after the first year: back to the cloud rate (85 % in 2024).
    assertThat(bps(share, sale(FORGE_APP, Hosting.CLOUD, "Jira", "2024-01-15"))).isEqualTo(8500);
    // A sale of $123.45 in the first year: 123.45 × 95 % = 117.2775 → 117.28.
    TransactionLine sold =
        line(FORGE_APP, SaleType.NEW, Hosting.CLOUD, "Jira", "2023-06-01", 12345, 11728);
    assertThat(new ShareCheck(share).differences(List.of(sold))).isEmpty();
  }

  @Test
  @DisplayName(
      "SR-V3: no incentive for a Forge app listed on 2022-04-01, a Connect app, or a Connect rebuild (incentive no)")
  void forgeExclusions() {
    RevenueShare share =
        RevenueShare.parse(
            "revenue-share.csv",
            List.of(
                "app,com.example.forge,Jira,forge,2022-04-01,",
                "app,com.example.connect,Jira,connect,2023-01-15,",
                "app,com.example.rebuilt,Jira,forge,2023-01-15,no"));
    for (String key : List.of("com.example.forge", "com.example.connect", "com.example.rebuilt")) {
      assertThat(bps(share, sale(AppKey.of(key), Hosting.CLOUD, "Jira", "2023-03-01")))
          .as(key)
          .isEqualTo(8500);
    }
    assertThatThrownBy(
            () ->
                RevenueShare.parse(
                    "revenue-share.csv",
                    List.of("app,com.example.forge,Jira,forge,2022-03-01,yes")))
        .hasMessageContaining("revenue-share.csv line 1, field FORGE_INCENTIVE")
        .hasMessageContaining("listed after 2022-04-01");
  }

  @Test
  @DisplayName(
      "SR-V4: the expected vendor amount is the price times the share, rounded half away from zero")
  void rounding() {
    // 10.01 × 85 % = 8.5085 → 8.51; 0.10 × 75 % = 0.075 → 0.08; a refund mirrors it: -0.08.
    assertThat(RevenueShare.vendorAmountCents(1001, 8500)).isEqualTo(851);
    assertThat(RevenueShare.vendorAmountCents(10, 7500)).isEqualTo(8);
    assertThat(RevenueShare.vendorAmountCents(-10, 7500)).isEqualTo(-8);
    assertThat(RevenueShare.vendorAmountCents(0, 9500)).isZero();
  }

  @Test
  @DisplayName("SR-V4: a refund gives back the share its sale paid, at the rate of the sale's day")
  void refundAtTheSaleRate() {
    // Sold on 2026-09-20 at 80 % (Connect cloud), refunded on 2026-10-05 after the change to 75 %:
    // -246.00 × 80 % = -196.80.
    TransactionLine refund =
        Lines.refundOf("2026-09-20", Hosting.CLOUD, "2026-10-05", -24_600, -19_680);
    ShareRate rate = DEFAULTS.rate(refund).orElseThrow();
    assertThat(rate.basisPoints()).isEqualTo(8000);
    assertThat(rate.rule()).isEqualTo("SR-V1 Cloud (Connect) (refund of a sale of 2026-09-20)");
    assertThat(new ShareCheck(DEFAULTS).differences(List.of(refund))).isEmpty();
    // A server sale of 2022-03-31 (70 %) refunded in April: 70 %, not April's 75 %.
    TransactionLine server =
        Lines.refundOf("2022-03-31", Hosting.SERVER, "2022-04-20", -10_000, -7_000);
    assertThat(bps(DEFAULTS, server)).isEqualTo(7000);
  }

  @Test
  @DisplayName("SR-V4: a line whose vendor amount is not the share is listed with the arithmetic")
  void differences() {
    TransactionLine right =
        line(APP, SaleType.NEW, Hosting.CLOUD, "Jira", "2023-05-10", 4000, 3400);
    TransactionLine wrong =
        line(APP, SaleType.NEW, Hosting.CLOUD, "Jira", "2023-05-10", 4000, 3200);
    TransactionLine zero = line(APP, SaleType.NEW, Hosting.CLOUD, "Jira", "2023-05-10", 0, 0);
    List<ShareCheck.Difference> found =
        new ShareCheck(DEFAULTS).differences(List.of(right, wrong, zero));
    assertThat(found).hasSize(1);
    ShareCheck.Difference d = found.get(0);
    assertThat(d.line()).isSameAs(wrong);
    assertThat(d.expectedCents()).isEqualTo(3400L);
    assertThat(d.differenceCents()).isEqualTo(-200);
    assertThat(d.actualShare()).isEqualByComparingTo("0.8");
    assertThat(d.arithmetic())
        .startsWith("40.00 × 85.00 % = 34.00 (SR-V1 Cloud (Connect), Jira (parentProduct)")
        .endsWith("vendor amount 32.00, -2.00");
  }

  @Test
  @DisplayName(
      "outside the seeds: 75 % before 2020-04-01, server 70 % until 2022-03-31, 2026's Connect 80 → 75 % and Forge 84 → 83 %")
  void otherPeriods() {
    RevenueShare forge =
        RevenueShare.parse(
            "revenue-share.csv", List.of("app,com.example.forge,Jira,forge,2020-01-01,"));
    assertThat(bps(DEFAULTS, sale(APP, Hosting.CLOUD, "Jira", "2019-12-31"))).isEqualTo(7500);
    assertThat(bps(DEFAULTS, sale(APP, Hosting.CLOUD, "Jira", "2020-04-01"))).isEqualTo(8500);
    assertThat(bps(DEFAULTS, sale(APP, Hosting.SERVER, null, "2022-03-31"))).isEqualTo(7000);
    assertThat(bps(DEFAULTS, sale(APP, Hosting.CLOUD, "Jira", "2026-04-01"))).isEqualTo(8000);
    assertThat(bps(forge, sale(FORGE_APP, Hosting.CLOUD, "Jira", "2026-04-01"))).isEqualTo(8400);
    assertThat(bps(DEFAULTS, sale(APP, Hosting.CLOUD, "Jira", "2026-10-01"))).isEqualTo(7500);
    assertThat(bps(forge, sale(FORGE_APP, Hosting.CLOUD, "Jira", "2026-10-01"))).isEqualTo(8300);
    assertThat(bps(DEFAULTS, sale(APP, Hosting.DATA_CENTER, null, "2026-10-01"))).isEqualTo(7500);
  }

  @Test
  @DisplayName(
      "a line's host product: configured, else its parent product, else assumed Jira, JSM or Confluence")
  void hostProductSource() {
    assertThat(DEFAULTS.rate(sale(APP, Hosting.CLOUD, "Confluence", "2023-01-01")).orElseThrow())
        .extracting(ShareRate::product, ShareRate::productSource)
        .containsExactly(HostProduct.CONFLUENCE, "parentProduct");
    assertThat(DEFAULTS.rate(sale(APP, Hosting.CLOUD, "Pending", "2023-01-01")).orElseThrow())
        .extracting(ShareRate::productSource)
        .isEqualTo("assumed");
    assertThat(DEFAULTS.rate(sale(APP, Hosting.SERVER, null, "2023-01-01")).orElseThrow())
        .extracting(ShareRate::productSource)
        .isEqualTo("assumed");
  }

  @Test
  @DisplayName(
      "configured periods replace the defaults; a sale before the first one has no rate and is listed")
  void configuredPeriods() {
    RevenueShare share =
        RevenueShare.parse(
            "revenue-share.csv",
            List.of(
                "# period,FROM,UNTIL,CLOUD,FORGE_CLOUD,DATA_CENTER,SERVER,OTHER_PRODUCTS",
                "period,2022-01-01,2027-01-01,82.5,90,70,70,75%",
                "period,2027-01-01,,80,85,70,70,75",
                ""));
    assertThat(bps(share, sale(APP, Hosting.CLOUD, "Jira", "2023-01-01"))).isEqualTo(8250);
    assertThat(bps(share, sale(APP, Hosting.DATA_CENTER, null, "2027-05-01"))).isEqualTo(7000);
    TransactionLine early = sale(APP, Hosting.CLOUD, "Jira", "2021-12-31");
    assertThat(share.rate(early)).isEmpty();
    ShareCheck.Difference d = new ShareCheck(share).differences(List.of(early)).get(0);
    assertThat(d.arithmetic()).isEqualTo("no revenue-share period covers 2021-12-31");
  }

  @Test
  @DisplayName("bad configuration: the error names the file, line, field and value")
  void badConfiguration() {
    assertThatThrownBy(
            () ->
                RevenueShare.parse(
                    "/home/x/revenue-share.csv",
                    List.of("# header", "period,2022-01-01,,85,85,7x,75,75")))
        .hasMessage(
            "/home/x/revenue-share.csv line 2, field DATA_CENTER: '7x' is not a percentage:"
                + " expected e.g. 85 or 82.5");
    assertThatThrownBy(
            () ->
                RevenueShare.parse(
                    "f.csv",
                    List.of(
                        "period,2022-01-01,2023-01-01,85,85,75,75,75",
                        "period,2023-02-01,,85,85,75,75,75")))
        .hasMessageStartingWith(
            "f.csv line 2, field FROM: '2023-02-01' must be the UNTIL of the period on line 1 (2023-01-01)");
    assertThatThrownBy(
            () -> RevenueShare.parse("f.csv", List.of("period,2022-13-01,,85,85,75,75,75")))
        .hasMessage("f.csv line 1, field FROM: '2022-13-01' is not a day as YYYY-MM-DD");
    assertThatThrownBy(
            () -> RevenueShare.parse("f.csv", List.of("period,2022-01-01,,85,85,75,75,101")))
        .hasMessage(
            "f.csv line 1, field OTHER_PRODUCTS: '101' must be between 0 and 100 (percent)");
    assertThatThrownBy(
            () -> RevenueShare.parse("f.csv", List.of("period,2022-01-01,,85,85,75,75,75.125")))
        .hasMessage("f.csv line 1, field OTHER_PRODUCTS: '75.125' has more than two decimals");
    assertThatThrownBy(() -> RevenueShare.parse("f.csv", List.of("rate,2022-01-01")))
        .hasMessage("f.csv line 1, field KIND: 'rate' must be period or app (or # for a comment)");
    assertThatThrownBy(() -> RevenueShare.parse("f.csv", List.of("app,com.example.app,Jira")))
        .hasMessageStartingWith("f.csv line 1: expected 6 fields");
    assertThatThrownBy(
            () ->
                RevenueShare.parse(
                    "f.csv", List.of("app,com.example.app,,,,", "app,com.example.app,Jira,,,")))
        .hasMessage("f.csv line 2, field ADDON_KEY: 'com.example.app' is configured on line 1 too");
    assertThatThrownBy(() -> RevenueShare.parse("f.csv", List.of("app,com.example.app,,cobol,,")))
        .hasMessage("f.csv line 1, field PLATFORM: 'cobol' must be connect, forge or server");
    assertThatThrownBy(() -> RevenueShare.parse("f.csv", List.of("app,com.example.app,Pending,,,")))
        .hasMessageStartingWith("f.csv line 1, field HOST_PRODUCT: 'Pending' is not a product");
    assertThatThrownBy(
            () -> RevenueShare.parse("f.csv", List.of("app,com.example.app,,forge,soon,")))
        .hasMessage("f.csv line 1, field LISTED: 'soon' is not a day as YYYY-MM-DD");
  }

  @Test
  @DisplayName(
      "the check's basis points equal the explained rate's for every hosting, product, app and period")
  void basisPointsEqualRate() {
    RevenueShare share =
        RevenueShare.parse(
            "revenue-share.csv",
            List.of(
                "app,com.example.forge,Jira,forge,2023-01-15,",
                "app,com.example.bitbucket,Bitbucket,server,,"));
    int checked = 0;
    for (AppKey app : List.of(APP, FORGE_APP, BITBUCKET_APP)) {
      for (Hosting hosting : Hosting.values()) {
        for (String product : new String[] {null, "Jira", "Confluence", "Bamboo", "Pending"}) {
          for (LocalDate day = LocalDate.of(2019, 1, 1);
              day.isBefore(LocalDate.of(2027, 6, 1));
              day = day.plusDays(37)) {
            TransactionLine line = sale(app, hosting, product, day.toString());
            assertThat(share.basisPoints(line))
                .as(line.app() + " " + hosting + " " + product + " " + day)
                .isEqualTo(share.rate(line).orElseThrow().basisPoints());
            checked++;
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(3000);
    assertThat(share.basisPoints(sale(APP, Hosting.CLOUD, "Jira", "1989-12-31"))).isEqualTo(-1);
  }

  @Test
  @DisplayName("an empty configuration is the default schedule with no app configured")
  void emptyConfiguration() {
    RevenueShare share = RevenueShare.parse("f.csv", List.of("# nothing yet", ""));
    assertThat(share.periods()).isEqualTo(DEFAULTS.periods());
    assertThat(share.apps()).isEmpty();
    assertThat(share.periods().get(2).from()).isEqualTo(LocalDate.of(2022, 4, 1));
  }
}
