package dev.marketlens.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.metrics.ledger.LedgerLine;
import dev.marketlens.metrics.movements.Movements;
import dev.marketlens.model.BillingPeriod;
import dev.marketlens.model.Contact;
import dev.marketlens.model.CustomerDetails;
import dev.marketlens.model.Discount;
import dev.marketlens.model.DiscountType;
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
import dev.marketlens.model.license.LicenseDetails;
import dev.marketlens.model.transaction.OriginalTransaction;
import dev.marketlens.model.transaction.TransactionLine;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** From model records to the book: lineages, customers, exclusions, refund links, the ledger. */
class RecordsTest {

  private static final AppKey APP = AppKey.of("com.example.app");
  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

  private static LicenseIds sen(String number) {
    return LicenseIds.ofServer(AddonLicenseId.of(number), LicenseId.of("SEN-" + number));
  }

  private static LicenseIds entitlement(String number) {
    return new LicenseIds(
        null, null, null, null, AppEntitlementNumber.of(number), null, null, null);
  }

  private static CustomerDetails customer(String company, String email) {
    return new CustomerDetails(
        company,
        "Germany",
        "EMEA",
        email == null ? Contact.redacted() : new Contact("Ada", email),
        null);
  }

  private static TransactionLine line(
      String id,
      String tx,
      LicenseIds ids,
      SaleType type,
      String start,
      String end,
      long cents,
      CustomerDetails customer,
      PaymentStatus status,
      List<Discount> discounts,
      OriginalTransaction original) {
    return new TransactionLine(
        TransactionId.of(tx),
        TransactionLineItemId.of(id),
        ids,
        APP,
        "App",
        null,
        LocalDate.parse(start),
        type,
        LicenseType.COMMERCIAL,
        Hosting.DATA_CENTER,
        BillingPeriod.ANNUAL,
        Tier.parse("50 Users"),
        null,
        null,
        Money.ofCents(cents),
        Money.ofCents(cents * 3 / 4),
        discounts,
        null,
        original,
        LocalDate.parse(start),
        LocalDate.parse(end),
        status,
        customer,
        null,
        null,
        Instant.parse("2026-01-01T00:00:00Z"),
        false);
  }

  private static TransactionLine sale(
      String id,
      LicenseIds ids,
      SaleType type,
      String start,
      String end,
      long cents,
      CustomerDetails customer) {
    return line(
        id,
        "AT-" + id,
        ids,
        type,
        start,
        end,
        cents,
        customer,
        PaymentStatus.PAID,
        List.of(),
        null);
  }

  private static License license(LicenseIds ids, CustomerDetails customer, String source) {
    return new License(
        ids,
        APP,
        "App",
        null,
        Hosting.DATA_CENTER,
        LicenseType.COMMERCIAL,
        LicenseStatus.ACTIVE,
        Tier.parse("50 Users"),
        null,
        LocalDate.of(2024, 1, 1),
        LocalDate.of(2026, 1, 1),
        Instant.parse("2026-01-01T00:00:00Z"),
        customer,
        null,
        null,
        null,
        new LicenseDetails(
            null, null, null, source, null, null, null, null, null, null, null, List.of(), null,
            null, null));
  }

  private static Metrics metrics(Records records) {
    return Metrics.of(records.load(Map.of(), Set.of()), Parameters.defaults(AS_OF));
  }

  private static Movements month(Metrics m, String month) {
    return m.movements(Metrics.View.of(YearMonth.parse(month), YearMonth.parse(month))).get(0);
  }

  @Test
  @DisplayName(
      "spec §3.2: a SEN and the entitlement number it gained are one license; its renewal under the new id is no churn")
  void senAndEntitlementNumberAreOneLineage() {
    Records r = new Records();
    CustomerDetails acme = customer("Acme", "ada@acme.com");
    r.add(
        new License(
            new LicenseIds(
                AddonLicenseId.of("7"),
                LicenseId.of("SEN-7"),
                null,
                null,
                AppEntitlementNumber.of("E-7"),
                null,
                null,
                null),
            APP,
            "App",
            null,
            Hosting.DATA_CENTER,
            LicenseType.COMMERCIAL,
            LicenseStatus.ACTIVE,
            Tier.parse("50 Users"),
            null,
            LocalDate.of(2024, 1, 1),
            LocalDate.of(2026, 1, 1),
            Instant.parse("2026-01-01T00:00:00Z"),
            acme,
            null,
            null,
            null));
    r.add(sale("1", sen("7"), SaleType.NEW, "2024-01-01", "2025-01-01", 120_000, acme));
    r.add(
        sale("2", entitlement("E-7"), SaleType.RENEWAL, "2025-01-01", "2026-01-01", 120_000, acme));
    Metrics m = metrics(r);
    assertThat(m.book().licenseCount()).isEqualTo(1);
    assertThat(m.book().licenseKey(0)).isEqualTo("E-7");
    assertThat(month(m, "2025-01").churnedMrr()).isZero();
  }

