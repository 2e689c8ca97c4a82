package dev.marketlens.emulator.reporting;

import static dev.marketlens.emulator.reporting.Api.elements;
import static dev.marketlens.emulator.reporting.Api.getJson;
import static dev.marketlens.emulator.reporting.Api.query;
import static dev.marketlens.emulator.reporting.Api.text;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.reporting.Api.Records;
import dev.marketlens.emulator.wire.License;
import dev.marketlens.emulator.wire.Transaction;
import dev.marketlens.emulator.wire.WireFormat.ApiVersion;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

@DisplayName("§6/§7.2/§8.2: sortBy and order of the license and transaction lists and exports")
class SortingIT {

  /** A window of about a thousand transactions, enough to sort without exporting all of them. */
  private static final String TRANSACTION_WINDOW = "startDate=2025-01-01&endDate=2025-06-30&";

  private static final Map<String, Function<JsonNode, Comparable<?>>> LICENSE_KEYS =
      Map.ofEntries(
          Map.entry("addonName", r -> text(r, "/addonName")),
          Map.entry("company", r -> text(r, "/contactDetails/company")),
          Map.entry("country", r -> text(r, "/contactDetails/country")),
          Map.entry("endDate", r -> text(r, "/maintenanceEndDate")),
          Map.entry("hosting", r -> text(r, "/hosting")),
          Map.entry("licenseId", Api::licenseKey),
          Map.entry("licenseType", r -> text(r, "/licenseType")),
          Map.entry("partner", r -> text(r, "/partnerDetails/partnerName")),
          Map.entry("region", r -> text(r, "/contactDetails/region")),
          Map.entry("startDate", r -> text(r, "/maintenanceStartDate")),
          Map.entry("tier", r -> tierUsers(text(r, "/tier"))));

  private static final Map<String, Function<JsonNode, Comparable<?>>> TRANSACTION_KEYS =
      Map.ofEntries(
          Map.entry("addonName", r -> text(r, "/addonName")),
          Map.entry("company", r -> text(r, "/customerDetails/company")),
          Map.entry("country", r -> text(r, "/customerDetails/country")),
          Map.entry("date", r -> text(r, "/purchaseDetails/saleDate")),
          Map.entry("hosting", r -> text(r, "/purchaseDetails/hosting")),
          Map.entry("licenseId", r -> text(r, "/licenseId")),
          Map.entry("licenseType", r -> text(r, "/purchaseDetails/licenseType")),
          Map.entry("partner", r -> text(r, "/partnerDetails/partnerName")),
          Map.entry("partnerType", r -> text(r, "/partnerDetails/partnerType")),
          Map.entry("purchasePrice", r -> decimal(r, "/purchaseDetails/purchasePrice")),
          Map.entry("region", r -> text(r, "/customerDetails/region")),
          Map.entry("saleType", r -> text(r, "/purchaseDetails/saleType")),
          Map.entry("tier", r -> tierUsers(text(r, "/purchaseDetails/tier"))),
          Map.entry("transactionId", r -> text(r, "/transactionId")),
          Map.entry("vendorAmount", r -> decimal(r, "/purchaseDetails/vendorAmount")),
          Map.entry("paymentStatus", r -> text(r, "/paymentStatus")));

  /** §7.2 {@code tier} sorts by user count; unlimited is the largest, Evaluation has none. */
  private static Integer tierUsers(String tier) {
    if ("Unlimited Users".equals(tier)) {
      return Integer.MAX_VALUE;
    }
    return SpecRules.users(tier).stream().boxed().findFirst().orElse(null);
  }

  private static BigDecimal decimal(JsonNode row, String pointer) {
    JsonNode n = row.at(pointer);
    return n.isMissingNode() || n.isNull() ? null : n.decimalValue();
  }

