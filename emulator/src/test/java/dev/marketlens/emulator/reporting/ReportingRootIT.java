package dev.marketlens.emulator.reporting;

import static dev.marketlens.emulator.reporting.Api.elements;
import static dev.marketlens.emulator.reporting.Api.getJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.wire.WireFormat.ApiVersion;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

@DisplayName("§11 R1: the reporting root, a HAL index of the reporting links")
class ReportingRootIT {

  private static String hrefRoot(ApiVersion v) {
    return v == ApiVersion.V2
        ? Emulator.v2()
        : "/reporting/developer-space/" + Emulator.vendor().developerId();
  }

  /** The URI template of a LinkTemplate in {@code v}'s shape (§4.2). */
  private static String template(ApiVersion v, JsonNode link) {
    if (v == ApiVersion.V2) {
      assertThat(link.has("href")).isFalse();
      return link.get("template").asString();
    }
    assertThat(link.get("templated").asBoolean()).isTrue();
    assertThat(link.has("template")).isFalse();
    return link.get("href").asString();
  }

  @DisplayName(
      "§11: the root links self, licenses, transactions, their exports and freeStarterTier")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void links(ApiVersion v) {
    JsonNode links = getJson(Api.root(v)).get("_links");
    String root = hrefRoot(v);

    assertThat(links.at("/self/href").asString()).isEqualTo(root);
    assertThat(template(v, links.get("licenses"))).startsWith(root + "/licenses{?");
    assertThat(template(v, links.get("transactions"))).startsWith(root + "/sales/transactions{?");
    assertThat(template(v, links.get("freeStarterTierExport")))
        .startsWith(root + "/sales/freeStarterTier/export{?");
    for (String name : List.of("licensesExport", "transactionsExport")) {
      List<JsonNode> exports = elements(links.get(name));
      assertThat(exports)
          .extracting(l -> l.get("type").asString())
          .containsExactlyInAnyOrder("text/csv", "application/json");
      assertThat(exports).allSatisfy(l -> assertThat(template(v, l)).contains("/export{?"));
    }
  }

  @DisplayName("§11: expanding the licenses template without variables gives the license list")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void templatesLeadToTheLists(ApiVersion v) {
    JsonNode links = getJson(Api.root(v)).get("_links");
    for (String[] link :
        List.of(
            new String[] {"licenses", "licenses"}, new String[] {"transactions", "transactions"})) {
      String t = template(v, links.get(link[0]));
      String expanded = t.substring(0, t.indexOf('{'));
      JsonNode page = getJson(Api.resolve(expanded));
      assertThat(elements(page.get(link[1]))).hasSize(10);
    }
  }

  @DisplayName("§11/K28: the v3 root with a trailing slash answers 404")
  @Test
  void v3TrailingSlashIs404() {
    Emulator.assertError(Emulator.get(Emulator.v3() + "/"), 404, "NOT_FOUND");
    Emulator.assertError(Emulator.get("/marketplace" + Emulator.v3() + "/"), 404, "NOT_FOUND");
  }

  @DisplayName("§1.1/§4.2: the v3 root answers under /rest/3, /marketplace/rest/3 and bare")
  @Test
  void v3RootAliases() {
    String bare = "/reporting/developer-space/" + Emulator.vendor().developerId();
    JsonNode direct = getJson(Emulator.v3());

    assertThat(getJson("/marketplace" + Emulator.v3())).isEqualTo(direct);
    assertThat(getJson(bare)).isEqualTo(direct);
  }

  @DisplayName("§3: the root needs credentials (401) and membership of the vendor (403)")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void rootIsProtected(ApiVersion v) {
    Emulator.assertError(Emulator.get(Api.root(v), null), 401, "UNAUTHORIZED");
    Emulator.assertError(
        Emulator.get(Api.root(v), Emulator.basic(Emulator.OTHER_EMAIL, Emulator.OTHER_TOKEN)),
        403,
        "FORBIDDEN");
  }
}
