package dev.marketlens.payouts.pricing;

import static dev.marketlens.payouts.pricing.Lines.sale;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.model.DiscountType;
import dev.marketlens.model.Hosting;
import dev.marketlens.model.PartnerType;
import dev.marketlens.model.SaleType;
import dev.marketlens.model.license.License;
import dev.marketlens.model.transaction.TransactionLine;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The price audit on hand-written lines. The book: cloud $10 a month up to 10 users, $190 for 100
 * users ($2 a user from 11 to 100), $340 for 250 ($1 a user from 101), raised on 2025-03-01 to $12,
 * $228 and $408; server $100 / $1,000 / $5,000 (unlimited) a year, renewals at half; Data Center 50
 * users $1,000 a year.
 */
class PriceAuditTest {

  static final String BOOK =
      """
      App Key,Hosting,Effective From,Tier,Price,Renewal Price
      com.example.app,Cloud,2024-01-01,10 Users,10.00,
      com.example.app,Cloud,2024-01-01,100 Users,190.00,
      com.example.app,Cloud,2024-01-01,250 Users,340.00,
      com.example.app,Cloud,2025-03-01,10 Users,12.00,
      com.example.app,Cloud,2025-03-01,100 Users,228.00,
      com.example.app,Cloud,2025-03-01,250 Users,408.00,
      com.example.app,Server,2020-01-01,10 Users,100.00,50.00
      com.example.app,Server,2020-01-01,100 Users,1000.00,500.00
      com.example.app,Server,2020-01-01,Unlimited Users,5000.00,2500.00
      com.example.app,Data Center,2024-01-01,50 Users,1000.00,
      """;

  static PriceBook book() {
    return PriceBookCsv.read(BOOK, "book.csv");
  }

  static PriceAudit.Line audit(TransactionLine line, TransactionLine... others) {
    return auditWith(List.of(), line, others);
  }

