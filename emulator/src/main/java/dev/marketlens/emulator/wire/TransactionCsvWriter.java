package dev.marketlens.emulator.wire;

import static dev.marketlens.emulator.wire.WireCsv.column;
import static dev.marketlens.emulator.wire.WireCsv.contact;
import static dev.marketlens.emulator.wire.WireCsv.date;
import static dev.marketlens.emulator.wire.WireCsv.details;
import static dev.marketlens.emulator.wire.WireCsv.ids;
import static dev.marketlens.emulator.wire.WireCsv.partner;
import static dev.marketlens.emulator.wire.WireCsv.wire;

import dev.marketlens.emulator.wire.WireCsv.Column;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * Writes transactions as the CSV export of the reporting API (spec §8.5): a header row of camelCase
 * names, then one row per transaction line, RFC 4180 with CRLF row ends, every field double-quoted
 * (empty ones as {@code ""}), line breaks kept inside the quotes, null as an empty field. Columns
 * are exactly {@link #COLUMNS}; there is never a {@code productId} column. The writer streams row
 * by row.
 *
 * <p>Money is written from cents in the JSON style ({@code 40.0}, {@code -34.0}, {@code 0.0}).
 * {@code purchaseDetails.discounts[]} is flattened per type: {@code <prefix>DiscountAmount} is the
 * sum of that type's amounts (empty when the row has none of that type), {@code
 * <prefix>DiscountReason} and {@code marketplacePromotionDiscountCode} the reasons or codes of that
 * type, distinct, in order, joined with {@code "; "}. {@code dunningStatus} is the compact JSON
 * text of the array, empty when there were no failed payments.
 */
public final class TransactionCsvWriter implements ExportWriter<Transaction> {

  /** Separator of several distinct discount reasons or codes of one type in one cell. */
  public static final String MULTI_VALUE_SEPARATOR = "; ";

  private static final List<Column<Transaction>> ALL =
      List.of(
          purchase("saleDate", p -> date(p.saleDate())),
          column("transactionId", Transaction::transactionId),
          column("addonLicenseId", t -> ids(t.ids()).addonLicenseId()),
          column("hostLicenseId", t -> ids(t.ids()).hostLicenseId()),
          column("licenseId", t -> ids(t.ids()).licenseId()),
          column("addonName", Transaction::addonName),
          column("addonKey", Transaction::addonKey),
          purchase("licenseType", p -> wire(p.licenseType())),
          purchase("hosting", p -> wire(p.hosting())),
          purchase("changeInBillingPeriod", PurchaseDetails::changeInBillingPeriod),
          purchase("oldBillingPeriod", PurchaseDetails::oldBillingPeriod),
          purchase("billingPeriod", p -> wire(p.billingPeriod())),
          purchase("changeInTier", p -> wire(p.changeInTier())),
          purchase("oldTier", p -> WireCsv.tier(p.oldTier())),
          purchase("tier", p -> WireCsv.tier(p.tier())),
          column("appEntitlementId", t -> ids(t.ids()).appEntitlementId()),
          column("appEntitlementNumber", t -> ids(t.ids()).appEntitlementNumber()),
          purchase("parentProductName", PurchaseDetails::parentProductName),
          purchase("changeInParentProductEdition", PurchaseDetails::changeInParentProductEdition),
          purchase("oldParentProductEdition", PurchaseDetails::oldParentProductEdition),
          purchase("parentProductEdition", PurchaseDetails::parentProductEdition),
          column("hostEntitlementId", t -> ids(t.ids()).hostEntitlementId()),
          column("hostEntitlementNumber", t -> ids(t.ids()).hostEntitlementNumber()),
          column("cloudId", t -> ids(t.ids()).cloudId()),
          purchase("maintenanceStartDate", p -> date(p.maintenanceStartDate())),
          purchase("maintenanceEndDate", p -> date(p.maintenanceEndDate())),
          purchase("saleType", p -> wire(p.saleType())),
          purchase("purchasePrice", p -> Cents.toDecimalString(p.purchasePriceCents())),
          purchase("vendorAmount", p -> Cents.toDecimalString(p.vendorAmountCents())),
          purchase("partnerDiscountAmount", p -> WireCsv.money(p.partnerDiscountAmountCents())),
          column("paymentStatus", t -> wire(t.paymentStatus())),
          column(
              "dunningStatus",
              t -> t.dunningStatus().isEmpty() ? null : WireJson.dunningJson(t.dunningStatus())),
          purchase("refundReason", PurchaseDetails::refundReason),
          purchase("creditNoteReason", PurchaseDetails::creditNoteReason),
          discountAmount(DiscountType.LOYALTY_DISCOUNT),
          discountReason(DiscountType.LOYALTY_DISCOUNT),
          discountAmount(DiscountType.MARKETPLACE_PROMOTION),
          purchase(
              DiscountType.MARKETPLACE_PROMOTION.csvPrefix() + "DiscountCode",
              p -> joined(p.discounts(), DiscountType.MARKETPLACE_PROMOTION, Discount::code)),
          discountReason(DiscountType.MARKETPLACE_PROMOTION),
          discountAmount(DiscountType.EXPERT),
          discountReason(DiscountType.EXPERT),
          discountAmount(DiscountType.MANUAL),
          discountReason(DiscountType.MANUAL),
          purchase("paymentTerms", p -> wire(p.paymentTerms())),
          purchase(
              "originalTransactionId",
              p ->
                  p.originalTransactionDetails() == null
                      ? null
                      : p.originalTransactionDetails().transactionId()),
          purchase(
              "originalTransactionSaleDate",
              p ->
                  p.originalTransactionDetails() == null
                      ? null
                      : date(p.originalTransactionDetails().saleDate())),
          column("company", t -> details(t.customerDetails()).company()),
          column("country", t -> details(t.customerDetails()).country()),
          column("region", t -> details(t.customerDetails()).region()),
          column(
              "technicalContactName",
              t -> contact(details(t.customerDetails()).technicalContact()).name()),
          column(
              "technicalContactEmail",
              t -> contact(details(t.customerDetails()).technicalContact()).email()),
          column(
              "billingContactName",
              t -> contact(details(t.customerDetails()).billingContact()).name()),
          column(
              "billingContactEmail",
              t -> contact(details(t.customerDetails()).billingContact()).email()),
          column("partnerType", t -> wire(partner(t.partnerDetails()).partnerType())),
          column("partnerName", t -> partner(t.partnerDetails()).partnerName()),
          column(
              "partnerContactEmail",
              t -> contact(partner(t.partnerDetails()).billingContact()).email()),
          column(
              "partnerContactName",
              t -> contact(partner(t.partnerDetails()).billingContact()).name()),
          column("lastUpdated", t -> date(t.lastUpdated())),
          column("transactionLineItemId", Transaction::transactionLineItemId),
          column("appEdition", Transaction::appEdition));

