package dev.marketlens.model.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketlens.model.BillingPeriod;
import dev.marketlens.model.ChangeInTier;
import dev.marketlens.model.Discount;
import dev.marketlens.model.DiscountType;
import dev.marketlens.model.Hosting;
import dev.marketlens.model.LicenseType;
import dev.marketlens.model.ModelException;
import dev.marketlens.model.Money;
import dev.marketlens.model.PaymentStatus;
import dev.marketlens.model.SaleType;
import dev.marketlens.model.Tier;
import dev.marketlens.model.id.AddonLicenseId;
import dev.marketlens.model.id.AppKey;
import dev.marketlens.model.id.LicenseId;
import dev.marketlens.model.id.LicenseIds;
import dev.marketlens.model.id.TransactionId;
import dev.marketlens.model.id.TransactionLineItemId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TransactionLineTest {

  private static final LocalDate START = LocalDate.of(2025, 1, 1);
  private static final LocalDate END = LocalDate.of(2026, 1, 1);

  private static TransactionLine line(
      String lineItemId,
      SaleType saleType,
      String purchasePrice,
      String vendorAmount,
      List<Discount> discounts,
      LocalDate start,
      LocalDate end,
      OriginalTransaction original) {
    return new TransactionLine(
        TransactionId.of("AT-12345"),
        TransactionLineItemId.of(lineItemId),
        LicenseIds.ofServer(AddonLicenseId.of("12345"), LicenseId.of("SEN-12345")),
        AppKey.of("com.example.timesheets"),
        "Timesheets",
        null,
        LocalDate.of(2025, 1, 3),
        saleType,
        LicenseType.COMMERCIAL,
        Hosting.DATA_CENTER,
        BillingPeriod.ANNUAL,
        Tier.parse("50 Users"),
        null,
        null,
        Money.parse(purchasePrice),
        Money.parse(vendorAmount),
        discounts,
        null,
        original,
        start,
        end,
        PaymentStatus.PAID,
        null,
        null,
        null,
        Instant.parse("2025-01-04T00:00:00Z"),
        false);
  }

  private static TransactionLine sale(String price, String vendor, List<Discount> discounts) {
    return line("1001", SaleType.NEW, price, vendor, discounts, START, END, null);
  }

  @Test
  @DisplayName("SR-D6: purchasePrice is net of discounts; list price = purchase + discounts")
  void listPriceAddsTheDiscountsBack() {
    TransactionLine line =
        sale("40.0", "34.0", List.of(Discount.of(DiscountType.EXPERT, Money.parse("10.0"))));
    assertThat(line.listPrice()).isEqualTo(Money.parse("50.00"));
    assertThat(line.discountTotal()).isEqualTo(Money.parse("10.00"));
    assertThat(line.discountOf(DiscountType.EXPERT)).isEqualTo(Money.parse("10.00"));
    assertThat(line.discountOf(DiscountType.LOYALTY_DISCOUNT)).isEqualTo(Money.ZERO);
    assertThat(line.isZeroDollar()).isFalse();
  }

  @Test
  @DisplayName("SR-D1, SR-D3: discounts are summed by type, as the CSV flattens them")
  void discountsByType() {
    TransactionLine line =
        sale(
            "100.0",
            "85.0",
            List.of(
                Discount.of(DiscountType.LOYALTY_DISCOUNT, Money.parse("5.0")),
                Discount.of(DiscountType.LOYALTY_DISCOUNT, Money.parse("2.5")),
                new Discount(
                    DiscountType.MARKETPLACE_PROMOTION, Money.parse("20"), "SPRING25", null)));
    assertThat(line.discountsByType())
        .containsExactly(
            Map.entry(DiscountType.LOYALTY_DISCOUNT, Money.parse("7.50")),
            Map.entry(DiscountType.MARKETPLACE_PROMOTION, Money.parse("20.00")));
    assertThat(line.listPrice()).isEqualTo(Money.parse("127.50"));
    assertThatThrownBy(() -> line.discountsByType().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  @DisplayName("K18, SR-D5: the legacy partnerDiscountAmount is kept for display, never used")
  void legacyPartnerDiscountIsNotADiscount() {
    TransactionLine base = sale("40.0", "34.0", List.of());
    TransactionLine line =
        new TransactionLine(
            base.transactionId(),
            base.lineItemId(),
            base.licenseIds(),
            base.app(),
            base.appName(),
            base.productId(),
            base.saleDate(),
            base.saleType(),
            base.licenseType(),
            base.hosting(),
            base.billingPeriod(),
            base.tier(),
            base.oldTier(),
            base.changeInTier(),
            base.purchasePrice(),
            base.vendorAmount(),
            base.discounts(),
            Money.parse("10.0"),
            null,
            base.maintenanceStartDate(),
            base.maintenanceEndDate(),
            base.paymentStatus(),
            base.customer(),
            null,
            null,
            base.lastUpdated(),
            false);
    assertThat(line.legacyPartnerDiscountAmount()).isEqualTo(Money.parse("10.0"));
    assertThat(line.listPrice()).isEqualTo(Money.parse("40.00"));
    assertThat(line.discountsByType()).isEmpty();
  }

  @Test
  @DisplayName("SR-Z2, spec §8.4: a 100 % discount is a $0 line whose list price is the discount")
  void zeroDollarLine() {
    TransactionLine line =
        sale(
            "0",
            "0.0",
            List.of(
                new Discount(DiscountType.MANUAL, Money.parse("496.19"), null, "DUAL_LICENSING")));
    assertThat(line.isZeroDollar()).isTrue();
    assertThat(line.listPrice()).isEqualTo(Money.parse("496.19"));
  }

  @Test
  @DisplayName("spec §8.4: a refund carries negative amounts and links its original transaction")
  void refundLine() {
    OriginalTransaction original =
        new OriginalTransaction(TransactionId.of("AT-12000"), LocalDate.of(2024, 12, 20));
    TransactionLine refund =
        line("1002", SaleType.REFUND, "-40.0", "-34.0", List.of(), START, END, original);
    assertThat(refund.isRefund()).isTrue();
    assertThat(refund.refundOf()).hasValue(original);
    assertThat(refund.purchasePrice().isNegative()).isTrue();
  }

  @Test
  @DisplayName("spec §8.4: a refund of a $0 line is zero, which is allowed")
  void zeroRefund() {
    assertThat(line("1003", SaleType.REFUND, "0", "0", List.of(), START, END, null).isZeroDollar())
        .isTrue();
  }

  @Test
  @DisplayName("invariant, spec §8.4: a refund with a positive amount is rejected")
  void refundWithPositiveAmountIsRejected() {
    assertThatThrownBy(
            () -> line("1004", SaleType.REFUND, "40.0", "-34.0", List.of(), START, END, null))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("purchasePrice of refund")
        .hasMessageContaining("1004")
        .hasMessageContaining("\"40.00\"");
    assertThatThrownBy(
            () -> line("1005", SaleType.REFUND, "-40.0", "34.0", List.of(), START, END, null))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("vendorAmount of refund");
  }

  @Test
  @DisplayName("invariant, spec §8.4: only refunds carry negative amounts")
  void negativeNonRefundIsRejected() {
    assertThatThrownBy(
            () -> line("1006", SaleType.RENEWAL, "-40.0", "-34.0", List.of(), START, END, null))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("purchasePrice of Renewal")
        .hasMessageContaining("only refunds");
    assertThatThrownBy(() -> sale("40.0", "-34.0", List.of()))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("vendorAmount of New");
  }

  @Test
  @DisplayName("invariant: maintenance does not end before it starts")
  void maintenanceEndNotBeforeStart() {
    assertThatThrownBy(() -> line("1007", SaleType.NEW, "40", "34", List.of(), END, START, null))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("maintenanceEndDate of transaction line 1007 (AT-12345)")
        .hasMessageContaining(START.toString());
  }

  @Test
  @DisplayName("spec §8.4: upgrades record the old tier and the change")
  void upgradeRecordsTheOldTier() {
    TransactionLine base = sale("40.0", "34.0", List.of());
    TransactionLine upgrade =
        new TransactionLine(
            base.transactionId(),
            base.lineItemId(),
            base.licenseIds(),
            base.app(),
            base.appName(),
            base.productId(),
            base.saleDate(),
            SaleType.UPGRADE,
            base.licenseType(),
            base.hosting(),
            base.billingPeriod(),
            Tier.parse("100 Users"),
            Tier.parse("50 Users"),
            ChangeInTier.fromWire("Increase"),
            base.purchasePrice(),
            base.vendorAmount(),
            base.discounts(),
            null,
            null,
            base.maintenanceStartDate(),
            base.maintenanceEndDate(),
            base.paymentStatus(),
            base.customer(),
            null,
            new ParentProduct("Jira", "Premium", "Standard"),
            base.lastUpdated(),
            false);
    assertThat(upgrade.oldTier().users()).hasValue(50);
    assertThat(upgrade.changeInTier()).isEqualTo(ChangeInTier.INCREASE);
    assertThat(upgrade.parentProduct().editionChanged()).isTrue();
  }

  @Test
  @DisplayName("spec §8.4: manual invoices may lack sale type and license type; others may not")
  void manualInvoices() {
    TransactionLine base = sale("40.0", "34.0", List.of());
    TransactionLine manual =
        new TransactionLine(
            base.transactionId(),
            base.lineItemId(),
            base.licenseIds(),
            base.app(),
            base.appName(),
            base.productId(),
            base.saleDate(),
            null,
            null,
            base.hosting(),
            base.billingPeriod(),
            base.tier(),
            null,
            null,
            base.purchasePrice(),
            base.vendorAmount(),
            null,
            null,
            null,
            base.maintenanceStartDate(),
            base.maintenanceEndDate(),
            null,
            null,
            null,
            null,
            base.lastUpdated(),
            true);
    assertThat(manual.manualInvoice()).isTrue();
    assertThat(manual.discounts()).isEmpty();
    assertThatThrownBy(() -> line("1008", null, "40", "34", List.of(), START, END, null))
        .isInstanceOf(ModelException.class)
        .hasMessage("saleType of transaction line 1008 (AT-12345): null is required");
  }

  @Test
  @DisplayName("K1: two lines of one order share a transaction id and differ by line item id")
  void linesOfOneOrder() {
    TransactionLine first = line("1001", SaleType.NEW, "40", "34", List.of(), START, END, null);
    TransactionLine second = line("1002", SaleType.NEW, "20", "17", List.of(), START, END, null);
    assertThat(first.transactionId()).isEqualTo(second.transactionId());
    assertThat(first.lineItemId()).isNotEqualTo(second.lineItemId());
  }

  @Test
  @DisplayName("the discounts are copied: changing the caller's list does not change the line")
  void discountsAreImmutable() {
    List<Discount> discounts = new ArrayList<>();
    discounts.add(Discount.of(DiscountType.EXPERT, Money.parse("10.0")));
    TransactionLine line = sale("40.0", "34.0", discounts);
    discounts.clear();
    assertThat(line.discounts()).hasSize(1);
    assertThatThrownBy(() -> line.discounts().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  @DisplayName("discounts are held in one order, by type then amount, whatever order they came in")
  void discountsInCanonicalOrder() {
    Discount manual = new Discount(DiscountType.MANUAL, Money.parse("5"), null, "GOODWILL");
    Discount loyaltySmall =
        new Discount(DiscountType.LOYALTY_DISCOUNT, Money.parse("1"), null, null);
    Discount loyaltyBig = new Discount(DiscountType.LOYALTY_DISCOUNT, Money.parse("2"), null, null);
    Discount expert = new Discount(DiscountType.EXPERT, Money.parse("3"), null, null);

    TransactionLine a = sale("100", "85", List.of(manual, loyaltyBig, expert, loyaltySmall));
    TransactionLine b = sale("100", "85", List.of(loyaltySmall, expert, loyaltyBig, manual));

    assertThat(a.discounts()).containsExactly(loyaltySmall, loyaltyBig, expert, manual);
    assertThat(a).isEqualTo(b);
  }
}
