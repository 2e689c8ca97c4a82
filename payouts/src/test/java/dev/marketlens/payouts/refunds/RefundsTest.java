package dev.marketlens.payouts.refunds;

import static dev.marketlens.payouts.refunds.Fixtures.d;
import static dev.marketlens.payouts.refunds.Fixtures.dc;
import static dev.marketlens.payouts.refunds.Fixtures.refund;
import static dev.marketlens.payouts.refunds.Fixtures.sale;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketlens.metrics.segments.Dimension;
import dev.marketlens.metrics.segments.Where;
import dev.marketlens.model.LicenseType;
import dev.marketlens.model.SaleType;
import dev.marketlens.model.transaction.TransactionLine;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Seed 004's refund windows on hand-worked examples. A Data Center New sold 2024-03-01 (maintenance
 * to 2025-03-01, $1,200.00): day 30 is 2024-03-31, day 31 2024-04-01, day 60 2024-04-30, day 61
 * 2024-05-01, day 90 2024-05-30, day 91 2024-05-31.
 */
@DisplayName("seed 004 (SR-F1…F4): refunds classified by the policy windows")
class RefundsTest {

  private static final TransactionLine NEW =
      sale(
          "100",
          "AT-100",
          dc("1"),
          SaleType.NEW,
          "2024-03-01",
          "2024-03-01",
          "2025-03-01",
          120_000,
          "50 Users");

  /** The one refund row of the New and a refund of {@code cents} sold on {@code day}. */
  private static Refunds.Row refundOn(String day, long cents) {
    TransactionLine r =
        refund("200", "AT-200", dc("1"), day, day, "2025-03-01", cents, "AT-100", "2024-03-01");
    List<Refunds.Row> rows = Refunds.of(List.of(NEW, r), List.of(), Map.of()).rows();
    assertThat(rows).hasSize(1);
    return rows.get(0);
  }

  @ParameterizedTest(name = "refund on {0} = day {1}")
  @CsvSource({"2024-03-01, 0", "2024-03-15, 14", "2024-03-31, 30"})
  @DisplayName("SR-F1: a refund on day 0…30 after the sale is a full refund, no questions asked")
  void fullWithin30Days(String day, int days) {
    Refunds.Row row = refundOn(day, 120_000);
    assertThat(row.rule()).isEqualTo(RefundRule.FULL_WITHIN_30_DAYS);
    assertThat(row.days()).isEqualTo(days);
    assertThat(row.refunded()).isEqualTo(NEW);
    assertThat(row.link()).isEqualTo(Refunds.Link.TRANSACTION);
    assertThat(row.rule().seedRule()).isEqualTo("SR-F1");
  }

  @Test
  @DisplayName(
      "SR-F1: a refund of $5,000.00 on day 30 is still full: the $1,500 approval starts on day 31")
  void largeRefundWithin30Days() {
    assertThat(refundOn("2024-03-31", 500_000).rule()).isEqualTo(RefundRule.FULL_WITHIN_30_DAYS);
  }

  @ParameterizedTest(name = "refund on {0} = day {1}")
  @CsvSource({"2024-04-01, 31", "2024-04-30, 60"})
  @DisplayName("SR-F2: a refund of $1,200.00 on day 31 or day 60 is at Atlassian's discretion")
  void discretionary(String day, int days) {
    Refunds.Row row = refundOn(day, 120_000);
    assertThat(row.rule()).isEqualTo(RefundRule.DISCRETIONARY_31_TO_60_DAYS);
    assertThat(row.days()).isEqualTo(days);
    assertThat(row.partnerRefundTotalCents()).isEqualTo(120_000);
  }

