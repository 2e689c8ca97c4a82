package dev.marketlens.emulator.reporting;

import static dev.marketlens.emulator.reporting.Api.csv;
import static dev.marketlens.emulator.reporting.Api.elements;
import static dev.marketlens.emulator.reporting.Api.getJson;
import static dev.marketlens.emulator.reporting.Api.ok;
import static dev.marketlens.emulator.reporting.Api.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.reporting.Api.Records;
import dev.marketlens.emulator.reporting.Emulator.Reply;
import dev.marketlens.emulator.wire.LicenseCsvWriter;
import dev.marketlens.emulator.wire.TransactionCsvWriter;
import dev.marketlens.emulator.wire.WireFormat.ApiVersion;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

@DisplayName("§7.5/§8.5: sync exports (L2, T2): JSON array or CSV, all matching rows")
class ExportsIT {

  private static final String EVERY_LIST = "dev.marketlens.emulator.reporting.Api#everyList";
  private static final String JSON_TYPE = "application/json;charset=UTF-8";
  private static final String CSV_TYPE = "text/csv;charset=UTF-8";

  /** A filter that keeps the exports small: the server-hosted rows. */
  private static final String SERVER = query("hosting", "server");

  private static List<String> columns(Records records, boolean insights) {
    if (records == Records.TRANSACTIONS) {
      return TransactionCsvWriter.COLUMNS;
    }
    if (!insights) {
      return LicenseCsvWriter.COLUMNS;
    }
    List<String> all = new ArrayList<>(LicenseCsvWriter.COLUMNS);
    all.addAll(LicenseCsvWriter.INSIGHT_COLUMNS);
    return all;
  }

  /** The data rows of a CSV body as maps from header name to value, checking every row's width. */
  private static List<Map<String, String>> records(String body) {
    List<List<String>> rows = csv(body);
    List<String> header = rows.get(0);
    List<Map<String, String>> out = new ArrayList<>();
    for (List<String> row : rows.subList(1, rows.size())) {
      assertThat(row).as("every row has one field per column").hasSameSizeAs(header);
      Map<String, String> m = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        m.put(header.get(i), row.get(i));
      }
      out.add(m);
    }
    return out;
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  @DisplayName(
      "§7.5: without accept parameter or Accept header the export is a top-level JSON array,"
          + " application/json;charset=UTF-8")
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(EVERY_LIST)
  void jsonByDefault(ApiVersion v, Records records) {
    Reply plain = ok(Emulator.get(records.export(v) + SERVER));
    Reply json = ok(Emulator.get(records.export(v) + SERVER + "&accept=json"));
    Reply anyType = ok(Emulator.getWithHeader(records.export(v) + SERVER, "Accept", "*/*"));

    assertThat(plain.contentType()).isEqualTo(JSON_TYPE);
    assertThat(plain.json().isArray()).as("no envelope").isTrue();
    assertThat(plain.json().size()).isPositive();
    assertThat(json.contentType()).isEqualTo(JSON_TYPE);
    assertThat(json.body()).isEqualTo(plain.body());
    assertThat(anyType.body()).isEqualTo(plain.body());
  }

  @DisplayName("§7.5: JSON export rows are the list's rows, field for field")
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(EVERY_LIST)
  void jsonRowsEqualListRows(ApiVersion v, Records records) {
    List<JsonNode> exported = elements(getJson(records.export(v) + SERVER));
    List<JsonNode> page =
        elements(getJson(records.list(v) + SERVER + "&limit=50").get(records.array));

    assertThat(page).isEqualTo(exported.subList(0, Math.min(50, exported.size())));
  }

  @DisplayName(
      "§7.5/§8.5: accept=csv gives text/csv;charset=UTF-8 whose header row is the writer's"
          + " COLUMNS, one quoted row per JSON row")
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(EVERY_LIST)
  void csvWithAcceptParam(ApiVersion v, Records records) {
    Reply csv = ok(Emulator.get(records.export(v) + SERVER + "&accept=csv"));
    List<JsonNode> json = elements(getJson(records.export(v) + SERVER));

    assertThat(csv.contentType()).isEqualTo(CSV_TYPE);
    List<List<String>> rows = csv(csv.body());
    assertThat(rows.get(0)).containsExactlyElementsOf(columns(records, false));
    assertThat(rows.get(0)).doesNotContain("productId");
    assertThat(csv.body()).startsWith("\"" + columns(records, false).get(0) + "\",\"");
    assertThat(csv.body()).contains("\r\n");
    List<Map<String, String>> data = records(csv.body());
    assertThat(data).hasSameSizeAs(json);
    for (int i = 0; i < json.size(); i++) {
      JsonNode j = json.get(i);
      Map<String, String> c = data.get(i);
      assertThat(c.get("addonKey")).isEqualTo(Api.text(j, "/addonKey"));
      assertThat(c.get("lastUpdated")).isEqualTo(Api.text(j, "/lastUpdated"));
      assertThat(c.get("licenseId")).isEqualTo(nullToEmpty(Api.text(j, "/licenseId")));
      if (records == Records.LICENSES) {
        assertThat(c.get("hosting")).isEqualTo(Api.text(j, "/hosting"));
        assertThat(c.get("tier")).isEqualTo(Api.text(j, "/tier"));
        assertThat(c.get("maintenanceStartDate")).isEqualTo(Api.text(j, "/maintenanceStartDate"));
        assertThat(c.get("company")).isEqualTo(nullToEmpty(Api.text(j, "/contactDetails/company")));
      } else {
        assertThat(c.get("transactionLineItemId")).isEqualTo(Api.text(j, "/transactionLineItemId"));
        assertThat(c.get("saleDate")).isEqualTo(Api.text(j, "/purchaseDetails/saleDate"));
        assertThat(c.get("saleType")).isEqualTo(Api.text(j, "/purchaseDetails/saleType"));
        assertThat(new BigDecimal(c.get("purchasePrice")))
            .isEqualByComparingTo(j.at("/purchaseDetails/purchasePrice").decimalValue());
        assertThat(new BigDecimal(c.get("vendorAmount")))
            .isEqualByComparingTo(j.at("/purchaseDetails/vendorAmount").decimalValue());
      }
    }
  }

