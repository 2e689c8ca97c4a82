package dev.marketlens.emulator.reporting;

import static dev.marketlens.emulator.reporting.Records.APPS;
import static dev.marketlens.emulator.reporting.Records.CONFLUENCE_APP;
import static dev.marketlens.emulator.reporting.Records.JIRA_APP;
import static dev.marketlens.emulator.reporting.Records.cloudLicense;
import static dev.marketlens.emulator.reporting.Records.cloudLine;
import static dev.marketlens.emulator.reporting.Records.day;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.reporting.Aggregation.Unit;
import dev.marketlens.emulator.reporting.CloudMetrics.Kind;
import dev.marketlens.emulator.reporting.CloudMetrics.LicenseEvent;
import dev.marketlens.emulator.reporting.CloudMetrics.MetricSeries;
import dev.marketlens.emulator.reporting.CloudMetrics.Opportunity;
import dev.marketlens.emulator.reporting.CloudMetrics.Outcome;
import dev.marketlens.emulator.wire.BillingPeriod;
import dev.marketlens.emulator.wire.License;
import dev.marketlens.emulator.wire.LicenseStatus;
import dev.marketlens.emulator.wire.LicenseType;
import dev.marketlens.emulator.wire.SaleType;
import dev.marketlens.emulator.wire.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Cloud churn, renewals and conversions (spec §13.2–§13.3, A3/A4)")
class CloudMetricsTest {

  private static final LocalDate TODAY = day("2026-10-31");

  /**
   * A: monthly, renews in August and September, cancelled at the end of October's term (on
   * 2026-10-05). B: annual with a co-terminated upgrade, renewed. C: a fully refunded first month,
   * no opportunity. D: monthly, its term ends today, renewal not sold yet: pending. E: a cloud
   * evaluation that converted; F: one that did not.
   */
  private static CloudMetrics world() {
    List<License> licenses = new ArrayList<>();
    List<Transaction> lines = new ArrayList<>();
    licenses.add(
        cloudLicense(
            JIRA_APP,
            "A",
            LicenseType.COMMERCIAL,
            LicenseStatus.CANCELLED,
            day("2026-07-05"),
            day("2026-10-05"),
            null));
    lines.add(monthly("A", SaleType.NEW, "2026-07-05", 1000));
    lines.add(monthly("A", SaleType.RENEWAL, "2026-08-05", 1000));
    lines.add(monthly("A", SaleType.RENEWAL, "2026-09-05", 1000));
    licenses.add(
        cloudLicense(
            CONFLUENCE_APP,
            "B",
            LicenseType.COMMERCIAL,
            LicenseStatus.ACTIVE,
            day("2025-09-10"),
            day("2027-09-10"),
            null));
    lines.add(
        cloudLine(
            CONFLUENCE_APP,
            "B",
            SaleType.NEW,
            day("2025-09-10"),
            day("2025-09-10"),
            day("2026-09-10"),
            BillingPeriod.ANNUAL,
            50_000,
            40_000));
    lines.add(
        cloudLine(
            CONFLUENCE_APP,
            "B",
            SaleType.UPGRADE,
            day("2026-03-01"),
            day("2026-03-01"),
            day("2026-09-10"),
            BillingPeriod.ANNUAL,
            10_000,
            8_000));
    lines.add(
        cloudLine(
            CONFLUENCE_APP,
            "B",
            SaleType.RENEWAL,
            day("2026-09-10"),
            day("2026-09-10"),
            day("2027-09-10"),
            BillingPeriod.ANNUAL,
            60_000,
            48_000));
    licenses.add(
        cloudLicense(
            JIRA_APP,
            "C",
            LicenseType.COMMERCIAL,
            LicenseStatus.CANCELLED,
            day("2026-08-01"),
            day("2026-09-01"),
            null));
    lines.add(monthly("C", SaleType.NEW, "2026-08-01", 500));
    lines.add(
        cloudLine(
            JIRA_APP,
            "C",
            SaleType.REFUND,
            day("2026-08-10"),
            day("2026-08-01"),
            day("2026-09-01"),
            BillingPeriod.MONTHLY,
            -500,
            -400));
    licenses.add(
        cloudLicense(
            JIRA_APP,
            "D",
            LicenseType.COMMERCIAL,
            LicenseStatus.ACTIVE,
            day("2026-09-30"),
            day("2026-10-31"),
            null));
    lines.add(
        cloudLine(
            JIRA_APP,
            "D",
            SaleType.NEW,
            day("2026-09-30"),
            day("2026-09-30"),
            day("2026-10-31"),
            BillingPeriod.MONTHLY,
            700,
            560));
    licenses.add(
        cloudLicense(
            JIRA_APP,
            "E",
            LicenseType.COMMERCIAL,
            LicenseStatus.ACTIVE,
            day("2026-09-12"),
            day("2026-11-12"),
            day("2026-08-12")));
    lines.add(monthly("E", SaleType.NEW, "2026-09-12", 800));
    lines.add(monthly("E", SaleType.RENEWAL, "2026-10-12", 800));
    licenses.add(
        cloudLicense(
            JIRA_APP,
            "F",
            LicenseType.EVALUATION,
            LicenseStatus.INACTIVE,
            day("2026-09-01"),
            day("2026-10-01"),
            day("2026-09-01")));
    return CloudMetrics.of(licenses, lines, APPS, TODAY);
  }

