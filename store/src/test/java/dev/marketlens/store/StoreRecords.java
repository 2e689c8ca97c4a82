package dev.marketlens.store;

import dev.marketlens.model.BillingPeriod;
import dev.marketlens.model.Contact;
import dev.marketlens.model.CustomerDetails;
import dev.marketlens.model.Hosting;
import dev.marketlens.model.LicenseStatus;
import dev.marketlens.model.LicenseType;
import dev.marketlens.model.Money;
import dev.marketlens.model.PaymentStatus;
import dev.marketlens.model.SaleType;
import dev.marketlens.model.Tier;
import dev.marketlens.model.id.AddonLicenseId;
import dev.marketlens.model.id.AppEntitlementNumber;
import dev.marketlens.model.id.AppKey;
import dev.marketlens.model.id.LicenseId;
import dev.marketlens.model.id.LicenseIds;
import dev.marketlens.model.id.TransactionId;
import dev.marketlens.model.id.TransactionLineItemId;
import dev.marketlens.model.license.License;
import dev.marketlens.model.transaction.TransactionLine;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Licenses and transaction lines as a sync would hand them to the store, with their JSON. */
final class StoreRecords {
  static final AppKey APP = AppKey.of("com.example.timesheets");

  private StoreRecords() {}

  /** A sale line of a Data Center license, SEN-12345, with a technical contact's email. */
  static Received<TransactionLine> line(
      String lineItemId, String transactionId, long cents, String lastUpdated, String email) {
    TransactionLine line =
        new TransactionLine(
            TransactionId.of(transactionId),
            TransactionLineItemId.of(lineItemId),
            LicenseIds.ofServer(AddonLicenseId.of("12345"), LicenseId.of("SEN-12345")),
            APP,
            "Timesheets",
            null,
            LocalDate.of(2025, 1, 3),
            SaleType.NEW,
            LicenseType.COMMERCIAL,
            Hosting.DATA_CENTER,
            BillingPeriod.ANNUAL,
            Tier.parse("50 Users"),
            null,
            null,
            Money.ofCents(cents),
            Money.ofCents(cents * 85 / 100),
            List.of(),
            null,
            null,
            LocalDate.of(2025, 1, 3),
            LocalDate.of(2026, 1, 3),
            PaymentStatus.PAID,
            new CustomerDetails("Acme", "Germany", "EMEA", new Contact("Ada", email), null),
            null,
            null,
            Instant.parse(lastUpdated + "T00:00:00Z"),
            false);
    String json =
        """
        {"transactionId":"%s","transactionLineItemId":"%s","addonKey":"%s",\
        "customerDetails":{"company":"Acme","technicalContact":{"name":"Ada","email":"%s"}},\
        "purchaseDetails":{"saleDate":"2025-01-03","purchasePrice":%s,"vendorAmount":%s,\
        "discounts":[]},"lastUpdated":"%s"}"""
            .formatted(
                transactionId,
                lineItemId,
                APP,
                email,
                Money.ofCents(cents),
                Money.ofCents(cents * 85 / 100),
                lastUpdated);
    return new Received<>(line, json);
  }

  /**
   * A Data Center license known by a SEN and an add-on license id, and, when {@code
   * entitlementNumber} is given, by the entitlement number it gained; {@code sen} may be null.
   */
  static Received<License> license(
      String addonLicenseId,
      String sen,
      String entitlementNumber,
      String tier,
      String lastUpdated,
      String email) {
    LicenseIds ids =
        new LicenseIds(
            addonLicenseId == null ? null : AddonLicenseId.of(addonLicenseId),
            sen == null ? null : LicenseId.of(sen),
            null,
            null,
            entitlementNumber == null ? null : AppEntitlementNumber.of(entitlementNumber),
            null,
            null,
            null);
    License license =
        new License(
            ids,
            APP,
            "Timesheets",
            null,
            Hosting.DATA_CENTER,
            LicenseType.COMMERCIAL,
            LicenseStatus.ACTIVE,
            Tier.parse(tier),
            null,
            LocalDate.of(2025, 1, 3),
            LocalDate.of(2026, 1, 3),
            Instant.parse(lastUpdated + "T00:00:00Z"),
            new CustomerDetails("Acme", "Germany", "EMEA", new Contact("Ada", email), null),
            null,
            null,
            null);
    String json =
        """
        {"addonLicenseId":%s,"licenseId":%s,"appEntitlementNumber":%s,"addonKey":"%s",\
        "hosting":"Data Center","tier":"%s","maintenanceStartDate":"2025-01-03",\
        "contactDetails":{"company":"Acme","technicalContact":{"name":"Ada","email":"%s"}},\
        "lastUpdated":"%s"}"""
            .formatted(
                quoted(addonLicenseId),
                quoted(sen),
                quoted(entitlementNumber),
                APP,
                tier,
                email,
                lastUpdated);
    return new Received<>(license, json);
  }

  private static String quoted(String text) {
    return text == null ? "null" : "\"" + text + "\"";
  }
}
