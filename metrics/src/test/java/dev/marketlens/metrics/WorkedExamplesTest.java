package dev.marketlens.metrics;

import static dev.marketlens.metrics.Books.book;
import static dev.marketlens.metrics.Books.months;
import static dev.marketlens.model.SaleType.DOWNGRADE;
import static dev.marketlens.model.SaleType.NEW;
import static dev.marketlens.model.SaleType.REFUND;
import static dev.marketlens.model.SaleType.RENEWAL;
import static dev.marketlens.model.SaleType.UPGRADE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.metrics.cohorts.Cohort;
import dev.marketlens.metrics.conversion.ConversionMonth;
import dev.marketlens.metrics.movements.Movements;
import dev.marketlens.metrics.renewals.RenewalMonth;
import dev.marketlens.metrics.retention.RetentionMonth;
import dev.marketlens.metrics.segments.Dimension;
import dev.marketlens.model.BillingPeriod;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The metrics spec's rules, one worked example each, in cents. Each example is written out in
 * docs/metrics/ with its arithmetic.
 */
class WorkedExamplesTest {

  /** A month's movements as "opening new expansion contraction churn reactivation closing n". */
  private static String bridge(Movements m) {
    return m.openingMrr()
        + " "
        + m.newMrr()
        + " "
        + m.expansionMrr()
        + " "
        + m.contractionMrr()
        + " "
        + m.churnedMrr()
        + " "
        + m.reactivationMrr()
        + " "
        + m.closingMrr()
        + " "
        + m.customers();
  }

  private static String month(Metrics metrics, String month) {
    return bridge(metrics.movements(months(month, month)).get(0));
  }

  @Test
  @DisplayName(
      "spec §2.4 N2: an annual upgrade mid-term, co-terminated, is an expansion to the new price / 12")
  void annualUpgradeMidTerm() {
    // $1,200/year = $100.00/month. Upgraded on 1 July to the $2,400 tier for the 184 days left:
    // Atlassian bills (2,400 − 1,200) × 184 / 365 = $604.93. The credit (100 × 12 / 365 × 184 =
    // $604.93) plus the amount, spread over 184 days, is $200.00 a month.
    Metrics m =
        book()
            .annual("acme", "E-1", NEW, "2025-01-01", "2026-01-01", "1200.00")
            .line(
                "acme",
                "E-1",
                UPGRADE,
                "2025-07-01",
                "2026-01-01",
                BillingPeriod.ANNUAL,
                "604.93",
                "2025-07-01")
            .metrics("2025-12-31");
    assertThat(month(m, "2025-06")).isEqualTo("10000 0 0 0 0 0 10000 1");
    assertThat(month(m, "2025-07")).isEqualTo("10000 0 10000 0 0 0 20000 1");
    assertThat(month(m, "2025-12")).isEqualTo("20000 0 0 0 0 0 20000 1");
  }

  @Test
  @DisplayName(
      "spec §2.4 N2: an upgrade reported as a refund of the remainder plus the full new price comes to the same")
  void upgradeAsRefundPlusUpgradePair() {
    // The old remainder refunded (−$604.93 over 184 days = −$100.00/month), the new tier bought
    // for the remainder at 2,400 × 184 / 365 = $1,209.86: both old intervals are truncated on 1
    // July, their credits cancel but for 0.15 cents, and $1,209.86 over 184 days is $200.00 a
    // month.
    Metrics m =
        book()
            .annual("acme", "E-1", NEW, "2025-01-01", "2026-01-01", "1200.00")
            .line(
                "acme",
                "E-1",
                REFUND,
                "2025-07-01",
                "2026-01-01",
                BillingPeriod.ANNUAL,
                "-604.93",
                "2025-07-01")
            .line(
                "acme",
                "E-1",
                UPGRADE,
                "2025-07-01",
                "2026-01-01",
                BillingPeriod.ANNUAL,
                "1209.86",
                "2025-07-01")
            .metrics("2025-12-31");
    assertThat(month(m, "2025-07")).isEqualTo("10000 0 10000 0 0 0 20000 1");
  }

  @Test
  @DisplayName("spec §2.5 N3: a fully refunded renewal churns at the renewal's start")
  void fullRefundOfARenewal() {
    Metrics m =
        book()
            .annual("acme", "E-1", NEW, "2024-01-01", "2025-01-01", "1200.00")
            .annual("acme", "E-1", RENEWAL, "2025-01-01", "2026-01-01", "1200.00")
            .line(
                "acme",
                "E-1",
                REFUND,
                "2025-01-01",
                "2026-01-01",
                BillingPeriod.ANNUAL,
                "-1200.00",
                "2025-01-20")
            .metrics("2026-06-30");
    assertThat(month(m, "2024-12")).isEqualTo("10000 0 0 0 0 0 10000 1");
    assertThat(month(m, "2025-01")).isEqualTo("10000 0 0 0 10000 0 0 0");
  }