  /**
   * Asserts the rows are ordered by {@code key} in {@code order} (rows without a value together at
   * one end), and rows with equal values by row key ascending (§6 stability rule).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void assertSorted(
      List<JsonNode> rows,
      Function<JsonNode, Comparable<?>> key,
      Function<JsonNode, String> rowKey,
      String order,
      String what) {
    assertThat(rows).as("test data: %s has rows", what).hasSizeGreaterThan(20);
    List<Comparable> values = new ArrayList<>();
    for (JsonNode r : rows) {
      values.add(key.apply(r));
    }
    int nullRuns = 0;
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i) == null && (i == 0 || values.get(i - 1) != null)) {
        nullRuns++;
      }
    }
    assertThat(nullRuns)
        .as("%s: rows without a value are kept together", what)
        .isLessThanOrEqualTo(1);
    if (nullRuns == 1) {
      assertThat(values.get(0) == null || values.get(values.size() - 1) == null)
          .as("%s: rows without a value sit at one end", what)
          .isTrue();
    }
    Comparable previous = null;
    String previousRowKey = null;
    int distinct = 0;
    for (int i = 0; i < rows.size(); i++) {
      Comparable value = values.get(i);
      String rk = rowKey.apply(rows.get(i));
      boolean sameAsPrevious =
          i > 0 && (value == null ? values.get(i - 1) == null : value.equals(values.get(i - 1)))
              || (i > 0
                  && value instanceof BigDecimal d
                  && values.get(i - 1) instanceof BigDecimal p
                  && d.compareTo(p) == 0);
      if (sameAsPrevious) {
        assertThat(rk)
            .as("%s: ties broken by row key ascending at row %d", what, i)
            .isGreaterThan(previousRowKey);
      } else {
        distinct++;
      }
      if (value != null) {
        if (previous != null) {
          int c = value.compareTo(previous);
          assertThat(order.equals("asc") ? c >= 0 : c <= 0)
              .as("%s: row %d (%s) after %s", what, i, value, previous)
              .isTrue();
        }
        previous = value;
      }
      previousRowKey = rk;
    }
    assertThat(distinct).as("test data: %s has several distinct values", what).isGreaterThan(1);
  }

  @DisplayName("§7.2/§6: every license sortBy orders the export by its key in the requested order")
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "addonName, asc", "addonName, desc",
    "company, asc", "company, desc",
    "country, asc", "country, desc",
    "endDate, asc", "endDate, desc",
    "hosting, asc", "hosting, desc",
    "licenseId, asc", "licenseId, desc",
    "licenseType, asc", "licenseType, desc",
    "partner, asc", "partner, desc",
    "region, asc", "region, desc",
    "startDate, asc", "startDate, desc",
    "tier, asc", "tier, desc"
  })
  void licenseSort(String sortBy, String order) {
    List<JsonNode> rows =
        elements(
            getJson(
                Records.LICENSES.export(ApiVersion.V2) + query("sortBy", sortBy, "order", order)));

    assertSorted(rows, LICENSE_KEYS.get(sortBy), Api::licenseKey, order, sortBy + " " + order);
  }

  @DisplayName(
      "§8.2/§6: every transaction sortBy orders the export by its key in the requested order")
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "addonName, asc",
    "addonName, desc",
    "company, asc",
    "company, desc",
    "country, asc",
    "country, desc",
    "date, asc",
    "date, desc",
    "hosting, asc",
    "hosting, desc",
    "licenseId, asc",
    "licenseId, desc",
    "partner, asc",
    "partner, desc",
    "partnerType, asc",
    "partnerType, desc",
    "purchasePrice, asc",
    "purchasePrice, desc",
    "region, asc",
    "region, desc",
    "saleType, asc",
    "saleType, desc",
    "tier, asc",
    "tier, desc",
    "transactionId, asc",
    "transactionId, desc",
    "vendorAmount, asc",
    "vendorAmount, desc",
    "paymentStatus, asc",
    "paymentStatus, desc"
  })
  void transactionSort(String sortBy, String order) {
    List<JsonNode> rows =
        elements(
            getJson(
                Records.TRANSACTIONS.export(ApiVersion.V3)
                    + "?"
                    + TRANSACTION_WINDOW
                    + query("sortBy", sortBy, "order", order).substring(1)));

    assertSorted(
        rows, TRANSACTION_KEYS.get(sortBy), Api::transactionKey, order, sortBy + " " + order);
  }

  @DisplayName("§7.2/§8.2: every sortBy value of the enums is accepted in both versions")
  @Test
  void everySortByAccepted() {
    for (ApiVersion v : ApiVersion.values()) {
      for (String sortBy : LICENSE_KEYS.keySet()) {
        Api.ok(Emulator.get(Records.LICENSES.list(v) + query("sortBy", sortBy)));
      }
      for (String sortBy : TRANSACTION_KEYS.keySet()) {
        Api.ok(Emulator.get(Records.TRANSACTIONS.list(v) + query("sortBy", sortBy)));
      }
    }
  }

  @DisplayName("§7.2 [EMU]: without sortBy licenses come by maintenanceStartDate descending")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void licenseDefaultOrder(ApiVersion v) {
    List<String> expected =
        SpecRules.licenses(l -> true).stream()
            .sorted(
                Comparator.comparing(License::maintenanceStartDate)
                    .reversed()
                    .thenComparing(License::key))
            .map(License::key)
            .toList();

    List<JsonNode> exported = elements(getJson(Records.LICENSES.export(v)));
    List<JsonNode> firstPage =
        elements(getJson(Records.LICENSES.list(v) + "?limit=50").get("licenses"));

    assertThat(Api.licenseKeys(exported)).isEqualTo(expected);
    assertThat(Api.licenseKeys(firstPage)).isEqualTo(expected.subList(0, 50));
  }

  @DisplayName("§8.2 [EMU]: without sortBy transactions come by saleDate descending")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void transactionDefaultOrder(ApiVersion v) {
    List<String> expected =
        SpecRules.transactions(t -> t.purchaseDetails().saleDate().getYear() == 2024).stream()
            .sorted(
                Comparator.comparing((Transaction t) -> t.purchaseDetails().saleDate())
                    .reversed()
                    .thenComparing(Transaction::transactionLineItemId))
            .map(Transaction::transactionLineItemId)
            .toList();

    List<JsonNode> exported =
        elements(
            getJson(
                Records.TRANSACTIONS.export(v)
                    + query("startDate", "2024-01-01", "endDate", "2024-12-31")));

    assertThat(Api.transactionKeys(exported)).isEqualTo(expected);
  }

  @DisplayName("§6: list pages follow the sorted order: page two continues where page one ended")
  @ParameterizedTest(name = "{0}")
  @EnumSource(Records.class)
  void pagesFollowTheSortOrder(Records records) {
    String sort = query("sortBy", "country", "order", "asc");
    List<String> exported = records.keys(elements(getJson(records.export(ApiVersion.V3) + sort)));
    List<String> page1 =
        records.keys(
            elements(getJson(records.list(ApiVersion.V3) + sort + "&limit=50").get(records.array)));
    List<String> page2 =
        records.keys(
            elements(
                getJson(records.list(ApiVersion.V3) + sort + "&offset=50&limit=50")
                    .get(records.array)));

    assertThat(page1).isEqualTo(exported.subList(0, 50));
    assertThat(page2).isEqualTo(exported.subList(50, 100));
  }

  @DisplayName("K4 (switch off): order=asc is honoured on licenses by default")
  @Test
  void licenseOrderAscHonoured() {
    List<JsonNode> rows =
        elements(
            getJson(
                Records.LICENSES.export(ApiVersion.V3)
                    + query("sortBy", "startDate", "order", "asc")));

    assertThat(rows.get(0).get("maintenanceStartDate").asString())
        .isLessThan(rows.get(rows.size() - 1).get("maintenanceStartDate").asString());
  }

  @DisplayName("§5.1: sortBy outside the enum and an unknown order answer 400 naming the parameter")
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "LICENSES, sortBy, saleDate",
    "LICENSES, sortBy, date",
    "TRANSACTIONS, sortBy, startDate",
    "TRANSACTIONS, sortBy, bogus",
    "LICENSES, order, up",
    "TRANSACTIONS, order, descending"
  })
  void unknownSortIs400(Records records, String param, String value) {
    for (ApiVersion v : ApiVersion.values()) {
      for (String path : List.of(records.list(v), records.export(v))) {
        JsonNode error =
            Emulator.assertError(
                Emulator.get(path + query(param, value)), 400, "VALIDATION_FAILED");
        assertThat(error.get("path").asString()).isEqualTo(param);
        assertThat(error.get("message").asString()).startsWith(param + ":");
      }
    }
  }
}