  @DisplayName("§7.5: with withDataInsights the license CSV appends the insight columns")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void licenseCsvWithInsights(ApiVersion v) {
    Reply csv =
        ok(Emulator.get(Records.LICENSES.export(v) + SERVER + "&withDataInsights=true&accept=csv"));

    List<String> header = csv(csv.body()).get(0);
    assertThat(header).containsExactlyElementsOf(columns(Records.LICENSES, true));
    assertThat(header)
        .contains(
            "parentProductBillingCycle",
            "parentProductName",
            "parentProductEdition",
            "installedOnSandbox");
  }

  @DisplayName("§7.5: without accept parameter an Accept: text/csv header selects CSV")
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(EVERY_LIST)
  void csvWithAcceptHeader(ApiVersion v, Records records) {
    Reply header = ok(Emulator.getWithHeader(records.export(v) + SERVER, "Accept", "text/csv"));
    Reply param = ok(Emulator.get(records.export(v) + SERVER + "&accept=csv"));

    assertThat(header.contentType()).isEqualTo(CSV_TYPE);
    assertThat(header.body()).isEqualTo(param.body());
  }

  @DisplayName("§7.5: the accept parameter wins over the Accept header")
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(EVERY_LIST)
  void acceptParamWins(ApiVersion v, Records records) {
    Reply json =
        ok(
            Emulator.getWithHeader(
                records.export(v) + SERVER + "&accept=json", "Accept", "text/csv"));
    Reply csv =
        ok(
            Emulator.getWithHeader(
                records.export(v) + SERVER + "&accept=csv", "Accept", "application/json"));

    assertThat(json.contentType()).isEqualTo(JSON_TYPE);
    assertThat(json.json().isArray()).isTrue();
    assertThat(csv.contentType()).isEqualTo(CSV_TYPE);
  }

  @DisplayName(
      "§6: exports ignore offset and limit and return every matching row (v3: as many as"
          + " totalCount)")
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(EVERY_LIST)
  void exportIgnoresPaging(ApiVersion v, Records records) {
    String filter = query("hosting", "datacenter");
    List<JsonNode> all = elements(getJson(records.export(v) + filter));
    List<JsonNode> paged = elements(getJson(records.export(v) + filter + "&offset=5&limit=1"));
    List<List<String>> csvPaged =
        csv(ok(Emulator.get(records.export(v) + filter + "&offset=5&limit=1&accept=csv")).body());

    assertThat(all).hasSizeGreaterThan(50);
    assertThat(paged).isEqualTo(all);
    assertThat(csvPaged).hasSize(all.size() + 1);
    Api.assertSameKeys(records.keys(all), records.expectedKeysOnHosting("Data Center"), "export");
    if (v == ApiVersion.V3) {
      int total = getJson(records.list(v) + filter).get("totalCount").asInt();
      assertThat(all).hasSize(total);
    }
  }

  @DisplayName("§7.5/§5.1: an accept value other than csv or json answers 400 listing both")
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"xml", "text/csv", "application/json", "csv,json"})
  void badAccept(String accept) {
    for (ApiVersion v : ApiVersion.values()) {
      for (Records records : Records.values()) {
        JsonNode error =
            Emulator.assertError(
                Emulator.get(records.export(v) + query("accept", accept)),
                400,
                "VALIDATION_FAILED");
        assertThat(error.get("message").asString()).contains("allowable values are 'csv','json'");
        assertThat(error.get("path").asString()).isEqualTo("accept");
      }
    }
  }

  @DisplayName("§12: JSON export rows carry productId in v3 only; CSV never has a productId column")
  @ParameterizedTest(name = "{0}")
  @EnumSource(Records.class)
  void productIdOnlyInV3Json(Records records) {
    List<JsonNode> v2 = elements(getJson(records.export(ApiVersion.V2) + SERVER));
    List<JsonNode> v3 = elements(getJson(records.export(ApiVersion.V3) + SERVER));

    assertThat(v2).noneMatch(r -> r.has("productId"));
    assertThat(v3)
        .allSatisfy(
            r -> {
              String addonKey = r.get("addonKey").asString();
              String productId =
                  Emulator.vendor().apps().stream()
                      .filter(a -> a.addonKey().equals(addonKey))
                      .findFirst()
                      .orElseThrow()
                      .productId();
              assertThat(r.get("productId").asString()).isEqualTo(productId);
            });
    assertThat(records.keys(v3)).isEqualTo(records.keys(v2));
  }
}
