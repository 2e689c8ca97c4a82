package dev.marketlens.payouts.remittance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.marketlens.model.BillingPeriod;
import dev.marketlens.model.CustomerDetails;
import dev.marketlens.model.Hosting;
import dev.marketlens.model.LicenseType;
import dev.marketlens.model.Money;
import dev.marketlens.model.SaleType;
import dev.marketlens.model.Tier;
import dev.marketlens.model.id.AddonLicenseId;
import dev.marketlens.model.id.AppEntitlementId;
import dev.marketlens.model.id.AppEntitlementNumber;
import dev.marketlens.model.id.AppKey;
import dev.marketlens.model.id.CloudId;
import dev.marketlens.model.id.HostLicenseId;
import dev.marketlens.model.id.LicenseId;
import dev.marketlens.model.id.LicenseIds;
import dev.marketlens.model.id.TransactionId;
import dev.marketlens.model.id.TransactionLineItemId;
import dev.marketlens.model.remittance.RemittanceLine;
import dev.marketlens.model.transaction.TransactionLine;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Remittance reconciliation")
class RemittanceReconciliationTest {

  private static final YearMonth MARCH = YearMonth.of(2024, 3);

  static LicenseIds server(String number) {
    return LicenseIds.ofServer(AddonLicenseId.of(number), LicenseId.of("SEN-" + number));
  }

  static LicenseIds cloud(String entitlementNumber) {
    return LicenseIds.ofCloud(
        AppEntitlementId.of("0b8c3b6e-5f0a-4a57-9d7b-3c1e2a4f5b6c"),
        AppEntitlementNumber.of(entitlementNumber),
        CloudId.of("6f2e7a0c-1b3d-4e5f-8a9b-0c1d2e3f4a5b"));
  }

  static TransactionLine line(
      String order, String item, LicenseIds ids, String day, long price, long vendor) {
    SaleType type = price < 0 ? SaleType.REFUND : SaleType.NEW;
    LocalDate date = LocalDate.parse(day);
    return new TransactionLine(
        TransactionId.of(order),
        TransactionLineItemId.of(item),
        ids,
        AppKey.of("com.acme.planner"),
        "Acme Planner",
        null,
        date,
        type,
        LicenseType.COMMERCIAL,
        Hosting.DATA_CENTER,
        BillingPeriod.ANNUAL,
        Tier.parse("50 Users"),
        null,
        null,
        Money.ofCents(price),
        Money.ofCents(vendor),
        List.of(),
        null,
        null,
        date,
        date.plusYears(1),
        null,
        new CustomerDetails("Globex", "US", "Americas", null, null),
        null,
        null,
        Instant.parse("2024-04-01T00:00:00Z"),
        false);
  }

  static Remitted remitted(
      int number, String day, String order, String license, long sale, long net, String ref) {
    return new Remitted(
        "2024-03.csv",
        number,
        new RemittanceLine(
            LocalDate.parse(day),
            order,
            license,
            "Globex",
            "Acme Planner",
            Money.ofCents(sale),
            Money.ofCents(net),
            ref));
  }

  /**
   * A month worked by hand from seed 004: one line of each outcome. The transactions (API) and the
   * remittance CSV of March 2024, amounts in cents.
   */
  static final List<TransactionLine> API =
      List.of(
          line("AT-1001", "1001", server("100"), "2024-03-01", 100_000, 75_000),
          line("AT-1002", "1002", server("200"), "2024-03-05", 40_000, 30_000),
          line("AT-1003", "1003", server("300"), "2024-03-10", 20_000, 15_000),
          line("AT-1004", "1004", server("400"), "2024-03-12", 10_000, 7_500),
          line("AT-1005", "1005", server("500"), "2024-03-15", -8_000, -6_000),
          line("AT-1006", "1006", cloud("E-123-456-789"), "2024-03-16", 5_000, 4_250),
          line("AT-1007", "1007", server("700"), "2024-03-17", 3_000, 2_250),
          line("AT-1008", "1008", server("800"), "2024-03-18", 0, 0),
          line("AT-1009", "1009", server("900"), "2024-04-02", 9_000, 6_750));

