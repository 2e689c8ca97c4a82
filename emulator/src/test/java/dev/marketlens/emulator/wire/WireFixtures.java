package dev.marketlens.emulator.wire;

import java.time.LocalDate;
import java.util.List;

/** Licenses and transactions in the domain's words, for the wire-format tests. */
final class WireFixtures {

  static final String APP_KEY = "com.example.timesheets";
  static final String APP_NAME = "Timesheets for Jira";
  static final String PRODUCT_ID = "5b3f1c1e-8a7d-4c2b-9e61-0f2d3c4b5a69";

  private WireFixtures() {}

  /**
   * The identifiers of a cloud license created on Atlassian's new commerce platform: no SEN, no
   * host license.
   */
  static LicenseIds cloudIds() {
    return new LicenseIds(
        null,
        null,
        null,
        "709a7212-3330-4ba6-9785-9804a9983373",
        "E-3W8-NHD-V5E-GM7",
        "123a1234-1234-1ab2-1234-1234a1234567",
        "E-123-456-789",
        "0f3e5c2a-91b4-4a8e-bd6f-2c7e1a9d4b38",
        "acme.atlassian.net");
  }

  /** The identifiers of a Data Center license before it gained an entitlement number. */
  static LicenseIds dataCenterIds() {
    return new LicenseIds("2205182", null, "SEN-5123456", null, null, null, null, null, null);
  }

  static Contact technicalContact() {
    return new Contact(
        "ada@acme.example",
        "Ada Admin",
        "+44 20 7946 0000",
        "1 Main Street",
        "Floor 2",
        "London",
        "Greater London",
        "EC1A 1BB");
  }

  static Contact billingContact() {
    return new Contact(
        "bill@acme.example",
        "Bill Payer",
        "+44 20 7946 0001",
        "1 Main Street",
        null,
        "London",
        null,
        "EC1A 1BB");
  }

  static ContactDetails acme() {
    return new ContactDetails(
        "Acme Ltd", "United Kingdom", "EMEA", technicalContact(), billingContact());
  }

  /** The customer details of a customer who exercised the right to be forgotten. */
  static ContactDetails aForgottenCustomer() {
    return new ContactDetails("RTBF", "Germany", "EMEA", Contact.redacted(), Contact.redacted());
  }

  static PartnerDetails anExpertPartner() {
    return new PartnerDetails(
        "Solutions Partner GmbH",
        PartnerType.EXPERT,
        Contact.of("sales@partner.example", "Pat Partner"));
  }

  /** Insights of a cloud license bought after an evaluation, found through paid search. */
  static LicenseInsights cloudInsights() {
    return new LicenseInsights(
        "25",
        "1a2b3c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d",
        "-59",
        "2024-01-01",
        "2024-04-30",
        "2024-03-02",
        new Attribution(
            "Paid Search", "google.com", "google", "cpc", "spring-launch", "ad-variant-b"),
        "MONTHLY",
        "Jira",
        "Standard",
        "No");
  }

  /** An active, paid cloud license with every field the live API fills for one. */
  static License aCloudLicense() {
    return new License(
        cloudIds(),
        APP_KEY,
        PRODUCT_ID,
        APP_NAME,
        Hosting.CLOUD,
        "Standard",
        LocalDate.of(2024, 2, 1),
        "Advanced",
        LocalDate.of(2024, 3, 1),
        LocalDate.of(2024, 1, 1),
        LocalDate.of(2024, 3, 2),
        "Yes",
        LocalDate.of(2024, 3, 5),
        LicenseType.COMMERCIAL,
        LocalDate.of(2024, 3, 2),
        LocalDate.of(2025, 3, 2),
        LicenseStatus.ACTIVE,
        Tier.perUnit(25),
        new CmtDetails("converted", "SEN-5123456"),
        acme(),
        anExpertPartner(),
        null,
        "Non-Atlassian",
        cloudInsights(),
        "d6f1a3b2-7c4e-4f5a-9b8c-1d2e3f4a5b6c",
        "No",
        List.of("commercial"),
        "single-instance");
  }

  /**
   * A Data Center license sold directly: SEN and addon license id, no cloud identifiers, no
   * partner.
   */
  static License aDataCenterLicense() {
    return new License(
        dataCenterIds(),
        APP_KEY,
        PRODUCT_ID,
        APP_NAME,
        Hosting.DATA_CENTER,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        LocalDate.of(2023, 6, 10),
        LicenseType.COMMERCIAL,
        LocalDate.of(2023, 6, 1),
        LocalDate.of(2024, 6, 1),
        LicenseStatus.INACTIVE,
        Tier.users(500),
        null,
        acme(),
        null,
        null,
        "Non-Atlassian",
        LicenseInsights.notAvailable(),
        null,
        null,
        null,
        null);
  }

