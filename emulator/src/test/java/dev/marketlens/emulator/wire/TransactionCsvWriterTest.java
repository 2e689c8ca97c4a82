package dev.marketlens.emulator.wire;

import static dev.marketlens.emulator.wire.Exports.csvHeader;
import static dev.marketlens.emulator.wire.Exports.csvRecords;
import static dev.marketlens.emulator.wire.Exports.json;
import static dev.marketlens.emulator.wire.Exports.onlyCsvRecord;
import static dev.marketlens.emulator.wire.Exports.write;
import static dev.marketlens.emulator.wire.LicenseCsvWriterTest.spec;
import static dev.marketlens.emulator.wire.WireFixtures.aCloudSale;
import static dev.marketlens.emulator.wire.WireFixtures.aDiscountedPartnerSale;
import static dev.marketlens.emulator.wire.WireFixtures.aDualLicensingSale;
import static dev.marketlens.emulator.wire.WireFixtures.aForgottenCustomer;
import static dev.marketlens.emulator.wire.WireFixtures.aRefundOf;
import static dev.marketlens.emulator.wire.WireFixtures.aSaleInDunning;
import static dev.marketlens.emulator.wire.WireFixtures.purchase;
import static dev.marketlens.emulator.wire.WireFixtures.withCustomer;
import static dev.marketlens.emulator.wire.WireFixtures.withPurchase;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@DisplayName("spec §8.5: transaction CSV export")
class TransactionCsvWriterTest {

  /** The observed v2 column order, copied verbatim from spec §8.5. */
  static final List<String> SPEC_COLUMNS =
      spec(
          """
          saleDate, transactionId, addonLicenseId, hostLicenseId, licenseId, addonName, addonKey, licenseType,
          hosting, changeInBillingPeriod, oldBillingPeriod, billingPeriod, changeInTier, oldTier, tier,
          appEntitlementId, appEntitlementNumber, parentProductName, changeInParentProductEdition,
          oldParentProductEdition, parentProductEdition, hostEntitlementId, hostEntitlementNumber, cloudId,
          maintenanceStartDate, maintenanceEndDate, saleType, purchasePrice, vendorAmount,
          partnerDiscountAmount, paymentStatus, dunningStatus, refundReason, creditNoteReason,
          loyaltyDiscountAmount, loyaltyDiscountReason, marketplacePromotionDiscountAmount,
          marketplacePromotionDiscountCode, marketplacePromotionDiscountReason, expertDiscountAmount,
          expertDiscountReason, manualDiscountAmount, manualDiscountReason, paymentTerms,
          originalTransactionId, originalTransactionSaleDate, company, country, region,
          technicalContactName, technicalContactEmail, billingContactName, billingContactEmail, partnerType,
          partnerName, partnerContactEmail, partnerContactName, lastUpdated, transactionLineItemId, appEdition
          """);

  private static final TransactionCsvWriter WRITER = new TransactionCsvWriter();

  @DisplayName("spec §8.5: transaction CSV columns are named and ordered as the live export")
  @Test
  void header() {
    String csv = write(WRITER, aCloudSale());

    assertThat(SPEC_COLUMNS).hasSize(60);
    assertThat(csvHeader(csv)).containsExactlyElementsOf(SPEC_COLUMNS);
    assertThat(TransactionCsvWriter.COLUMNS).containsExactlyElementsOf(SPEC_COLUMNS);
    assertThat(csvHeader(csv)).doesNotContain("productId");
  }

  @DisplayName(
      "spec §8.5: every field, header and empty ones included, is double-quoted; rows end with CRLF")
  @Test
  void everyValueQuoted() {
    String csv = write(WRITER, aCloudSale(), aRefundOf(aCloudSale()), aDiscountedPartnerSale());

    String[] lines = csv.split("\r\n", -1);
    assertThat(lines).hasSize(5);
    assertThat(lines[4]).isEmpty();
    for (int i = 0; i < 4; i++) {
      assertThat(lines[i]).matches("\"[^\"]*\"(,\"[^\"]*\")*");
      assertThat(lines[i].split("\",\"", -1)).hasSize(SPEC_COLUMNS.size());
    }
  }