  static final List<Remitted> REMITTANCE =
      List.of(
          remitted(1, "2024-03-01", "AT-1001", "SEN-100", 100_000, 75_000, "MPV0012345"),
          remitted(2, "2024-03-05", "AT-1002", "SEN-200", 40_000, 29_000, "MPV0012345"),
          remitted(3, "2024-03-11", "AT-1003", "SEN-300", 20_000, 15_000, "MPV0012345"),
          remitted(4, "2024-03-15", "AT-1005", "SEN-500", -8_000, -6_000, "MPVCR0004567"),
          remitted(5, "2024-03-25", "AT-1005", "SEN-500", 8_000, 6_000, "MPV0012345"),
          remitted(6, "2024-03-16", "AT-1006", "e-123-456-789", 5_000, 4_250, "MPV0012345"),
          remitted(7, "2024-03-17", "AT-1007", "700", 3_000, 2_250, "MPV0012345"),
          remitted(8, "2024-03-20", "AT-9999", "SEN-999", 5_000, 3_750, "MPV0012345"),
          remitted(9, "2024-03-05", "AT7654321", null, 0, 42_500, "AT7654321"),
          remitted(10, "2024-03-08", "AT7654322", null, 0, 12_000, "AT7654322A"),
          remitted(
              11, "2024-03-12", "ATL0098765", "SEN-L998877", 2_400_000, 2_040_000, "ATL0098765A"));

  static RemittanceReconciliation march() {
    return RemittanceReconciliation.of(REMITTANCE, API, List.of(MARCH));
  }

  @Test
  @DisplayName(
      "a hand-worked month: every remittance line and every expected transaction line gets its"
          + " outcome, with both amounts where both sides have them")
  void handWorkedMonth() {
    assertThat(march().lines())
        .extracting(
            ReconciledLine::line,
            ReconciledLine::outcome,
            ReconciledLine::lineItemId,
            ReconciledLine::remittedNetRevenue,
            ReconciledLine::expectedNetRevenue)
        .containsExactly(
            tuple(1, Outcome.MATCHED, "1001", 75_000L, 75_000L),
            tuple(2, Outcome.AMOUNT_DIFFERENCE, "1002", 29_000L, 30_000L),
            tuple(3, Outcome.DATE_DIFFERENCE, "1003", 15_000L, 15_000L),
            tuple(4, Outcome.MATCHED, "1005", -6_000L, -6_000L),
            tuple(5, Outcome.CANCELLED_REFUND, "1005", 6_000L, null),
            tuple(6, Outcome.MATCHED, "1006", 4_250L, 4_250L),
            tuple(7, Outcome.MATCHED, "1007", 2_250L, 2_250L),
            tuple(8, Outcome.NOT_IN_API, null, 3_750L, null),
            tuple(9, Outcome.ELA_BILL, null, 42_500L, null),
            tuple(10, Outcome.CONCESSION_BILL, null, 12_000L, null),
            tuple(11, Outcome.TEN_K_BILL, null, 2_040_000L, null),
            tuple(null, Outcome.NOT_IN_REMITTANCE, "1004", null, 7_500L));
  }