  private static Transaction monthly(String license, SaleType type, String start, long cents) {
    LocalDate s = day(start);
    return cloudLine(
        JIRA_APP,
        license,
        type,
        s,
        s,
        s.plusMonths(1),
        BillingPeriod.MONTHLY,
        cents,
        cents * 4 / 5);
  }

  @Test
  @DisplayName("§13.2: terms that ended are opportunities; renewed, cancelled or pending")
  void opportunities() {
    List<Opportunity> o = world().opportunities();
    assertThat(o)
        .extracting(x -> x.key() + "@" + x.end() + ":" + x.period() + ":" + x.outcome())
        .containsExactly(
            "ent-A@2026-08-05:MONTHLY:RENEWED",
            "ent-A@2026-09-05:MONTHLY:RENEWED",
            "ent-B@2026-09-10:ANNUAL:RENEWED",
            "ent-A@2026-10-05:MONTHLY:CANCELLED",
            "ent-E@2026-10-12:MONTHLY:RENEWED",
            "ent-D@2026-10-31:MONTHLY:PENDING");
    Opportunity b = o.get(2);
    assertThat(b.term().purchaseDetails().saleType())
        .as("the term's line, not the co-terminated upgrade")
        .isEqualTo(SaleType.NEW);
    assertThat(b.renewal().purchaseDetails().saleType()).isEqualTo(SaleType.RENEWAL);
  }

  @Test
  @DisplayName("§13.2: churn counts customers and cancellations per billing period, uniqueTotal")
  void churn() {
    Aggregation months = Aggregation.of(Unit.MONTH, day("2026-08-01"), TODAY, TODAY);
    CloudMetrics.Result r = world().metric(Kind.CHURN, months, false);
    assertThat(r.datasets())
        .extracting(CloudMetrics.Dataset::name)
        .containsExactly("Monthly", "Annual");
    List<MetricSeries> monthly = r.datasets().get(0).series();
    assertThat(monthly)
        .extracting(MetricSeries::name)
        .containsExactly("Customers", "Cancellations");
    assertThat(monthly.get(0).counts()).containsExactly(1, 1, 3);
    assertThat(monthly.get(0).uniqueTotal()).isEqualTo(3);
    assertThat(monthly.get(1).counts()).containsExactly(0, 0, 1);
    assertThat(monthly.get(1).uniqueTotal()).isEqualTo(1);
    List<MetricSeries> annual = r.datasets().get(1).series();
    assertThat(annual.get(0).counts()).containsExactly(0, 1, 0);
    assertThat(annual.get(1).counts()).containsExactly(0, 0, 0);
    assertThat(r.addons())
        .extracting(a -> a.app().addonKey())
        .containsExactly(JIRA_APP.addonKey(), CONFLUENCE_APP.addonKey());
    CloudMetrics.Result renewal = world().metric(Kind.RENEWAL, months, false);
    List<MetricSeries> renewals = renewal.datasets().get(0).series();
    assertThat(renewals)
        .extracting(MetricSeries::name)
        .containsExactly("Renewal opportunities", "Renewals");
    assertThat(renewals).allMatch(s -> s.uniqueTotal() == null);
    assertThat(renewals.get(1).counts()).containsExactly(1, 1, 1);
  }

