package dev.marketlens.payouts.refunds;

import static dev.marketlens.payouts.refunds.Fixtures.dc;
import static dev.marketlens.payouts.refunds.Fixtures.license;
import static dev.marketlens.payouts.refunds.Fixtures.refund;
import static dev.marketlens.payouts.refunds.Fixtures.sale;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.model.LicenseType;
import dev.marketlens.model.SaleType;
import dev.marketlens.model.license.License;
import dev.marketlens.model.transaction.TransactionLine;
import dev.marketlens.payouts.refunds.LicenseChecks.Finding;
import dev.marketlens.payouts.refunds.LicenseChecks.Kind;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * License checks on hand-worked examples: a Data Center license SEN-1 with a New 2024-01-01 →
 * 2025-01-01 and a Renewal 2025-01-01 → 2026-01-01, at 50 Users.
 */
@DisplayName("license checks: licenses against their transactions")
class LicenseChecksTest {

  private static final TransactionLine NEW =
      sale("100", dc("1"), SaleType.NEW, "2024-01-01", "2025-01-01", 120_000);
  private static final TransactionLine RENEWAL =
      sale("101", dc("1"), SaleType.RENEWAL, "2025-01-01", "2026-01-01", 120_000);

  private static License paid(String end) {
    return license(dc("1"), LicenseType.COMMERCIAL, "50 Users", "2024-01-01", end);
  }

  private static List<Finding> check(List<TransactionLine> lines, List<License> licenses) {
    return LicenseChecks.of(lines, licenses).findings();
  }

  @Test
  @DisplayName("a license whose maintenance ends where its last sale ends has no finding")
  void consistent() {
    assertThat(check(List.of(NEW, RENEWAL), List.of(paid("2026-01-01")))).isEmpty();
  }

  @Test
  @DisplayName(
      "maintenance beyond what was paid: the license ends 2027-01-01, its sales pay to 2026-01-01 (365 days unpaid)")
  void maintenanceBeyondPaid() {
    List<Finding> findings = check(List.of(NEW, RENEWAL), List.of(paid("2027-01-01")));
    assertThat(findings).hasSize(1);
    Finding f = findings.get(0);
    assertThat(f.kind()).isEqualTo(Kind.MAINTENANCE_BEYOND_PAID);
    assertThat(f.license()).isEqualTo("SEN-1");
    assertThat(f.lineItemId()).isEqualTo("101");
    assertThat(f.transactionId()).isEqualTo("AT-101");
    assertThat(f.licenseValue()).isEqualTo("2027-01-01");
    assertThat(f.transactionValue()).isEqualTo("2026-01-01");
    assertThat(f.detail()).contains("365 days unpaid");
  }

  @Test
  @DisplayName(
      "a refund cuts what was paid: a cancellation on 2025-04-01 of the renewal pays to then; the license ending 2026-01-01 is beyond it")
  void refundCutsThePaidPeriod() {
    TransactionLine cancel =
        refund(
            "200",
            "AT-200",
            dc("1"),
            "2025-04-01",
            "2025-04-01",
            "2026-01-01",
            90_000,
            "AT-101",
            "2025-01-01");
    List<Finding> findings = check(List.of(NEW, RENEWAL, cancel), List.of(paid("2026-01-01")));
    assertThat(findings).extracting(Finding::kind).containsExactly(Kind.MAINTENANCE_BEYOND_PAID);
    assertThat(findings.get(0).transactionValue()).isEqualTo("2025-04-01");
    assertThat(findings.get(0).lineItemId()).isEqualTo("200");
    // The license cancelled on the refund's day agrees.
    assertThat(check(List.of(NEW, RENEWAL, cancel), List.of(paid("2025-04-01")))).isEmpty();
  }

  @Test
  @DisplayName(
      "a full refund within 30 days pays to its sale date: the license cancelled on 2025-01-15 agrees")
  void fullRefund() {
    TransactionLine full =
        refund(
            "200",
            "AT-200",
            dc("1"),
            "2025-01-15",
            "2025-01-01",
            "2026-01-01",
            120_000,
            "AT-101",
            "2025-01-01");
    assertThat(check(List.of(NEW, RENEWAL, full), List.of(paid("2025-01-15")))).isEmpty();
  }

  @Test
  @DisplayName(
      "a gap between maintenance periods: the renewal starts 2025-02-01, a month after the New ended")
  void gap() {
    TransactionLine late =
        sale("101", dc("1"), SaleType.RENEWAL, "2025-02-01", "2026-02-01", 120_000);
    List<Finding> findings = check(List.of(NEW, late), List.of(paid("2026-02-01")));
    assertThat(findings).hasSize(1);
    Finding f = findings.get(0);
    assertThat(f.kind()).isEqualTo(Kind.MAINTENANCE_GAP);
    assertThat(f.date()).isEqualTo(LocalDate.of(2025, 1, 1));
    assertThat(f.transactionValue()).isEqualTo("2025-01-01..2025-02-01");
    assertThat(f.lineItemId()).isEqualTo("101");
    assertThat(f.detail()).contains("end of 100", "Renewal 101");
  }

  @Test
  @DisplayName("a New after a lapse is a new purchase, not a gap")
  void newAfterLapse() {
    TransactionLine again = sale("101", dc("1"), SaleType.NEW, "2025-06-01", "2026-06-01", 120_000);
    assertThat(check(List.of(NEW, again), List.of(paid("2026-06-01")))).isEmpty();
  }