  @Test
  @DisplayName(
      "spec §2.5 N3: a cancellation refund of the unused remainder churns from the refund's start")
  void cancellationRefundOfARenewal() {
    // 275 days of the $1,200 renewal returned: 1,200 × 275 / 365 = $904.11, i.e. −$100.00/month
    // from 1 April: the sum is −0.0045 cents, and a negative MRR counts as zero.
    Metrics m =
        book()
            .annual("acme", "E-1", NEW, "2024-01-01", "2025-01-01", "1200.00")
            .annual("acme", "E-1", RENEWAL, "2025-01-01", "2026-01-01", "1200.00")
            .line(
                "acme",
                "E-1",
                REFUND,
                "2025-04-01",
                "2026-01-01",
                BillingPeriod.ANNUAL,
                "-904.11",
                "2025-04-01")
            .metrics("2026-06-30");
    assertThat(month(m, "2025-03")).isEqualTo("10000 0 0 0 0 0 10000 1");
    assertThat(month(m, "2025-04")).isEqualTo("10000 0 0 0 10000 0 0 0");
  }

  @Test
  @DisplayName("spec §2.6: a $0 renewal is churn; paying again later is a reactivation")
  void zeroDollarRenewal() {
    Metrics m =
        book()
            .annual("acme", "E-1", NEW, "2024-01-01", "2025-01-01", "1200.00")
            .annual("acme", "E-1", RENEWAL, "2025-01-01", "2026-01-01", "0.00")
            .annual("acme", "E-1", RENEWAL, "2026-01-01", "2027-01-01", "1200.00")
            .metrics("2026-06-30");
    assertThat(month(m, "2025-01")).isEqualTo("10000 0 0 0 10000 0 0 0");
    assertThat(month(m, "2025-12")).isEqualTo("0 0 0 0 0 0 0 0");
    assertThat(month(m, "2026-01")).isEqualTo("0 0 0 0 0 10000 10000 1");
  }

  @Test
  @DisplayName(
      "spec §3.5: a renewal more than 30 days late is churn at the old end and a reactivation at the new start")
  void lateRenewalBeyondGrace() {
    // Ended 1 January, renewed 15 February: 45 days uncovered.
    Metrics m =
        book()
            .annual("acme", "E-1", NEW, "2024-01-01", "2025-01-01", "1200.00")
            .line(
                "acme",
                "E-1",
                RENEWAL,
                "2025-02-15",
                "2026-02-15",
                BillingPeriod.ANNUAL,
                "1200.00",
                "2025-02-15")
            .metrics("2025-12-31");
    assertThat(month(m, "2025-01")).isEqualTo("10000 0 0 0 10000 0 0 0");
    assertThat(month(m, "2025-02")).isEqualTo("0 0 0 0 0 10000 10000 1");
  }

  @Test
  @DisplayName("spec §3.5: a renewal within 30 days of the old end is continuous")
  void lateRenewalWithinGrace() {
    // Ended 15 January, renewed 10 February: 26 days, bridged across 31 January.
    Metrics m =
        book()
            .annual("acme", "E-1", NEW, "2024-01-15", "2025-01-15", "1200.00")
            .annual("acme", "E-1", RENEWAL, "2025-02-10", "2026-02-10", "1200.00")
            .metrics("2025-12-31");
    assertThat(month(m, "2025-01")).isEqualTo("10000 0 0 0 0 0 10000 1");
    assertThat(month(m, "2025-02")).isEqualTo("10000 0 0 0 0 0 10000 1");
  }

  @Test
  @DisplayName(
      "spec §3.5: a Data Center renewal bought late but backdated to the expiry shows no movement")
  void backdatedDataCenterRenewal() {
    Metrics m =
        book()
            .hosting("Data Center")
            .annual("acme", "SEN-1", NEW, "2024-01-01", "2025-01-01", "1200.00")
            .line(
                "acme",
                "SEN-1",
                RENEWAL,
                "2025-01-01",
                "2026-01-01",
                BillingPeriod.ANNUAL,
                "1200.00",
                "2025-03-10")
            .metrics("2025-12-31");
    for (Movements month : m.movements(months("2025-01", "2025-12"))) {
      assertThat(bridge(month)).isEqualTo("10000 0 0 0 0 0 10000 1");
    }
  }