  @Test
  @DisplayName(
      "SR-F2: on day 45 a refund total of exactly $1,500.00 is discretionary, $1,500.01 needs the partner's approval")
  void partnerApprovalThreshold() {
    assertThat(refundOn("2024-04-15", 150_000).rule())
        .isEqualTo(RefundRule.DISCRETIONARY_31_TO_60_DAYS);
    assertThat(refundOn("2024-04-15", 150_001).rule())
        .isEqualTo(RefundRule.PARTNER_APPROVAL_31_TO_60_DAYS);
    assertThat(refundOn("2024-04-01", 150_001).rule())
        .isEqualTo(RefundRule.PARTNER_APPROVAL_31_TO_60_DAYS);
    assertThat(refundOn("2024-04-30", 150_001).rule())
        .isEqualTo(RefundRule.PARTNER_APPROVAL_31_TO_60_DAYS);
  }

  @Test
  @DisplayName(
      "SR-F2: the partner's refund total is the refund transaction's: two lines of $800.00 make $1,600.00, both need approval")
  void partnerTotalIsTheRefundTransactions() {
    TransactionLine second =
        sale(
            "101",
            "AT-100",
            dc("2"),
            SaleType.NEW,
            "2024-03-01",
            "2024-03-01",
            "2025-03-01",
            80_000,
            "50 Users");
    TransactionLine first =
        sale(
            "102",
            "AT-100",
            dc("1"),
            SaleType.NEW,
            "2024-03-01",
            "2024-03-01",
            "2025-03-01",
            80_000,
            "50 Users");
    TransactionLine r1 =
        refund(
            "201",
            "AT-200",
            dc("1"),
            "2024-04-15",
            "2024-04-15",
            "2025-03-01",
            80_000,
            "AT-100",
            "2024-03-01");
    TransactionLine r2 =
        refund(
            "202",
            "AT-200",
            dc("2"),
            "2024-04-15",
            "2024-04-15",
            "2025-03-01",
            80_000,
            "AT-100",
            "2024-03-01");
    List<Refunds.Row> rows = Refunds.of(List.of(first, second, r1, r2), List.of(), Map.of()).rows();
    assertThat(rows).extracting(Refunds.Row::partnerRefundTotalCents).containsOnly(160_000L);
    assertThat(rows)
        .extracting(Refunds.Row::rule)
        .containsOnly(RefundRule.PARTNER_APPROVAL_31_TO_60_DAYS);
    assertThat(rows)
        .extracting(r -> r.refunded().lineItemId().value())
        .containsExactly("102", "101");
    // Alone, each $800.00 refund would be discretionary.
    assertThat(Refunds.of(List.of(first, r1), List.of(), Map.of()).rows().get(0).rule())
        .isEqualTo(RefundRule.DISCRETIONARY_31_TO_60_DAYS);
  }

  @ParameterizedTest(name = "refund on {0} = day {1}")
  @CsvSource({"2024-05-01, 61", "2024-05-30, 90", "2024-05-31, 91", "2024-12-01, 275"})
  @DisplayName("SR-F4: a refund on day 61 or later is outside every window (flagged)")
  void outsidePolicy(String day, int days) {
    Refunds.Row row = refundOn(day, 10_000);
    assertThat(row.rule()).isEqualTo(RefundRule.OUTSIDE_POLICY);
    assertThat(row.rule().seedRule()).isEqualTo("SR-F4");
    assertThat(row.days()).isEqualTo(days);
  }

  /** The New and an upgrade sold on {@code day} to the end of its term at 100 Users. */
  private static List<Refunds.Row> upgradeOn(String day, boolean withRefund) {
    TransactionLine upgrade =
        sale(
            "300",
            "AT-300",
            dc("1"),
            SaleType.UPGRADE,
            day,
            day,
            "2025-03-01",
            60_000,
            "100 Users");
    List<TransactionLine> lines =
        withRefund
            ? List.of(
                NEW,
                upgrade,
                refund(
                    "301",
                    "AT-300",
                    dc("1"),
                    day,
                    day,
                    "2025-03-01",
                    40_000,
                    "AT-100",
                    "2024-03-01"))
            : List.of(NEW, upgrade);
    return Refunds.of(lines, List.of(), Map.of()).rows();
  }

