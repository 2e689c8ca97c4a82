package dev.marketlens.emulator.reporting;

import static dev.marketlens.emulator.reporting.Api.assertServes;
import static dev.marketlens.emulator.reporting.Api.elements;
import static dev.marketlens.emulator.reporting.Api.getJson;
import static dev.marketlens.emulator.reporting.Api.query;
import static dev.marketlens.emulator.reporting.Api.quirks;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.reporting.Api.Records;
import dev.marketlens.emulator.wire.License;
import dev.marketlens.emulator.wire.WireFormat.ApiVersion;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

@DisplayName("§14: live-API quirk switches, set through POST /_emulator/quirks")
class QuirksIT {

  @AfterEach
  void reset() {
    JsonNode status = quirks();
    assertThat(elements(status.get("quirks"))).as("quirks reset").isEmpty();
  }

  private static Map<String, Long> duplicates(List<String> keys) {
    Map<String, Long> counts = new HashMap<>();
    keys.forEach(k -> counts.merge(k, 1L, Long::sum));
    counts.values().removeIf(n -> n == 1);
    return counts;
  }

  @DisplayName("[EMU] admin API: quirks?on=a,b switches exactly those on; on= empty resets")
  @Test
  void switchesAndReset() {
    JsonNode on = quirks("licensesOrderIgnored", "dedupAsyncExports");
    assertThat(elements(on.get("quirks")))
        .extracting(JsonNode::asString)
        .containsExactlyInAnyOrder("licensesOrderIgnored", "dedupAsyncExports");
    JsonNode status = Api.ok(Emulator.get("/_emulator/status", Api.admin())).json();
    assertThat(status.get("quirks")).isEqualTo(on.get("quirks"));

    JsonNode replaced = quirks("v3PrefixedHrefs");
    assertThat(elements(replaced.get("quirks")))
        .extracting(JsonNode::asString)
        .containsExactly("v3PrefixedHrefs");

    JsonNode error =
        Emulator.assertError(
            Emulator.post("/_emulator/quirks" + query("on", "noSuchQuirk"), Api.admin()),
            400,
            "VALIDATION_FAILED");
    assertThat(error.get("message").asString()).contains("noSuchQuirk", "licensesOrderIgnored");
  }

  @DisplayName("K4 licensesOrderIgnored: order=asc on licenses is ignored, rows stay descending")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void licensesOrderIgnored(ApiVersion v) {
    String asc = query("sortBy", "startDate", "order", "asc", "hosting", "server");
    String desc = query("sortBy", "startDate", "order", "desc", "hosting", "server");
    List<String> ascending =
        Records.LICENSES.keys(elements(getJson(Records.LICENSES.export(v) + asc)));
    String txAsc = query("sortBy", "date", "order", "asc", "startDate", "2026-06-01");
    List<String> txAscending =
        Records.TRANSACTIONS.keys(elements(getJson(Records.TRANSACTIONS.export(v) + txAsc)));

    quirks("licensesOrderIgnored");
    List<JsonNode> rows = elements(getJson(Records.LICENSES.export(v) + asc));
    List<JsonNode> page =
        elements(getJson(Records.LICENSES.list(v) + asc + "&limit=50").get("licenses"));

    assertThat(Records.LICENSES.keys(rows))
        .isEqualTo(Records.LICENSES.keys(elements(getJson(Records.LICENSES.export(v) + desc))))
        .isNotEqualTo(ascending);
    assertThat(rows.get(0).get("maintenanceStartDate").asString())
        .isGreaterThan(rows.get(rows.size() - 1).get("maintenanceStartDate").asString());
    assertThat(Records.LICENSES.keys(page)).isEqualTo(Records.LICENSES.keys(rows).subList(0, 50));
    List<JsonNode> tx = elements(getJson(Records.TRANSACTIONS.export(v) + txAsc));
    assertThat(Records.TRANSACTIONS.keys(tx))
        .as("order is still honoured on transactions")
        .isEqualTo(txAscending);
    assertThat(tx.get(0).at("/purchaseDetails/saleDate").asString())
        .isLessThan(tx.get(tx.size() - 1).at("/purchaseDetails/saleDate").asString());
  }