  @Test
  @DisplayName("spec §4.2: a downgrade at renewal is a contraction; no renewal after it is churn")
  void downgradeThenChurn() {
    Metrics m =
        book()
            .annual("acme", "E-1", NEW, "2024-01-01", "2025-01-01", "2400.00")
            .annual("acme", "E-1", DOWNGRADE, "2025-01-01", "2026-01-01", "1200.00")
            .metrics("2026-06-30");
    assertThat(month(m, "2025-01")).isEqualTo("20000 0 0 10000 0 0 10000 1");
    assertThat(month(m, "2026-01")).isEqualTo("10000 0 0 0 10000 0 0 0");
  }

  @Test
  @DisplayName("spec §4.2: a customer back after three months unpaid is a reactivation, not new")
  void reactivationAfterThreeMonths() {
    Metrics m =
        book()
            .monthly("acme", "E-1", NEW, "2025-01-05", "2025-02-05", "100.00")
            .monthly("acme", "E-1", RENEWAL, "2025-02-05", "2025-03-05", "100.00")
            .monthly("acme", "E-1", RENEWAL, "2025-03-05", "2025-04-05", "100.00")
            .monthly("acme", "E-1", RENEWAL, "2025-07-05", "2025-08-05", "100.00")
            .metrics("2025-07-31");
    assertThat(month(m, "2025-04")).isEqualTo("10000 0 0 0 10000 0 0 0");
    assertThat(month(m, "2025-05")).isEqualTo("0 0 0 0 0 0 0 0");
    assertThat(month(m, "2025-07")).isEqualTo("0 0 0 0 0 10000 10000 1");
  }