  static PriceAudit.Line auditWith(
      List<License> licenses, TransactionLine line, TransactionLine... others) {
    List<TransactionLine> all = new java.util.ArrayList<>(List.of(others));
    all.add(line);
    PriceAudit.Result result = PriceAudit.audit(book(), all, licenses);
    return result.lines().stream()
        .filter(l -> l.lineItemId().equals(line.lineItemId().value()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  @DisplayName("SR-C1: a cloud annual term lists at 10 × the monthly price of its tier")
  void cloudAnnualIsTenTimesMonthly() {
    PriceAudit.Line line =
        audit(sale("1", SaleType.NEW, "2024-06-01", "2025-06-01", "1900.00").build());
    assertThat(line.termPrice()).isEqualTo(190_000L);
    assertThat(line.expectedList()).isEqualTo(190_000L);
    assertThat(line.rule()).isEqualTo(PriceAudit.Rule.LIST_PRICE);
    assertThat(line.explained()).isTrue();
  }

  @Test
  @DisplayName("SR-C1: a cloud annual term at 12 × monthly is listed with the arithmetic")
  void twelveTimesMonthlyIsUnexplained() {
    PriceAudit.Line line =
        audit(sale("1", SaleType.NEW, "2024-06-01", "2025-06-01", "2280.00").build());
    assertThat(line.explained()).isFalse();
    assertThat(line.rule()).isEqualTo(PriceAudit.Rule.DIFFERENCE);
    assertThat(line.expectedPurchase()).isEqualTo(190_000L);
    assertThat(line.actual()).isEqualTo(228_000L);
    assertThat(line.difference()).isEqualTo(38_000L);
    assertThat(line.arithmetic()).contains("$1900.00").contains("10 × monthly, SR-C1");
    assertThat(line.tried()).isEqualTo("list price");
  }

  @Test
  @DisplayName("Per-unit pricing: 37 users a month cost $10 + 27 × $2 = $64")
  void perUnitMonthly() {
    PriceAudit.Line line =
        audit(
            sale("1", SaleType.NEW, "2024-06-01", "2024-07-01", "64.00")
                .monthly()
                .tier("Per Unit Pricing (37 Users)")
                .build());
    assertThat(line.expectedList()).isEqualTo(6_400L);
    assertThat(line.explained()).isTrue();
  }

  @Test
  @DisplayName("Proration: 16 days of a $64 month list at $64 × 12 × 16 / 365 = $33.67")
  void proratedMonth() {
    PriceAudit.Line line =
        audit(
            sale("1", SaleType.NEW, "2024-06-15", "2024-07-01", "33.67")
                .monthly()
                .tier("Per Unit Pricing (37 Users)")
                .build());
    assertThat(line.rule()).isEqualTo(PriceAudit.Rule.PRORATED);
    assertThat(line.expectedList()).isEqualTo(3_367L);
    assertThat(line.explained()).isTrue();
  }

  @Test
  @DisplayName(
      "SR-C3: an existing customer renewing on the same tier 40 days after a rise pays the old price")
  void overrideInsideSixtyDays() {
    TransactionLine first = sale("7", SaleType.NEW, "2024-04-10", "2025-04-10", "1900.00").build();
    PriceAudit.Line line =
        audit(
            sale("7", SaleType.RENEWAL, "2025-04-10", "2026-04-10", "1900.00")
                .oldTier("100 Users")
                .build(),
            first);
    assertThat(line.rule()).isEqualTo(PriceAudit.Rule.OVERRIDE_EXISTING_CUSTOMER);
    assertThat(line.explained()).isTrue();
    assertThat(line.termPrice()).isEqualTo(190_000L);
    assertThat(line.arithmetic()).contains("kept until 2025-04-29");
  }

  @Test
  @DisplayName(
      "SR-C3: a renewal 70 days after a rise pays the new price; the old one is unexplained")
  void noOverrideOutsideSixtyDays() {
    TransactionLine first = sale("7", SaleType.NEW, "2024-05-10", "2025-05-10", "1900.00").build();
    PriceAudit.Line atNew =
        audit(
            sale("7", SaleType.RENEWAL, "2025-05-10", "2026-05-10", "2280.00")
                .oldTier("100 Users")
                .build(),
            first);
    assertThat(atNew.rule()).isEqualTo(PriceAudit.Rule.LIST_PRICE);
    assertThat(atNew.explained()).isTrue();
    PriceAudit.Line atOld =
        audit(
            sale("7", SaleType.RENEWAL, "2025-05-10", "2026-05-10", "1900.00")
                .oldTier("100 Users")
                .build(),
            first);
    assertThat(atOld.explained()).isFalse();
    assertThat(atOld.difference()).isEqualTo(-38_000L);
    assertThat(atOld.tried()).isEqualTo("list price");
  }

  @Test
  @DisplayName(
      "SR-C3: the override needs the same tier: a renewal that changed tier at the old price is unexplained")
  void overrideNeedsTheSameTier() {
    TransactionLine first =
        sale("7", SaleType.NEW, "2024-04-10", "2025-04-10", "1000.00").tier("50 Users").build();
    PriceAudit.Line line =
        audit(
            sale("7", SaleType.RENEWAL, "2025-04-10", "2026-04-10", "1900.00")
                .oldTier("50 Users")
                .build(),
            first);
    assertThat(line.explained()).isFalse();
    assertThat(line.rule()).isEqualTo(PriceAudit.Rule.OVERRIDE_EXISTING_CUSTOMER);
    assertThat(line.arithmetic()).contains("not on the same tier");
  }

  @Test
  @DisplayName(
      "SR-C4: a cloud evaluator who started before the rise buys at the old price before the evaluation ends")
  void cloudEvaluatorOverride() {
    TransactionLine sale = sale("9", SaleType.NEW, "2025-03-20", "2026-03-20", "1900.00").build();
    PriceAudit.Line line =
        auditWith(List.of(Lines.evaluated("9", "2025-02-20", "2025-03-25")), sale);
    assertThat(line.rule()).isEqualTo(PriceAudit.Rule.OVERRIDE_CLOUD_EVALUATOR);
    assertThat(line.explained()).isTrue();
  }

  @Test
  @DisplayName(
      "SR-C4: without evaluation dates on the license the old price is reported as unproven")
  void evaluatorOverrideNeedsTheEvaluation() {
    PriceAudit.Line line =
        audit(sale("9", SaleType.NEW, "2025-03-20", "2026-03-20", "1900.00").build());
    assertThat(line.explained()).isFalse();
    assertThat(line.rule()).isEqualTo(PriceAudit.Rule.OVERRIDE_CLOUD_EVALUATOR);
    assertThat(line.arithmetic()).contains("no evaluation dates");
  }

  @Test
  @DisplayName(
      "SR-D6: purchasePrice 40.0 with discounts [EXPERT 10.0] lists at 50.0: list − discounts = purchase")
  void seedSampleExpertDiscount() {
    PriceBook sample =
        PriceBookCsv.read(
            "App Key,Hosting,Effective From,Tier,Price\ncom.example.sample,Cloud,2021-01-01,10 Users,50.00\n",
            "sample.csv");
    TransactionLine line =
        sale("3", SaleType.NEW, "2021-08-01", "2021-09-01", "40.00")
            .app("com.example.sample")
            .monthly()
            .tier("10 Users")
            .discount(DiscountType.EXPERT, "10.00")
            .partner(PartnerType.EXPERT)
            .build();
    PriceAudit.Line audited = PriceAudit.audit(sample, List.of(line), List.of()).lines().get(0);
    assertThat(audited.expectedList()).isEqualTo(5_000L);
    assertThat(audited.discounts()).isEqualTo(1_000L);
    assertThat(audited.expectedPurchase()).isEqualTo(4_000L);
    assertThat(audited.difference()).isZero();
    assertThat(audited.explained()).isTrue();
  }

  @Test
  @DisplayName(
      "SR-D7: an EXPERT discount on a sale without an Expert Solution Partner is unexplained")
  void expertDiscountNeedsAnExpertPartner() {
    PriceAudit.Line reseller =
        audit(
            sale("4", SaleType.NEW, "2024-06-01", "2025-06-01", "900.00")
                .hosting(Hosting.DATA_CENTER)
                .tier("50 Users")
                .discount(DiscountType.EXPERT, "100.00")
                .partner(PartnerType.RESELLER)
                .build());
    assertThat(reseller.rule()).isEqualTo(PriceAudit.Rule.EXPERT_WITHOUT_PARTNER);
    assertThat(reseller.explained()).isFalse();
    PriceAudit.Line expert =
        audit(
            sale("5", SaleType.NEW, "2024-06-01", "2025-06-01", "900.00")
                .hosting(Hosting.DATA_CENTER)
                .tier("50 Users")
                .discount(DiscountType.EXPERT, "100.00")
                .partner(PartnerType.EXPERT)
                .build());
    assertThat(expert.explained()).isTrue();
    assertThat(expert.expectedPurchase()).isEqualTo(90_000L);
  }

  @Test
  @DisplayName("SR-Z2 with SR-D1: a 100 % discount lists at the book price and purchases at $0")
  void fullDiscount() {
    PriceAudit.Line line =
        audit(
            sale("6", SaleType.NEW, "2024-06-01", "2025-06-01", "0.00")
                .hosting(Hosting.DATA_CENTER)
                .tier("50 Users")
                .discount(DiscountType.MARKETPLACE_PROMOTION, "1000.00")
                .build());
    assertThat(line.explained()).isTrue();
    assertThat(line.expectedPurchase()).isZero();
  }

  @Test
  @DisplayName("Server renewals list at the book's renewal price")
  void serverRenewalPrice() {
    PriceAudit.Line line =
        audit(
            sale("8", SaleType.RENEWAL, "2021-05-01", "2022-05-01", "500.00")
                .hosting(Hosting.SERVER)
                .oldTier("100 Users")
                .build());
    assertThat(line.termPrice()).isEqualTo(50_000L);
    assertThat(line.explained()).isTrue();
  }

  @Test
  @DisplayName("Upgrade: (new tier − old tier) × days left / 365, up to whole dollars")
  void upgrade() {
    TransactionLine first = sale("2", SaleType.NEW, "2024-06-01", "2025-06-01", "1900.00").build();
    // (3,400 − 1,900) × 182 / 365 = 747.94… → $748.
    PriceAudit.Line line =
        audit(
            sale("2", SaleType.UPGRADE, "2024-12-01", "2025-06-01", "748.00")
                .tier("250 Users")
                .oldTier("100 Users")
                .build(),
            first);
    assertThat(line.rule()).isEqualTo(PriceAudit.Rule.UPGRADE);
    assertThat(line.expectedList()).isEqualTo(74_800L);
    assertThat(line.explained()).isTrue();
  }

  @Test
  @DisplayName("Refunds: the original's whole purchase price, or its unused remainder")
  void refunds() {
    TransactionLine first = sale("2", SaleType.NEW, "2024-06-01", "2025-06-01", "1900.00").build();
    PriceAudit.Line full =
        audit(
            sale("2", SaleType.REFUND, "2024-06-01", "2025-06-01", "-1900.00")
                .soldOn("2024-06-10")
                .refundOf(first)
                .build(),
            first);
    assertThat(full.rule()).isEqualTo(PriceAudit.Rule.REFUND);
    assertThat(full.explained()).isTrue();
    // 1,900 × 300 / 365 = 1,561.64.
    PriceAudit.Line part =
        audit(
            sale("2", SaleType.REFUND, "2024-08-05", "2025-06-01", "-1561.64")
                .refundOf(first)
                .build(),
            first);
    assertThat(part.explained()).isTrue();
    assertThat(part.expectedList()).isEqualTo(-156_164L);
  }

  @Test
  @DisplayName("A sale of an app the book does not price is listed as having no price")
  void noPrice() {
    PriceAudit.Line line =
        audit(
            sale("1", SaleType.NEW, "2024-06-01", "2025-06-01", "10.00").app("com.other").build());
    assertThat(line.rule()).isEqualTo(PriceAudit.Rule.NO_PRICE);
    assertThat(line.explained()).isFalse();
  }

  @Test
  @DisplayName(
      "SR-C3 with SR-D8: a dual-licensing server year within 60 days of a rise lists at the old"
          + " full price, 100 % discounted")
  void dualLicensingAtTheOldFullPrice() {
    PriceBook book =
        PriceBookCsv.read(
            """
            App Key,Hosting,Effective From,Tier,Price,Renewal Price
            com.example.app,Server,2020-01-01,50 Users,237.00,118.50
            com.example.app,Server,2021-06-24,50 Users,280.00,140.00
            """,
            "server.csv");
    TransactionLine first =
        sale("4", SaleType.NEW, "2020-07-30", "2021-07-30", "237.00")
            .hosting(Hosting.SERVER)
            .tier("50 Users")
            .build();
    TransactionLine dual =
        sale("4", SaleType.RENEWAL, "2021-07-30", "2022-07-30", "0.00")
            .hosting(Hosting.SERVER)
            .tier("50 Users")
            .oldTier("50 Users")
            .discount(DiscountType.MANUAL, "237.00")
            .build();
    PriceAudit.Line line =
        PriceAudit.audit(book, List.of(first, dual), List.of()).lines().stream()
            .filter(l -> l.lineItemId().equals(dual.lineItemId().value()))
            .findFirst()
            .orElseThrow();
    assertThat(line.rule()).isEqualTo(PriceAudit.Rule.OVERRIDE_EXISTING_CUSTOMER);
    assertThat(line.explained()).isTrue();
    assertThat(line.expectedList()).isEqualTo(23_700L);
  }
}