  @Test
  @DisplayName(
      "the month's totals: remitted 2,220,000 − expected 128,000 = variance 2,092,000 cents, the"
          + " sum of each outcome's difference")
  void monthTotals() {
    // Remitted: 750 + 290 + 150 − 60 + 60 + 42.50 + 22.50 + 37.50 + 425 + 120 + 20,400 = 22,237.50
    // Expected (April and the $0 line left out): 750 + 300 + 150 + 75 − 60 + 42.50 + 22.50
    //   = 1,280.00
    RemittanceReconciliation.MonthSummary m = march().summaries().get(0);
    assertThat(m.month()).isEqualTo(MARCH);
    assertThat(m.remitted()).isEqualTo(2_223_750L);
    assertThat(m.expected()).isEqualTo(128_000L);
    assertThat(m.variance()).isEqualTo(2_095_750L);
    assertThat(m.remittanceLines()).isEqualTo(11);
    assertThat(m.transactionLines()).isEqualTo(7);
    // −10 (changed) − 75 (missing) + 60 (cancelled refund) + 37.50 (not in the API)
    //   + 425 + 120 + 20,400 (remittance-only bills) = 20,957.50
    long byOutcome =
        march().totals().stream().mapToLong(RemittanceReconciliation.Total::difference).sum();
    assertThat(byOutcome).isEqualTo(m.variance());
    assertThat(march().totals())
        .filteredOn(t -> t.outcome() != Outcome.MATCHED && t.outcome() != Outcome.DATE_DIFFERENCE)
        .extracting(
            RemittanceReconciliation.Total::outcome, RemittanceReconciliation.Total::difference)
        .containsExactly(
            tuple(Outcome.AMOUNT_DIFFERENCE, -1_000L),
            tuple(Outcome.NOT_IN_API, 3_750L),
            tuple(Outcome.NOT_IN_REMITTANCE, -7_500L),
            tuple(Outcome.CANCELLED_REFUND, 6_000L),
            tuple(Outcome.ELA_BILL, 42_500L),
            tuple(Outcome.CONCESSION_BILL, 12_000L),
            tuple(Outcome.TEN_K_BILL, 2_040_000L));
  }

  @Nested
  @DisplayName("seed rules")
  class SeedRules {

    @Test
    @DisplayName(
        "SR-M5: the reference tells a line's kind: MPV… pairs with a sale, MPVCR… with a refund,"
            + " AT… is an ELA bill, AT…A a concession bill, ATL…A a 10k bill")
    void referencesTellTheKind() {
      List<TransactionLine> api =
          List.of(
              line("AT-1", "1", server("1"), "2024-03-01", 10_000, 7_500),
              line("AT-1", "2", server("1"), "2024-03-01", -10_000, -7_500));
      List<Remitted> remittance =
          List.of(
              remitted(1, "2024-03-01", "AT-1", "SEN-1", -10_000, -7_500, "MPVCR1"),
              remitted(2, "2024-03-01", "AT-1", "SEN-1", 10_000, 7_500, "MPV1"),
              remitted(3, "2024-03-02", "AT2", null, 0, 100, "AT2"),
              remitted(4, "2024-03-02", "AT3", null, 0, 100, "AT3A"),
              remitted(5, "2024-03-02", "ATL4", "SEN-9", 200, 100, "ATL4A"));
      assertThat(RemittanceReconciliation.of(remittance, api, List.of()).lines())
          .extracting(ReconciledLine::outcome, ReconciledLine::lineItemId)
          .containsExactly(
              tuple(Outcome.MATCHED, "2"),
              tuple(Outcome.MATCHED, "1"),
              tuple(Outcome.ELA_BILL, null),
              tuple(Outcome.CONCESSION_BILL, null),
              tuple(Outcome.TEN_K_BILL, null));
    }

    @Test
    @DisplayName(
        "SR-M6: ELA and concession bills are separate lines the reporting does not show: they are"
            + " never matched, even to a transaction of the same order and license")
    void elaAndConcessionBillsAreRemittanceOnly() {
      List<TransactionLine> api = List.of(line("AT-77", "77", server("77"), "2024-03-01", 0, 0));
      List<Remitted> remittance =
          List.of(
              remitted(1, "2024-03-01", "AT-77", "SEN-77", 0, 4_000, "AT77A"),
              remitted(2, "2024-03-01", "AT-78", "SEN-77", 0, 5_000, "AT78"));
      RemittanceReconciliation r = RemittanceReconciliation.of(remittance, api, List.of());
      assertThat(r.lines())
          .extracting(ReconciledLine::outcome)
          .containsExactly(Outcome.CONCESSION_BILL, Outcome.ELA_BILL);
      assertThat(Outcome.ELA_BILL.remittanceOnly()).isTrue();
      assertThat(Outcome.CONCESSION_BILL.remittanceOnly()).isTrue();
      assertThat(r.summaries().get(0).variance()).isEqualTo(9_000L);
    }