  @Test
  @DisplayName(
      "spec §3.3: two licenses of one company domain are one customer; adding the second is expansion")
  void oneCustomerPerDomain() {
    Records r = new Records();
    r.add(
        sale(
            "1",
            sen("1"),
            SaleType.NEW,
            "2024-01-01",
            "2025-01-01",
            120_000,
            customer("Acme", "ada@acme.com")));
    r.add(
        sale(
            "2",
            sen("2"),
            SaleType.NEW,
            "2024-06-01",
            "2025-06-01",
            120_000,
            customer("Acme Inc", "bob@eu.acme.com")));
    Metrics m = metrics(r);
    assertThat(m.book().customerCount()).isEqualTo(1);
    assertThat(month(m, "2024-06").expansionMrr()).isEqualTo(7_500);
  }

  @Test
  @DisplayName("spec §2.7: Uncollectible lines, and the refunds of them, never count")
  void uncollectibleIsLeftOut() {
    Records r = new Records();
    CustomerDetails acme = customer("Acme", "ada@acme.com");
    r.add(
        line(
            "1",
            "AT-1",
            sen("1"),
            SaleType.NEW,
            "2025-01-01",
            "2026-01-01",
            120_000,
            acme,
            PaymentStatus.UNCOLLECTIBLE,
            List.of(),
            null));
    r.add(
        line(
            "2",
            "AT-2",
            sen("1"),
            SaleType.REFUND,
            "2025-01-01",
            "2026-01-01",
            -120_000,
            acme,
            PaymentStatus.PAID,
            List.of(),
            new OriginalTransaction(TransactionId.of("AT-1"), LocalDate.of(2025, 1, 1))));
    assertThat(metrics(r).book().size()).isZero();
  }

  @Test
  @DisplayName("spec §2.7: lines of Atlassian's own licenses never count")
  void atlassianLicensesAreLeftOut() {
    Records r = new Records();
    CustomerDetails atlassian = customer("Atlassian", "ops@atlassian.com");
    r.add(license(sen("9"), atlassian, "Atlassian"));
    r.add(sale("1", sen("9"), SaleType.NEW, "2025-01-01", "2026-01-01", 120_000, atlassian));
    r.add(license(sen("8"), customer("Acme", "ada@acme.com"), "Non-Atlassian"));
    r.add(
        sale(
            "2",
            sen("8"),
            SaleType.NEW,
            "2025-01-01",
            "2026-01-01",
            120_000,
            customer("Acme", "ada@acme.com")));
    assertThat(metrics(r).book().size()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "spec §2.5: a refund without a period finds its original by originalTransactionDetails and voids it")
  void refundWithoutPeriodVoidsItsOriginal() {
    Records r = new Records();
    CustomerDetails acme = customer("Acme", "ada@acme.com");
    r.add(sale("1", sen("1"), SaleType.NEW, "2025-01-01", "2026-01-01", 120_000, acme));
    r.add(
        line(
            "2",
            "AT-2",
            sen("1"),
            SaleType.REFUND,
            "2025-01-15",
            "2025-01-15",
            -120_000,
            acme,
            PaymentStatus.PAID,
            List.of(),
            new OriginalTransaction(TransactionId.of("AT-1"), LocalDate.of(2025, 1, 1))));
    Metrics m = metrics(r);
    assertThat(month(m, "2025-01").newMrr()).isZero();
    List<LedgerLine> ledger =
        m.ledger(Metrics.View.of(YearMonth.of(2025, 1), YearMonth.of(2025, 1)));
    assertThat(ledger).extracting(LedgerLine::refundOf).containsExactly(null, "1");
  }

  @Test
  @DisplayName(
      "issue 6: the ledger shows list price, each discount by type, purchase price, vendor amount and Atlassian's share")
  void ledgerLine() {
    Records r = new Records();
    r.add(
        line(
            "1",
            "AT-1",
            sen("1"),
            SaleType.NEW,
            "2025-01-01",
            "2026-01-01",
            100_000,
            customer("Acme", "ada@acme.com"),
            PaymentStatus.PAID,
            List.of(
                Discount.of(DiscountType.EXPERT, Money.ofCents(20_000)),
                Discount.of(DiscountType.MARKETPLACE_PROMOTION, Money.ofCents(5_000))),
            null));
    r.add(
        sale(
            "2",
            sen("2"),
            SaleType.NEW,
            "2025-01-01",
            "2026-01-01",
            0,
            customer("Acme", "ada@acme.com")));
    LedgerLine l =
        metrics(r).ledger(Metrics.View.of(YearMonth.of(2025, 1), YearMonth.of(2025, 1))).get(0);
    assertThat(l.listPrice()).isEqualTo(125_000);
    assertThat(l.discounts())
        .containsExactly(Map.entry("EXPERT", 20_000L), Map.entry("MARKETPLACE_PROMOTION", 5_000L));
    assertThat(l.purchasePrice()).isEqualTo(100_000);
    assertThat(l.vendorAmount()).isEqualTo(75_000);
    assertThat(l.atlassianShare()).isEqualTo(25_000);
    assertThat(l.zeroDollar()).isFalse();
    assertThat(l.mrr()).isEqualTo(6_250);
    assertThat(
            metrics(r)
                .ledger(Metrics.View.of(YearMonth.of(2025, 1), YearMonth.of(2025, 1)))
                .get(1)
                .zeroDollar())
        .isTrue();
  }
}
