package dev.marketlens.emulator.world;

import dev.marketlens.emulator.wire.BillingPeriod;
import dev.marketlens.emulator.wire.ChangeInTier;
import dev.marketlens.emulator.wire.ContactDetails;
import dev.marketlens.emulator.wire.Discount;
import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.LicenseIds;
import dev.marketlens.emulator.wire.LicenseType;
import dev.marketlens.emulator.wire.OriginalTransaction;
import dev.marketlens.emulator.wire.PartnerDetails;
import dev.marketlens.emulator.wire.PaymentStatus;
import dev.marketlens.emulator.wire.PaymentTerms;
import dev.marketlens.emulator.wire.ProratedDetail;
import dev.marketlens.emulator.wire.PurchaseDetails;
import dev.marketlens.emulator.wire.SaleType;
import dev.marketlens.emulator.wire.Tier;
import dev.marketlens.emulator.wire.Transaction;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The mutable state of a transaction line during simulation; snapshots become {@link Transaction}
 * versions.
 */
final class SaleState {
  String transactionId;
  String transactionLineItemId;
  LicenseIds ids;
  String addonKey;
  String productId;
  String addonName;
  String appEdition;
  PaymentStatus paymentStatus = PaymentStatus.PAID;
  List<String> cloudComplianceBoundaries;
  ContactDetails customerDetails;
  PartnerDetails partnerDetails;
  LocalDate saleDate;
  LicenseType licenseType = LicenseType.COMMERCIAL;
  Hosting hosting;
  BillingPeriod billingPeriod;
  String changeInBillingPeriod;
  String oldBillingPeriod;
  Tier tier;
  ChangeInTier changeInTier;
  Tier oldTier;
  String parentProductName;
  String parentProductEdition;
  String changeInParentProductEdition;
  String oldParentProductEdition;
  long purchasePriceCents;
  long vendorAmountCents;
  Long partnerDiscountAmountCents;
  List<Discount> discounts = List.of();
  String refundReason;
  String creditNoteReason;
  SaleType saleType;
  LocalDate maintenanceStartDate;
  LocalDate maintenanceEndDate;
  PaymentTerms paymentTerms;
  OriginalTransaction originalTransactionDetails;
  List<ProratedDetail> proratedDetails = List.of();

  Transaction snapshot(LocalDate lastUpdated) {
    return new Transaction(
        transactionId,
        transactionLineItemId,
        ids,
        addonKey,
        productId,
        addonName,
        lastUpdated,
        appEdition,
        paymentStatus,
        List.of(),
        null,
        cloudComplianceBoundaries,
        null,
        customerDetails,
        new PurchaseDetails(
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
            proratedDetails),
        partnerDetails);
  }

  /** Whether two versions differ in nothing but {@code lastUpdated}. */
  static boolean sameButLastUpdated(Transaction a, Transaction b) {
    return Objects.equals(a.transactionId(), b.transactionId())
        && Objects.equals(a.transactionLineItemId(), b.transactionLineItemId())
        && Objects.equals(a.ids(), b.ids())
        && Objects.equals(a.addonKey(), b.addonKey())
        && Objects.equals(a.productId(), b.productId())
        && Objects.equals(a.addonName(), b.addonName())
        && Objects.equals(a.appEdition(), b.appEdition())
        && Objects.equals(a.paymentStatus(), b.paymentStatus())
        && Objects.equals(a.dunningStatus(), b.dunningStatus())
        && Objects.equals(a.isInvoiceManual(), b.isInvoiceManual())
        && Objects.equals(a.cloudComplianceBoundaries(), b.cloudComplianceBoundaries())
        && Objects.equals(a.licenseLevel(), b.licenseLevel())
        && Objects.equals(a.customerDetails(), b.customerDetails())
        && Objects.equals(a.purchaseDetails(), b.purchaseDetails())
        && Objects.equals(a.partnerDetails(), b.partnerDetails());
  }
}
