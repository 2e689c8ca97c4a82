package dev.marketlens.emulator.wire;

import java.time.LocalDate;
import java.util.List;

/**
 * One transaction line exactly as the reporting API returns it (spec §8.3). {@code transactionId}
 * is the order or invoice and repeats across the lines of a multi-app order; {@code
 * transactionLineItemId} is the row key. {@code productId} is served by v3 only.
 */
public record Transaction(
    String transactionId,
    String transactionLineItemId,
    LicenseIds ids,
    String addonKey,
    String productId,
    String addonName,
    LocalDate lastUpdated,
    String appEdition,
    PaymentStatus paymentStatus,
    List<DunningAttempt> dunningStatus,
    Boolean isInvoiceManual,
    List<String> cloudComplianceBoundaries,
    String licenseLevel,
    ContactDetails customerDetails,
    PurchaseDetails purchaseDetails,
    PartnerDetails partnerDetails) {

  public Transaction {
    dunningStatus = dunningStatus == null ? List.of() : List.copyOf(dunningStatus);
  }

  /** This line with {@code purchaseDetails} replaced. */
  public Transaction withPurchaseDetails(PurchaseDetails details) {
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
        dunningStatus,
        isInvoiceManual,
        cloudComplianceBoundaries,
        licenseLevel,
        customerDetails,
        details,
        partnerDetails);
  }
}