  /** The columns of a transaction export, in the live export's order (spec §8.5). */
  public static final List<String> COLUMNS = WireCsv.names(ALL);

  private static final WireCsv.Table<Transaction> TABLE = new WireCsv.Table<>(ALL);

  /**
   * A writer of transaction CSV (neither the API version nor {@code withDataInsights} changes the
   * columns).
   */
  public TransactionCsvWriter() {}

  @Override
  public ExportFormat format() {
    return ExportFormat.CSV;
  }

  @Override
  public void write(Iterator<? extends Transaction> transactions, OutputStream out) {
    TABLE.write(transactions, out);
  }

  private static Column<Transaction> purchase(
      String name, Function<PurchaseDetails, String> field) {
    return column(name, t -> t.purchaseDetails() == null ? null : field.apply(t.purchaseDetails()));
  }

  private static Column<Transaction> discountAmount(DiscountType type) {
    return purchase(
        type.csvPrefix() + "DiscountAmount",
        p -> {
          boolean any = false;
          long sum = 0;
          for (Discount d : p.discounts()) {
            if (d.type() == type) {
              any = true;
              sum += d.amountCents();
            }
          }
          return any ? Cents.toDecimalString(sum) : null;
        });
  }

  private static Column<Transaction> discountReason(DiscountType type) {
    return purchase(
        type.csvPrefix() + "DiscountReason", p -> joined(p.discounts(), type, Discount::reason));
  }

  /**
   * The distinct non-null values of one field over the discounts of one type, joined; null when
   * there are none.
   */
  private static String joined(
      List<Discount> discounts, DiscountType type, Function<Discount, String> field) {
    List<String> values = null;
    for (Discount d : discounts) {
      String value = d.type() == type ? field.apply(d) : null;
      if (value == null) {
        continue;
      }
      if (values == null) {
        values = new ArrayList<>(2);
      }
      if (!values.contains(value)) {
        values.add(value);
      }
    }
    return values == null ? null : String.join(MULTI_VALUE_SEPARATOR, values);
  }
}