    @Test
    @DisplayName(
        "SR-M7: 10k bills and adjustments are inside the summarised bill but not in the"
            + " reporting: a 10k bill and a cancelled refund are remittance-only, and count in the"
            + " variance")
    void tenKAndAdjustments() {
      List<TransactionLine> api =
          List.of(line("AT-5", "5", server("5"), "2024-03-03", -2_000, -1_500));
      List<Remitted> remittance =
          List.of(
              remitted(1, "2024-03-03", "AT-5", "SEN-5", -2_000, -1_500, "MPVCR9"),
              remitted(2, "2024-03-09", "AT-5", "SEN-5", 2_000, 1_500, "MPV9"),
              remitted(3, "2024-03-09", "ATL6", "SEN-6", 40_000, 30_000, "ATL6A"));
      RemittanceReconciliation r = RemittanceReconciliation.of(remittance, api, List.of());
      assertThat(r.lines())
          .extracting(ReconciledLine::outcome)
          .containsExactly(Outcome.MATCHED, Outcome.CANCELLED_REFUND, Outcome.TEN_K_BILL);
      assertThat(Outcome.TEN_K_BILL.remittanceOnly()).isTrue();
      assertThat(Outcome.CANCELLED_REFUND.remittanceOnly()).isTrue();
      assertThat(r.summaries().get(0).variance()).isEqualTo(1_500L + 30_000L);
    }

    @Test
    @DisplayName(
        "SR-M8: the CSV's Order ID and License ID (Host SEN) find the transaction line, whatever"
            + " id form the license has: SEN with or without SEN-, entitlement number in any case,"
            + " numeric host license id")
    void hostSenForms() {
      LicenseIds senOnly =
          new LicenseIds(null, LicenseId.of("SEN-L100"), null, null, null, null, null, null);
      LicenseIds historicalCloud =
          new LicenseIds(null, null, HostLicenseId.of("5000123"), null, null, null, null, null);
      List<TransactionLine> api =
          List.of(
              line("AT-1", "1", senOnly, "2024-03-01", 1_000, 750),
              line("AT-2", "2", cloud("E-1-2-3"), "2024-03-01", 1_000, 850),
              line("AT-3", "3", historicalCloud, "2024-03-01", 1_000, 850),
              line("AT-4", "4", server("400"), "2024-03-01", 1_000, 750));
      List<Remitted> remittance =
          List.of(
              remitted(1, "2024-03-01", "AT-1", "l100", 1_000, 750, "MPV1"),
              remitted(2, "2024-03-01", "AT-2", "e-1-2-3", 1_000, 850, "MPV1"),
              remitted(3, "2024-03-01", "AT-3", "5000123", 1_000, 850, "MPV1"),
              remitted(4, "2024-03-01", "AT-4", "SEN-400", 1_000, 750, "MPV1"));
      assertThat(RemittanceReconciliation.of(remittance, api, List.of()).lines())
          .extracting(ReconciledLine::outcome)
          .containsOnly(Outcome.MATCHED)
          .hasSize(4);
    }

