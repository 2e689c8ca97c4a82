package dev.marketlens.payouts.pricing;

import static dev.marketlens.payouts.pricing.Lines.sale;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.model.SaleType;
import dev.marketlens.model.transaction.TransactionLine;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A price change's impact, worked by hand: cloud 100 users at $190 a month rise to $228 from
 * 2025-03-01. Customer A renews its $1,900 year on 2025-04-10 (40 days after the change), customer
 * B on 2025-06-10 (101 days after).
 */
class PriceImpactTest {

  static final String CURRENT =
      "App Key,Hosting,Effective From,Tier,Price\n"
          + "com.example.app,Cloud,2024-01-01,10 Users,10.00\n"
          + "com.example.app,Cloud,2024-01-01,100 Users,190.00\n";
  static final String CHANGE =
      "App Key,Hosting,Effective From,Tier,Price\n"
          + "com.example.app,Cloud,2099-01-01,10 Users,12.00\n"
          + "com.example.app,Cloud,2099-01-01,100 Users,228.00\n";

  static List<PriceImpact.Month> project() {
    List<TransactionLine> lines =
        List.of(
            sale("11", SaleType.NEW, "2024-04-10", "2025-04-10", "1900.00").build(),
            sale("12", SaleType.NEW, "2024-06-10", "2025-06-10", "1900.00").build());
    LocalDate effective = LocalDate.of(2025, 3, 1);
    return PriceImpact.project(
        PriceBookCsv.read(CURRENT, "current.csv"),
        PriceBookCsv.read(CHANGE, "change.csv"),
        effective,
        PriceImpact.subscriptions(lines, effective));
  }

  static PriceImpact.Month month(List<PriceImpact.Month> months, String ym) {
    return months.stream()
        .filter(m -> m.month().equals(YearMonth.parse(ym)))
        .findFirst()
        .orElseThrow();
  }

  @Test
  @DisplayName("SR-C3: a customer renewing 40 days after the change renews at the old $1,900")
  void renewalInsideSixtyDays() {
    PriceImpact.Month april = month(project(), "2025-04");
    assertThat(april.renewals()).isEqualTo(1);
    assertThat(april.overridden()).isEqualTo(1);
    assertThat(april.baselineRevenue()).isEqualTo(190_000L);
    assertThat(april.projectedRevenue()).isEqualTo(190_000L);
  }

  @Test
  @DisplayName(
      "SR-C3: a customer renewing 101 days after the change pays the new 10 × $228 = $2,280")
  void renewalOutsideSixtyDays() {
    PriceImpact.Month june = month(project(), "2025-06");
    assertThat(june.renewals()).isEqualTo(1);
    assertThat(june.overridden()).isZero();
    assertThat(june.baselineRevenue()).isEqualTo(190_000L);
    assertThat(june.projectedRevenue()).isEqualTo(228_000L);
  }

  @Test
  @DisplayName("MRR: $1,900 / 12 = $158.33 each until B renews; from June B is $2,280 / 12 = $190")
  void mrr() {
    List<PriceImpact.Month> months = project();
    assertThat(months).hasSize(12);
    assertThat(months.get(0).month()).isEqualTo(YearMonth.of(2025, 3));
    PriceImpact.Month march = month(months, "2025-03");
    assertThat(march.baselineMrr()).isEqualTo(2 * 15_833L);
    assertThat(march.projectedMrr()).isEqualTo(2 * 15_833L);
    PriceImpact.Month june = month(months, "2025-06");
    assertThat(june.baselineMrr()).isEqualTo(2 * 15_833L);
    assertThat(june.projectedMrr()).isEqualTo(15_833L + 19_000L);
    // A renews again on 2026-04-10, after the horizon (2025-03 … 2026-02).
    assertThat(month(months, "2026-02").projectedRevenue()).isZero();
  }
}
