package dev.marketlens.emulator.reporting;

import static dev.marketlens.emulator.reporting.Api.appId;
import static dev.marketlens.emulator.reporting.Api.appParam;
import static dev.marketlens.emulator.reporting.Api.assertServes;
import static dev.marketlens.emulator.reporting.Api.query;
import static dev.marketlens.emulator.reporting.SpecRules.transactionKeys;
import static dev.marketlens.emulator.reporting.SpecRules.transactions;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.commerce.App;
import dev.marketlens.emulator.reporting.Api.Records;
import dev.marketlens.emulator.wire.Transaction;
import dev.marketlens.emulator.wire.WireFormat.ApiVersion;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

@DisplayName("§8.2: transaction filters (T1, T2)")
class TransactionFiltersIT {

  private static List<JsonNode> serves(ApiVersion v, String query, Predicate<Transaction> rule) {
    List<String> expected = transactionKeys(transactions(rule));
    assertThat(expected).as("test data: %s selects some transactions", query).isNotEmpty();
    assertThat(expected.size())
        .as("test data: %s leaves some transactions out", query)
        .isLessThan(transactions(t -> true).size());
    return assertServes(v, Records.TRANSACTIONS, query, expected);
  }

  private static String hosting(Transaction t) {
    return t.purchaseDetails().hosting().wire();
  }

  @DisplayName("§8.2/§12: addon (v2) / productId (v3) keeps the named apps' lines; repeated keys")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void appFilter(ApiVersion v) {
    List<App> apps = SpecRules.paidApps();
    App one = apps.get(1);
    App two = apps.get(2);

    serves(v, query(appParam(v), appId(v, one)), t -> t.addonKey().equals(one.addonKey()));
    serves(
        v,
        query(appParam(v), appId(v, one), appParam(v), appId(v, two)),
        t -> t.addonKey().equals(one.addonKey()) || t.addonKey().equals(two.addonKey()));
    assertServes(
        v,
        Records.TRANSACTIONS,
        query(appParam(v), appId(v, one) + "," + appId(v, two)),
        List.of());
  }

  @DisplayName("§8.2: startDate/endDate keep saleDate in the window, both bounds inclusive")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void saleDateWindow(ApiVersion v) {
    List<Transaction> bySale =
        transactions(t -> true).stream()
            .sorted(Comparator.comparing(t -> t.purchaseDetails().saleDate()))
            .toList();
    LocalDate from = bySale.get(bySale.size() / 2).purchaseDetails().saleDate();
    LocalDate to = bySale.get(bySale.size() / 2 + 150).purchaseDetails().saleDate();

    List<JsonNode> rows =
        serves(
            v,
            query("startDate", from.toString(), "endDate", to.toString()),
            t ->
                !t.purchaseDetails().saleDate().isBefore(from)
                    && !t.purchaseDetails().saleDate().isAfter(to));

    assertThat(rows)
        .extracting(r -> r.at("/purchaseDetails/saleDate").asString())
        .as("both bounds are inclusive")
        .contains(from.toString(), to.toString());
    serves(v, query("startDate", to.toString()), t -> !t.purchaseDetails().saleDate().isBefore(to));
  }

  @DisplayName("§8.2/K24: startDate after endDate answers 200 with no rows")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void reversedWindowIsEmpty(ApiVersion v) {
    assertServes(
        v,
        Records.TRANSACTIONS,
        query("startDate", "2025-02-01", "endDate", "2025-01-31"),
        List.of());
  }

  @DisplayName(
      "§8.2: text is a case-insensitive substring of transaction and license ids, customer and"
          + " partner")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void text(ApiVersion v) {
    Transaction sample =
        transactions(
                t ->
                    t.customerDetails() != null
                        && t.customerDetails().company() != null
                        && t.customerDetails().technicalContact() != null
                        && t.customerDetails().technicalContact().email() != null
                        && !t.customerDetails().technicalContact().isRedacted())
            .get(123);
    String transactionId = sample.transactionId();
    serves(v, query("text", transactionId), t -> SpecRules.textMatches(t, transactionId));

    String company = sample.customerDetails().company();
    String needle = company.substring(0, Math.min(10, company.length())).toLowerCase();
    serves(v, query("text", needle), t -> SpecRules.textMatches(t, needle));

    String email = sample.customerDetails().technicalContact().email().toUpperCase();
    serves(v, query("text", email), t -> SpecRules.textMatches(t, email));
  }

  @DisplayName("§8.2: tier keeps lines whose purchaseDetails.tier names one of the user counts")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void tier(ApiVersion v) {
    Map<Integer, Long> counts =
        transactions(t -> true).stream()
            .map(t -> SpecRules.users(t.purchaseDetails().tier().wire()))
            .filter(OptionalInt::isPresent)
            .collect(Collectors.groupingBy(OptionalInt::getAsInt, Collectors.counting()));
    List<Integer> common =
        counts.entrySet().stream()
            .sorted(Map.Entry.<Integer, Long>comparingByValue().reversed())
            .map(Map.Entry::getKey)
            .limit(2)
            .toList();

    serves(
        v,
        query("tier", common.get(0).toString(), "tier", common.get(1).toString()),
        t -> common.contains(SpecRules.users(t.purchaseDetails().tier().wire()).orElse(-1)));
  }