  @DisplayName(
      "K33 tierFilterIncludesEvaluation: tier=N on transactions also returns Evaluation-tier"
          + " lines; licenses are not affected")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void tierFilterIncludesEvaluation(ApiVersion v) {
    quirks("tierFilterIncludesEvaluation");

    assertServes(
        v,
        Records.TRANSACTIONS,
        query("tier", "10"),
        SpecRules.transactionKeys(
            SpecRules.transactions(
                t ->
                    t.purchaseDetails().tier().wire().equals("Evaluation")
                        || SpecRules.users(t.purchaseDetails().tier().wire()).orElse(-1) == 10)));
    List<License> licenses =
        SpecRules.licenses(l -> SpecRules.users(l.tier().wire()).orElse(-1) == 10);
    assertThat(SpecRules.licenses(l -> l.tier().wire().equals("Evaluation")))
        .as("test data: Evaluation-tier licenses")
        .isNotEmpty();
    assertServes(v, Records.LICENSES, query("tier", "10"), SpecRules.licenseKeys(licenses));
  }

  @DisplayName(
      "K10 duplicate2018Licenses: license exports repeat some 2018 licenses whatever the date"
          + " filter, never rows the other filters exclude; off by default")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void duplicate2018Licenses(ApiVersion v) {
    Map<String, License> byKey =
        Api.view().licenses().stream().collect(Collectors.toMap(License::key, l -> l));
    String export = Records.LICENSES.export(v);
    String recent = query("startDate", "2025-01-01");
    String server = query("hosting", "server");
    List<String> plain = Records.LICENSES.keys(elements(getJson(export)));
    List<String> plainRecent = Records.LICENSES.keys(elements(getJson(export + recent)));
    List<String> plainServer = Records.LICENSES.keys(elements(getJson(export + server)));
    assertThat(duplicates(plain)).as("no duplicates without the switch").isEmpty();

    quirks("duplicate2018Licenses");
    List<String> all = Records.LICENSES.keys(elements(getJson(export)));
    List<String> filtered = Records.LICENSES.keys(elements(getJson(export + recent)));
    List<JsonNode> serverRows = elements(getJson(export + server));
    List<List<String>> csv = Api.csv(Api.ok(Emulator.get(export + recent + "&accept=csv")).body());

    Map<String, Long> dup = duplicates(all);
    assertThat(dup).as("some licenses appear twice").isNotEmpty();
    assertThat(dup.keySet())
        .allSatisfy(k -> assertThat(byKey.get(k).maintenanceStartDate().getYear()).isEqualTo(2018));
    assertThat(Set.copyOf(all)).as("only rows the filters select").isEqualTo(Set.copyOf(plain));

    assertThat(filtered).containsAll(plainRecent);
    List<String> extra = filtered.stream().filter(k -> !plainRecent.contains(k)).toList();
    assertThat(extra)
        .as("2018 licenses appear despite startDate=2025-01-01")
        .isNotEmpty()
        .allSatisfy(
            k -> {
              assertThat(byKey.get(k).maintenanceStartDate().getYear()).isEqualTo(2018);
              assertThat(SpecRules.defaultLicense(byKey.get(k))).isTrue();
            });
    assertThat(csv).hasSize(filtered.size() + 1);

    assertThat(serverRows)
        .allSatisfy(r -> assertThat(r.get("hosting").asString()).isEqualTo("Server"));
    assertThat(Set.copyOf(Records.LICENSES.keys(serverRows))).isEqualTo(Set.copyOf(plainServer));
  }

  @DisplayName("K6 syncExportMaxRows: results well under 50,000 rows are served unchanged")
  @ParameterizedTest(name = "{0}")
  @EnumSource(Records.class)
  void syncExportMaxRowsLeavesSmallResults(Records records) {
    String q = query("hosting", "server");
    String export = Api.ok(Emulator.get(records.export(ApiVersion.V3) + q)).body();
    JsonNode list = getJson(records.list(ApiVersion.V3) + q);

    quirks("syncExportMaxRows");

    assertThat(Api.ok(Emulator.get(records.export(ApiVersion.V3) + q)).body()).isEqualTo(export);
    assertThat(getJson(records.list(ApiVersion.V3) + q)).isEqualTo(list);
    assertThat(Api.ok(Emulator.get(records.list(ApiVersion.V2))).status()).isEqualTo(200);
  }

