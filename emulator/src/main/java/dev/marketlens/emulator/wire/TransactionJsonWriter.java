package dev.marketlens.emulator.wire;

import static dev.marketlens.emulator.wire.WireJson.date;
import static dev.marketlens.emulator.wire.WireJson.money;
import static dev.marketlens.emulator.wire.WireJson.string;
import static dev.marketlens.emulator.wire.WireJson.wire;

import java.util.List;
import tools.jackson.core.JsonGenerator;

/**
 * Writes transactions as the JSON of the reporting API (spec §8.3, §8.5): the export body is a
 * top-level array of transaction objects, and {@link #writeRecord} writes one object into a
 * caller's generator (for the list envelope).
 *
 * <p>Properties follow the order of the spec §8.3 table; the identifiers of {@link LicenseIds} sit
 * flat at the top level ({@code cloudSiteHostname} is not a transaction field and is never
 * written). Null values, empty lists and objects with nothing in them are omitted: {@code
 * dunningStatus}, {@code purchaseDetails.discounts} and {@code purchaseDetails.proratedDetails} are
 * absent when empty ("empty/absent when none", spec §8.3). {@code productId} only in v3; {@code
 * isInvoiceManual} only when true. Money is written from cents as a JSON number in the live style
 * ({@code 40.0}, {@code 496.19}, {@code -34.0}; see {@link Cents}); discount amounts are positive.
 * Contacts carry {@code email} and {@code name} only.
 */
public final class TransactionJsonWriter extends JsonExportWriter<Transaction> {

  /**
   * A writer of transactions as served by {@code wire}'s API version ({@code withDataInsights} does
   * not apply).
   */
  public TransactionJsonWriter(WireFormat wire) {
    super(wire, "transaction");
  }

  @Override
  public void writeRecord(Transaction t, JsonGenerator g) {
    LicenseIds ids = t.ids();
    g.writeStartObject();
    string(g, "transactionId", t.transactionId());
    string(g, "transactionLineItemId", t.transactionLineItemId());
    WireJson.ids(g, ids, false);
    WireJson.app(g, wire, t.addonKey(), t.productId(), t.addonName());
    date(g, "lastUpdated", t.lastUpdated());
    string(g, "appEdition", t.appEdition());
    wire(g, "paymentStatus", t.paymentStatus());
    WireJson.dunningStatus(g, t.dunningStatus());
    if (Boolean.TRUE.equals(t.isInvoiceManual())) {
      g.writeBooleanProperty("isInvoiceManual", true);
    }
    WireJson.strings(g, "cloudComplianceBoundaries", t.cloudComplianceBoundaries());
    string(g, "licenseLevel", t.licenseLevel());
    WireJson.contactDetails(g, "customerDetails", t.customerDetails(), false);
    WireJson.partnerDetails(g, t.partnerDetails(), false);
    writePurchaseDetails(g, t.purchaseDetails(), t.transactionLineItemId());
    g.writeEndObject();
  }

  private void writePurchaseDetails(JsonGenerator g, PurchaseDetails p, String key) {
    if (p == null) {
      return;
    }
    g.writeObjectPropertyStart("purchaseDetails");
    date(g, "saleDate", p.saleDate());
    wire(g, "licenseType", p.licenseType());
    string(g, "hosting", wire.hosting(p.hosting(), key));
    wire(g, "billingPeriod", p.billingPeriod());
    string(g, "changeInBillingPeriod", p.changeInBillingPeriod());
    string(g, "oldBillingPeriod", p.oldBillingPeriod());
    WireJson.tier(g, "tier", p.tier());
    wire(g, "changeInTier", p.changeInTier());
    WireJson.tier(g, "oldTier", p.oldTier());
    string(g, "parentProductName", p.parentProductName());
    string(g, "parentProductEdition", p.parentProductEdition());
    string(g, "changeInParentProductEdition", p.changeInParentProductEdition());
    string(g, "oldParentProductEdition", p.oldParentProductEdition());
    money(g, "purchasePrice", p.purchasePriceCents());
    money(g, "vendorAmount", p.vendorAmountCents());
    if (p.partnerDiscountAmountCents() != null) {
      money(g, "partnerDiscountAmount", p.partnerDiscountAmountCents());
    }
    writeDiscounts(g, p.discounts());
    string(g, "refundReason", p.refundReason());
    string(g, "creditNoteReason", p.creditNoteReason());
    wire(g, "saleType", p.saleType());
    date(g, "maintenanceStartDate", p.maintenanceStartDate());
    date(g, "maintenanceEndDate", p.maintenanceEndDate());
    wire(g, "paymentTerms", p.paymentTerms());
    OriginalTransaction original = p.originalTransactionDetails();
    if (original != null) {
      g.writeObjectPropertyStart("originalTransactionDetails");
      string(g, "transactionId", original.transactionId());
      date(g, "saleDate", original.saleDate());
      g.writeEndObject();
    }
    writeProratedDetails(g, p.proratedDetails());
    g.writeEndObject();
  }

  private static void writeDiscounts(JsonGenerator g, List<Discount> discounts) {
    if (discounts.isEmpty()) {
      return;
    }
    g.writeArrayPropertyStart("discounts");
    for (Discount d : discounts) {
      g.writeStartObject();
      wire(g, "type", d.type());
      money(g, "amount", d.amountCents());
      string(g, "code", d.code());
      string(g, "reason", d.reason());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void writeProratedDetails(JsonGenerator g, List<ProratedDetail> prorated) {
    if (prorated.isEmpty()) {
      return;
    }
    g.writeArrayPropertyStart("proratedDetails");
    for (ProratedDetail d : prorated) {
      g.writeStartObject();
      g.writeNumberProperty("addedUsers", d.addedUsers());
      date(g, "date", d.date());
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
