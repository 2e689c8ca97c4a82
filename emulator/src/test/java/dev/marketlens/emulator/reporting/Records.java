package dev.marketlens.emulator.reporting;

import dev.marketlens.emulator.commerce.App;
import dev.marketlens.emulator.commerce.AppPlatform;
import dev.marketlens.emulator.commerce.HostProduct;
import dev.marketlens.emulator.commerce.PaymentModel;
import dev.marketlens.emulator.wire.BillingPeriod;
import dev.marketlens.emulator.wire.ContactDetails;
import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.License;
import dev.marketlens.emulator.wire.LicenseIds;
import dev.marketlens.emulator.wire.LicenseStatus;
import dev.marketlens.emulator.wire.LicenseType;
import dev.marketlens.emulator.wire.OriginalTransaction;
import dev.marketlens.emulator.wire.PartnerDetails;
import dev.marketlens.emulator.wire.PartnerType;
import dev.marketlens.emulator.wire.PurchaseDetails;
import dev.marketlens.emulator.wire.SaleType;
import dev.marketlens.emulator.wire.Tier;
import dev.marketlens.emulator.wire.Transaction;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Small licenses, transaction lines and apps for the aggregates' unit tests. */
final class Records {

  static final App JIRA_APP = app("com.example.jira", "Jira Thing");
  static final App CONFLUENCE_APP = app("com.example.confluence", "Confluence Thing");
  static final List<App> APPS = List.of(JIRA_APP, CONFLUENCE_APP);

  private static int lines;

  private Records() {}

  static App app(String key, String name) {
    return new App(
        key,
        name,
        "00000000-0000-4000-8000-" + String.format("%012d", Math.abs(key.hashCode())),
        HostProduct.JIRA,
        AppPlatform.CONNECT,
        false,
        false,
        LocalDate.of(2018, 1, 1),
        PaymentModel.PAID_VIA_ATLASSIAN,
        true,
        false,
        Map.of());
  }

  static LocalDate day(String iso) {
    return LocalDate.parse(iso);
  }

  static LicenseIds cloudIds(String entitlement) {
    return new LicenseIds(
        null,
        null,
        null,
        "ent-" + entitlement,
        "E-" + entitlement,
        null,
        null,
        "cloud-" + entitlement,
        entitlement + ".atlassian.net");
  }

  static ContactDetails customer(String country, String region) {
    return new ContactDetails("Acme " + country, country, region, null, null);
  }

  static PartnerDetails partner(PartnerType type) {
    return new PartnerDetails("Partner " + type, type, null);
  }

  /** A cloud license of {@code app}. */
  static License cloudLicense(
      App app,
      String entitlement,
      LicenseType type,
      LicenseStatus status,
      LocalDate start,
      LocalDate end,
      LocalDate evaluationStart) {
    return new License(
        cloudIds(entitlement),
        app.addonKey(),
        app.productId(),
        app.name(),
        Hosting.CLOUD,
        null,
        null,
        null,
        null,
        evaluationStart,
        start,
        "Yes",
        start,
        type,
        start,
        end,
        status,
        type == LicenseType.EVALUATION ? Tier.EVALUATION : Tier.users(10),
        null,
        customer("Germany", "EMEA"),
        null,
        null,
        "Non-Atlassian",
        null,
        null,
        null,
        List.of("commercial"),
        "single-instance");
  }

  /** A Data Center evaluation license. */
  static License dataCenterEvaluation(App app, String sen, LocalDate start, ContactDetails who) {
    return new License(
        new LicenseIds(sen, null, "SEN-" + sen, null, null, null, null, null, null),
        app.addonKey(),
        app.productId(),
        app.name(),
        Hosting.DATA_CENTER,
        null,
        null,
        null,
        null,
        start,
        null,
        "No",
        start,
        LicenseType.EVALUATION,
        start,
        start.plusDays(30),
        LicenseStatus.INACTIVE,
        Tier.EVALUATION,
        null,
        who,
        null,
        null,
        "Non-Atlassian",
        null,
        null,
        null,
        null,
        "single-instance");
  }

  /** A line of a cloud license. */
  static Transaction cloudLine(
      App app,
      String entitlement,
      SaleType type,
      LocalDate sale,
      LocalDate start,
      LocalDate end,
      BillingPeriod period,
      long priceCents,
      long vendorCents) {
    return line(
        app,
        cloudIds(entitlement),
        Hosting.CLOUD,
        type,
        sale,
        start,
        end,
        period,
        priceCents,
        vendorCents,
        customer("Germany", "EMEA"),
        null);
  }

  static Transaction line(
      App app,
      LicenseIds ids,
      Hosting hosting,
      SaleType type,
      LocalDate sale,
      LocalDate start,
      LocalDate end,
      BillingPeriod period,
      long priceCents,
      long vendorCents,
      ContactDetails customer,
      PartnerDetails partner) {
    int n = ++lines;
    PurchaseDetails p =
        new PurchaseDetails(
            sale,
            LicenseType.COMMERCIAL,
            hosting,
            period,
            null,
            null,
            Tier.users(10),
            null,
            null,
            "Jira",
            "Standard",
            null,
            null,
            priceCents,
            vendorCents,
            null,
            List.of(),
            null,
            null,
            type,
            start,
            end,
            null,
            type == SaleType.REFUND ? new OriginalTransaction("AT-" + (n - 1), sale) : null,
            List.of());
    return new Transaction(
        "AT-" + n,
        String.format("%08d", n),
        ids,
        app.addonKey(),
        app.productId(),
        app.name(),
        sale,
        null,
        null,
        List.of(),
        null,
        List.of("commercial"),
        null,
        customer,
        p,
        partner);
  }
}