  @DisplayName(
      "K9 dedupAsyncExports: an identical async request gets the same export id; without the"
          + " switch, a new one")
  @ParameterizedTest(name = "{0}")
  @EnumSource(Records.class)
  void dedupAsyncExports(Records records) {
    String q = query("hosting", "server", "accept", "csv");
    String a = AsyncExportsIT.start(ApiVersion.V2, records, q).at("/export/id").asString();
    String b = AsyncExportsIT.start(ApiVersion.V2, records, q).at("/export/id").asString();
    assertThat(a).as("no dedup by default").isNotEqualTo(b);

    quirks("dedupAsyncExports");
    String c = AsyncExportsIT.start(ApiVersion.V2, records, q).at("/export/id").asString();
    String d = AsyncExportsIT.start(ApiVersion.V2, records, q).at("/export/id").asString();
    String other =
        AsyncExportsIT.start(ApiVersion.V2, records, query("hosting", "cloud", "accept", "csv"))
            .at("/export/id")
            .asString();

    assertThat(d).isEqualTo(c);
    assertThat(other).as("other parameters, other export").isNotEqualTo(c);
  }

  @DisplayName("§4.2/K27 v3PrefixedHrefs: v3 hrefs start with /rest/3/reporting/ and still work")
  @ParameterizedTest(name = "{0}")
  @EnumSource(Records.class)
  void v3PrefixedHrefs(Records records) {
    String prefix = "/rest/3/reporting/developer-space/" + Emulator.vendor().developerId() + "/";
    JsonNode bare = getJson(records.list(ApiVersion.V3) + query("limit", "5"));
    assertThat(bare.at("/_links/next/href").asString()).startsWith("/reporting/developer-space/");

    quirks("v3PrefixedHrefs");
    JsonNode page = getJson(records.list(ApiVersion.V3) + query("limit", "5"));
    JsonNode started = AsyncExportsIT.start(ApiVersion.V3, records, query("hosting", "server"));
    JsonNode v2 = getJson(records.list(ApiVersion.V2) + query("limit", "5"));

    assertThat(page.at("/_links/self/href").asString()).startsWith(prefix);
    assertThat(page.at("/_links/next/href").asString()).startsWith(prefix);
    assertThat(page.at("/_links/query/href").asString()).startsWith(prefix);
    assertThat(elements(page.at("/_links/export")))
        .allSatisfy(l -> assertThat(l.get("href").asString()).startsWith(prefix));
    assertThat(started.at("/_links/status/href").asString()).startsWith(prefix);
    assertThat(v2.at("/_links/next/href").asString()).startsWith("/rest/2/vendors/");
    JsonNode next = getJson(page.at("/_links/next/href").asString());
    JsonNode expected = getJson(records.list(ApiVersion.V3) + query("offset", "5", "limit", "5"));
    assertThat(next.get(records.array)).isEqualTo(expected.get(records.array));
  }

  @DisplayName(
      "K21 hostingSpellingVariants: about half the Data Center JSON rows read 'Data center', the"
          + " other rows and CSV unchanged; off by default")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void hostingSpellingVariants(ApiVersion v) {
    String export = Records.LICENSES.export(v) + query("hosting", "datacenter");
    List<JsonNode> plain = elements(getJson(export));
    assertThat(plain).isNotEmpty();
    assertThat(plain)
        .allSatisfy(r -> assertThat(r.get("hosting").asString()).isEqualTo("Data Center"));

    quirks("hostingSpellingVariants");
    List<JsonNode> varied = elements(getJson(export));
    Map<String, Long> spellings =
        varied.stream()
            .collect(
                Collectors.groupingBy(r -> r.get("hosting").asString(), Collectors.counting()));
    assertThat(spellings.keySet()).containsExactlyInAnyOrder("Data Center", "Data center");
    assertThat(spellings.get("Data center")).isBetween(varied.size() / 4L, varied.size() * 3 / 4L);
    assertThat(Records.LICENSES.keys(varied)).isEqualTo(Records.LICENSES.keys(plain));
    String csv = Api.ok(Emulator.get(export + "&accept=csv")).body();
    assertThat(csv).doesNotContain("\"Data center\"");
    List<JsonNode> transactions =
        elements(getJson(Records.TRANSACTIONS.export(v) + query("hosting", "datacenter")));
    assertThat(transactions)
        .extracting(r -> r.get("purchaseDetails").get("hosting").asString())
        .contains("Data center", "Data Center");
  }
}