  /** {@code license} with other customer details. */
  static License withCustomer(License l, ContactDetails customer) {
    return new License(
        l.ids(),
        l.addonKey(),
        l.productId(),
        l.addonName(),
        l.hosting(),
        l.appEdition(),
        l.upgradeEvaluationStartDate(),
        l.upgradeEvaluatingEdition(),
        l.upgradeEvaluationEndDate(),
        l.latestEvaluationStartDate(),
        l.latestMaintenanceStartDate(),
        l.newBillingSystem(),
        l.lastUpdated(),
        l.licenseType(),
        l.maintenanceStartDate(),
        l.maintenanceEndDate(),
        l.status(),
        l.tier(),
        l.cmtDetails(),
        customer,
        l.partnerDetails(),
        l.extendedServerSupport(),
        l.licenseSourceType(),
        l.insights(),
        l.transactionAccountId(),
        l.inGracePeriod(),
        l.cloudComplianceBoundaries(),
        l.licenseLevel());
  }

  /**
   * {@code license} with other (or, with null, no) data insights, as for an Atlassian-owned
   * license.
   */
  static License withInsights(License l, LicenseInsights insights) {
    return new License(
        l.ids(),
        l.addonKey(),
        l.productId(),
        l.addonName(),
        l.hosting(),
        l.appEdition(),
        l.upgradeEvaluationStartDate(),
        l.upgradeEvaluatingEdition(),
        l.upgradeEvaluationEndDate(),
        l.latestEvaluationStartDate(),
        l.latestMaintenanceStartDate(),
        l.newBillingSystem(),
        l.lastUpdated(),
        l.licenseType(),
        l.maintenanceStartDate(),
        l.maintenanceEndDate(),
        l.status(),
        l.tier(),
        l.cmtDetails(),
        l.contactDetails(),
        l.partnerDetails(),
        l.extendedServerSupport(),
        l.licenseSourceType(),
        insights,
        l.transactionAccountId(),
        l.inGracePeriod(),
        l.cloudComplianceBoundaries(),
        l.licenseLevel());
  }

  /**
   * The purchase details of a new monthly cloud subscription: $40.00, of which the vendor gets
   * $34.00.
   */
  static PurchaseDetails aNewCloudPurchase() {
    return new PurchaseDetails(
        LocalDate.of(2024, 3, 2),
        LicenseType.COMMERCIAL,
        Hosting.CLOUD,
        BillingPeriod.MONTHLY,
        "No",
        "Monthly",
        Tier.perUnit(25),
        ChangeInTier.NOT_APPLICABLE,
        Tier.EVALUATION,
        "Jira",
        "Standard",
        "No",
        "Standard",
        4000,
        3400,
        null,
        List.of(),
        null,
        null,
        SaleType.NEW,
        LocalDate.of(2024, 3, 2),
        LocalDate.of(2024, 4, 2),
        null,
        null,
        List.of());
  }

  /** A paid new cloud sale of $40.00 to Acme, sold directly. */
  static Transaction aCloudSale() {
    return new Transaction(
        "IN-003-095-784",
        "8c2d7f4e-1b3a-4c5d-9e6f-7a8b9c0d1e2f",
        cloudIds(),
        APP_KEY,
        PRODUCT_ID,
        APP_NAME,
        LocalDate.of(2024, 3, 3),
        "Standard",
        PaymentStatus.PAID,
        List.of(),
        null,
        List.of("commercial"),
        null,
        acme(),
        aNewCloudPurchase(),
        null);
  }

  /**
   * The refund of {@code sale}: negated amounts, no change fields, a link to the original
   * transaction.
   */
  static Transaction aRefundOf(Transaction sale) {
    PurchaseDetails p = sale.purchaseDetails();
    PurchaseDetails refund =
        new PurchaseDetails(
            p.saleDate().plusDays(10),
            p.licenseType(),
            p.hosting(),
            p.billingPeriod(),
            null,
            null,
            p.tier(),
            null,
            null,
            p.parentProductName(),
            p.parentProductEdition(),
            null,
            null,
            -p.purchasePriceCents(),
            -p.vendorAmountCents(),
            null,
            List.of(),
            "REFUND_CANCELLED_PURCHASE",
            "30 DAY REFUND REQUEST",
            SaleType.REFUND,
            p.maintenanceStartDate(),
            p.maintenanceEndDate(),
            null,
            new OriginalTransaction(sale.transactionId(), p.saleDate()),
            List.of());
    return new Transaction(
        "AT-12345",
        "9d3e8a5f-2c4b-4d6e-8f7a-8b9c0d1e2f3a",
        sale.ids(),
        sale.addonKey(),
        sale.productId(),
        sale.addonName(),
        p.saleDate().plusDays(10),
        sale.appEdition(),
        PaymentStatus.REFUNDED,
        List.of(),
        null,
        sale.cloudComplianceBoundaries(),
        null,
        sale.customerDetails(),
        refund,
        sale.partnerDetails());
  }