  @Test
  @DisplayName("tier mismatch: the license says 100 Users, its latest sale (the renewal) 50 Users")
  void tierMismatch() {
    License l = license(dc("1"), LicenseType.COMMERCIAL, "100 Users", "2024-01-01", "2026-01-01");
    List<Finding> findings = check(List.of(NEW, RENEWAL), List.of(l));
    assertThat(findings).hasSize(1);
    Finding f = findings.get(0);
    assertThat(f.kind()).isEqualTo(Kind.TIER_MISMATCH);
    assertThat(f.licenseValue()).isEqualTo("100 Users");
    assertThat(f.transactionValue()).isEqualTo("50 Users");
    assertThat(f.lineItemId()).isEqualTo("101");
    // An upgrade to 100 Users makes them agree.
    TransactionLine upgrade =
        sale(
            "102",
            "AT-102",
            dc("1"),
            SaleType.UPGRADE,
            "2025-06-01",
            "2025-06-01",
            "2026-01-01",
            40_000,
            "100 Users");
    assertThat(check(List.of(NEW, RENEWAL, upgrade), List.of(l))).isEmpty();
  }

  @Test
  @DisplayName(
      "a paid license without transactions is a finding; evaluations, free licenses and sandboxes are not")
  void licenseWithoutTransactions() {
    List<Finding> findings =
        check(
            List.of(),
            List.of(
                license(dc("1"), LicenseType.COMMERCIAL, "50 Users", "2024-01-01", "2025-01-01"),
                license(dc("2"), LicenseType.ACADEMIC, "50 Users", "2024-01-01", "2025-01-01"),
                license(dc("3"), LicenseType.EVALUATION, "Evaluation", "2024-01-01", "2024-01-31"),
                license(dc("4"), LicenseType.COMMUNITY, "50 Users", "2024-01-01", "2025-01-01"),
                license(dc("5"), LicenseType.FREE, "10 Users", "2024-01-01", null),
                license(
                    dc("6"),
                    LicenseType.COMMERCIAL,
                    "50 Users",
                    "2024-01-01",
                    "2025-01-01",
                    Fixtures.sandbox())));
    assertThat(findings)
        .extracting(Finding::kind, Finding::license, Finding::licenseValue)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                Kind.LICENSE_WITHOUT_TRANSACTIONS, "SEN-1", "COMMERCIAL 50 Users"),
            org.assertj.core.groups.Tuple.tuple(
                Kind.LICENSE_WITHOUT_TRANSACTIONS, "SEN-2", "ACADEMIC 50 Users"));
  }

  @Test
  @DisplayName(
      "transactions without a license: one finding per license, naming its first line and how many")
  void transactionsWithoutLicense() {
    List<Finding> findings = check(List.of(RENEWAL, NEW), List.of());
    assertThat(findings).hasSize(1);
    Finding f = findings.get(0);
    assertThat(f.kind()).isEqualTo(Kind.TRANSACTION_WITHOUT_LICENSE);
    assertThat(f.lineItemId()).isEqualTo("100");
    assertThat(f.date()).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(f.transactionValue()).isEqualTo("2 lines");
    assertThat(f.detail()).contains("2024-01-01", "2025-01-01");
  }

  @Test
  @DisplayName(
      "identity: lines carrying only the add-on license id, or only the entitlement number, match the license carrying both")
  void identity() {
    TransactionLine byAddon =
        sale("100", Fixtures.addonOnly("7"), SaleType.NEW, "2024-01-01", "2025-01-01", 120_000);
    TransactionLine byNumber =
        sale(
            "101",
            Fixtures.entitlementOnly("E-7"),
            SaleType.RENEWAL,
            "2025-01-01",
            "2026-01-01",
            120_000);
    License l =
        license(
            Fixtures.addonAndEntitlement("7", "E-7"),
            LicenseType.COMMERCIAL,
            "50 Users",
            "2024-01-01",
            "2026-01-01");
    assertThat(check(List.of(byAddon, byNumber), List.of(l))).isEmpty();
  }

  @Test
  @DisplayName("findings by kind: the filter and the counts; the table's columns")
  void kindsAndTable() {
    LicenseChecks checks =
        LicenseChecks.of(
            List.of(
                NEW, RENEWAL, sale("300", dc("9"), SaleType.NEW, "2024-01-01", "2025-01-01", 1)),
            List.of(paid("2027-01-01")));
    assertThat(checks.findings()).hasSize(2);
    assertThat(checks.findings(Set.of(Kind.TRANSACTION_WITHOUT_LICENSE))).hasSize(1);
    assertThat(LicenseChecks.counts(checks.findings()))
        .containsEntry(Kind.MAINTENANCE_BEYOND_PAID, 1)
        .containsEntry(Kind.TRANSACTION_WITHOUT_LICENSE, 1)
        .containsEntry(Kind.TIER_MISMATCH, 0);
    var row = LicenseChecks.table(checks.findings()).objects().get(0);
    assertThat(row)
        .containsEntry("kind", "maintenance-beyond-paid")
        .containsEntry("license", "SEN-1")
        .containsEntry("licenseType", "COMMERCIAL")
        .containsEntry("transactionLineItemId", "101")
        .containsEntry("date", "2027-01-01")
        .containsEntry("licenseValue", "2027-01-01")
        .containsEntry("transactionValue", "2026-01-01");
    assertThat(Kind.parse("tier-mismatch")).contains(Kind.TIER_MISMATCH);
    assertThat(Kind.parse("nope")).isEmpty();
  }
}
