package dev.marketlens.emulator.reporting;

import static dev.marketlens.emulator.reporting.Api.elements;
import static dev.marketlens.emulator.reporting.Api.getJson;
import static dev.marketlens.emulator.reporting.Api.params;
import static dev.marketlens.emulator.reporting.Api.pathOf;
import static dev.marketlens.emulator.reporting.Api.query;
import static dev.marketlens.emulator.reporting.Api.resolve;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.reporting.Api.Records;
import dev.marketlens.emulator.wire.WireFormat.ApiVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

@DisplayName("§6/§4.2: paging and _links of the license and transaction lists (L1, T1)")
class PagingIT {

  private static final String EVERY_LIST = "dev.marketlens.emulator.reporting.Api#everyList";

  @DisplayName("§6: without limit a page has 10 rows, and self carries offset=0&limit=10")
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(EVERY_LIST)
  void defaultLimitIsTen(ApiVersion version, Records records) {
    JsonNode page = getJson(records.list(version));

    assertThat(elements(page.get(records.array))).hasSize(10);
    Map<String, List<String>> self = params(page.at("/_links/self/href").asString());
    assertThat(self).containsEntry("offset", List.of("0")).containsEntry("limit", List.of("10"));
  }

  @DisplayName("§6/K5: limit above 50 is clamped to 50 without error, and next pages by 50")
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(EVERY_LIST)
  void limitAboveFiftyIsClamped(ApiVersion version, Records records) {
    JsonNode page = getJson(records.list(version) + query("limit", "100"));

    assertThat(elements(page.get(records.array))).hasSize(50);
    Map<String, List<String>> next = params(page.at("/_links/next/href").asString());
    assertThat(next).containsEntry("offset", List.of("50")).containsEntry("limit", List.of("50"));
  }

  @DisplayName("§6: _links.next is present iff more rows follow the page; prev iff offset > 0")
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(EVERY_LIST)
  void nextIffMoreRows(ApiVersion version, Records records) {
    int total = records.expectedKeysOnHosting("Data Center").size();
    assertThat(total).as("test data: Data Center rows").isGreaterThan(12);
    String list = records.list(version);

    JsonNode first = getJson(list + query("hosting", "datacenter", "limit", "5"));
    JsonNode beforeLast =
        getJson(
            list
                + query(
                    "hosting", "datacenter", "offset", String.valueOf(total - 6), "limit", "5"));
    JsonNode last =
        getJson(
            list
                + query(
                    "hosting", "datacenter", "offset", String.valueOf(total - 5), "limit", "5"));
    JsonNode beyond =
        getJson(
            list + query("hosting", "datacenter", "offset", String.valueOf(total), "limit", "5"));

    assertThat(first.at("/_links/next").isMissingNode()).isFalse();
    assertThat(first.at("/_links/prev").isMissingNode()).as("no prev at offset 0").isTrue();
    assertThat(beforeLast.at("/_links/next").isMissingNode()).as("one row still follows").isFalse();
    assertThat(elements(last.get(records.array))).hasSize(5);
    assertThat(last.at("/_links/next").isMissingNode()).as("last page has no next").isTrue();
    assertThat(last.at("/_links/prev").isMissingNode()).isFalse();
    assertThat(elements(beyond.get(records.array))).isEmpty();
    assertThat(beyond.at("/_links/next").isMissingNode()).isTrue();
  }

  @DisplayName("§6: next and prev carry every filter (repeated keys too) plus offset and limit")
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(EVERY_LIST)
  void linksCarryFilters(ApiVersion version, Records records) {
    String request =
        records.list(version)
            + query(
                "hosting",
                "cloud",
                "hosting",
                "server",
                "startDate",
                "2020-01-01",
                "text",
                "e",
                "offset",
                "10",
                "limit",
                "7");
    JsonNode page = getJson(request);

    Map<String, List<String>> filters = new LinkedHashMap<>(params(request));
    filters.remove("offset");
    filters.remove("limit");
    Map<String, List<String>> next = params(page.at("/_links/next/href").asString());
    Map<String, List<String>> prev = params(page.at("/_links/prev/href").asString());
    assertThat(next).containsAllEntriesOf(filters);
    assertThat(next).containsEntry("offset", List.of("17")).containsEntry("limit", List.of("7"));
    assertThat(prev).containsAllEntriesOf(filters);
    assertThat(prev).containsEntry("offset", List.of("3")).containsEntry("limit", List.of("7"));
    assertThat(pathOf(resolve(page.at("/_links/next/href").asString())))
        .isEqualTo(records.list(version));
  }

  @DisplayName("§6: pages following next never overlap and add up to the export's rows in order")
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(EVERY_LIST)
  void pagesAddUpToTheExport(ApiVersion version, Records records) {
    String filter = query("hosting", "server");
    List<JsonNode> paged =
        Api.pageThrough(records.list(version) + filter + "&limit=7", records.array);
    List<JsonNode> exported = elements(getJson(records.export(version) + filter));

    assertThat(records.keys(paged)).doesNotHaveDuplicates();
    assertThat(records.keys(paged)).containsExactlyElementsOf(records.keys(exported));
    Api.assertSameKeys(records.keys(paged), records.expectedKeysOnHosting("Server"), "paged");
  }

