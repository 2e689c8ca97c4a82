package dev.marketlens.emulator.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Every record the API serves has the shape Atlassian's swagger declares (the fact table {@code
 * reporting-api.derived.json}, copied into the test resources): no field the schema does not know,
 * except the documented live-only ones (spec §15); every required field present, except where the
 * live API is known to omit it; enumerated values within the declared enum, except the documented
 * live values.
 */
@DisplayName("§7.3/§8.3/§15: records have the fact table's shapes")
class FactTableShapesIT {

  private static final JsonNode FACTS = load();

  /** Fields served although the schema lacks them (spec §15, live behaviour). */
  private static final Map<String, Set<String>> LIVE_ONLY =
      Map.of(
          "License",
          Set.of(
              "newBillingSystem", // swagger: isNewBillingSystem; live and the v3 example
              "productId", // v3 records (absent from the v2 schema, which the v2 API never sends)
              "latestEvaluationStartDate", // dropped from the v3 swagger, returned live
              "latestMaintenanceStartDate",
              "inGracePeriod",
              "licenseLevel",
              "upgradeEvaluationStartDate",
              "upgradeEvaluatingEdition"),
          "Transaction",
          Set.of("productId", "licenseLevel"),
          "TransactionPurchaseDetails",
          Set.of("proratedDetails"));

  /** Required by the swagger, absent live (spec §7.3: new cloud licenses have no SEN). */
  private static final Map<String, Set<String>> LIVE_ABSENT =
      Map.of(
          "License", Set.of("addonLicenseId", "licenseId"),
          "Transaction", Set.of("addonLicenseId", "licenseId"),
          "TransactionPurchaseDetails", Set.of(),
          "TransactionCustomerDetails", Set.of());

  /** Enum values served beyond the swagger's (spec §8.4, §15). */
  private static final Map<String, Set<String>> LIVE_VALUES =
      Map.of(
          "TransactionPurchaseDetails.saleType", Set.of("Downgrade"),
          "TransactionPurchaseDetails.licenseType", Set.of("FREE", "DEMONSTRATION", "CLASSROOM"),
          "TransactionPurchaseDetails.parentProductEdition",
              Set.of("Free", "Standard", "Premium", "Enterprise", "NA"),
          "TransactionPurchaseDetails.oldParentProductEdition",
              Set.of("Free", "Standard", "Premium", "Enterprise", "NA"),
          "TransactionPurchaseDetails.parentProductName", Set.of("NA"));

  @ParameterizedTest(name = "v{0}")
  @ValueSource(ints = {2, 3})
  @DisplayName("licenses (with data insights, every kind) match the License schema")
  void licenses(int version) {
    List<String> problems = new ArrayList<>();
    for (String free : new String[] {"false", "true"}) {
      JsonNode rows =
          export(
              version,
              "/licenses/export?accept=json&withDataInsights=true&includeAtlassianLicenses=true"
                  + "&showLifeTimeFreeLicenses="
                  + free);
      assertThat(rows.size()).isPositive();
      for (JsonNode row : rows) {
        check(version, "License", row, problems);
      }
    }
    assertThat(new TreeSet<>(problems)).isEmpty();
  }

  @ParameterizedTest(name = "v{0}")
  @ValueSource(ints = {2, 3})
  @DisplayName("transaction lines match the Transaction schema")
  void transactions(int version) {
    List<String> problems = new ArrayList<>();
    JsonNode rows = export(version, "/sales/transactions/export?accept=json");
    assertThat(rows.size()).isPositive();
    for (JsonNode row : rows) {
      check(version, "Transaction", row, problems);
    }
    assertThat(new TreeSet<>(problems)).isEmpty();
  }

  @ParameterizedTest(name = "v{0}")
  @ValueSource(ints = {2, 3})
  @DisplayName("list envelopes and their links match Reports_GetLicenses / LicenseCollectionLinks")
  void envelopes(int version) {
    JsonNode page =
        Emulator.get((version == 2 ? Emulator.v2() : Emulator.v3()) + "/licenses?limit=2&offset=2")
            .json();
    Set<String> declared = names(version, "LicenseCollectionLinks");
    page.get("_links").propertyNames().forEach(k -> assertThat(declared).contains(k));
    assertThat(page.has("licenses")).isTrue();
    assertThat(page.has("totalCount")).isEqualTo(version == 3);
  }

  private static JsonNode export(int version, String path) {
    Emulator.Reply r = Emulator.get((version == 2 ? Emulator.v2() : Emulator.v3()) + path);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    return r.json();
  }

  private static void check(int version, String schema, JsonNode value, List<String> problems) {
    JsonNode properties = schema(version, schema).get("properties");
    Set<String> declared = names(version, schema);
    for (String field : value.propertyNames()) {
      if (!declared.contains(field) && !LIVE_ONLY.getOrDefault(schema, Set.of()).contains(field)) {
        problems.add("v" + version + " " + schema + "." + field + " is not in the schema");
      }
    }
    for (JsonNode p : properties) {
      String name = p.get("name").asString();
      JsonNode v = value.get(name);
      if (v == null || v.isNull()) {
        if (p.path("required").asBoolean(false)
            && !LIVE_ABSENT.getOrDefault(schema, Set.of()).contains(name)) {
          problems.add("v" + version + " " + schema + "." + name + " is required but absent");
        }
        continue;
      }
      if (p.has("enum") && v.isString()) {
        Set<String> allowed = new TreeSet<>();
        p.get("enum").forEach(e -> allowed.add(e.asString()));
        allowed.addAll(LIVE_VALUES.getOrDefault(schema + "." + name, Set.of()));
        if (!allowed.contains(v.asString())) {
          problems.add(
              "v"
                  + version
                  + " "
                  + schema
                  + "."
                  + name
                  + " = '"
                  + v.asString()
                  + "' not in "
                  + allowed);
        }
      }
      if (p.has("ref") && schema(version, p.get("ref").asString()).has("properties")) {
        String ref = p.get("ref").asString();
        if (v.isArray()) {
          v.forEach(element -> check(version, ref, element, problems));
        } else {
          check(version, ref, v, problems);
        }
      }
    }
  }

  private static JsonNode schema(int version, String name) {
    JsonNode s = FACTS.get("v" + version).get("schemas").get(name);
    assertThat(s).as("schema %s in v%s", name, version).isNotNull();
    return s;
  }

  private static Set<String> names(int version, String schema) {
    Set<String> names = new TreeSet<>();
    schema(version, schema).get("properties").forEach(p -> names.add(p.get("name").asString()));
    return names;
  }

  private static JsonNode load() {
    try (InputStream in =
        FactTableShapesIT.class.getResourceAsStream(
            "/marketplace-api/reporting-api.derived.json")) {
      return Emulator.JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
