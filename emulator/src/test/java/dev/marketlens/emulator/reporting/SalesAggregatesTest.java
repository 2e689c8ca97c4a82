package dev.marketlens.emulator.reporting;

import static dev.marketlens.emulator.reporting.Records.APPS;
import static dev.marketlens.emulator.reporting.Records.CONFLUENCE_APP;
import static dev.marketlens.emulator.reporting.Records.JIRA_APP;
import static dev.marketlens.emulator.reporting.Records.day;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.reporting.Aggregation.Unit;
import dev.marketlens.emulator.reporting.SalesAggregates.Metric;
import dev.marketlens.emulator.reporting.SalesAggregates.Result;
import dev.marketlens.emulator.reporting.SalesAggregates.Series;
import dev.marketlens.emulator.wire.BillingPeriod;
import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.License;
import dev.marketlens.emulator.wire.LicenseIds;
import dev.marketlens.emulator.wire.LicenseStatus;
import dev.marketlens.emulator.wire.LicenseType;
import dev.marketlens.emulator.wire.PartnerType;
import dev.marketlens.emulator.wire.SaleType;
import dev.marketlens.emulator.wire.Transaction;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Sales and evaluation aggregates (spec §13.1, A1/A2)")
class SalesAggregatesTest {

  private static final LocalDate TODAY = day("2026-10-31");
  private static final Aggregation MONTHS =
      Aggregation.of(Unit.MONTH, day("2026-08-01"), day("2026-09-30"), TODAY);

  private static Transaction sale(
      String app, Hosting hosting, SaleType type, String date, long vendorCents, PartnerType p) {
    return Records.line(
        app.equals("jira") ? JIRA_APP : CONFLUENCE_APP,
        new LicenseIds(null, null, "SEN-1", null, null, null, null, null, null),
        hosting,
        type,
        day(date),
        day(date),
        day(date).plusYears(1),
        BillingPeriod.ANNUAL,
        Math.abs(vendorCents) * 4 / 3,
        vendorCents,
        Records.customer(hosting == Hosting.CLOUD ? "Japan" : "France", "APAC"),
        p == null ? null : Records.partner(p));
  }

  @Test
  @DisplayName("A1: count leaves refunds out, netCount subtracts them, revenue sums vendor amounts")
  void countsAndRevenue() {
    List<Transaction> lines =
        List.of(
            sale("jira", Hosting.CLOUD, SaleType.NEW, "2026-08-03", 10_050, null),
            sale("jira", Hosting.CLOUD, SaleType.RENEWAL, "2026-08-31", 20_001, null),
            sale("jira", Hosting.CLOUD, SaleType.REFUND, "2026-08-15", -10_050, null),
            sale("confluence", Hosting.CLOUD, SaleType.NEW, "2026-09-02", 999, null),
            sale("jira", Hosting.DATA_CENTER, SaleType.NEW, "2026-09-30", 50_000, null),
            sale("jira", Hosting.CLOUD, SaleType.NEW, "2026-07-31", 1, null),
            sale("jira", Hosting.CLOUD, SaleType.NEW, "2026-10-01", 1, null));
    Result r = SalesAggregates.transactions(lines, APPS, Metric.HOSTING, MONTHS);
    assertThat(r.total()).extracting(Series::name).containsExactly("Cloud", "Data Center");
    Series cloud = r.total().get(0);
    assertThat(cloud.count()).containsExactly(2, 1);
    assertThat(cloud.netCount()).containsExactly(1, 1);
    assertThat(cloud.revenueCents()).containsExactly(20_001, 999);
    Series dc = r.total().get(1);
    assertThat(dc.count()).containsExactly(0, 1);
    assertThat(dc.revenueCents()).containsExactly(0, 50_000);
    assertThat(r.addons())
        .extracting(a -> a.app().addonKey())
        .containsExactly(JIRA_APP.addonKey(), CONFLUENCE_APP.addonKey());
    Series jiraCloud = r.addons().get(0).series().get(0);
    assertThat(jiraCloud.count()).containsExactly(2, 0);
    assertThat(r.addons().get(1).series()).extracting(Series::name).containsExactly("Cloud");
  }

