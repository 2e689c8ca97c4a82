package dev.marketlens.emulator.wire;

import static dev.marketlens.emulator.wire.Exports.json;
import static dev.marketlens.emulator.wire.Exports.names;
import static dev.marketlens.emulator.wire.Exports.write;
import static dev.marketlens.emulator.wire.WireFixtures.aCloudSale;
import static dev.marketlens.emulator.wire.WireFixtures.aDiscountedPartnerSale;
import static dev.marketlens.emulator.wire.WireFixtures.aDualLicensingSale;
import static dev.marketlens.emulator.wire.WireFixtures.aForgottenCustomer;
import static dev.marketlens.emulator.wire.WireFixtures.aRefundOf;
import static dev.marketlens.emulator.wire.WireFixtures.aSaleInDunning;
import static dev.marketlens.emulator.wire.WireFixtures.withCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@DisplayName("spec §8.3/§8.5: transaction JSON records and export")
class TransactionJsonWriterTest {

  private static final TransactionJsonWriter V2 = new TransactionJsonWriter(WireFormat.V2);
  private static final TransactionJsonWriter V3 = new TransactionJsonWriter(WireFormat.V3);

  private static JsonNode only(String body) {
    JsonNode array = json(body);
    assertThat(array.isArray()).as("the export body is a top-level array").isTrue();
    assertThat(array.size()).isEqualTo(1);
    return array.get(0);
  }

  @DisplayName(
      "spec §12: v2 transaction records have no productId; v3 records carry it after addonKey")
  @Test
  void productIdOnlyInV3() {
    JsonNode v2 = only(write(V2, aCloudSale()));
    JsonNode v3 = only(write(V3, aCloudSale()));

    assertThat(v2.has("productId")).isFalse();
    assertThat(v3.at("/productId").stringValue()).isEqualTo(WireFixtures.PRODUCT_ID);
    assertThat(names(v3)).containsSubsequence("addonKey", "productId", "addonName");
  }

  @DisplayName("spec §8.3: customerDetails, partnerDetails and purchaseDetails are nested objects")
  @Test
  void nesting() {
    JsonNode record = only(write(V2, aDiscountedPartnerSale()));

    assertThat(record.at("/transactionId").stringValue()).isEqualTo("IN-003-095-784");
    assertThat(record.at("/cloudId").stringValue())
        .isEqualTo("0f3e5c2a-91b4-4a8e-bd6f-2c7e1a9d4b38");
    assertThat(record.has("cloudSiteHostname")).as("not a transaction field").isFalse();
    assertThat(names(record.get("customerDetails")))
        .containsExactly("company", "country", "region", "technicalContact", "billingContact");
    assertThat(names(record.at("/customerDetails/technicalContact")))
        .containsExactly("email", "name");
    assertThat(record.at("/customerDetails/billingContact/name").stringValue())
        .isEqualTo("Bill Payer");
    assertThat(names(record.get("partnerDetails")))
        .containsExactly("partnerName", "partnerType", "billingContact");
    assertThat(record.at("/partnerDetails/billingContact/email").stringValue())
        .isEqualTo("sales@partner.example");
    assertThat(record.at("/purchaseDetails/saleDate").stringValue()).isEqualTo("2024-03-02");
    assertThat(record.at("/purchaseDetails/billingPeriod").stringValue()).isEqualTo("Annual");
    assertThat(record.at("/purchaseDetails/tier").stringValue())
        .isEqualTo("Per Unit Pricing (25 Users)");
    assertThat(record.at("/purchaseDetails/oldTier").stringValue()).isEqualTo("Evaluation");
    assertThat(record.at("/purchaseDetails/changeInTier").stringValue())
        .isEqualTo("Not Applicable");
    assertThat(record.at("/purchaseDetails/paymentTerms").stringValue()).isEqualTo("Net30");
    assertThat(record.at("/purchaseDetails/proratedDetails/0/addedUsers").intValue()).isEqualTo(3);
    assertThat(record.at("/purchaseDetails/proratedDetails/0/date").stringValue())
        .isEqualTo("2024-03-20");
  }

