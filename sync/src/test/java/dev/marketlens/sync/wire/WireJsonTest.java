package dev.marketlens.sync.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.model.license.License;
import dev.marketlens.model.transaction.TransactionLine;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One record as one JSON object in the export's shape (spec §7.3, §8.3). */
class WireJsonTest {

  @Test
  @DisplayName(
      "§7.3: a license with only required fields; absent fields and the empty tier omitted")
  void bareLicense() {
    assertThat(WireJson.license(Records.bareLicense()))
        .isEqualTo(
            "{\"appEntitlementId\":\"a1b2c3d4-0000-4000-8000-000000000001\","
                + "\"appEntitlementNumber\":\"E-123-456-789\","
                + "\"cloudId\":\"c0ffee00-0000-4000-8000-000000000001\","
                + "\"addonKey\":\"com.acme.planner\",\"hosting\":\"Cloud\","
                + "\"lastUpdated\":\"2024-03-02\",\"licenseType\":\"EVALUATION\","
                + "\"maintenanceStartDate\":\"2024-03-01\",\"status\":\"inactive\"}");
  }

  @Test
  @DisplayName("§7.3: cmtDetails nested, upgrade evaluation flat, contacts in their eight fields")
  void fullLicense() {
    String json = WireJson.license(Records.serverLicense(Records.customer("Globex")));
    assertThat(json)
        .startsWith(
            "{\"addonLicenseId\":\"2205182\",\"licenseId\":\"SEN-L123456\","
                + "\"addonKey\":\"com.acme.planner\",\"addonName\":\"Acme Planner\","
                + "\"hosting\":\"Server\",\"appEdition\":\"Standard\","
                + "\"upgradeEvaluationStartDate\":\"2024-03-01\","
                + "\"upgradeEvaluatingEdition\":\"Advanced\","
                + "\"upgradeEvaluationEndDate\":\"2024-03-31\",")
        .contains(
            "\"tier\":\"500 Users\",\"cmtDetails\":{\"status\":\"converted\","
                + "\"relatedOnPremLicense\":\"SEN-L999\"},\"contactDetails\":{")
        .contains(
            "\"technicalContact\":{\"email\":\"ops@globex.example\",\"name\":\"Hank \\\"The"
                + " Boss\\\"\",\"phone\":\"+49 30 1\",\"address1\":\"Main St 1,\\nBuilding B\","
                + "\"city\":\"Berlin\",\"state\":\"BE\",\"postcode\":\"10115\"}")
        .contains("\"billingContact\":{\"email\":\"RTBF\",\"name\":\"RTBF\"}")
        .contains(
            "\"partnerDetails\":{\"partnerName\":\"Solutions Ltd\",\"partnerType\":\"Expert\","
                + "\"billingContact\":{\"email\":\"p@solutions.example\",\"name\":\"Pat\"}}")
        .endsWith("\"extendedServerSupport\":\"No\",\"licenseSourceType\":\"Non-Atlassian\"}");
  }

  @Test
  @DisplayName("§8.3, §8.4: a refund: negative amounts as numbers, reasons, original transaction")
  void refund() {
    assertThat(WireJson.transaction(Records.refund()))
        .isEqualTo(
            "{\"transactionId\":\"AT-1002\",\"transactionLineItemId\":\"5002\","
                + "\"appEntitlementId\":\"a1b2c3d4-0000-4000-8000-000000000001\","
                + "\"appEntitlementNumber\":\"E-123-456-789\","
                + "\"cloudId\":\"c0ffee00-0000-4000-8000-000000000001\","
                + "\"addonKey\":\"com.acme.planner\",\"addonName\":\"Acme Planner\","
                + "\"lastUpdated\":\"2024-03-02\",\"paymentStatus\":\"Paid\","
                + "\"customerDetails\":{\"company\":\"Globex\",\"country\":\"Germany\","
                + "\"region\":\"EMEA\",\"technicalContact\":{\"email\":\"ops@globex.example\","
                + "\"name\":\"Hank \\\"The Boss\\\"\"},"
                + "\"billingContact\":{\"email\":\"RTBF\",\"name\":\"RTBF\"}},"
                + "\"purchaseDetails\":{\"saleDate\":\"2024-03-01\","
                + "\"licenseType\":\"COMMERCIAL\",\"hosting\":\"Cloud\","
                + "\"billingPeriod\":\"Monthly\",\"tier\":\"Per Unit Pricing (12 Users)\","
                + "\"purchasePrice\":-1000.5,\"vendorAmount\":-850.43,"
                + "\"refundReason\":\"REFUND_CANCELLED_PURCHASE\","
                + "\"creditNoteReason\":\"30 DAY REFUND REQUEST\",\"saleType\":\"Refund\","
                + "\"maintenanceStartDate\":\"2024-03-01\",\"maintenanceEndDate\":\"2024-04-01\","
                + "\"originalTransactionDetails\":{\"transactionId\":\"AT-1001\","
                + "\"saleDate\":\"2024-03-01\"}}}");
  }

