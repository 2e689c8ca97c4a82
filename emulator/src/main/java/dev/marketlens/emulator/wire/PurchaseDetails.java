package dev.marketlens.emulator.wire;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code purchaseDetails} of a transaction (spec §8.3). Money is in cents; refunds carry negative
 * {@code purchasePriceCents} and {@code vendorAmountCents}. The change fields ({@code changeIn*},
 * {@code old*}) are null on refunds. {@code partnerDiscountAmountCents} is Atlassian's legacy,
 * known-faulty field.
 */
public record PurchaseDetails(
    LocalDate saleDate,
    LicenseType licenseType,
    Hosting hosting,
    BillingPeriod billingPeriod,
    String changeInBillingPeriod,
    String oldBillingPeriod,
    Tier tier,
    ChangeInTier changeInTier,
    Tier oldTier,
    String parentProductName,
    String parentProductEdition,
    String changeInParentProductEdition,
    String oldParentProductEdition,
    long purchasePriceCents,
    long vendorAmountCents,
    Long partnerDiscountAmountCents,
    List<Discount> discounts,
    String refundReason,
    String creditNoteReason,
    SaleType saleType,
    LocalDate maintenanceStartDate,
    LocalDate maintenanceEndDate,
    PaymentTerms paymentTerms,
    OriginalTransaction originalTransactionDetails,
    List<ProratedDetail> proratedDetails) {

  public PurchaseDetails {
    discounts = discounts == null ? List.of() : List.copyOf(discounts);
    proratedDetails = proratedDetails == null ? List.of() : List.copyOf(proratedDetails);
  }

  /** These details with {@code proratedDetails} replaced. */
  public PurchaseDetails withProratedDetails(List<ProratedDetail> prorated) {
    return new PurchaseDetails(
        saleDate,
        licenseType,
        hosting,
        billingPeriod,
        changeInBillingPeriod,
        oldBillingPeriod,
        tier,
        changeInTier,
        oldTier,
        parentProductName,
        parentProductEdition,
        changeInParentProductEdition,
        oldParentProductEdition,
        purchasePriceCents,
        vendorAmountCents,
        partnerDiscountAmountCents,
        discounts,
        refundReason,
        creditNoteReason,
        saleType,
        maintenanceStartDate,
        maintenanceEndDate,
        paymentTerms,
        originalTransactionDetails,
        prorated);
  }

  /** Sum of {@code discounts[]}, in cents. */
  public long discountTotalCents() {
    long total = 0;
    for (Discount d : discounts) {
      total += d.amountCents();
    }
    return total;
  }

  /** Sum of the discounts of one type, in cents (0 when there are none). */
  public long discountCents(DiscountType type) {
    long total = 0;
    for (Discount d : discounts) {
      if (d.type() == type) {
        total += d.amountCents();
      }
    }
    return total;
  }
}