  @ParameterizedTest(name = "upgrade on {0} = day {1}")
  @CsvSource({"2024-04-01, 31", "2024-04-20, 50", "2024-05-30, 90"})
  @DisplayName(
      "SR-F3: an upgrade on day 31…90 superseding a paid line, without a refund, is an upgrade reallocation")
  void upgradeReallocation(String day, int days) {
    List<Refunds.Row> rows = upgradeOn(day, false);
    assertThat(rows).hasSize(1);
    Refunds.Row row = rows.get(0);
    assertThat(row.kind()).isEqualTo(Refunds.Kind.UPGRADE);
    assertThat(row.rule()).isEqualTo(RefundRule.UPGRADE_REALLOCATION_31_TO_90_DAYS);
    assertThat(row.refunded()).isEqualTo(NEW);
    assertThat(row.link()).isEqualTo(Refunds.Link.SUPERSEDED);
    assertThat(row.days()).isEqualTo(days);
  }

  @ParameterizedTest(name = "upgrade on {0}")
  @CsvSource({"2024-03-31", "2024-05-31", "2024-09-01"})
  @DisplayName("SR-F3: an upgrade on day 30, day 91 or later is an ordinary upgrade, not listed")
  void upgradeOutsideWindow(String day) {
    assertThat(upgradeOn(day, false)).isEmpty();
  }

  @Test
  @DisplayName("SR-F3: an upgrade that supersedes no paid line (a $0 term) is no reallocation")
  void upgradeOfZeroDollarLine() {
    TransactionLine free =
        sale(
            "100",
            "AT-100",
            dc("1"),
            SaleType.NEW,
            "2024-03-01",
            "2024-03-01",
            "2025-03-01",
            0,
            "50 Users");
    TransactionLine upgrade =
        sale(
            "300",
            "AT-300",
            dc("1"),
            SaleType.UPGRADE,
            "2024-04-20",
            "2024-04-20",
            "2025-03-01",
            60_000,
            "100 Users");
    assertThat(Refunds.of(List.of(free, upgrade), List.of(), Map.of()).rows()).isEmpty();
  }

  @ParameterizedTest(name = "pair on {0}: {1}")
  @CsvSource({
    "2024-03-20, FULL_WITHIN_30_DAYS",
    "2024-04-01, UPGRADE_REALLOCATION_31_TO_90_DAYS",
    "2024-05-15, UPGRADE_REALLOCATION_31_TO_90_DAYS",
    "2024-05-30, UPGRADE_REALLOCATION_31_TO_90_DAYS",
    "2024-05-31, OUTSIDE_POLICY"
  })
  @DisplayName(
      "SR-F3: a refund paired with an upgrade (same license, day and start) is a reallocation on day 31…90, a full refund before, late after")
  void refundPlusUpgradePair(String day, RefundRule expected) {
    List<Refunds.Row> rows = upgradeOn(day, true);
    assertThat(rows).hasSize(1);
    Refunds.Row row = rows.get(0);
    assertThat(row.kind()).isEqualTo(Refunds.Kind.REFUND);
    assertThat(row.rule()).isEqualTo(expected);
    assertThat(row.upgrade().lineItemId().value()).isEqualTo("300");
    assertThat(row.refunded()).isEqualTo(NEW);
  }

  @Test
  @DisplayName(
      "a refund naming a transaction the records do not hold is unlinked: no days, no window")
  void unlinked() {
    TransactionLine r =
        refund(
            "200",
            "AT-200",
            dc("1"),
            "2024-04-15",
            "2024-04-15",
            "2025-03-01",
            10_000,
            "AT-999",
            "2024-03-01");
    Refunds.Row row = Refunds.of(List.of(NEW, r), List.of(), Map.of()).rows().get(0);
    assertThat(row.rule()).isEqualTo(RefundRule.UNLINKED);
    assertThat(row.days()).isNull();
    assertThat(row.refunded()).isNull();
    assertThat(row.link()).isEqualTo(Refunds.Link.NONE);
    assertThat(row.rule().seedRule()).isNull();
  }