  @Test
  @DisplayName("A1: type series are sale types (refunds in their own series), partner types map")
  void typeAndPartner() {
    List<Transaction> lines =
        List.of(
            sale("jira", Hosting.CLOUD, SaleType.NEW, "2026-08-03", 100, PartnerType.EXPERT),
            sale("jira", Hosting.CLOUD, SaleType.UPGRADE, "2026-08-03", 100, PartnerType.RESELLER),
            sale(
                "jira",
                Hosting.CLOUD,
                SaleType.RENEWAL,
                "2026-08-03",
                100,
                PartnerType.CORPORATE_RESELLER),
            sale("jira", Hosting.CLOUD, SaleType.REFUND, "2026-08-04", -100, null));
    Result type = SalesAggregates.transactions(lines, APPS, Metric.TYPE, MONTHS);
    assertThat(type.total())
        .extracting(Series::name)
        .containsExactly("New", "Refund", "Renewal", "Upgrade");
    Series refund = type.total().get(1);
    assertThat(refund.count()).containsExactly(0, 0);
    assertThat(refund.netCount()).containsExactly(-1, 0);
    assertThat(refund.revenueCents()).containsExactly(-100, 0);
    Result partner = SalesAggregates.transactions(lines, APPS, Metric.PARTNER, MONTHS);
    assertThat(partner.total())
        .extracting(Series::name)
        .containsExactly("Direct", "Expert", "Reseller");
    assertThat(partner.total().get(2).count()).containsExactly(2, 0);
    Result country = SalesAggregates.transactions(lines, APPS, Metric.COUNTRY, MONTHS);
    assertThat(country.total()).extracting(Series::name).containsExactly("Japan");
  }

  @Test
  @DisplayName("K24: no bucket, no series and no app")
  void empty() {
    Aggregation none = Aggregation.of(Unit.MONTH, day("2026-09-01"), day("2026-08-01"), TODAY);
    Result r =
        SalesAggregates.transactions(
            List.of(sale("jira", Hosting.CLOUD, SaleType.NEW, "2026-08-03", 100, null)),
            APPS,
            Metric.HOSTING,
            none);
    assertThat(r.total()).isEmpty();
    assertThat(r.addons()).isEmpty();
  }

  @Test
  @DisplayName("A2: evaluations count evaluation licenses and cloud licenses converted in place")
  void evaluations() {
    License converted =
        Records.cloudLicense(
            JIRA_APP,
            "C1",
            LicenseType.COMMERCIAL,
            LicenseStatus.ACTIVE,
            day("2026-09-10"),
            day("2026-10-10"),
            day("2026-08-10"));
    License evaluating =
        Records.cloudLicense(
            JIRA_APP,
            "C2",
            LicenseType.EVALUATION,
            LicenseStatus.ACTIVE,
            day("2026-09-20"),
            day("2026-10-20"),
            day("2026-09-20"));
    License paid =
        Records.cloudLicense(
            JIRA_APP,
            "C3",
            LicenseType.COMMERCIAL,
            LicenseStatus.ACTIVE,
            day("2026-09-20"),
            day("2026-10-20"),
            null);
    License dc =
        Records.dataCenterEvaluation(
            CONFLUENCE_APP, "77", day("2026-09-01"), Records.customer("Chile", "Americas"));
    Result r =
        SalesAggregates.evaluations(
            List.of(converted, evaluating, paid, dc), APPS, Metric.HOSTING, MONTHS);
    assertThat(r.total()).extracting(Series::name).containsExactly("Cloud", "Data Center");
    assertThat(r.total().get(0).count()).containsExactly(1, 1);
    assertThat(r.total().get(0).netCount()).containsExactly(1, 1);
    assertThat(r.total().get(1).count()).containsExactly(0, 1);
    Result region = SalesAggregates.evaluations(List.of(dc), APPS, Metric.REGION, MONTHS);
    assertThat(region.total()).extracting(Series::name).containsExactly("Americas");
    assertThat(region.addons())
        .extracting(a -> a.app().addonKey())
        .containsExactly(CONFLUENCE_APP.addonKey());
  }
}