  @DisplayName(
      "spec §8.3: top-level and purchaseDetails properties follow the spec's field table order")
  @Test
  void propertyOrder() {
    JsonNode record = only(write(V3, aSaleInDunning()));

    assertThat(names(record))
        .containsExactly(
            "transactionId",
            "transactionLineItemId",
            "appEntitlementId",
            "appEntitlementNumber",
            "hostEntitlementId",
            "hostEntitlementNumber",
            "cloudId",
            "addonKey",
            "productId",
            "addonName",
            "lastUpdated",
            "appEdition",
            "paymentStatus",
            "dunningStatus",
            "isInvoiceManual",
            "cloudComplianceBoundaries",
            "licenseLevel",
            "customerDetails",
            "purchaseDetails");
    assertThat(names(only(write(V2, aDiscountedPartnerSale())).get("purchaseDetails")))
        .containsExactly(
            "saleDate",
            "licenseType",
            "hosting",
            "billingPeriod",
            "changeInBillingPeriod",
            "oldBillingPeriod",
            "tier",
            "changeInTier",
            "oldTier",
            "parentProductName",
            "parentProductEdition",
            "changeInParentProductEdition",
            "oldParentProductEdition",
            "purchasePrice",
            "vendorAmount",
            "partnerDiscountAmount",
            "discounts",
            "saleType",
            "maintenanceStartDate",
            "maintenanceEndDate",
            "paymentTerms",
            "proratedDetails");
  }

  @DisplayName(
      "spec §4.1: money is a JSON number in the live style — 40.0, 34.0, 75.23, never a string")
  @Test
  void moneyIsANumber() {
    String sale = write(V2, aCloudSale());
    String discounted = write(V2, aDiscountedPartnerSale());

    assertThat(sale).contains("\"purchasePrice\":40.0,\"vendorAmount\":34.0");
    assertThat(discounted)
        .contains("\"purchasePrice\":88.5,\"vendorAmount\":75.23,\"partnerDiscountAmount\":7.0");
    JsonNode price = only(sale).at("/purchaseDetails/purchasePrice");
    assertThat(price.isNumber()).isTrue();
    assertThat(price.decimalValue()).isEqualTo(new BigDecimal("40.0"));
  }

  @DisplayName(
      "spec §8.4: a refund has negative amounts, no change fields and the original transaction")
  @Test
  void refund() {
    String body = write(V2, aRefundOf(aCloudSale()));
    JsonNode p = only(body).get("purchaseDetails");

    assertThat(body).contains("\"purchasePrice\":-40.0,\"vendorAmount\":-34.0");
    assertThat(p.at("/saleType").stringValue()).isEqualTo("Refund");
    assertThat(p.has("changeInTier")).isFalse();
    assertThat(p.has("oldTier")).isFalse();
    assertThat(p.has("changeInBillingPeriod")).isFalse();
    assertThat(p.at("/refundReason").stringValue()).isEqualTo("REFUND_CANCELLED_PURCHASE");
    assertThat(p.at("/originalTransactionDetails/transactionId").stringValue())
        .isEqualTo("IN-003-095-784");
    assertThat(p.at("/originalTransactionDetails/saleDate").stringValue()).isEqualTo("2024-03-02");
  }

  @DisplayName("spec §8.4: a $0 dual-licensing row has 0.0 amounts and a positive MANUAL discount")
  @Test
  void zeroDollarRow() {
    String body = write(V2, aDualLicensingSale());
    JsonNode p = only(body).get("purchaseDetails");

    assertThat(body).contains("\"purchasePrice\":0.0,\"vendorAmount\":0.0");
    assertThat(body)
        .contains(
            "\"discounts\":[{\"type\":\"MANUAL\",\"amount\":40.0,\"reason\":\"DUAL_LICENSING\"}]");
    assertThat(p.at("/discounts/0/code").isMissingNode()).isTrue();
  }