  @DisplayName(
      "§8.2/K22: saleType new/renewal/upgrade/refund/downgrade keeps the capitalised saleType")
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "V2, new, New",
    "V3, new, New",
    "V2, renewal, Renewal",
    "V2, upgrade, Upgrade",
    "V3, refund, Refund",
    "V2, downgrade, Downgrade",
    "V3, downgrade, Downgrade"
  })
  void saleType(ApiVersion v, String param, String wire) {
    List<JsonNode> rows =
        serves(
            v, query("saleType", param), t -> t.purchaseDetails().saleType().wire().equals(wire));
    assertThat(rows)
        .allSatisfy(r -> assertThat(r.at("/purchaseDetails/saleType").asString()).isEqualTo(wire));
  }

  @DisplayName("§4.1: saleType repeated keeps lines of any of the sale types")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void saleTypeRepeated(ApiVersion v) {
    serves(
        v,
        query("saleType", "refund", "saleType", "downgrade", "saleType", "upgrade"),
        t ->
            Set.of("Refund", "Downgrade", "Upgrade")
                .contains(t.purchaseDetails().saleType().wire()));
  }

  @DisplayName("§8.2: billingPeriod monthly/annual keeps Monthly/Annual lines")
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "V2, monthly, Monthly",
    "V3, monthly, Monthly",
    "V2, annual, Annual",
    "V3, annual, Annual"
  })
  void billingPeriod(ApiVersion v, String param, String wire) {
    serves(
        v,
        query("billingPeriod", param),
        t -> t.purchaseDetails().billingPeriod().wire().equals(wire));
  }

  @DisplayName("§8.2: paymentStatus keeps lines with the capitalised paymentStatus")
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "V2, paid, Paid",
    "V3, paid, Paid",
    "V2, refunded, Refunded",
    "V3, refunded, Refunded"
  })
  void paymentStatus(ApiVersion v, String param, String wire) {
    serves(
        v,
        query("paymentStatus", param),
        t -> t.paymentStatus() != null && t.paymentStatus().wire().equals(wire));
  }

  @DisplayName("§8.2: paymentStatus open/uncollectible are accepted and select only such lines")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void paymentStatusOpen(ApiVersion v) {
    List<String> expected =
        transactionKeys(
            transactions(
                t ->
                    t.paymentStatus() != null
                        && Set.of("Open", "Uncollectible").contains(t.paymentStatus().wire())));
    assertServes(
        v,
        Records.TRANSACTIONS,
        query("paymentStatus", "open", "paymentStatus", "uncollectible"),
        expected);
  }

  @DisplayName("§8.2/§8.4: excludeZeroTransactions=true drops lines with purchasePrice 0")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void excludeZeroTransactions(ApiVersion v) {
    List<Transaction> zero = transactions(t -> t.purchaseDetails().purchasePriceCents() == 0);
    assertThat(zero).as("test data: $0 lines").isNotEmpty();

    List<JsonNode> rows =
        serves(
            v,
            query("excludeZeroTransactions", "true"),
            t -> t.purchaseDetails().purchasePriceCents() != 0);
    assertThat(rows)
        .noneMatch(
            r ->
                r.at("/purchaseDetails/purchasePrice").decimalValue().compareTo(BigDecimal.ZERO)
                    == 0);
    assertServes(
        v,
        Records.TRANSACTIONS,
        query("excludeZeroTransactions", "false"),
        transactionKeys(transactions(t -> true)));
  }

  @DisplayName("§8.2: hosting keeps lines by purchaseDetails.hosting")
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "V2, cloud, Cloud",
    "V3, datacenter, Data Center",
    "V2, server, Server",
    "V3, server, Server"
  })
  void hosting(ApiVersion v, String param, String wire) {
    serves(v, query("hosting", param), t -> hosting(t).equals(wire));
  }

  @DisplayName("§8.2: lastUpdated keeps lines updated on or after the day; a date-time counts")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void lastUpdated(ApiVersion v) {
    List<Transaction> byUpdate =
        transactions(t -> true).stream()
            .sorted(Comparator.comparing(Transaction::lastUpdated))
            .toList();
    LocalDate day = byUpdate.get(byUpdate.size() * 3 / 4).lastUpdated();
    Predicate<Transaction> onOrAfter = t -> !t.lastUpdated().isBefore(day);

    List<JsonNode> rows = serves(v, query("lastUpdated", day.toString()), onOrAfter);
    assertThat(rows)
        .extracting(r -> r.get("lastUpdated").asString())
        .as("inclusive")
        .contains(day.toString());
    serves(v, query("lastUpdated", day + "T23:59:59Z"), onOrAfter);
  }

  @DisplayName("§8.2: partnerType direct/expert/reseller selects by partnerDetails")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void partnerType(ApiVersion v) {
    serves(v, query("partnerType", "direct"), t -> t.partnerDetails() == null);
    serves(
        v,
        query("partnerType", "reseller"),
        t ->
            t.partnerDetails() != null
                && Set.of("Reseller", "Corporate_reseller")
                    .contains(t.partnerDetails().partnerType().wire()));
  }

  @DisplayName("§8.2: filters combine with AND")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void filtersCombine(ApiVersion v) {
    serves(
        v,
        query(
            "hosting",
            "cloud",
            "billingPeriod",
            "annual",
            "saleType",
            "renewal",
            "startDate",
            "2024-01-01"),
        t ->
            hosting(t).equals("Cloud")
                && t.purchaseDetails().billingPeriod().wire().equals("Annual")
                && t.purchaseDetails().saleType().wire().equals("Renewal")
                && !t.purchaseDetails().saleDate().isBefore(LocalDate.of(2024, 1, 1)));
  }
}