  @Test
  @DisplayName("§8.3: dunningStatus, isInvoiceManual, discounts and proratedDetails in place")
  void arrays() {
    String sale = WireJson.transaction(Records.sale("Globex"));
    assertThat(sale)
        .contains(
            "\"appEdition\":\"Advanced\",\"paymentStatus\":\"Paid\",\"dunningStatus\":"
                + "[{\"attemptCount\":1,\"errorCode\":\"card_declined\","
                + "\"paymentAttemptDate\":\"2024-03-01\",\"nextPaymentAttemptDate\":\"2024-03-04\"}],"
                + "\"cloudComplianceBoundaries\":[\"commercial\"],"
                + "\"licenseLevel\":\"single-instance\",")
        .contains(
            "\"changeInBillingPeriod\":\"No\",\"oldBillingPeriod\":\"Monthly\","
                + "\"tier\":\"Per Unit Pricing (12 Users)\",\"changeInTier\":\"Increase\","
                + "\"oldTier\":\"Per Unit Pricing (10 Users)\",\"parentProductName\":\"Jira\","
                + "\"parentProductEdition\":\"Premium\",\"changeInParentProductEdition\":\"Yes\","
                + "\"oldParentProductEdition\":\"Standard\",\"purchasePrice\":1000.5,"
                + "\"vendorAmount\":850.43,\"discounts\":[{\"type\":\"MANUAL\",\"amount\":40.0,"
                + "\"reason\":\"GOODWILL\"},{\"type\":\"MARKETPLACE_PROMOTION\",\"amount\":20.0,"
                + "\"code\":\"SPRING24\"}],\"saleType\":\"New\"")
        .endsWith(
            "\"paymentTerms\":\"Net30\",\"proratedDetails\":[{\"addedUsers\":2,"
                + "\"date\":\"2024-03-10\"}]}}");
    assertThat(WireJson.transaction(Records.manualInvoice()))
        .contains("\"lastUpdated\":\"2024-03-02\",\"isInvoiceManual\":true,\"purchaseDetails\":")
        .doesNotContain("saleType")
        .doesNotContain("licenseType");
  }

  @Test
  @DisplayName("canonical: the text reads back to an equal record, and gives the same text again")
  void canonical() {
    for (License license :
        new License[] {Records.bareLicense(), Records.serverLicense(Records.customer("Globex"))}) {
      String json = WireJson.license(license);
      License back = Exports.licenses(Exports.text("one.json", "[" + json + "]")).get(0);
      assertThat(back).isEqualTo(license);
      assertThat(WireJson.license(back)).isEqualTo(json);
    }
    for (TransactionLine line :
        new TransactionLine[] {Records.sale("Globex"), Records.refund(), Records.manualInvoice()}) {
      String json = WireJson.transaction(line);
      TransactionLine back =
          Exports.transactions(Exports.text("one.json", "[" + json + "]")).get(0);
      assertThat(back).isEqualTo(line);
      assertThat(WireJson.transaction(back)).isEqualTo(json);
    }
  }

  @Test
  @DisplayName("threads share nothing: texts written in parallel equal those written in turn")
  void parallel() {
    List<TransactionLine> lines =
        List.of(Records.sale("Globex"), Records.refund(), Records.manualInvoice());
    List<String> expected = lines.stream().map(WireJson::transaction).toList();
    List<String> written =
        IntStream.range(0, 30_000)
            .parallel()
            .mapToObj(i -> WireJson.transaction(lines.get(i % 3)))
            .toList();
    for (int i = 0; i < written.size(); i++) {
      assertThat(written.get(i)).isEqualTo(expected.get(i % 3));
    }
  }
}