  @Test
  @DisplayName(
      "a refund without an original transaction is linked by its period on the same license (§2.5)")
  void linkedByPeriod() {
    TransactionLine renewal =
        sale(
            "110",
            "AT-110",
            dc("1"),
            SaleType.RENEWAL,
            "2025-03-01",
            "2025-03-01",
            "2026-03-01",
            120_000,
            "50 Users");
    TransactionLine r =
        refund(
            "200",
            "AT-200",
            dc("1"),
            "2025-04-20",
            "2025-04-20",
            "2026-03-01",
            100_000,
            null,
            null);
    Refunds.Row row = Refunds.of(List.of(NEW, renewal, r), List.of(), Map.of()).rows().get(0);
    assertThat(row.refunded()).isEqualTo(renewal);
    assertThat(row.link()).isEqualTo(Refunds.Link.PERIOD);
    assertThat(row.days()).isEqualTo(50);
    assertThat(row.rule()).isEqualTo(RefundRule.DISCRETIONARY_31_TO_60_DAYS);
  }

  @Test
  @DisplayName(
      "a refund without an original transaction whose period fits two lines equally is unlinked, not guessed")
  void ambiguousPeriod() {
    TransactionLine other =
        sale(
            "101",
            "AT-101",
            dc("1"),
            SaleType.NEW,
            "2024-03-01",
            "2024-03-01",
            "2025-03-01",
            120_000,
            "50 Users");
    TransactionLine r =
        refund(
            "200",
            "AT-200",
            dc("1"),
            "2024-03-10",
            "2024-03-01",
            "2025-03-01",
            120_000,
            null,
            null);
    assertThat(Refunds.of(List.of(NEW, other, r), List.of(), Map.of()).rows().get(0).rule())
        .isEqualTo(RefundRule.UNLINKED);
  }

  @Test
  @DisplayName(
      "identity: a refund carrying only the entitlement number links to a sale carrying only the add-on license id, joined by the license record")
  void linkAcrossLicenseIds() {
    TransactionLine sold =
        sale(
            "100",
            "AT-100",
            Fixtures.addonOnly("1"),
            SaleType.NEW,
            "2024-03-01",
            "2024-03-01",
            "2025-03-01",
            120_000,
            "50 Users");
    TransactionLine r =
        refund(
            "200",
            "AT-200",
            Fixtures.entitlementOnly("E-1"),
            "2024-03-20",
            "2024-03-01",
            "2025-03-01",
            120_000,
            "AT-100",
            "2024-03-01");
    var license =
        Fixtures.license(
            Fixtures.addonAndEntitlement("1", "E-1"),
            LicenseType.COMMERCIAL,
            "50 Users",
            "2024-03-01",
            "2024-03-20");
    Refunds.Row row =
        Refunds.of(List.of(sold, r), List.of(license), Map.of("E-1", "domain:acme.com"))
            .rows()
            .get(0);
    assertThat(row.refunded()).isEqualTo(sold);
    assertThat(row.rule()).isEqualTo(RefundRule.FULL_WITHIN_30_DAYS);
    assertThat(row.license()).isEqualTo("E-1");
    assertThat(row.customer()).isEqualTo("domain:acme.com");
    // Without the license record the two ids are two licenses: unlinked.
    assertThat(Refunds.of(List.of(sold, r), List.of(), Map.of()).rows().get(0).rule())
        .isEqualTo(RefundRule.UNLINKED);
  }

