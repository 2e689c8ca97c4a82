package dev.marketlens.sync.wire;

import dev.marketlens.model.BillingPeriod;
import dev.marketlens.model.ChangeInTier;
import dev.marketlens.model.Contact;
import dev.marketlens.model.CustomerDetails;
import dev.marketlens.model.Discount;
import dev.marketlens.model.DiscountType;
import dev.marketlens.model.Hosting;
import dev.marketlens.model.LicenseStatus;
import dev.marketlens.model.LicenseType;
import dev.marketlens.model.Money;
import dev.marketlens.model.Partner;
import dev.marketlens.model.PartnerType;
import dev.marketlens.model.PaymentStatus;
import dev.marketlens.model.PaymentTerms;
import dev.marketlens.model.SaleType;
import dev.marketlens.model.Tier;
import dev.marketlens.model.id.AddonLicenseId;
import dev.marketlens.model.id.AppEntitlementId;
import dev.marketlens.model.id.AppEntitlementNumber;
import dev.marketlens.model.id.AppKey;
import dev.marketlens.model.id.CloudId;
import dev.marketlens.model.id.LicenseId;
import dev.marketlens.model.id.LicenseIds;
import dev.marketlens.model.id.TransactionId;
import dev.marketlens.model.id.TransactionLineItemId;
import dev.marketlens.model.license.CmtDetails;
import dev.marketlens.model.license.License;
import dev.marketlens.model.license.LicenseDetails;
import dev.marketlens.model.license.UpgradeEvaluation;
import dev.marketlens.model.transaction.DunningAttempt;
import dev.marketlens.model.transaction.OriginalTransaction;
import dev.marketlens.model.transaction.ParentProduct;
import dev.marketlens.model.transaction.ProratedDetail;
import dev.marketlens.model.transaction.SaleDetails;
import dev.marketlens.model.transaction.TransactionLine;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Model records in the shapes the writer tests need, named for what they show. */
final class Records {

  static final LocalDate MARCH_1 = LocalDate.of(2024, 3, 1);
  static final Instant UPDATED = Instant.parse("2024-03-02T00:00:00Z");

  private Records() {}

  /** A server license with every field the model holds that CSV carries too. */
  static License serverLicense(CustomerDetails customer) {
    return new License(
        LicenseIds.ofServer(AddonLicenseId.of("2205182"), LicenseId.of("SEN-L123456")),
        AppKey.of("com.acme.planner"),
        "Acme Planner",
        null,
        Hosting.SERVER,
        LicenseType.COMMERCIAL,
        LicenseStatus.ACTIVE,
        Tier.users(500),
        "Standard",
        MARCH_1,
        MARCH_1.plusYears(1),
        UPDATED,
        customer,
        new Partner("Solutions Ltd", PartnerType.EXPERT, new Contact("Pat", "p@solutions.example")),
        null,
        null,
        new LicenseDetails(
            new CmtDetails("converted", "SEN-L999"),
            new UpgradeEvaluation("Advanced", MARCH_1, MARCH_1.plusDays(30)),
            "No",
            "Non-Atlassian",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null));
  }

  /** A license with only the required fields. */
  static License bareLicense() {
    return new License(
        LicenseIds.ofCloud(
            new AppEntitlementId("a1b2c3d4-0000-4000-8000-000000000001"),
            new AppEntitlementNumber("E-123-456-789"),
            new CloudId("c0ffee00-0000-4000-8000-000000000001")),
        AppKey.of("com.acme.planner"),
        null,
        null,
        Hosting.CLOUD,
        LicenseType.EVALUATION,
        LicenseStatus.INACTIVE,
        null,
        null,
        MARCH_1,
        null,
        UPDATED,
        null,
        null,
        null,
        null,
        null);
  }

  static CustomerDetails customer(String company) {
    return new CustomerDetails(
        company,
        "Germany",
        "EMEA",
        new Contact(
            "Hank \"The Boss\"",
            "ops@globex.example",
            "+49 30 1",
            "Main St 1,\nBuilding B",
            null,
            "Berlin",
            "BE",
            "10115"),
        Contact.redacted());
  }

  /** A new sale with discounts of two types and failed payments. */
  static TransactionLine sale(String company) {
    return line(
        "AT-1001",
        "5001",
        SaleType.NEW,
        "1000.50",
        "850.43",
        List.of(
            new Discount(DiscountType.MANUAL, Money.parse("40"), null, "GOODWILL"),
            new Discount(DiscountType.MARKETPLACE_PROMOTION, Money.parse("20"), "SPRING24", null)),
        null,
        false,
        company,
        new SaleDetails(
            "Advanced",
            "No",
            "Monthly",
            null,
            null,
            PaymentTerms.NET30,
            List.of(new DunningAttempt(1, "card_declined", MARCH_1, MARCH_1.plusDays(3))),
            List.of(new ProratedDetail(2, MARCH_1.plusDays(9))),
            List.of("commercial"),
            "single-instance"));
  }

  /** The refund of {@link #sale}: negative amounts, reasons, the original transaction. */
  static TransactionLine refund() {
    return line(
        "AT-1002",
        "5002",
        SaleType.REFUND,
        "-1000.50",
        "-850.43",
        List.of(),
        new OriginalTransaction(TransactionId.of("AT-1001"), MARCH_1),
        false,
        "Globex",
        new SaleDetails(
            null,
            null,
            null,
            "REFUND_CANCELLED_PURCHASE",
            "30 DAY REFUND REQUEST",
            null,
            null,
            null,
            null,
            null));
  }

  /** A manual invoice: no sale type, no license type (spec §8.4). */
  static TransactionLine manualInvoice() {
    return line("IN-003-095-784", "5003", null, "0", "0", List.of(), null, true, null, null);
  }

  private static TransactionLine line(
      String transactionId,
      String lineItemId,
      SaleType saleType,
      String price,
      String vendor,
      List<Discount> discounts,
      OriginalTransaction original,
      boolean manual,
      String company,
      SaleDetails details) {
    return new TransactionLine(
        TransactionId.of(transactionId),
        TransactionLineItemId.of(lineItemId),
        LicenseIds.ofCloud(
            new AppEntitlementId("a1b2c3d4-0000-4000-8000-000000000001"),
            new AppEntitlementNumber("E-123-456-789"),
            new CloudId("c0ffee00-0000-4000-8000-000000000001")),
        AppKey.of("com.acme.planner"),
        "Acme Planner",
        null,
        MARCH_1,
        saleType,
        manual ? null : LicenseType.COMMERCIAL,
        Hosting.CLOUD,
        BillingPeriod.MONTHLY,
        Tier.perUnitPricing(12),
        saleType == SaleType.NEW ? Tier.perUnitPricing(10) : null,
        saleType == SaleType.NEW ? ChangeInTier.INCREASE : null,
        Money.parse(price),
        Money.parse(vendor),
        discounts,
        null,
        original,
        MARCH_1,
        MARCH_1.plusMonths(1),
        manual ? null : PaymentStatus.PAID,
        company == null
            ? null
            : new CustomerDetails(
                company,
                "Germany",
                "EMEA",
                new Contact("Hank \"The Boss\"", "ops@globex.example"),
                Contact.redacted()),
        null,
        saleType == SaleType.NEW ? new ParentProduct("Jira", "Premium", "Yes", "Standard") : null,
        UPDATED,
        manual,
        details);
  }
}
