package dev.marketlens.emulator.reporting;

import static dev.marketlens.emulator.reporting.Api.appId;
import static dev.marketlens.emulator.reporting.Api.appParam;
import static dev.marketlens.emulator.reporting.Api.csv;
import static dev.marketlens.emulator.reporting.Api.elements;
import static dev.marketlens.emulator.reporting.Api.ok;
import static dev.marketlens.emulator.reporting.Api.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.commerce.App;
import dev.marketlens.emulator.reporting.Emulator.Reply;
import dev.marketlens.emulator.wire.FreeStarterTierWriter;
import dev.marketlens.emulator.wire.WireFormat.ApiVersion;
import dev.marketlens.emulator.world.FreeStarterEntitlement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

@DisplayName("§10/K25: free starter tier export (F1)")
class FreeStarterTierIT {

  private static final List<String> JSON_KEYS =
      List.of(
          "day",
          "licenseId",
          "appEntitlementId",
          "entitlementNumber",
          "parentEdition",
          "dateOfEvaluation",
          "parentUnitCount",
          "technicalEmail",
          "vendorId",
          "addonName",
          "addonKey");

  private static String path(ApiVersion v) {
    return Api.root(v) + "/sales/freeStarterTier/export";
  }

  /** The app of vendor 0 with a free starter tier. */
  private static App starterApp() {
    return Emulator.vendor().apps().stream()
        .filter(App::freeStarterTier)
        .findFirst()
        .orElseThrow(() -> new AssertionError("test data: an app with a free starter tier"));
  }

  private static List<String> entitlementIds(List<FreeStarterEntitlement> es) {
    return es.stream().map(FreeStarterEntitlement::appEntitlementId).toList();
  }

  private static List<String> entitlementIds(JsonNode rows) {
    return elements(rows).stream().map(r -> r.get("appEntitlementId").asString()).toList();
  }

  @DisplayName(
      "§10: without accept the export is a JSON array of the sites on the free tier today, one row"
          + " each, with the spec's keys")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void jsonByDefault(ApiVersion v) {
    Reply r = ok(Emulator.get(path(v)));
    List<FreeStarterEntitlement> expected = Api.view().freeStarterOn(Api.today());
    assertThat(expected).as("test data: sites on the free starter tier").isNotEmpty();

    assertThat(r.contentType()).isEqualTo("application/json;charset=UTF-8");
    JsonNode rows = r.json();
    assertThat(entitlementIds(rows)).containsExactlyInAnyOrderElementsOf(entitlementIds(expected));
    for (JsonNode row : elements(rows)) {
      List<String> keys = new ArrayList<>(row.propertyNames());
      List<String> allowed = new ArrayList<>(JSON_KEYS);
      if (v == ApiVersion.V3) {
        allowed.add("productId");
        assertThat(keys).contains("productId");
      } else {
        assertThat(keys).doesNotContain("productId");
      }
      // Absent optional fields may be omitted (§4.1); the others keep the spec's order.
      assertThat(allowed).containsSubsequence(keys);
      assertThat(keys)
          .contains("day", "appEntitlementId", "parentUnitCount", "vendorId", "addonKey");
      assertThat(row.get("day").asString()).isEqualTo(Api.today().toString());
      assertThat(row.get("vendorId").asLong()).isEqualTo(Emulator.vendor().vendorId());
      assertThat(row.get("parentUnitCount").asInt()).isBetween(1, 10);
    }
  }

  @DisplayName(
      "§10/K25: accept=csv gives CSV with FreeStarterTierWriter.COLUMNS, without productId")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void csvWithAcceptParam(ApiVersion v) {
    Reply r = ok(Emulator.get(path(v) + query("accept", "csv")));
    JsonNode json = ok(Emulator.get(path(v))).json();

    assertThat(r.contentType()).isEqualTo("text/csv;charset=UTF-8");
    List<List<String>> rows = csv(r.body());
    assertThat(rows.get(0)).containsExactlyElementsOf(FreeStarterTierWriter.COLUMNS);
    assertThat(rows.get(0)).doesNotContain("productId").hasSize(11);
    assertThat(rows).hasSize(json.size() + 1);
    int column = rows.get(0).indexOf("appEntitlementId");
    assertThat(rows.subList(1, rows.size()).stream().map(row -> row.get(column)).toList())
        .containsExactlyElementsOf(entitlementIds(json));
  }