  @Test
  @DisplayName(
      "per month: refund lines, amounts and a count per rule; upgrades without a refund apart")
  void months() {
    TransactionLine renewal =
        sale(
            "110",
            "AT-110",
            dc("2"),
            SaleType.NEW,
            "2024-02-10",
            "2024-02-10",
            "2025-02-10",
            200_000,
            "50 Users");
    List<TransactionLine> lines =
        List.of(
            NEW,
            renewal,
            // March: day 10 of the New, $1,200.00 back → full.
            refund(
                "200",
                "AT-200",
                dc("1"),
                "2024-03-11",
                "2024-03-11",
                "2025-03-01",
                120_000,
                "AT-100",
                "2024-03-01"),
            // March: day 40 of the other New, $1,600.00 → partner approval.
            refund(
                "201",
                "AT-201",
                dc("2"),
                "2024-03-21",
                "2024-03-21",
                "2025-02-10",
                160_000,
                "AT-110",
                "2024-02-10"),
            // April: an upgrade of the other New on day 60 → reallocation.
            sale(
                "300",
                "AT-300",
                dc("2"),
                SaleType.UPGRADE,
                "2024-04-10",
                "2024-04-10",
                "2025-02-10",
                50_000,
                "100 Users"));
    List<Refunds.Month> months =
        Refunds.of(lines, List.of(), Map.of()).months(YearMonth.of(2024, 2), YearMonth.of(2024, 4));
    assertThat(months).hasSize(3);
    assertThat(months.get(0).refunds()).isZero();
    Refunds.Month march = months.get(1);
    assertThat(march.refunds()).isEqualTo(2);
    assertThat(march.purchaseCents()).isEqualTo(-280_000);
    assertThat(march.vendorCents()).isEqualTo(-90_000 - 120_000);
    assertThat(march.byRule().get(RefundRule.FULL_WITHIN_30_DAYS)).isEqualTo(1);
    assertThat(march.byRule().get(RefundRule.PARTNER_APPROVAL_31_TO_60_DAYS)).isEqualTo(1);
    assertThat(march.byRule().get(RefundRule.OUTSIDE_POLICY)).isZero();
    Refunds.Month april = months.get(2);
    assertThat(april.refunds()).isZero();
    assertThat(april.reallocatedUpgrades()).isEqualTo(1);
    var table = Refunds.summary(months).objects();
    assertThat(table.get(1))
        .containsEntry("month", "2024-03")
        .containsEntry("refunds", 2)
        .containsEntry("purchasePrice", -280_000L)
        .containsEntry("fullWithin30Days", 1)
        .containsEntry("partnerApproval31To60Days", 1)
        .containsEntry("reallocatedUpgrades", 0);
    assertThat(table.get(2)).containsEntry("reallocatedUpgrades", 1);
  }

  @Test
  @DisplayName(
      "the refund table: one row per refund with its rule, days, ids and the refunded line")
  void table() {
    TransactionLine r =
        refund(
            "200",
            "AT-200",
            dc("1"),
            "2024-04-15",
            "2024-04-15",
            "2025-03-01",
            120_000,
            "AT-100",
            "2024-03-01");
    Refunds refunds = Refunds.of(List.of(NEW, r), List.of(), Map.of());
    var row = Refunds.table(refunds.rows()).objects().get(0);
    assertThat(row)
        .containsEntry("saleDate", "2024-04-15")
        .containsEntry("kind", "refund")
        .containsEntry("rule", "discretionary-31-to-60-days")
        .containsEntry("seedRule", "SR-F2")
        .containsEntry("days", 45)
        .containsEntry("transactionLineItemId", "200")
        .containsEntry("purchasePrice", -120_000L)
        .containsEntry("vendorAmount", -90_000L)
        .containsEntry("partnerRefundTotal", 120_000L)
        .containsEntry("refundedLineItemId", "100")
        .containsEntry("refundedSaleDate", "2024-03-01")
        .containsEntry("originalSaleDate", "2024-03-01")
        .containsEntry("link", "transaction");
    assertThat(refunds.rows(YearMonth.of(2024, 5), YearMonth.of(2024, 6), Set.of())).isEmpty();
    assertThat(
            refunds.rows(
                YearMonth.of(2024, 4), YearMonth.of(2024, 4), Set.of(RefundRule.OUTSIDE_POLICY)))
        .isEmpty();
    assertThat(refunds.rows(YearMonth.of(2024, 4), YearMonth.of(2024, 4), Set.of())).hasSize(1);
  }

