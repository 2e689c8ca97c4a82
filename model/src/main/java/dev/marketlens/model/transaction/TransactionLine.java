package dev.marketlens.model.transaction;

import static dev.marketlens.model.ModelException.required;

import dev.marketlens.model.BillingPeriod;
import dev.marketlens.model.ChangeInTier;
import dev.marketlens.model.CustomerDetails;
import dev.marketlens.model.Discount;
import dev.marketlens.model.DiscountType;
import dev.marketlens.model.Hosting;
import dev.marketlens.model.LicenseType;
import dev.marketlens.model.ModelException;
import dev.marketlens.model.Money;
import dev.marketlens.model.Partner;
import dev.marketlens.model.PaymentStatus;
import dev.marketlens.model.SaleType;
import dev.marketlens.model.Tier;
import dev.marketlens.model.id.AppKey;
import dev.marketlens.model.id.LicenseIds;
import dev.marketlens.model.id.ProductId;
import dev.marketlens.model.id.TransactionId;
import dev.marketlens.model.id.TransactionLineItemId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One line of an order (spec §8.3–8.4). {@link #lineItemId()} is the row key; {@link
 * #transactionId()} repeats across the lines of one order (K1).
 *
 * <p>{@code purchasePrice} is already net of discounts and revenue share applies to it (SR-D6); the
 * list price is derived from it and {@code discounts} (SR-D1). The legacy {@code
 * partnerDiscountAmount} is faulty (K18, SR-D5) and kept only for display as {@code
 * legacyPartnerDiscountAmount}; nothing is computed from it.
 *
 * <p>Optional components are null when absent: {@code appName}, {@code productId}, {@code oldTier},
 * {@code changeInTier}, {@code legacyPartnerDiscountAmount}, {@code originalTransaction}, {@code
 * paymentStatus}, {@code partner}, {@code parentProduct}; {@code details} is {@link
 * SaleDetails#none()} when absent. {@code saleType} and {@code licenseType} may be null only on
 * manual invoices (spec §8.4).
 *
 * <p>{@code lastUpdated} is an {@code Instant}, as every audit time; the API sends a date, which
 * the reader places at the start of that day in UTC.
 */
public record TransactionLine(
    TransactionId transactionId,
    TransactionLineItemId lineItemId,
    LicenseIds licenseIds,
    AppKey app,
    String appName,
    ProductId productId,
    LocalDate saleDate,
    SaleType saleType,
    LicenseType licenseType,
    Hosting hosting,
    BillingPeriod billingPeriod,
    Tier tier,
    Tier oldTier,
    ChangeInTier changeInTier,
    Money purchasePrice,
    Money vendorAmount,
    List<Discount> discounts,
    Money legacyPartnerDiscountAmount,
    OriginalTransaction originalTransaction,
    LocalDate maintenanceStartDate,
    LocalDate maintenanceEndDate,
    PaymentStatus paymentStatus,
    CustomerDetails customer,
    Partner partner,
    ParentProduct parentProduct,
    Instant lastUpdated,
    boolean manualInvoice,
    SaleDetails details) {

  public TransactionLine {
    required("transactionId", transactionId);
    required("transactionLineItemId", lineItemId);
    String line = "transaction line " + lineItemId + " (" + transactionId + ")";
    required("license ids of " + line, licenseIds);
    required("addonKey of " + line, app);
    required("saleDate of " + line, saleDate);
    if (!manualInvoice) {
      required("saleType of " + line, saleType);
      required("licenseType of " + line, licenseType);
    }
    required("hosting of " + line, hosting);
    required("billingPeriod of " + line, billingPeriod);
    tier = tier == null ? Tier.undefined() : tier;
    required("purchasePrice of " + line, purchasePrice);
    required("vendorAmount of " + line, vendorAmount);
    required("maintenanceStartDate of " + line, maintenanceStartDate);
    required("maintenanceEndDate of " + line, maintenanceEndDate);
    required("lastUpdated of " + line, lastUpdated);
    discounts = discounts == null ? List.of() : canonical(discounts);
    customer = customer == null ? CustomerDetails.none() : customer;
    details = details == null ? SaleDetails.none() : details;

    if (maintenanceEndDate.isBefore(maintenanceStartDate)) {
      throw new ModelException(
          "maintenanceEndDate of " + line,
          maintenanceEndDate,
          "is before maintenanceStartDate " + maintenanceStartDate);
    }
    if (saleType == SaleType.REFUND) {
      requireNotPositive("purchasePrice of refund " + line, purchasePrice);
      requireNotPositive("vendorAmount of refund " + line, vendorAmount);
    } else if (saleType != null) {
      requireNotNegative("purchasePrice of " + saleType.wire() + " " + line, purchasePrice);
      requireNotNegative("vendorAmount of " + saleType.wire() + " " + line, vendorAmount);
    }
  }

  /** A line without the {@link SaleDetails} fields. */
  public TransactionLine(
      TransactionId transactionId,
      TransactionLineItemId lineItemId,
      LicenseIds licenseIds,
      AppKey app,
      String appName,
      ProductId productId,
      LocalDate saleDate,
      SaleType saleType,
      LicenseType licenseType,
      Hosting hosting,
      BillingPeriod billingPeriod,
      Tier tier,
      Tier oldTier,
      ChangeInTier changeInTier,
      Money purchasePrice,
      Money vendorAmount,
      List<Discount> discounts,
      Money legacyPartnerDiscountAmount,
      OriginalTransaction originalTransaction,
      LocalDate maintenanceStartDate,
      LocalDate maintenanceEndDate,
      PaymentStatus paymentStatus,
      CustomerDetails customer,
      Partner partner,
      ParentProduct parentProduct,
      Instant lastUpdated,
      boolean manualInvoice) {
    this(
        transactionId,
        lineItemId,
        licenseIds,
        app,
        appName,
        productId,
        saleDate,
        saleType,
        licenseType,
        hosting,
        billingPeriod,
        tier,
        oldTier,
        changeInTier,
        purchasePrice,
        vendorAmount,
        discounts,
        legacyPartnerDiscountAmount,
        originalTransaction,
        maintenanceStartDate,
        maintenanceEndDate,
        paymentStatus,
        customer,
        partner,
        parentProduct,
        lastUpdated,
        manualInvoice,
        null);
  }

  public boolean isRefund() {
    return saleType == SaleType.REFUND;
  }

  /** A line with no money in it, such as a 100 % discount (spec §8.4, SR-Z2). */
  public boolean isZeroDollar() {
    return purchasePrice.isZero() && vendorAmount.isZero();
  }

  /** The sum of all discounts, of every type. */
  public Money discountTotal() {
    return discounts.stream().map(Discount::amount).reduce(Money.ZERO, Money::plus);
  }

  /** The price before discounts: {@code purchasePrice} plus every discount (SR-D6). */
  public Money listPrice() {
    return purchasePrice.plus(discountTotal());
  }

  /** The discounts summed by type, as the CSV export flattens them; types absent are left out. */
  public Map<DiscountType, Money> discountsByType() {
    Map<DiscountType, Money> byType = new EnumMap<>(DiscountType.class);
    for (Discount discount : discounts) {
      byType.merge(discount.type(), discount.amount(), Money::plus);
    }
    return Collections.unmodifiableMap(byType);
  }

  /** The sum of the discounts of one type; zero when there is none. */
  public Money discountOf(DiscountType type) {
    return discountsByType().getOrDefault(type, Money.ZERO);
  }

  public Optional<OriginalTransaction> refundOf() {
    return Optional.ofNullable(originalTransaction);
  }

  public Optional<Partner> partnerDetails() {
    return Optional.ofNullable(partner);
  }

  /**
   * The discounts in one order whatever order they came in — by type, then amount, code and reason
   * — since the API's order means nothing and the CSV export lists them by type.
   */
  private static List<Discount> canonical(List<Discount> discounts) {
    if (discounts.size() < 2) {
      return List.copyOf(discounts);
    }
    Comparator<String> text = Comparator.nullsFirst(Comparator.naturalOrder());
    return discounts.stream()
        .sorted(
            Comparator.comparing(Discount::type)
                .thenComparing(Discount::amount)
                .thenComparing(Discount::code, text)
                .thenComparing(Discount::reason, text))
        .toList();
  }

  private static void requireNotPositive(String field, Money amount) {
    if (amount.isPositive()) {
      throw new ModelException(field, amount, "must be negative or zero (spec §8.4: refunds)");
    }
  }

  private static void requireNotNegative(String field, Money amount) {
    if (amount.isNegative()) {
      throw new ModelException(
          field, amount, "must not be negative: only refunds carry negative amounts (spec §8.4)");
    }
  }
}
