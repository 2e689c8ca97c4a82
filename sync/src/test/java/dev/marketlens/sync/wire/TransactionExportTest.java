package dev.marketlens.sync.wire;

import static dev.marketlens.sync.wire.Exports.resource;
import static dev.marketlens.sync.wire.Exports.transactions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.model.BillingPeriod;
import dev.marketlens.model.ChangeInTier;
import dev.marketlens.model.Discount;
import dev.marketlens.model.DiscountType;
import dev.marketlens.model.Hosting;
import dev.marketlens.model.LicenseType;
import dev.marketlens.model.Money;
import dev.marketlens.model.PartnerType;
import dev.marketlens.model.PaymentStatus;
import dev.marketlens.model.SaleType;
import dev.marketlens.model.Tier;
import dev.marketlens.model.transaction.TransactionLine;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TransactionExportTest {

  @Test
  @DisplayName(
      "§8.3: a JSON sale with discounts of every type; partnerDiscountAmount is display only (K18)")
  void jsonSaleWithDiscounts() {
    ExportReader reader = resource("transactions-v2.json");
    assertThat(reader.kind()).isEqualTo(ExportKind.TRANSACTIONS);
    List<TransactionLine> lines = transactions(reader);
    assertThat(lines).hasSize(3);

    TransactionLine sale = lines.get(0);
    assertSale(sale);
    assertThat(sale.discounts())
        .containsExactlyInAnyOrder(
            new Discount(DiscountType.LOYALTY_DISCOUNT, Money.parse("10.10"), null, "RENEWAL"),
            new Discount(DiscountType.MARKETPLACE_PROMOTION, Money.parse("20"), "SPRING24", null),
            new Discount(DiscountType.EXPERT, Money.parse("30.25"), null, null),
            new Discount(DiscountType.MANUAL, Money.parse("40"), null, "GOODWILL"));
    assertThat(sale.customer().billingContact().email()).isEqualTo("billing@globex.example");
  }

  @Test
  @DisplayName("§8.5: the CSV discount columns become the model's discounts")
  void csvSaleWithDiscounts() {
    List<TransactionLine> lines = transactions(resource("transactions.csv"));
    assertThat(lines).hasSize(3);
    TransactionLine sale = lines.get(0);
    assertSale(sale);
    assertThat(sale.discounts())
        .containsExactlyInAnyOrder(
            new Discount(DiscountType.LOYALTY_DISCOUNT, Money.parse("10.10"), null, "RENEWAL"),
            new Discount(DiscountType.MARKETPLACE_PROMOTION, Money.parse("20"), "SPRING24", null),
            new Discount(DiscountType.EXPERT, Money.parse("30.25"), null, null),
            new Discount(DiscountType.MANUAL, Money.parse("40"), null, "GOODWILL"));
    assertThat(sale.paymentStatus()).isEqualTo(PaymentStatus.PAID);
  }

  private static void assertSale(TransactionLine sale) {
    assertThat(sale.transactionId().value()).isEqualTo("AT-1001");
    assertThat(sale.lineItemId().value()).isEqualTo("5001");
    assertThat(sale.licenseIds().addonLicenseId().value()).isEqualTo("2205182");
    assertThat(sale.licenseIds().licenseId().value()).isEqualTo("SEN-L123456");
    assertThat(sale.app().value()).isEqualTo("com.acme.planner");
    assertThat(sale.appName()).isEqualTo("Acme Planner");
    assertThat(sale.saleDate()).isEqualTo(LocalDate.of(2024, 3, 1));
    assertThat(sale.saleType()).isEqualTo(SaleType.NEW);
    assertThat(sale.licenseType()).isEqualTo(LicenseType.COMMERCIAL);
    assertThat(sale.hosting()).isEqualTo(Hosting.DATA_CENTER);
    assertThat(sale.billingPeriod()).isEqualTo(BillingPeriod.ANNUAL);
    assertThat(sale.tier()).isEqualTo(Tier.users(500));
    assertThat(sale.oldTier()).isNull();
    assertThat(sale.changeInTier()).isNull();
    assertThat(sale.purchasePrice()).isEqualTo(Money.ofCents(100_050));
    assertThat(sale.vendorAmount()).isEqualTo(Money.ofCents(85_043));
    assertThat(sale.legacyPartnerDiscountAmount()).isEqualTo(Money.ofCents(9_900));
    assertThat(sale.discountTotal()).isEqualTo(Money.ofCents(10_035));
    assertThat(sale.listPrice()).isEqualTo(Money.ofCents(110_085));
    assertThat(sale.maintenanceStartDate()).isEqualTo(LocalDate.of(2024, 3, 1));
    assertThat(sale.maintenanceEndDate()).isEqualTo(LocalDate.of(2025, 3, 1));
    assertThat(sale.lastUpdated()).isEqualTo(Instant.parse("2024-03-02T00:00:00Z"));
    assertThat(sale.customer().company()).isEqualTo("Globex");
    assertThat(sale.customer().technicalContact().isRedacted()).as("K20").isTrue();
    assertThat(sale.partner().type()).isEqualTo(PartnerType.RESELLER);
    assertThat(sale.partner().name()).isEqualTo("Solutions Ltd");
    assertThat(sale.originalTransaction()).isNull();
    assertThat(sale.manualInvoice()).isFalse();
  }

  @Test
  @DisplayName("§8.4: a refund has negative amounts and names the original transaction")
  void refunds() {
    for (String file : List.of("transactions-v2.json", "transactions.csv")) {
      TransactionLine refund = transactions(resource(file)).get(1);
      assertThat(refund.isRefund()).as(file).isTrue();
      assertThat(refund.purchasePrice()).as(file).isEqualTo(Money.ofCents(-100_050));
      assertThat(refund.vendorAmount()).as(file).isEqualTo(Money.ofCents(-85_043));
      assertThat(refund.originalTransaction().transactionId().value()).isEqualTo("AT-1001");
      assertThat(refund.originalTransaction().saleDate()).isEqualTo(LocalDate.of(2024, 3, 1));
      assertThat(refund.oldTier()).as(file + ": empty is absent").isNull();
      assertThat(refund.discounts()).isEmpty();
      assertThat(refund.legacyPartnerDiscountAmount()).isNull();
    }
  }

  @Test
  @DisplayName("§8.4, SR-Z: a $0 dual-licensing upgrade; zero CSV discount amounts are no discount")
  void zeroDollar() {
    for (String file : List.of("transactions-v2.json", "transactions.csv")) {
      TransactionLine zero = transactions(resource(file)).get(2);
      assertThat(zero.isZeroDollar()).as(file).isTrue();
      assertThat(zero.transactionId().value()).isEqualTo("IN-EU-77");
      assertThat(zero.lineItemId().value()).isEqualTo("9c1d3e5f-1a2b-4c3d-8e9f-0a1b2c3d4e5f");
      assertThat(zero.discounts())
          .as(file)
          .containsExactly(
              new Discount(DiscountType.MANUAL, Money.parse("55.50"), null, "DUAL_LICENSING"));
      assertThat(zero.listPrice()).isEqualTo(Money.ofCents(5_550));
      assertThat(zero.saleType()).isEqualTo(SaleType.UPGRADE);
      assertThat(zero.tier()).isEqualTo(Tier.users(25));
      assertThat(zero.oldTier()).isEqualTo(Tier.users(10));
      assertThat(zero.changeInTier()).isEqualTo(ChangeInTier.INCREASE);
      assertThat(zero.billingPeriod()).isEqualTo(BillingPeriod.MONTHLY);
      assertThat(zero.parentProduct().name()).isEqualTo("Confluence");
      assertThat(zero.parentProduct().edition()).isEqualTo("Standard");
      assertThat(zero.parentProduct().oldEdition()).isEqualTo("Free");
      assertThat(zero.licenseIds().appEntitlementNumber().value()).isEqualTo("E-3QX-TY2-8RN-9KP");
    }
  }

  @Test
  @DisplayName("RFC 4180: a quoted CSV value with a newline and doubled quotes is one value")
  void multiLineCsvValue() {
    TransactionLine zero = transactions(resource("transactions.csv")).get(2);
    assertThat(zero.customer().company()).isEqualTo("Initech \"Labs\"\r\nBuilding 2");
    assertThat(zero.customer().country()).isEqualTo("United States");
  }

  @Test
  @DisplayName("§12: a v3 transaction carries productId; a manual invoice may lack saleType (§8.4)")
  void v3ManualInvoice() {
    TransactionLine line = transactions(resource("transactions-v3.json")).get(0);
    assertThat(line.productId().value()).isEqualTo("0f6b6f0e-1b4f-4f5e-9b7a-4b6d0a3e2c44");
    assertThat(line.manualInvoice()).isTrue();
    assertThat(line.saleType()).isNull();
    assertThat(line.licenseType()).isNull();
    assertThat(line.tier()).isEqualTo(Tier.unlimitedUsers());
    assertThat(line.purchasePrice()).isEqualTo(Money.ofCents(1_234));
    assertThat(line.licenseIds().cloudId().value())
        .isEqualTo("8b3e3c74-8b5a-4f5e-9b7a-4b6d0a3e2c33");
  }

  @Test
  @DisplayName("§8.5: CSV columns mapped by name in any order; optional columns may be missing")
  void shuffledCsv() {
    TransactionLine line = transactions(resource("transactions-shuffled.csv")).get(0);
    assertThat(line.transactionId().value()).isEqualTo("AT-3001");
    assertThat(line.lineItemId().value()).isEqualTo("7001");
    assertThat(line.saleType()).isEqualTo(SaleType.RENEWAL);
    assertThat(line.licenseType()).isEqualTo(LicenseType.ACADEMIC);
    assertThat(line.purchasePrice()).isEqualTo(Money.ofCents(2_000));
    assertThat(line.vendorAmount()).isEqualTo(Money.ofCents(1_700));
    assertThat(line.discounts())
        .containsExactly(Discount.of(DiscountType.EXPERT, Money.ofCents(550)));
    assertThat(line.tier().isDefined()).isFalse();
    assertThat(line.customer().company()).isNull();
    assertThat(line.partner()).isNull();
    assertThat(line.paymentStatus()).isNull();
  }

  @Test
  @DisplayName("§4.1: JSON money is parsed as decimal text, never binary float")
  void jsonMoneyIsExact() {
    String json =
        "[{\"transactionId\":\"AT-1\",\"transactionLineItemId\":\"1\",\"addonLicenseId\":\"4\","
            + "\"addonKey\":\"a\",\"lastUpdated\":\"2024-01-01\",\"purchaseDetails\":{"
            + "\"saleDate\":\"2024-01-01\",\"saleType\":\"New\",\"licenseType\":\"COMMERCIAL\","
            + "\"hosting\":\"Server\",\"billingPeriod\":\"Annual\",\"maintenanceStartDate\":"
            + "\"2024-01-01\",\"maintenanceEndDate\":\"2025-01-01\","
            + "\"purchasePrice\":90071992547409.93,\"vendorAmount\":0.1}}]";
    TransactionLine line = transactions(Exports.text("response", json)).get(0);
    assertThat(line.purchasePrice()).isEqualTo(Money.ofCents(9_007_199_254_740_993L));
    assertThat(line.vendorAmount()).isEqualTo(Money.ofCents(10));
  }
}