  @Test
  @DisplayName(
      "where: refunds of the lines with a dimension's value; edition and attribution are not on a line")
  void where() {
    TransactionLine r =
        refund(
            "200",
            "AT-200",
            dc("1"),
            "2024-04-15",
            "2024-04-15",
            "2025-03-01",
            120_000,
            "AT-100",
            "2024-03-01");
    Refunds refunds = Refunds.of(List.of(NEW, r), List.of(), Map.of());
    assertThat(refunds.where(List.of(new Where(Dimension.HOSTING, "data center"))).rows())
        .hasSize(1);
    assertThat(refunds.where(List.of(new Where(Dimension.HOSTING, "Cloud"))).rows()).isEmpty();
    assertThat(
            refunds
                .where(
                    List.of(
                        new Where(Dimension.APP, "com.example.app"),
                        new Where(Dimension.SALE_CHANNEL, "Direct")))
                .rows())
        .hasSize(1);
    assertThatThrownBy(() -> refunds.where(List.of(new Where(Dimension.EDITION, "Premium"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("edition");
  }

  @Test
  @DisplayName("SR-F1…F4: the policy's boundaries: day 30/31, 60/61, 90/91 and $1,500.00/$1,500.01")
  void policyBoundaries() {
    var sold = d("2024-03-01");
    assertThat(RefundPolicy.classify(sold, d("2024-03-31"), 999_999, false))
        .isEqualTo(RefundRule.FULL_WITHIN_30_DAYS);
    assertThat(RefundPolicy.classify(sold, d("2024-04-01"), 150_000, false))
        .isEqualTo(RefundRule.DISCRETIONARY_31_TO_60_DAYS);
    assertThat(RefundPolicy.classify(sold, d("2024-04-30"), 150_001, false))
        .isEqualTo(RefundRule.PARTNER_APPROVAL_31_TO_60_DAYS);
    assertThat(RefundPolicy.classify(sold, d("2024-05-01"), 150_001, false))
        .isEqualTo(RefundRule.OUTSIDE_POLICY);
    assertThat(RefundPolicy.classify(sold, d("2024-05-30"), 10, true))
        .isEqualTo(RefundRule.UPGRADE_REALLOCATION_31_TO_90_DAYS);
    assertThat(RefundPolicy.classify(sold, d("2024-05-31"), 10, true))
        .isEqualTo(RefundRule.OUTSIDE_POLICY);
    assertThat(RefundPolicy.reallocation(sold, d("2024-03-31"))).isFalse();
    assertThat(RefundPolicy.reallocation(sold, d("2024-04-01"))).isTrue();
    assertThat(RefundPolicy.reallocation(sold, d("2024-05-30"))).isTrue();
    assertThat(RefundPolicy.reallocation(sold, d("2024-05-31"))).isFalse();
    assertThat(RefundPolicy.PARTNER_APPROVAL_ABOVE_CENTS).isEqualTo(150_000);
    assertThatThrownBy(() -> RefundPolicy.classify(sold, d("2024-02-29"), 10, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2024-02-29");
  }

  @Test
  @DisplayName(
      "rule names: parsed from the command line's spelling, any case; unknown names are empty")
  void ruleNames() {
    assertThat(RefundRule.parse("partner-approval-31-to-60-days"))
        .contains(RefundRule.PARTNER_APPROVAL_31_TO_60_DAYS);
    assertThat(RefundRule.parse("OUTSIDE_POLICY")).contains(RefundRule.OUTSIDE_POLICY);
    assertThat(RefundRule.parse("late")).isEmpty();
    assertThat(RefundRule.FULL_WITHIN_30_DAYS.field()).isEqualTo("fullWithin30Days");
    assertThat(RefundRule.names()).startsWith("full-within-30-days, discretionary-31-to-60-days");
  }
}