  @Test
  @DisplayName(
      "spec §4.3–4.4: a server to cloud migration is expansion vendor-wide, segment out and in by hosting")
  void serverToCloudMigration() {
    Metrics m =
        book()
            .hosting("Server")
            .annual("acme", "SEN-1", NEW, "2024-03-01", "2025-03-01", "1200.00")
            .hosting("Cloud")
            .monthly("acme", "E-2", NEW, "2025-03-01", "2025-04-01", "150.00")
            .monthly("acme", "E-2", RENEWAL, "2025-04-01", "2025-05-01", "150.00")
            .metrics("2025-04-30");
    assertThat(month(m, "2025-03")).isEqualTo("10000 0 5000 0 0 0 15000 1");
    List<Movements> byHosting = m.movements(months("2025-03", "2025-03").by(Dimension.HOSTING));
    assertThat(byHosting)
        .extracting(
            Movements::segment,
            Movements::openingMrr,
            Movements::segmentInMrr,
            Movements::segmentOutMrr,
            Movements::closingMrr,
            Movements::newMrr,
            Movements::churnedMrr)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Cloud", 0L, 15000L, 0L, 15000L, 0L, 0L),
            org.assertj.core.groups.Tuple.tuple("Server", 10000L, 0L, 10000L, 0L, 0L, 0L));
  }

  @Test
  @DisplayName(
      "spec §5.11: an evaluation converting on day 29 counts, one converting on day 61 only eventually")
  void evaluationsConvertingOnDay29AndDay61() {
    // A: evaluated from 1 March, bought on another license on 30 March (day 29).
    // B: evaluated from 10 March, bought on its own (cloud) license on 10 May (day 61).
    Metrics m =
        book()
            .evaluation("a", "E-A-EVAL", "2025-03-01", "2025-03-31")
            .line(
                "a",
                "E-A",
                NEW,
                "2025-03-30",
                "2026-03-30",
                BillingPeriod.ANNUAL,
                "1200.00",
                "2025-03-30")
            .evaluation("b", "E-B", "2025-03-10", "2025-04-09")
            .line(
                "b",
                "E-B",
                NEW,
                "2025-05-10",
                "2026-05-10",
                BillingPeriod.ANNUAL,
                "1200.00",
                "2025-05-10")
            .metrics("2025-12-31");
    ConversionMonth march = m.conversion(months("2025-03", "2025-03")).get(0);
    assertThat(march.evaluations()).isEqualTo(2);
    assertThat(march.converted()).isEqualTo(1);
    assertThat(march.conversionRate()).isEqualByComparingTo("0.5");
    assertThat(march.eventualConversions()).isEqualTo(2);
    assertThat(march.medianDaysToConvert()).isEqualTo(29);
  }

  @Test
  @DisplayName(
      "spec §5.7: a cohort's logo and revenue retention by month since its first paying month")
  void cohortTable() {
    Books b = book();
    for (String customer : List.of("a", "b")) {
      for (int k = 0; k < 6; k++) {
        b.monthly(
            customer,
            "E-" + customer,
            k == 0 ? NEW : RENEWAL,
            "2025-%02d-10".formatted(1 + k),
            "2025-%02d-10".formatted(2 + k),
            "100.00");
      }
    }
    // c pays $200 for January and February only.
    b.monthly("c", "E-c", NEW, "2025-01-10", "2025-02-10", "200.00");
    b.monthly("c", "E-c", RENEWAL, "2025-02-10", "2025-03-10", "200.00");
    Metrics m = b.metrics("2025-12-31");
    Cohort logos = m.cohorts(months("2025-01", "2025-04"), Cohort.Measure.LOGOS).get(0);
    assertThat(logos.cohort()).isEqualTo(YearMonth.of(2025, 1));
    assertThat(logos.size()).isEqualTo(3);
    assertThat(logos.retention())
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(
            new BigDecimal("1"),
            new BigDecimal("1"),
            new BigDecimal("0.6667"),
            new BigDecimal("0.6667"));
    Cohort revenue = m.cohorts(months("2025-01", "2025-04"), Cohort.Measure.REVENUE).get(0);
    // $400 in January; $200 left from March.
    assertThat(revenue.retention())
        .usingElementComparator(BigDecimal::compareTo)
        .containsExactly(
            new BigDecimal("1"), new BigDecimal("1"), new BigDecimal("0.5"), new BigDecimal("0.5"));
  }

  @Test
  @DisplayName(
      "spec §5.6b: trailing-12 NRR and GRR over the customers paying twelve months earlier")
  void trailingTwelveMonthRetention() {
    // In January 2024 a and b pay $100 each. A year later a pays $150, b has churned; c, new in
    // June, is not in the base: NRR12 = 150 / 200, GRR12 = min(150, 100) / 200.
    Metrics m =
        book()
            .annual("a", "E-a", NEW, "2024-01-01", "2025-01-01", "1200.00")
            .annual("a", "E-a", RENEWAL, "2025-01-01", "2026-01-01", "1800.00")
            .annual("b", "E-b", NEW, "2024-01-01", "2025-01-01", "1200.00")
            .annual("c", "E-c", NEW, "2024-06-01", "2025-06-01", "2400.00")
            .metrics("2025-12-31");
    RetentionMonth january = m.retention(months("2025-01", "2025-01")).get(0);
    assertThat(january.nrr12()).isEqualByComparingTo("0.75");
    assertThat(january.grr12()).isEqualByComparingTo("0.5");
    // Monthly: opening $400 (a, b, c), a +$50, b −$100: NRR (400 + 50 − 100) / 400, GRR 300 / 400.
    assertThat(january.nrr()).isEqualByComparingTo("0.875");
    assertThat(january.grr()).isEqualByComparingTo("0.75");
  }

  @Test
  @DisplayName(
      "spec §5.10: a month of renewal opportunities — on time, late within grace, not renewed")
  void monthOfRenewalOpportunities() {
    Metrics m =
        book()
            .annual("a", "E-a", NEW, "2024-06-10", "2025-06-10", "1200.00")
            .annual("a", "E-a", RENEWAL, "2025-06-10", "2026-06-10", "1200.00")
            .annual("b", "E-b", NEW, "2024-06-15", "2025-06-15", "1200.00")
            .line(
                "b",
                "E-b",
                RENEWAL,
                "2025-06-25",
                "2026-06-25",
                BillingPeriod.ANNUAL,
                "1800.00",
                "2025-06-25")
            .annual("c", "E-c", NEW, "2024-06-20", "2025-06-20", "1200.00")
            .metrics("2025-12-31");
    RenewalMonth june = m.renewals(months("2025-06", "2025-06")).get(0);
    assertThat(june.opportunities()).isEqualTo(3);
    assertThat(june.renewed()).isEqualTo(2);
    assertThat(june.logoRenewalRate()).isEqualByComparingTo("0.6667");
    // $100 + $100 of $300 renewed; at their new rates $100 + $150.
    assertThat(june.revenueRenewalRate()).isEqualByComparingTo("0.6667");
    assertThat(june.netRenewalRate()).isEqualByComparingTo("0.8333");
    assertThat(june.pending()).isZero();
  }
}