  /** A $0 dual-licensing sale: the manual discount covers the whole $40.00 price (spec §8.4). */
  static Transaction aDualLicensingSale() {
    return withPurchase(
        aCloudSale(),
        purchase(
            0, 0, null, List.of(new Discount(DiscountType.MANUAL, 4000, null, "DUAL_LICENSING"))));
  }

  /**
   * A $100.00 annual sale through an expert partner with every kind of discount: expert $5.00,
   * loyalty $3.00 and two marketplace promotions ($2.00 with code SPRING24, $1.50 with code
   * EXTRA15).
   */
  static Transaction aDiscountedPartnerSale() {
    List<Discount> discounts =
        List.of(
            Discount.of(DiscountType.EXPERT, 500),
            new Discount(DiscountType.LOYALTY_DISCOUNT, 300, null, "CLOUD_MIGRATION"),
            new Discount(DiscountType.MARKETPLACE_PROMOTION, 200, "SPRING24", "LAUNCH"),
            new Discount(DiscountType.MARKETPLACE_PROMOTION, 150, "EXTRA15", "LAUNCH"));
    Transaction sale = withPurchase(aCloudSale(), purchase(8850, 7523, 700L, discounts));
    return new Transaction(
        sale.transactionId(),
        sale.transactionLineItemId(),
        sale.ids(),
        sale.addonKey(),
        sale.productId(),
        sale.addonName(),
        sale.lastUpdated(),
        sale.appEdition(),
        sale.paymentStatus(),
        sale.dunningStatus(),
        sale.isInvoiceManual(),
        sale.cloudComplianceBoundaries(),
        sale.licenseLevel(),
        sale.customerDetails(),
        sale.purchaseDetails(),
        anExpertPartner());
  }

  /** A cloud sale whose card payment failed twice and is still open. */
  static Transaction aSaleInDunning() {
    Transaction sale = aCloudSale();
    return new Transaction(
        sale.transactionId(),
        sale.transactionLineItemId(),
        sale.ids(),
        sale.addonKey(),
        sale.productId(),
        sale.addonName(),
        sale.lastUpdated(),
        sale.appEdition(),
        PaymentStatus.OPEN,
        List.of(
            new DunningAttempt(
                1, "expired card", LocalDate.of(2024, 3, 2), LocalDate.of(2024, 3, 5)),
            new DunningAttempt(2, null, LocalDate.of(2024, 3, 5), null)),
        Boolean.TRUE,
        sale.cloudComplianceBoundaries(),
        "multi-instance",
        sale.customerDetails(),
        sale.purchaseDetails(),
        sale.partnerDetails());
  }

  /** {@code sale} with other customer details. */
  static Transaction withCustomer(Transaction t, ContactDetails customer) {
    return new Transaction(
        t.transactionId(),
        t.transactionLineItemId(),
        t.ids(),
        t.addonKey(),
        t.productId(),
        t.addonName(),
        t.lastUpdated(),
        t.appEdition(),
        t.paymentStatus(),
        t.dunningStatus(),
        t.isInvoiceManual(),
        t.cloudComplianceBoundaries(),
        t.licenseLevel(),
        customer,
        t.purchaseDetails(),
        t.partnerDetails());
  }

  /** {@code sale} with other purchase details. */
  static Transaction withPurchase(Transaction t, PurchaseDetails purchase) {
    return new Transaction(
        t.transactionId(),
        t.transactionLineItemId(),
        t.ids(),
        t.addonKey(),
        t.productId(),
        t.addonName(),
        t.lastUpdated(),
        t.appEdition(),
        t.paymentStatus(),
        t.dunningStatus(),
        t.isInvoiceManual(),
        t.cloudComplianceBoundaries(),
        t.licenseLevel(),
        t.customerDetails(),
        purchase,
        t.partnerDetails());
  }

  /** A new annual cloud purchase with the given amounts and discounts. */
  static PurchaseDetails purchase(
      long priceCents, long vendorCents, Long partnerDiscountCents, List<Discount> discounts) {
    PurchaseDetails p = aNewCloudPurchase();
    return new PurchaseDetails(
        p.saleDate(),
        p.licenseType(),
        p.hosting(),
        BillingPeriod.ANNUAL,
        p.changeInBillingPeriod(),
        p.oldBillingPeriod(),
        p.tier(),
        p.changeInTier(),
        p.oldTier(),
        p.parentProductName(),
        p.parentProductEdition(),
        p.changeInParentProductEdition(),
        p.oldParentProductEdition(),
        priceCents,
        vendorCents,
        partnerDiscountCents,
        discounts,
        null,
        null,
        p.saleType(),
        p.maintenanceStartDate(),
        p.maintenanceStartDate().plusYears(1),
        PaymentTerms.NET30,
        null,
        List.of(new ProratedDetail(3, LocalDate.of(2024, 3, 20))));
  }
}