    @Test
    @DisplayName(
        "SR-M8: $0 transaction lines are not expected in the CSV (nothing is remitted for them),"
            + " so they are never reported missing")
    void zeroLinesAreNotExpected() {
      List<TransactionLine> api = List.of(line("AT-1", "1", server("1"), "2024-03-01", 0, 0));
      RemittanceReconciliation r =
          RemittanceReconciliation.of(List.of(), api, List.of(YearMonth.of(2024, 3)));
      assertThat(r.lines()).isEmpty();
      assertThat(r.summaries())
          .extracting(RemittanceReconciliation.MonthSummary::expected)
          .containsExactly(0L);
    }

    @Test
    @DisplayName(
        "SR-M9: a refund cancelled after the portal's sync shows only in the remittance: the"
            + " refund is matched to its bill credit and the reversing bill line is a cancelled"
            + " refund, not a line missing from the API")
    void cancelledRefund() {
      RemittanceReconciliation r = march();
      assertThat(r.lines())
          .filteredOn(l -> "AT-1005".equals(l.orderId()))
          .extracting(ReconciledLine::outcome, ReconciledLine::reference)
          .containsExactly(
              tuple(Outcome.MATCHED, "MPVCR0004567"),
              tuple(Outcome.CANCELLED_REFUND, "MPV0012345"));
    }

    @Test
    @DisplayName(
        "SR-M4: a month's remittance is reconciled with the month's transactions: lines of other"
            + " months are not expected")
    void monthly() {
      RemittanceReconciliation r = march();
      assertThat(r.months()).containsExactly(MARCH);
      assertThat(r.lines()).noneMatch(l -> "1009".equals(l.lineItemId()));
    }
  }

  @Test
  @DisplayName(
      "two sales of one order and license are paired by amount first, so a swapped order in the"
          + " file finds no difference")
  void pairsByAmountFirst() {
    List<TransactionLine> api =
        List.of(
            line("AT-1", "1", server("1"), "2024-03-01", 1_000, 750),
            line("AT-1", "2", server("1"), "2024-03-01", 2_000, 1_500));
    List<Remitted> remittance =
        List.of(
            remitted(1, "2024-03-01", "AT-1", "SEN-1", 2_000, 1_500, "MPV1"),
            remitted(2, "2024-03-01", "AT-1", "SEN-1", 1_000, 750, "MPV1"));
    assertThat(RemittanceReconciliation.of(remittance, api, List.of()).lines())
        .extracting(ReconciledLine::outcome, ReconciledLine::lineItemId)
        .containsExactly(tuple(Outcome.MATCHED, "2"), tuple(Outcome.MATCHED, "1"));
  }

  @Test
  @DisplayName("the tables carry the same rows: months, kinds, and the lines needing attention")
  void tables() {
    RemittanceReconciliation r = march();
    List<Map<String, Object>> months = RemittanceTables.months(r).objects();
    assertThat(months).hasSize(1);
    assertThat(months.get(0))
        .containsEntry("month", "2024-03")
        .containsEntry("remitted", 2_223_750L)
        .containsEntry("expected", 128_000L)
        .containsEntry("variance", 2_095_750L)
        .containsEntry("matched", 4)
        .containsEntry("notInApi", 1)
        .containsEntry("tenKBill", 1);
    List<Map<String, Object>> lines = RemittanceTables.lines(r, false).objects();
    assertThat(lines).hasSize(8);
    assertThat(lines.get(0))
        .containsEntry("outcome", "amount-difference")
        .containsEntry("remittedNetRevenue", 29_000L)
        .containsEntry("expectedNetRevenue", 30_000L)
        .containsEntry("netDifference", -1_000L);
    assertThat(RemittanceTables.lines(r, true).objects()).hasSize(12);
    List<String> outcomes = new ArrayList<>();
    RemittanceTables.kinds(r).objects().forEach(o -> outcomes.add((String) o.get("outcome")));
    assertThat(outcomes)
        .containsExactly(
            "matched",
            "amount-difference",
            "date-difference",
            "not-in-api",
            "not-in-remittance",
            "cancelled-refund",
            "ela-bill",
            "concession-bill",
            "ten-k-bill");
  }
}