  @DisplayName(
      "spec §8.3/§8.5: a paid cloud sale fills the flattened columns; money reads 40.0 style")
  @Test
  void saleRow() {
    Map<String, String> row = onlyCsvRecord(write(WRITER, aCloudSale()));

    assertThat(row)
        .containsEntry("saleDate", "2024-03-02")
        .containsEntry("transactionId", "IN-003-095-784")
        .containsEntry("transactionLineItemId", "8c2d7f4e-1b3a-4c5d-9e6f-7a8b9c0d1e2f")
        .containsEntry("licenseType", "COMMERCIAL")
        .containsEntry("hosting", "Cloud")
        .containsEntry("billingPeriod", "Monthly")
        .containsEntry("changeInTier", "Not Applicable")
        .containsEntry("oldTier", "Evaluation")
        .containsEntry("tier", "Per Unit Pricing (25 Users)")
        .containsEntry("appEntitlementNumber", "E-3W8-NHD-V5E-GM7")
        .containsEntry("cloudId", "0f3e5c2a-91b4-4a8e-bd6f-2c7e1a9d4b38")
        .containsEntry("saleType", "New")
        .containsEntry("purchasePrice", "40.0")
        .containsEntry("vendorAmount", "34.0")
        .containsEntry("partnerDiscountAmount", "")
        .containsEntry("paymentStatus", "Paid")
        .containsEntry("dunningStatus", "")
        .containsEntry("company", "Acme Ltd")
        .containsEntry("technicalContactName", "Ada Admin")
        .containsEntry("billingContactEmail", "bill@acme.example")
        .containsEntry("partnerType", "")
        .containsEntry("appEdition", "Standard");
    for (String column : SPEC_COLUMNS) {
      if (column.contains("Discount")) {
        assertThat(row).containsEntry(column, "");
      }
    }
  }

  @DisplayName(
      "spec §8.4: a refund row has negative amounts, no change fields and the original transaction")
  @Test
  void refundRow() {
    Map<String, String> row = onlyCsvRecord(write(WRITER, aRefundOf(aCloudSale())));

    assertThat(row)
        .containsEntry("saleType", "Refund")
        .containsEntry("purchasePrice", "-40.0")
        .containsEntry("vendorAmount", "-34.0")
        .containsEntry("paymentStatus", "Refunded")
        .containsEntry("changeInTier", "")
        .containsEntry("oldTier", "")
        .containsEntry("changeInBillingPeriod", "")
        .containsEntry("oldParentProductEdition", "")
        .containsEntry("refundReason", "REFUND_CANCELLED_PURCHASE")
        .containsEntry("creditNoteReason", "30 DAY REFUND REQUEST")
        .containsEntry("originalTransactionId", "IN-003-095-784")
        .containsEntry("originalTransactionSaleDate", "2024-03-02");
  }

  @DisplayName(
      "spec §8.4/§16.3: a $0 row reads purchasePrice 0.0 and vendorAmount 0.0 with manualDiscountAmount")
  @Test
  void zeroDollarRow() {
    Map<String, String> row = onlyCsvRecord(write(WRITER, aDualLicensingSale()));

    assertThat(row)
        .containsEntry("purchasePrice", "0.0")
        .containsEntry("vendorAmount", "0.0")
        .containsEntry("manualDiscountAmount", "40.0")
        .containsEntry("manualDiscountReason", "DUAL_LICENSING")
        .containsEntry("expertDiscountAmount", "")
        .containsEntry("loyaltyDiscountAmount", "");
  }

  @DisplayName(
      "spec §8.3: discounts are flattened per type — amounts summed, reasons and codes joined with '; '")
  @Test
  void discountsFlattened() {
    Map<String, String> row = onlyCsvRecord(write(WRITER, aDiscountedPartnerSale()));

    assertThat(row)
        .containsEntry("purchasePrice", "88.5")
        .containsEntry("vendorAmount", "75.23")
        .containsEntry("partnerDiscountAmount", "7.0")
        .containsEntry("expertDiscountAmount", "5.0")
        .containsEntry("expertDiscountReason", "")
        .containsEntry("loyaltyDiscountAmount", "3.0")
        .containsEntry("loyaltyDiscountReason", "CLOUD_MIGRATION")
        .containsEntry("marketplacePromotionDiscountAmount", "3.5")
        .containsEntry("marketplacePromotionDiscountCode", "SPRING24; EXTRA15")
        .containsEntry("marketplacePromotionDiscountReason", "LAUNCH")
        .containsEntry("manualDiscountAmount", "")
        .containsEntry("manualDiscountReason", "")
        .containsEntry("paymentTerms", "Net30")
        .containsEntry("partnerType", "Expert")
        .containsEntry("partnerName", "Solutions Partner GmbH")
        .containsEntry("partnerContactEmail", "sales@partner.example")
        .containsEntry("partnerContactName", "Pat Partner");
  }

