package dev.marketlens.sync.wire;

import static dev.marketlens.sync.wire.Exports.licenses;
import static dev.marketlens.sync.wire.Exports.text;
import static dev.marketlens.sync.wire.Exports.transactions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketlens.model.Contact;
import dev.marketlens.model.PaymentTerms;
import dev.marketlens.model.license.CmtDetails;
import dev.marketlens.model.license.License;
import dev.marketlens.model.license.LicenseDetails;
import dev.marketlens.model.license.UpgradeEvaluation;
import dev.marketlens.model.transaction.DunningAttempt;
import dev.marketlens.model.transaction.ParentProduct;
import dev.marketlens.model.transaction.ProratedDetail;
import dev.marketlens.model.transaction.SaleDetails;
import dev.marketlens.model.transaction.TransactionLine;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The fields beyond price and period, read from JSON and CSV (spec §7.3, §8.3). */
class ExportFieldsTest {

  private static final String LICENSE_JSON =
      """
      [{"addonLicenseId":"2205182","licenseId":"SEN-L123456","addonKey":"com.acme.planner",
        "hosting":"Server","appEdition":"Standard",
        "upgradeEvaluationStartDate":"2024-05-01","upgradeEvaluatingEdition":"Advanced",
        "latestEvaluationStartDate":"2024-01-02","latestMaintenanceStartDate":"2024-03-01",
        "isNewBillingSystem":"No","lastUpdated":"2024-06-01","licenseType":"COMMERCIAL",
        "maintenanceStartDate":"2024-03-01","maintenanceEndDate":"2025-03-01","status":"active",
        "tier":"500 Users",
        "cmtDetails":{"status":"non-converted","relatedOnPremLicense":"SEN-L999"},
        "contactDetails":{"company":"Globex","country":"Germany","region":"EMEA",
          "technicalContact":{"email":"ops@globex.example","name":"Hank","phone":"+49 1",
            "address1":"Main St 1","address2":"Floor 2","city":"Berlin","state":"BE",
            "postcode":"10115"}},
        "partnerDetails":{"partnerName":"Solutions Ltd","partnerType":"Expert",
          "billingContact":{"email":"p@solutions.example","name":"Pat","city":"Leeds"}},
        "extendedServerSupport":"Yes","licenseSourceType":"Non-Atlassian",
        "transactionAccountId":"0b7e2b1c-5f0a-4f38-9a8c-111111111111","inGracePeriod":"No",
        "invoiceDunningReason":"PAYMENT_FAILED","cloudComplianceBoundaries":["commercial",
        "fedramp_moderate"],"licenseLevel":"multi-instance",
        "multiInstanceEntitlementId":"mi-1","multiInstanceEntitlementNumber":"E-MI-1",
        "recordCreatedDate":"2024-06-01"}]
      """;

  private static final String LICENSE_CSV =
      "addonLicenseId,licenseId,addonKey,licenseType,maintenanceStartDate,maintenanceEndDate,"
          + "status,hosting,tier,technicalContactName,technicalContactPhone,"
          + "technicalContactAddress1,technicalContactCity,technicalContactPostcode,"
          + "lastUpdated,cmtStatus,cmtRelatedOnPremLicense,extendedServerSupport,"
          + "licenseSourceType,transactionAccountId,appEdition,upgradeEvaluationEdition,"
          + "upgradeEvaluationStartDate,upgradeEvaluationEndDate\r\n"
          + "\"2205182\",\"SEN-L123456\",\"com.acme.planner\",\"COMMERCIAL\",\"2024-03-01\","
          + "\"2025-03-01\",\"active\",\"Server\",\"500 Users\",\"Hank\",\"+49 1\",\"Main St 1\","
          + "\"Berlin\",\"10115\",\"2024-06-01\",\"active\",\"SEN-L999\",\"No\",\"Atlassian\","
          + "\"\",\"Advanced\",\"Advanced\",\"2024-05-01\",\"2024-05-31\"\r\n";

