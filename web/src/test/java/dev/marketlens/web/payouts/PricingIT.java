package dev.marketlens.web.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.metrics.Records;
import dev.marketlens.model.Tier;
import dev.marketlens.payouts.pricing.PriceAudit;
import dev.marketlens.payouts.pricing.PriceBook;
import dev.marketlens.payouts.pricing.PricingTables;
import dev.marketlens.store.AuditLog;
import dev.marketlens.store.PriceBooks;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.sync.stored.StoredRecords;
import dev.marketlens.web.HttpSession;
import dev.marketlens.web.TestSite;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pricing API and page on the test site, whose accounts hold their worlds' price books: the
 * API's rows equal the pricing engine's on the stored records, scope, roles, audit and bad input.
 */
@DisplayName("Pricing: /api/v1/pricing and /payouts/pricing")
class PricingIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String TEST_APP = "com.example.pricing-it";
  private final TestSite site = TestSite.get();

  private static JsonNode json(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /** The audit the engine computes from the store, as the command line does. */
  private PriceAudit.Result engineAudit(VendorAccount account) {
    Records records = new Records();
    StoredRecords.read(site.database(), account.id(), records::add, records::add);
    Records.Loaded loaded = records.load(Map.of(), Set.of());
    PriceBook book =
        PriceBook.of(
            new PriceBooks(site.database())
                .list(account.id()).stream()
                    .filter(p -> !p.app().equals(TEST_APP))
                    .map(
                        p ->
                            new PriceBook.Row(
                                p.app(),
                                p.hosting(),
                                p.effectiveFrom(),
                                Tier.parse(p.tier()),
                                p.priceCents(),
                                p.renewalPriceCents()))
                    .toList());
    return PriceAudit.audit(book, loaded.allLines(), loaded.licenses());
  }

  private HttpResponse<String> postCsv(HttpSession session, String path, String csv) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(site.baseUrl() + path))
            .header("Content-Type", "text/csv")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(csv));
    String token = session.csrfToken("/");
    if (token != null) {
      request.header("X-CSRF-TOKEN", token);
    }
    return session.send(request);
  }

  @Test
  @DisplayName(
      "the audit by rule equals the engine's on the stored records, and the world's price book explains every line")
  void auditEqualsEngine() {
    PriceAudit.Result engine = engineAudit(site.alpha());
    JsonNode api =
        json(
            HttpSession.signedIn(site, "admin")
                .get("/api/v1/pricing/audit?account=alpha&byRule=true"));
    assertThat(api)
        .isEqualTo(
            JSON.readTree(JSON.writeValueAsString(PricingTables.auditByRule(engine).objects())));
    assertThat(engine.lines()).isNotEmpty();
    assertThat(engine.unexplained())
        .as("%s", PricingTables.audit(engine.unexplained()).objects())
        .isEmpty();
    JsonNode unexplained = json(HttpSession.signedIn(site, "analyst").get("/api/v1/pricing/audit"));
    assertThat(unexplained.size()).isZero();
  }

  @Test
  @DisplayName("the page shows the audit's counts and the price book, with the form for an analyst")
  void page() {
    HttpResponse<String> r = HttpSession.signedIn(site, "analyst").get("/payouts/pricing");
    assertThat(r.statusCode()).isEqualTo(200);
    PriceAudit.Result engine = engineAudit(site.alpha());
    assertThat(r.body())
        .contains("id=\"table-audit-rules\"", "id=\"table-book\"", "id=\"price-form\"")
        .contains("data-count=\"" + engine.lines().size() + "\"");
  }

  @Test
  @DisplayName("scope: beta-viewer sees beta's price book, never alpha's (404)")
  void scope() {
    HttpSession beta = HttpSession.signedIn(site, "beta-viewer");
    assertThat(beta.get("/api/v1/pricing/book?account=alpha").statusCode()).isEqualTo(404);
    assertThat(beta.get("/api/v1/pricing/audit?account=alpha").statusCode()).isEqualTo(404);
    JsonNode book = json(beta.get("/api/v1/pricing/book"));
    long stored = new PriceBooks(site.database()).list(site.beta().id()).size();
    assertThat(book.size()).isEqualTo((int) stored);
    Set<String> alphaApps =
        new java.util.HashSet<>(
            new PriceBooks(site.database())
                .list(site.alpha().id()).stream().map(PriceBooks.Price::app).toList());
    for (JsonNode row : book) {
      assertThat(alphaApps).doesNotContain(row.get("app").asString());
    }
  }

  @Test
  @DisplayName("a viewer cannot change prices: the API answers 403 and the page has no form")
  void viewerCannotEdit() {
    HttpSession viewer = HttpSession.signedIn(site, "viewer");
    HttpResponse<String> put =
        viewer.sendJson(
            "PUT",
            "/api/v1/pricing/book/prices?app="
                + TEST_APP
                + "&hosting=Cloud&effectiveFrom=2024-01-01&tier=10%20Users&price=5.00",
            null);
    assertThat(put.statusCode()).isEqualTo(403);
    HttpResponse<String> page = viewer.get("/payouts/pricing");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .doesNotContain("id=\"price-form\"")
        .doesNotContain("id=\"import-form\"");
    HttpResponse<String> form =
        viewer.postForm(
            "/payouts/pricing/prices",
            Map.of(
                "app", TEST_APP,
                "hosting", "Cloud",
                "effectiveFrom", "2024-01-01",
                "tier", "10 Users",
                "price", "5.00"));
    assertThat(form.statusCode()).isEqualTo(403);
    assertThat(new PriceBooks(site.database()).list(site.alpha().id()))
        .noneMatch(p -> p.app().equals(TEST_APP));
  }

  @Test
  @DisplayName(
      "an analyst saves and removes a price through the form and the API; each change is audited")
  void analystEdits() {
    HttpSession analyst = HttpSession.signedIn(site, "analyst");
    HttpResponse<String> form =
        analyst.postForm(
            "/payouts/pricing/prices?account=alpha",
            Map.of(
                "app", TEST_APP,
                "hosting", "Server",
                "effectiveFrom", "2024-01-01",
                "tier", "25 Users",
                "price", "120.00",
                "renewalPrice", "60.00"));
    assertThat(form.statusCode()).isEqualTo(302);
    assertThat(new PriceBooks(site.database()).list(site.alpha().id()))
        .contains(
            new PriceBooks.Price(
                TEST_APP,
                dev.marketlens.model.Hosting.SERVER,
                java.time.LocalDate.parse("2024-01-01"),
                "25 Users",
                12_000,
                6_000L));
    HttpResponse<String> delete =
        analyst.sendJson(
            "DELETE",
            "/api/v1/pricing/book/prices?app="
                + TEST_APP
                + "&hosting=Server&effectiveFrom=2024-01-01&tier=25%20Users",
            null);
    assertThat(delete.statusCode()).isEqualTo(204);
    assertThat(new PriceBooks(site.database()).list(site.alpha().id()))
        .noneMatch(p -> p.app().equals(TEST_APP));
    var actions =
        new AuditLog(site.database().dataSource())
            .latest(20).stream()
                .filter(e -> "analyst".equals(e.username()))
                .map(AuditLog.Entry::action)
                .toList();
    assertThat(actions).contains("price-saved", "price-removed");
  }

  @Test
  @DisplayName("a bad form field is a 400 naming the field and the value, and nothing is saved")
  void badField() {
    HttpResponse<String> r =
        HttpSession.signedIn(site, "analyst")
            .sendJson(
                "PUT",
                "/api/v1/pricing/book/prices?app="
                    + TEST_APP
                    + "&hosting=Cloud&effectiveFrom=2024-01-01&tier=10%20Users&price=abc",
                null);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("column \\\"Price\\\": value \\\"abc\\\" is not an amount");
    HttpResponse<String> page =
        HttpSession.signedIn(site, "analyst")
            .postForm(
                "/payouts/pricing/prices?account=alpha",
                Map.of(
                    "app", TEST_APP,
                    "hosting", "Cloud",
                    "effectiveFrom", "someday",
                    "tier", "10 Users",
                    "price", "5.00"));
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("value &quot;someday&quot; is not a day");
  }

  @Test
  @DisplayName("a bad price book CSV is refused whole with its line; a good one imports")
  void importCsv() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    HttpResponse<String> bad =
        postCsv(
            admin,
            "/api/v1/pricing/book?account=alpha",
            "App Key,Hosting,Effective From,Tier,Price\n"
                + TEST_APP
                + ",Cloud,2024-01-01,10 Users,5.00\n"
                + TEST_APP
                + ",Cloud,2024-01-01,100 Users,-1\n");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("line 3").contains("is negative");
    assertThat(new PriceBooks(site.database()).list(site.alpha().id()))
        .noneMatch(p -> p.app().equals(TEST_APP));
    HttpResponse<String> good =
        postCsv(
            admin,
            "/api/v1/pricing/book?account=alpha",
            "App Key,Hosting,Effective From,Tier,Price\n"
                + TEST_APP
                + ",Cloud,2024-01-01,10 Users,5.00\n");
    assertThat(good.statusCode()).as(good.body()).isEqualTo(200);
    assertThat(
            admin
                .sendJson(
                    "DELETE",
                    "/api/v1/pricing/book/prices?account=alpha&app="
                        + TEST_APP
                        + "&hosting=Cloud&effectiveFrom=2024-01-01&tier=10%20Users",
                    null)
                .statusCode())
        .isEqualTo(204);
  }

  @Test
  @DisplayName("several accounts: the API asks which one")
  void severalAccounts() {
    HttpResponse<String> r = HttpSession.signedIn(site, "admin").get("/api/v1/pricing/book");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("pricing works on one account", "alpha", "beta");
  }

  @Test
  @DisplayName("impact: 12 months from the effective day; without it, a 400")
  void impact() {
    HttpSession viewer = HttpSession.signedIn(site, "viewer");
    String book =
        new PriceBooks(site.database())
            .list(site.alpha().id()).stream()
                .filter(p -> p.hosting() == dev.marketlens.model.Hosting.CLOUD)
                .map(
                    p ->
                        p.app()
                            + ",Cloud,"
                            + p.effectiveFrom()
                            + ","
                            + p.tier()
                            + ","
                            + java.math.BigDecimal.valueOf(p.priceCents() * 2, 2).toPlainString())
                .reduce("App Key,Hosting,Effective From,Tier,Price\n", (a, b) -> a + b + "\n");
    JsonNode months = json(postCsv(viewer, "/api/v1/pricing/impact?effective=2026-11-01", book));
    assertThat(months.size()).isEqualTo(12);
    assertThat(months.get(0).get("month").asString()).isEqualTo("2026-11");
    long change = 0;
    for (JsonNode m : months) {
      change += m.get("revenueChange").asLong();
    }
    assertThat(change).isPositive();
    HttpResponse<String> missing = postCsv(viewer, "/api/v1/pricing/impact", book);
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("effective is required");
  }

  @Test
  @DisplayName("guidance: the cloud–server ratio, and the normalised ratio from a reference table")
  void guidance() {
    HttpSession viewer = HttpSession.signedIn(site, "viewer");
    JsonNode ratio = json(viewer.get("/api/v1/pricing/guidance"));
    assertThat(ratio.size()).isPositive();
    JsonNode normalised =
        json(
            postCsv(
                viewer,
                "/api/v1/pricing/guidance/normalised",
                "Users,Average Annual Price\n10,1000.00\n100,5500.00\n250,10000.00\n"));
    assertThat(normalised.size()).isPositive();
    assertThat(normalised.get(1).get("tier").asString()).isEqualTo("11-100");
    HttpResponse<String> bad =
        postCsv(
            viewer,
            "/api/v1/pricing/guidance/normalised",
            "Users,Average Annual Price\n10,1000.00\n");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("no row for 100 users");
  }
}
