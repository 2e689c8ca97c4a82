package dev.marketlens.web.customers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.store.TokenCipher;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.store.VendorAccounts;
import dev.marketlens.sync.files.Importer;
import dev.marketlens.web.HttpSession;
import dev.marketlens.web.TestSite;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@DisplayName("/customers, /customers/{key} and /api/v1/customers")
class CustomersIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final List<String> MONTHS = List.of("2025-11", "2026-03", "2026-07", "2026-10");
  private static final List<String> KINDS =
      List.of("new", "expansion", "contraction", "churn", "reactivation");
  private final TestSite site = TestSite.get();

  private JsonNode json(HttpSession s, String path) {
    HttpResponse<String> r = s.get(path);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static String field(String kind) {
    return switch (kind) {
      case "new" -> "newMrr";
      case "expansion" -> "expansionMrr";
      case "contraction" -> "contractionMrr";
      case "churn" -> "churnedMrr";
      default -> "reactivationMrr";
    };
  }

  private static String path(String key) {
    return UriUtils.encodePathSegment(key, StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName(
      "for several months and every movement kind, the customers' amounts add up to the movements report")
  void movementCustomersAddUpToTheReport() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    Set<String> nonZero = new HashSet<>();
    for (String month : MONTHS) {
      JsonNode report =
          json(admin, "/api/v1/reports/movements?account=alpha&from=" + month + "&to=" + month)
              .get(0);
      for (String kind : KINDS) {
        String query = "account=alpha&month=" + month + "&movement=" + kind;
        JsonNode first = json(admin, "/api/v1/customers?" + query + "&size=100");
        long expected = report.get(field(kind)).asLong();
        assertThat(first.get("movementTotal").asLong()).as(month + " " + kind).isEqualTo(expected);
        long sum = 0;
        long total = first.get("total").asLong();
        for (int p = 1; p <= Math.max(1, (total + 99) / 100); p++) {
          for (JsonNode c :
              json(admin, "/api/v1/customers?" + query + "&size=100&page=" + p).get("items")) {
            assertThat(c.get("movement").asString()).isEqualTo(kind);
            sum += c.get("amount").asLong();
          }
        }
        assertThat(sum).as(month + " " + kind + ", summed over the pages").isEqualTo(expected);
        if (expected > 0) {
          nonZero.add(kind);
        }
        String page = admin.get("/customers?" + query).body();
        assertThat(page)
            .as(month + " " + kind)
            .contains("id=\"movement-total\" data-value=\"" + expected + "\"");
      }
    }
    assertThat(nonZero).as("kinds with customers in the months tested").contains("new", "churn");
  }

  @Test
  @DisplayName(
      "the customers paying at a month's end are the report's customers with its closing MRR")
  void payingCustomersAreTheReports() {
    HttpSession viewer = HttpSession.signedIn(site, "viewer");
    JsonNode report = json(viewer, "/api/v1/reports/movements?from=2026-10&to=2026-10").get(0);
    JsonNode listed = json(viewer, "/api/v1/customers?month=2026-10&size=25");
    assertThat(listed.get("total").asLong()).isEqualTo(report.get("customers").asLong());
    assertThat(listed.get("mrrTotal").asLong()).isEqualTo(report.get("closingMrr").asLong());
    // Sorted by closing MRR, largest first, by default.
    long previous = Long.MAX_VALUE;
    for (JsonNode c : listed.get("items")) {
      assertThat(c.get("closingMrr").asLong()).isLessThanOrEqualTo(previous);
      previous = c.get("closingMrr").asLong();
    }
    String page = viewer.get("/customers").body();
    assertThat(page)
        .contains("id=\"mrr-total\" data-value=\"" + report.get("closingMrr").asLong() + "\"");
  }

  @Test
  @DisplayName("a customer's page shows its MRR by month, equal to its MRR in the customer list")
  void customerPage() {
    HttpSession analyst = HttpSession.signedIn(site, "analyst");
    JsonNode top = json(analyst, "/api/v1/customers?month=2026-09&size=25").get("items").get(0);
    String key = top.get("customer").asString();
    JsonNode detail = json(analyst, "/api/v1/customers/" + path(key) + "?from=2026-01&to=2026-09");
    JsonNode mrr = detail.get("mrr");
    assertThat(mrr.size()).isEqualTo(9);
    assertThat(mrr.get(8).get("month").asString()).isEqualTo("2026-09");
    assertThat(mrr.get(8).get("mrr").asLong()).isEqualTo(top.get("closingMrr").asLong());
    assertThat(detail.get("licenses").size()).isPositive();
    assertThat(detail.get("transactions").size()).isPositive();
    assertThat(detail.get("lineItemIds").size()).isPositive();
    HttpResponse<String> page = analyst.get("/customers/" + path(key) + "?from=2026-01&to=2026-09");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("data-chart=\"line\"")
        .contains("id=\"timeline\"")
        .contains("data-kind=\"transaction\"")
        .contains("data-value=\"" + top.get("closingMrr").asLong() + "\"");
    // The list links to the page.
    assertThat(analyst.get("/customers?month=2026-09").body()).contains("/customers/" + path(key));
  }

  @Test
  @DisplayName("an unknown customer is a 404 page and a 404 in the API")
  void unknownCustomer() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    assertThat(admin.get("/customers/domain:nobody.invalid").statusCode()).isEqualTo(404);
    assertThat(admin.get("/api/v1/customers/domain:nobody.invalid").statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("bad month, movement, sort or size are 400s naming the value")
  void badInput() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    HttpResponse<String> movement = admin.get("/api/v1/customers?movement=growth");
    assertThat(movement.statusCode()).isEqualTo(400);
    assertThat(movement.body()).contains("'growth'");
    assertThat(admin.get("/customers?month=2026-13").body()).contains("month must be YYYY-MM");
    assertThat(admin.get("/api/v1/customers?sort=secret").statusCode()).isEqualTo(400);
    assertThat(admin.get("/api/v1/customers?size=7").statusCode()).isEqualTo(400);
  }

  @Test
  @DisplayName("a beta viewer gets 404 for an alpha customer, and never sees one in a list")
  void betaCannotSeeAlphaCustomers() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    HttpSession beta = HttpSession.signedIn(site, "beta-viewer");
    Set<String> betaKeys = new HashSet<>();
    JsonNode betaList = json(beta, "/api/v1/customers?month=2026-10&size=100");
    for (int p = 1; p <= Math.max(1, (betaList.get("total").asLong() + 99) / 100); p++) {
      json(beta, "/api/v1/customers?month=2026-10&size=100&page=" + p)
          .get("items")
          .forEach(c -> betaKeys.add(c.get("customer").asString()));
    }
    String alphaOnly = null;
    for (JsonNode c :
        json(admin, "/api/v1/customers?account=alpha&month=2026-10&size=100").get("items")) {
      String key = c.get("customer").asString();
      if (!betaKeys.contains(key)
          && admin.get("/api/v1/customers/" + path(key) + "?account=beta").statusCode() == 404) {
        alphaOnly = key;
        break;
      }
    }
    assertThat(alphaOnly).isNotNull();
    assertThat(beta.get("/customers/" + path(alphaOnly)).statusCode()).isEqualTo(404);
    assertThat(beta.get("/api/v1/customers/" + path(alphaOnly)).statusCode()).isEqualTo(404);
    assertThat(beta.get("/api/v1/customers?account=alpha").statusCode()).isEqualTo(404);
    assertThat(beta.get("/customers?account=alpha").statusCode()).isEqualTo(404);
    assertThat(
            beta.get("/customers?q=" + URLEncoder.encode(alphaOnly, StandardCharsets.UTF_8)).body())
        .doesNotContain(">" + alphaOnly + "<");
    assertThat(admin.get("/api/v1/customers/" + path(alphaOnly)).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName(
      "a record changed after import shows on its customer's page as a version with the field's diff")
  void versionDiff() throws IOException {
    VendorAccount gamma = Gamma.account(site);
    HttpSession admin = HttpSession.signedIn(site, "admin");
    JsonNode found =
        json(
            admin,
            "/api/v1/transactions?account="
                + gamma.name()
                + "&from=2000-01&to=2026-10&q="
                + Gamma.changedLine);
    assertThat(found.get("total").asLong()).isEqualTo(1);
    String key = found.get("items").get(0).get("customer").asString();
    JsonNode detail = json(admin, "/api/v1/customers/" + path(key) + "?account=" + gamma.name());
    boolean diffed = false;
    for (JsonNode v : detail.get("versions")) {
      if (v.get("version").asInt() == 2 && v.get("record").asString().contains(Gamma.changedLine)) {
        for (JsonNode c : v.get("changes")) {
          diffed |= c.get("to").asString("").equals(Gamma.newCompany);
        }
      }
    }
    assertThat(diffed).as(detail.get("versions").toString()).isTrue();
    String page = admin.get("/customers/" + path(key) + "?account=" + gamma.name()).body();
    assertThat(page)
        .contains("data-kind=\"version\"")
        .contains("version 2")
        .contains(Gamma.newCompany)
        .contains("class=\"change\"");
  }

  /** A small account of this test's own: some of alpha's lines, then one of them changed. */
  static final class Gamma {
    static VendorAccount account;
    static String changedLine;
    static String newCompany;

    static synchronized VendorAccount account(TestSite site) throws IOException {
      if (account != null) {
        return account;
      }
      VendorAccounts accounts =
          new VendorAccounts(site.database().dataSource(), TokenCipher.of(new byte[32]));
      account =
          accounts.save(new VendorAccount.New("records-gamma", "v2", null, null, null, null, null));
      ArrayNode all =
          (ArrayNode) JSON.readTree(site.home().resolve("world-alpha/transactions.json").toFile());
      ArrayNode some = JSON.createArrayNode();
      for (int k = 0; k < 20 && k < all.size(); k++) {
        some.add(all.get(k));
      }
      Path dir = Files.createTempDirectory(site.home(), "gamma");
      Path first = dir.resolve("transactions.json");
      JSON.writeValue(first.toFile(), some);
      Importer importer = new Importer(site.database(), Clock.systemUTC());
      importer.importFile(account, first);
      ObjectNode changed = (ObjectNode) some.get(0).deepCopy();
      changedLine = changed.get("transactionLineItemId").asString();
      ObjectNode customer = (ObjectNode) changed.get("customerDetails");
      newCompany = customer.get("company").asString() + " Renamed";
      customer.put("company", newCompany);
      Path second = dir.resolve("transactions-changed.json");
      JSON.writeValue(second.toFile(), JSON.createArrayNode().add(changed));
      importer.importFile(account, second);
      // The application reads the list of accounts every two seconds; this one is needed now.
      site.bean(dev.marketlens.web.security.Access.class).forget();
      return account;
    }
  }
}