  @Test
  @DisplayName("§13.2: conversions are counted with their evaluation's start")
  void conversion() {
    Aggregation months = Aggregation.of(Unit.MONTH, day("2026-08-01"), TODAY, TODAY);
    CloudMetrics.Result r = world().metric(Kind.CONVERSION, months, true);
    assertThat(r.series())
        .extracting(MetricSeries::name)
        .containsExactly("Evaluations", "Conversions");
    assertThat(r.series().get(0).counts()).containsExactly(1, 1, 0);
    assertThat(r.series().get(1).counts()).containsExactly(1, 0, 0);
    assertThat(r.series()).allMatch(s -> "Net New".equals(s.conversionType()));
    assertThat(r.addons()).extracting(a -> a.app().addonKey()).containsExactly(JIRA_APP.addonKey());
  }

  @Test
  @DisplayName("§13.3: events carry the lapsed, renewing or converting line and its term")
  void events() {
    CloudMetrics m = world();
    List<LicenseEvent> churn = m.events(Kind.CHURN);
    assertThat(churn).hasSize(1);
    LicenseEvent c = churn.get(0);
    assertThat(c.eventDate()).isEqualTo(day("2026-10-05"));
    assertThat(c.maintenanceStartDate()).isEqualTo(day("2026-09-05"));
    assertThat(c.maintenanceEndDate()).isEqualTo(day("2026-10-05"));
    assertThat(c.monthsValid()).isEqualTo(1);
    assertThat(c.inGracePeriod()).isEqualTo("Yes");
    assertThat(c.lastUpdated()).isEqualTo(day("2026-10-05"));
    assertThat(c.licenseId()).isEqualTo("E-A");
    assertThat(m.events(Kind.RENEWAL)).hasSize(4);
    LicenseEvent annual =
        m.events(Kind.RENEWAL).stream()
            .filter(e -> e.licenseId().equals("E-B"))
            .findFirst()
            .orElseThrow();
    assertThat(annual.monthsValid()).isEqualTo(12);
    assertThat(annual.maintenanceStartDate()).isEqualTo(day("2026-09-10"));
    assertThat(annual.maintenanceEndDate()).isEqualTo(day("2027-09-10"));
    List<LicenseEvent> conversions = m.events(Kind.CONVERSION);
    assertThat(conversions).extracting(LicenseEvent::licenseId).containsExactly("E-E");
    assertThat(conversions.get(0).eventDate()).isEqualTo(day("2026-09-12"));
  }

  @Test
  @DisplayName("§13.2: every bucket has cancellations ≤ customers and renewals ≤ opportunities")
  void invariants() {
    Aggregation weeks = Aggregation.of(Unit.WEEK, day("2025-06-01"), TODAY, TODAY);
    CloudMetrics m = world();
    CloudMetrics.Result churn = m.metric(Kind.CHURN, weeks, false);
    CloudMetrics.Result renewal = m.metric(Kind.RENEWAL, weeks, false);
    for (int d = 0; d < 2; d++) {
      long[] customers = churn.datasets().get(d).series().get(0).counts();
      long[] cancelled = churn.datasets().get(d).series().get(1).counts();
      long[] opportunities = renewal.datasets().get(d).series().get(0).counts();
      long[] renewed = renewal.datasets().get(d).series().get(1).counts();
      for (int k = 0; k < weeks.size(); k++) {
        assertThat(cancelled[k]).isLessThanOrEqualTo(customers[k]);
        assertThat(opportunities[k]).isEqualTo(customers[k]);
        assertThat(renewed[k] + cancelled[k]).isLessThanOrEqualTo(opportunities[k]);
      }
    }
    assertThat(m.opportunities()).filteredOn(o -> o.outcome() == Outcome.PENDING).hasSize(1);
  }
}