  @DisplayName(
      "spec §8.3 [EMU]: dunningStatus is the compact JSON text of the failed payment attempts")
  @Test
  void dunningStatusAsJson() {
    Map<String, String> row = onlyCsvRecord(write(WRITER, aSaleInDunning()));

    assertThat(row).containsEntry("paymentStatus", "Open");
    String dunning = row.get("dunningStatus");
    assertThat(dunning)
        .isEqualTo(
            "[{\"attemptCount\":1,\"errorCode\":\"expired card\",\"paymentAttemptDate\":\"2024-03-02\","
                + "\"nextPaymentAttemptDate\":\"2024-03-05\"},"
                + "{\"attemptCount\":2,\"paymentAttemptDate\":\"2024-03-05\"}]");
    JsonNode parsed = json(dunning);
    assertThat(parsed.size()).isEqualTo(2);
    assertThat(parsed.at("/1/attemptCount").intValue()).isEqualTo(2);
  }

  @DisplayName("spec §14 K20: a forgotten customer's contact columns read RTBF")
  @Test
  void rtbfContacts() {
    Map<String, String> row =
        onlyCsvRecord(write(WRITER, withCustomer(aCloudSale(), aForgottenCustomer())));

    assertThat(row)
        .containsEntry("company", "RTBF")
        .containsEntry("technicalContactName", "RTBF")
        .containsEntry("technicalContactEmail", "RTBF")
        .containsEntry("billingContactName", "RTBF")
        .containsEntry("billingContactEmail", "RTBF")
        .containsEntry("country", "Germany");
  }

  @DisplayName(
      "spec §8.5: values with line breaks, quotes and commas survive a round trip through a CSV parser")
  @Test
  void awkwardValuesRoundTrip() {
    String company = "Smith, Jones & \"Partners\"\nLtd";
    ContactDetails customer =
        new ContactDetails(
            company,
            "United States",
            "Americas",
            Contact.of("a,b@c.example", "Line\r\nBreak"),
            null);
    String csv = write(WRITER, withCustomer(aCloudSale(), customer), aCloudSale());

    List<Map<String, String>> rows = csvRecords(csv);
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0))
        .containsEntry("company", company)
        .containsEntry("technicalContactEmail", "a,b@c.example")
        .containsEntry("technicalContactName", "Line\r\nBreak")
        .containsEntry("billingContactName", "");
    assertThat(rows.get(1)).containsEntry("company", "Acme Ltd");
  }

  @DisplayName(
      "spec §8.3: a row with several discounts of one type sums them exactly, without floats")
  @Test
  void discountSumsAreExact() {
    List<Discount> tenCents = Collections.nCopies(10, Discount.of(DiscountType.EXPERT, 10));
    Transaction sale = withPurchase(aCloudSale(), purchase(3900, 3315, null, tenCents));

    assertThat(onlyCsvRecord(write(WRITER, sale))).containsEntry("expertDiscountAmount", "1.0");
  }

  @DisplayName("spec §9.2: the CSV writer streams — 1,000,000 rows pass through without being held")
  @Test
  void streamsAMillionRows() {
    Transaction sale = aDiscountedPartnerSale();
    int rows = 1_000_000;
    Iterator<Transaction> lazy =
        new Iterator<>() {
          int left = rows;

          @Override
          public boolean hasNext() {
            return left > 0;
          }

          @Override
          public Transaction next() {
            left--;
            return sale;
          }
        };
    LineCounter out = new LineCounter();

    WRITER.write(lazy, out);

    assertThat(out.lines).isEqualTo(rows + 1);
    assertThat(out.closed).as("the writer leaves the target open").isFalse();
  }

  /** Counts line feeds and discards everything else. */
  private static final class LineCounter extends OutputStream {
    long lines;
    boolean closed;

    @Override
    public void write(int b) {
      if (b == '\n') {
        lines++;
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      for (int i = off; i < off + len; i++) {
        if (b[i] == '\n') {
          lines++;
        }
      }
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