  @DisplayName(
      "spec §8.3: discounts are an array of {type, amount, code?, reason?} with positive amounts")
  @Test
  void discountsArray() {
    JsonNode discounts = only(write(V2, aDiscountedPartnerSale())).at("/purchaseDetails/discounts");

    assertThat(discounts.size()).isEqualTo(4);
    assertThat(discounts.at("/0/type").stringValue()).isEqualTo("EXPERT");
    assertThat(discounts.at("/0/amount").decimalValue()).isEqualTo(new BigDecimal("5.0"));
    assertThat(names(discounts.get(0))).containsExactly("type", "amount");
    assertThat(discounts.at("/1/type").stringValue()).isEqualTo("LOYALTY_DISCOUNT");
    assertThat(discounts.at("/2/type").stringValue()).isEqualTo("MARKETPLACE_PROMOTION");
    assertThat(discounts.at("/2/code").stringValue()).isEqualTo("SPRING24");
    assertThat(names(discounts.get(2))).containsExactly("type", "amount", "code", "reason");
    assertThat(discounts.at("/3/amount").decimalValue()).isEqualTo(new BigDecimal("1.5"));
    for (JsonNode d : discounts) {
      assertThat(d.get("amount").decimalValue()).isPositive();
    }
  }

  @DisplayName("spec §8.3: empty discounts, dunningStatus and proratedDetails are omitted")
  @Test
  void emptyListsOmitted() {
    String body = write(V2, aCloudSale());
    JsonNode record = only(body);

    assertThat(record.has("dunningStatus")).isFalse();
    assertThat(record.at("/purchaseDetails").has("discounts")).isFalse();
    assertThat(record.at("/purchaseDetails").has("proratedDetails")).isFalse();
    assertThat(record.has("partnerDetails")).isFalse();
    assertThat(body).doesNotContain("null").doesNotContain("[]");
  }

  @DisplayName(
      "spec §8.3: isInvoiceManual appears only when true; dunningStatus lists failed attempts")
  @Test
  void manualInvoiceAndDunning() {
    JsonNode dunning = only(write(V2, aSaleInDunning()));
    JsonNode plain = only(write(V2, aCloudSale()));

    assertThat(dunning.at("/isInvoiceManual").booleanValue()).isTrue();
    assertThat(plain.has("isInvoiceManual")).isFalse();
    assertThat(dunning.at("/paymentStatus").stringValue()).isEqualTo("Open");
    assertThat(dunning.at("/dunningStatus").size()).isEqualTo(2);
    assertThat(dunning.at("/dunningStatus/0/attemptCount").intValue()).isEqualTo(1);
    assertThat(dunning.at("/dunningStatus/0/errorCode").stringValue()).isEqualTo("expired card");
    assertThat(dunning.at("/dunningStatus/0/paymentAttemptDate").stringValue())
        .isEqualTo("2024-03-02");
    assertThat(dunning.at("/dunningStatus/0/nextPaymentAttemptDate").stringValue())
        .isEqualTo("2024-03-05");
    assertThat(names(dunning.at("/dunningStatus/1")))
        .containsExactly("attemptCount", "paymentAttemptDate");
  }

  @DisplayName("spec §14 K20: a forgotten customer's contacts read RTBF")
  @Test
  void rtbfContacts() {
    JsonNode customer =
        only(write(V2, withCustomer(aCloudSale(), aForgottenCustomer()))).get("customerDetails");

    assertThat(customer.at("/technicalContact/email").stringValue()).isEqualTo("RTBF");
    assertThat(customer.at("/technicalContact/name").stringValue()).isEqualTo("RTBF");
    assertThat(customer.at("/billingContact/email").stringValue()).isEqualTo("RTBF");
    assertThat(customer.at("/technicalContact").size()).isEqualTo(2);
  }
}