  @Test
  @DisplayName("§7.3 JSON: cmtDetails, upgrade evaluation, the L2 extras and contact addresses")
  void licenseJson() {
    License license = licenses(text("licenses.json", LICENSE_JSON)).get(0);
    LicenseDetails d = license.details();

    assertThat(d.cmt()).isEqualTo(new CmtDetails("non-converted", "SEN-L999"));
    assertThat(d.upgradeEvaluation())
        .isEqualTo(new UpgradeEvaluation("Advanced", LocalDate.of(2024, 5, 1), null));
    assertThat(d.extendedServerSupport()).isEqualTo("Yes");
    assertThat(d.licenseSourceType()).isEqualTo("Non-Atlassian");
    assertThat(d.transactionAccountId()).isEqualTo("0b7e2b1c-5f0a-4f38-9a8c-111111111111");
    assertThat(d.newBillingSystem()).as("swagger spelling isNewBillingSystem").isEqualTo("No");
    assertThat(d.inGracePeriod()).isEqualTo("No");
    assertThat(d.invoiceDunningReason()).isEqualTo("PAYMENT_FAILED");
    assertThat(d.cloudComplianceBoundaries()).containsExactly("commercial", "fedramp_moderate");
    assertThat(d.licenseLevel()).isEqualTo("multi-instance");
    assertThat(d.multiInstanceEntitlementId()).isEqualTo("mi-1");
    assertThat(d.multiInstanceEntitlementNumber()).isEqualTo("E-MI-1");
    assertThat(d.latestEvaluationStartDate()).isEqualTo(LocalDate.of(2024, 1, 2));
    assertThat(d.latestMaintenanceStartDate()).isEqualTo(LocalDate.of(2024, 3, 1));
    assertThat(d.recordCreatedDate()).isEqualTo(LocalDate.of(2024, 6, 1));
    assertThat(license.customer().technicalContact())
        .isEqualTo(
            new Contact(
                "Hank",
                "ops@globex.example",
                "+49 1",
                "Main St 1",
                "Floor 2",
                "Berlin",
                "BE",
                "10115"));
    assertThat(license.partner().contact().city()).isEqualTo("Leeds");
  }