  @DisplayName("§10/K25: an Accept: text/csv header is ignored; the export stays JSON")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void acceptHeaderIgnored(ApiVersion v) {
    Reply r = ok(Emulator.getWithHeader(path(v), "Accept", "text/csv"));

    assertThat(r.contentType()).isEqualTo("application/json;charset=UTF-8");
    assertThat(r.body()).isEqualTo(ok(Emulator.get(path(v))).body());
  }

  @DisplayName("§10/§12: v3 rows carry the app's productId; v2 rows do not")
  @Test
  void productIdInV3() {
    App app = starterApp();
    JsonNode v3 = ok(Emulator.get(path(ApiVersion.V3))).json();
    JsonNode v2 = ok(Emulator.get(path(ApiVersion.V2))).json();

    assertThat(elements(v3))
        .isNotEmpty()
        .allSatisfy(
            r -> {
              assertThat(r.get("addonKey").asString()).isEqualTo(app.addonKey());
              assertThat(r.get("productId").asString()).isEqualTo(app.productId());
            });
    assertThat(elements(v2)).noneMatch(r -> r.has("productId"));
  }

  @DisplayName("§10: the app filter (addon in v2, productId in v3) keeps or drops the app's rows")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void appFilter(ApiVersion v) {
    App starter = starterApp();
    App other =
        SpecRules.paidApps().stream().filter(a -> !a.freeStarterTier()).findFirst().orElseThrow();
    int all = ok(Emulator.get(path(v))).json().size();

    assertThat(ok(Emulator.get(path(v) + query(appParam(v), appId(v, starter)))).json().size())
        .isEqualTo(all);
    assertThat(ok(Emulator.get(path(v) + query(appParam(v), appId(v, other)))).json().size())
        .isZero();
  }

  @DisplayName("§5.1/K25: v3 with a well-formed but unknown productId answers 500 (live quirk)")
  @Test
  void unknownProductIdIs500() {
    Reply r = Emulator.get(path(ApiVersion.V3) + query("productId", UUID.randomUUID().toString()));

    assertThat(r.status()).isEqualTo(500);
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.json().at("/errors/0/message").asString()).isNotBlank();
    Reply notUuid = Emulator.get(path(ApiVersion.V3) + query("productId", "not-a-product"));
    assertThat(notUuid.status()).as("only a well-formed UUID triggers the quirk").isEqualTo(200);
    assertThat(notUuid.json().size()).isZero();
  }

  @DisplayName("§10: date selects the snapshot day; every row carries that day")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void dateSelectsSnapshot(ApiVersion v) {
    LocalDate day = Api.today().minusDays(200);
    List<FreeStarterEntitlement> expected = Api.view().freeStarterOn(day);
    assertThat(expected).as("test data: sites on the free tier 200 days ago").isNotEmpty();

    JsonNode rows = ok(Emulator.get(path(v) + query("date", day.toString()))).json();

    assertThat(entitlementIds(rows)).containsExactlyInAnyOrderElementsOf(entitlementIds(expected));
    assertThat(elements(rows))
        .allSatisfy(r -> assertThat(r.get("day").asString()).isEqualTo(day.toString()));
  }

  @DisplayName("§10/K25: startDate, endDate and hosting are ignored")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void rangeParamsIgnored(ApiVersion v) {
    String plain = ok(Emulator.get(path(v))).body();
    Reply ranged =
        ok(
            Emulator.get(
                path(v)
                    + query(
                        "startDate", "2020-01-01", "endDate", "2020-01-31", "hosting", "server")));

    assertThat(ranged.body()).isEqualTo(plain);
  }

  @DisplayName("§4.1/§5.1: a malformed date, accept or boolean answers 400 naming the parameter")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void badInput(ApiVersion v) {
    for (String[] bad :
        List.of(
            new String[] {"date", "2024-1-1"},
            new String[] {"accept", "xml"},
            new String[] {"includeAtlassianLicenses", "yes"})) {
      JsonNode error =
          Emulator.assertError(
              Emulator.get(path(v) + query(bad[0], bad[1])), 400, "VALIDATION_FAILED");
      assertThat(error.get("path").asString()).isEqualTo(bad[0]);
    }
  }
}