  @DisplayName("§6/§12: v3 pages carry totalCount, the number of matching rows; v2 pages do not")
  @ParameterizedTest(name = "{1}")
  @EnumSource(Records.class)
  void totalCountOnlyInV3(Records records) {
    int expected = records.expectedKeysOnHosting("Cloud").size();

    JsonNode v3 = getJson(records.list(ApiVersion.V3) + query("hosting", "cloud"));
    JsonNode v2 = getJson(records.list(ApiVersion.V2) + query("hosting", "cloud"));

    assertThat(v3.get("totalCount").isNumber()).isTrue();
    assertThat(v3.get("totalCount").asInt()).isEqualTo(expected);
    assertThat(v2.has("totalCount")).isFalse();
  }

  @DisplayName(
      "§6: _links.export holds a csv and a json link with the filters and without offset/limit")
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(EVERY_LIST)
  void exportLinks(ApiVersion version, Records records) {
    JsonNode page =
        getJson(records.list(version) + query("hosting", "server", "offset", "5", "limit", "3"));

    List<JsonNode> links = elements(page.at("/_links/export"));
    assertThat(links).hasSize(2);
    Map<String, String> byType = new LinkedHashMap<>();
    for (JsonNode link : links) {
      byType.put(link.get("type").asString(), link.get("href").asString());
    }
    assertThat(byType).containsOnlyKeys("text/csv", "application/json");
    for (Map.Entry<String, String> e : byType.entrySet()) {
      Map<String, List<String>> p = params(e.getValue());
      assertThat(p).doesNotContainKeys("offset", "limit");
      assertThat(p).containsEntry("hosting", List.of("server"));
      assertThat(p)
          .containsEntry("accept", List.of(e.getKey().equals("text/csv") ? "csv" : "json"));
      assertThat(pathOf(resolve(e.getValue()))).isEqualTo(records.export(version));
    }
    List<JsonNode> exported = elements(getJson(resolve(byType.get("application/json"))));
    Api.assertSameKeys(
        records.keys(exported), records.expectedKeysOnHosting("Server"), "export link");
    Emulator.Reply csv = Api.ok(Emulator.get(resolve(byType.get("text/csv"))));
    assertThat(csv.contentType()).startsWith("text/csv");
  }

  @DisplayName("§4.2: _links.query is {template} in v2 and {href, templated: true} in v3")
  @ParameterizedTest(name = "{1}")
  @EnumSource(Records.class)
  void queryTemplateShape(Records records) {
    JsonNode v2 = getJson(records.list(ApiVersion.V2)).at("/_links/query");
    JsonNode v3 = getJson(records.list(ApiVersion.V3)).at("/_links/query");

    assertThat(v2.get("template").asString())
        .startsWith(records.list(ApiVersion.V2) + "{?")
        .contains("addon*", "offset", "limit");
    assertThat(v2.has("href")).isFalse();
    assertThat(v3.get("href").asString())
        .startsWith("/reporting/developer-space/" + Emulator.vendor().developerId() + records.path)
        .contains("{?", "productId*", "offset", "limit");
    assertThat(v3.get("templated").asBoolean()).isTrue();
    assertThat(v3.has("template")).isFalse();
  }

  @DisplayName(
      "§4.2/K27: v3 hrefs start with /reporting/developer-space/ and work bare, with /rest/3"
          + " and under /marketplace/rest/3")
  @ParameterizedTest(name = "{1}")
  @EnumSource(Records.class)
  void v3HrefsResolve(Records records) {
    JsonNode page = getJson(records.list(ApiVersion.V3) + query("hosting", "cloud", "limit", "4"));
    String next = page.at("/_links/next/href").asString();
    String prefix = "/reporting/developer-space/" + Emulator.vendor().developerId() + "/";
    assertThat(page.at("/_links/self/href").asString()).startsWith(prefix);
    assertThat(next).startsWith(prefix);
    for (JsonNode link : elements(page.at("/_links/export"))) {
      assertThat(link.get("href").asString()).startsWith(prefix);
    }

    List<List<String>> pages = new ArrayList<>();
    for (String path : List.of(next, "/rest/3" + next, "/marketplace/rest/3" + next)) {
      pages.add(records.keys(elements(getJson(path).get(records.array))));
    }
    List<String> expected =
        records.keys(
            elements(
                getJson(records.list(ApiVersion.V3) + query("hosting", "cloud", "offset", "4"))
                    .get(records.array)));
    assertThat(pages).allSatisfy(keys -> assertThat(keys).isEqualTo(expected.subList(0, 4)));
  }

  @DisplayName("§4.2: v2 hrefs start with /rest/2/vendors/{vendorId}/reporting/")
  @ParameterizedTest(name = "{1}")
  @EnumSource(Records.class)
  void v2Hrefs(Records records) {
    JsonNode links = getJson(records.list(ApiVersion.V2) + query("offset", "10")).get("_links");

    String prefix = "/rest/2/vendors/" + Emulator.vendor().vendorId() + "/reporting/";
    assertThat(links.at("/self/href").asString()).startsWith(prefix);
    assertThat(links.at("/next/href").asString()).startsWith(prefix);
    assertThat(links.at("/prev/href").asString()).startsWith(prefix);
  }
}
