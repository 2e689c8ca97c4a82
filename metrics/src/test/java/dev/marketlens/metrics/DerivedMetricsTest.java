package dev.marketlens.metrics;

import static dev.marketlens.metrics.Books.book;
import static dev.marketlens.metrics.Books.months;
import static dev.marketlens.model.SaleType.NEW;
import static dev.marketlens.model.SaleType.RENEWAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketlens.metrics.churn.ChurnMonth;
import dev.marketlens.metrics.movements.GrowthMonth;
import dev.marketlens.metrics.movements.MrrMonth;
import dev.marketlens.metrics.renewals.UpcomingRenewal;
import dev.marketlens.metrics.segments.Dimension;
import dev.marketlens.metrics.segments.Where;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The metrics derived from the bridge (metrics spec §5), and the views' arguments. */
class DerivedMetricsTest {

  /** a: $100/month from January; b: $50/month from January, churns in March; c: new in March. */
  private static Metrics threeCustomers() {
    return book()
        .annual("a", "E-a", NEW, "2025-01-01", "2026-01-01", "1200.00")
        .monthly("b", "E-b", NEW, "2025-01-01", "2025-02-01", "50.00")
        .monthly("b", "E-b", RENEWAL, "2025-02-01", "2025-03-01", "50.00")
        .annual("c", "E-c", NEW, "2025-03-01", "2026-03-01", "2400.00")
        .metrics("2025-12-31");
  }

  @Test
  @DisplayName(
      "spec §5.1–5.3: ARR is 12 × MRR; ARPA is MRR per paying customer, half up; null without customers")
  void mrrArrArpa() {
    List<MrrMonth> m = threeCustomers().mrr(months("2024-12", "2025-03"));
    assertThat(m.get(0).arpa()).isNull();
    assertThat(m.get(1).mrr()).isEqualTo(15_000);
    assertThat(m.get(1).arr()).isEqualTo(180_000);
    assertThat(m.get(1).customers()).isEqualTo(2);
    assertThat(m.get(1).arpa()).isEqualTo(7_500);
    // March: a $100 and c $200 → $150.
    assertThat(m.get(3).arpa()).isEqualTo(15_000);
  }

  @Test
  @DisplayName(
      "spec §5.4–5.5: logo churn over opening customers; gross and net revenue churn over opening MRR")
  void churnRates() {
    ChurnMonth march = threeCustomers().churn(months("2025-03", "2025-03")).get(0);
    assertThat(march.customersOpening()).isEqualTo(2);
    assertThat(march.customersChurned()).isEqualTo(1);
    assertThat(march.logoChurnRate()).isEqualByComparingTo("0.5");
    // $50 churned of $150: gross 0.3333; nothing expanded or came back: net the same.
    assertThat(march.grossRevenueChurnRate()).isEqualByComparingTo("0.3333");
    assertThat(march.netRevenueChurnRate()).isEqualByComparingTo("0.3333");
    ChurnMonth empty = threeCustomers().churn(months("2024-12", "2024-12")).get(0);
    assertThat(empty.logoChurnRate()).isNull();
  }

  @Test
  @DisplayName("spec §5.9, §5.12: quick ratio, net new MRR and MRR growth")
  void growth() {
    GrowthMonth march = threeCustomers().growth(months("2025-03", "2025-03")).get(0);
    // New $200 against $50 churned.
    assertThat(march.netNewMrr()).isEqualTo(15_000);
    assertThat(march.quickRatio()).isEqualByComparingTo("4");
    assertThat(march.mrrGrowth()).isEqualByComparingTo("1");
    // Months with paying customers at their start: February (0 of 2 churned), March (1 of 2).
    assertThat(march.meanLogoChurn12()).isEqualByComparingTo("0.25");
    assertThat(march.averageLifetimeMonths()).isEqualByComparingTo("4.0");
    // ARPA $150 / 0.25.
    assertThat(march.ltv()).isEqualTo(60_000);
  }

  @Test
  @DisplayName(
      "issue 6: upcoming renewals are the paid terms ending in the next N days, not renewed yet")
  void upcomingRenewals() {
    Metrics m =
        book()
            .annual("a", "E-a", NEW, "2025-01-15", "2026-01-15", "1200.00")
            .annual("b", "E-b", NEW, "2025-06-01", "2026-06-01", "1200.00")
            .metrics("2025-12-31");
    List<UpcomingRenewal> due = m.upcoming(90, List.of());
    assertThat(due).extracting(UpcomingRenewal::license).containsExactly("E-a");
    assertThat(due.get(0).daysUntil()).isEqualTo(15);
    assertThat(due.get(0).endDate()).isEqualTo(LocalDate.of(2026, 1, 15));
    assertThat(due.get(0).mrr()).isEqualTo(10_000);
  }

  @Test
  @DisplayName("issue 6: --where filters lines; an app filter makes the unit customer × app")
  void filters() {
    Metrics m =
        book()
            .app("com.example.one")
            .annual("a", "E-1", NEW, "2025-01-01", "2026-01-01", "1200.00")
            .app("com.example.two")
            .annual("a", "E-2", NEW, "2025-03-01", "2026-03-01", "2400.00")
            .metrics("2025-12-31");
    // Vendor-wide the second app is expansion; in its own view it is new.
    assertThat(m.movements(months("2025-03", "2025-03")).get(0).expansionMrr()).isEqualTo(20_000);
    assertThat(
            m.movements(
                    months("2025-03", "2025-03").where(new Where(Dimension.APP, "COM.EXAMPLE.TWO")))
                .get(0)
                .newMrr())
        .isEqualTo(20_000);
  }

  @Test
  @DisplayName("issue 6: dimensions and filters are parsed with clear errors")
  void arguments() {
    assertThat(Dimension.parse("Parent_Product")).isEqualTo(Dimension.PARENT_PRODUCT);
    assertThat(Where.parse("sale-channel=Solution Partner").value()).isEqualTo("Solution Partner");
    assertThatThrownBy(() -> Dimension.parse("planet"))
        .hasMessageContaining("unknown dimension 'planet'")
        .hasMessageContaining("billing-period");
    assertThatThrownBy(() -> Where.parse("hosting="))
        .hasMessageContaining("a filter on hosting needs a value");
    assertThatThrownBy(
            () -> Metrics.View.of(java.time.YearMonth.of(2025, 5), java.time.YearMonth.of(2025, 1)))
        .hasMessageContaining("--from 2025-05 is after --to 2025-01");
  }
}