  @Test
  @DisplayName("§7.5 CSV: cmt columns, upgradeEvaluationEdition/End, extras and contact address")
  void licenseCsv() {
    License license = licenses(text("licenses.csv", LICENSE_CSV)).get(0);
    LicenseDetails d = license.details();

    assertThat(d.cmt()).isEqualTo(new CmtDetails("active", "SEN-L999"));
    assertThat(d.upgradeEvaluation())
        .isEqualTo(
            new UpgradeEvaluation("Advanced", LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 31)));
    assertThat(d.extendedServerSupport()).isEqualTo("No");
    assertThat(d.licenseSourceType()).isEqualTo("Atlassian");
    assertThat(d.transactionAccountId()).as("empty cell is absent").isNull();
    assertThat(license.appEdition()).isEqualTo("Advanced");
    Contact technical = license.customer().technicalContact();
    assertThat(technical.phone()).isEqualTo("+49 1");
    assertThat(technical.address1()).isEqualTo("Main St 1");
    assertThat(technical.city()).isEqualTo("Berlin");
    assertThat(technical.postcode()).isEqualTo("10115");
    assertThat(technical.state()).as("column missing").isNull();
  }

  @Test
  @DisplayName("§7.3: an upgrade evaluation ending before it starts names the record")
  void upgradeEvaluationBackwards() {
    String csv = LICENSE_CSV.replace("\"2024-05-31\"", "\"2024-04-30\"");
    assertThatThrownBy(() -> licenses(text("licenses.csv", csv)))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("licenses.csv line 2")
        .hasMessageContaining("upgradeEvaluationEndDate: \"2024-04-30\" is before");
  }

  private static final String TRANSACTION_JSON =
      """
      [{"transactionId":"AT-1001","transactionLineItemId":"5001","cloudId":"c0ffee00-0000-4000-8000-000000000001",
        "addonKey":"com.acme.planner","lastUpdated":"2024-06-01","appEdition":"Advanced",
        "paymentStatus":"Open",
        "dunningStatus":[{"attemptCount":1,"errorCode":"card_declined",
          "paymentAttemptDate":"2024-06-01","nextPaymentAttemptDate":"2024-06-04"},
          {"attemptCount":2,"paymentAttemptDate":"2024-06-04"}],
        "cloudComplianceBoundaries":["commercial"],"licenseLevel":"single-instance",
        "purchaseDetails":{"saleDate":"2024-06-01","licenseType":"COMMERCIAL","hosting":"Cloud",
          "billingPeriod":"Monthly","changeInBillingPeriod":"Yes","oldBillingPeriod":"Annual",
          "tier":"Per Unit Pricing (12 Users)","parentProductName":"Jira",
          "parentProductEdition":"Premium","changeInParentProductEdition":"Yes",
          "oldParentProductEdition":"Standard","purchasePrice":120.5,"vendorAmount":102.43,
          "saleType":"Upgrade","maintenanceStartDate":"2024-06-01",
          "maintenanceEndDate":"2024-07-01","paymentTerms":"Net30",
          "proratedDetails":[{"addedUsers":3,"date":"2024-06-20"},
            {"addedUsers":2,"date":"2024-06-05"}]}},
       {"transactionId":"AT-1002","transactionLineItemId":"5002","addonLicenseId":"2205182",
        "addonKey":"com.acme.planner","lastUpdated":"2024-06-10",
        "purchaseDetails":{"saleDate":"2024-06-10","licenseType":"COMMERCIAL","hosting":"Server",
          "billingPeriod":"Annual","tier":"10 Users","purchasePrice":-50.0,"vendorAmount":-42.5,
          "refundReason":"REFUND_CANCELLED_PURCHASE","creditNoteReason":"30 DAY REFUND REQUEST",
          "saleType":"Refund","maintenanceStartDate":"2024-06-01","maintenanceEndDate":"2025-06-01"}}]
      """;

  @Test
  @DisplayName(
      "§8.3 JSON: dunning, billing-period change, parent edition change, terms, prorations")
  void transactionJson() {
    var lines = transactions(text("transactions.json", TRANSACTION_JSON));
    TransactionLine upgrade = lines.get(0);
    SaleDetails d = upgrade.details();

    assertThat(d.appEdition()).isEqualTo("Advanced");
    assertThat(d.dunningStatus())
        .containsExactly(
            new DunningAttempt(
                1, "card_declined", LocalDate.of(2024, 6, 1), LocalDate.of(2024, 6, 4)),
            new DunningAttempt(2, null, LocalDate.of(2024, 6, 4), null));
    assertThat(d.changeInBillingPeriod()).isEqualTo("Yes");
    assertThat(d.oldBillingPeriod()).isEqualTo("Annual");
    assertThat(d.paymentTerms()).isEqualTo(PaymentTerms.NET30);
    assertThat(d.proratedDetails())
        .as("held by date whatever the API's order")
        .containsExactly(
            new ProratedDetail(2, LocalDate.of(2024, 6, 5)),
            new ProratedDetail(3, LocalDate.of(2024, 6, 20)));
    assertThat(d.cloudComplianceBoundaries()).containsExactly("commercial");
    assertThat(d.licenseLevel()).isEqualTo("single-instance");
    assertThat(upgrade.parentProduct())
        .isEqualTo(new ParentProduct("Jira", "Premium", "Yes", "Standard"));

    SaleDetails refund = lines.get(1).details();
    assertThat(refund.refundReason()).isEqualTo("REFUND_CANCELLED_PURCHASE");
    assertThat(refund.creditNoteReason()).isEqualTo("30 DAY REFUND REQUEST");
    assertThat(refund.changeInBillingPeriod()).as("R: empty on refunds").isNull();
    assertThat(refund.dunningStatus()).isEmpty();
  }

  @Test
  @DisplayName("§8.5 CSV: dunningStatus is JSON text in its cell; the other columns by name")
  void transactionCsv() {
    TransactionLine line = transactions(Exports.resource("transactions.csv")).get(0);
    assertThat(line.details().dunningStatus())
        .containsExactly(new DunningAttempt(1, null, null, null));
    assertThat(line.details().paymentTerms()).isEqualTo(PaymentTerms.NET30);

    TransactionLine refund = transactions(Exports.resource("transactions.csv")).get(1);
    assertThat(refund.details().refundReason()).isEqualTo("REFUND_CANCELLED_PURCHASE");
    assertThat(refund.details().creditNoteReason()).isEqualTo("30 DAY REFUND REQUEST");
  }

  @Test
  @DisplayName("§8.5 CSV: a dunningStatus cell that is not a JSON array names line and column")
  void badDunningCell() {
    String csv =
        "saleDate,transactionId,addonLicenseId,addonKey,licenseType,hosting,billingPeriod,"
            + "maintenanceStartDate,maintenanceEndDate,saleType,purchasePrice,vendorAmount,"
            + "dunningStatus,lastUpdated,transactionLineItemId\n"
            + "2024-03-01,AT-1001,2205182,com.acme.planner,COMMERCIAL,Server,Annual,"
            + "2024-03-01,2025-03-01,New,10,8.5,failed twice,2024-03-01,5001\n";
    assertThatThrownBy(() -> transactions(text("t.csv", csv)))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("t.csv line 2")
        .hasMessageContaining("column dunningStatus")
        .hasMessageContaining("\"failed twice\"")
        .hasMessageContaining("is not a JSON array of flat objects");
  }

  @Test
  @DisplayName("§8.3: a dunning attemptCount that is not a whole number names the field")
  void badAttemptCount() {
    String json = TRANSACTION_JSON.replace("\"attemptCount\":2", "\"attemptCount\":\"two\"");
    assertThatThrownBy(() -> transactions(text("t.json", json)))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("dunningStatus[1].attemptCount")
        .hasMessageContaining("\"two\" is not a whole number");
  }

  @Test
  @DisplayName("unknown fields are ignored, also a property whose name looks like an array element")
  void bracketedNames() {
    String json =
        TRANSACTION_JSON.replace(
            "\"licenseLevel\":\"single-instance\",",
            "\"licenseLevel\":\"single-instance\",\"dunningStatus[x]\":{\"attemptCount\":9},");
    TransactionLine line = transactions(text("t.json", json)).get(0);
    assertThat(line.details().dunningStatus()).hasSize(2);
  }
}
