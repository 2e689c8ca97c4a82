package dev.marketlens.web.transactions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.web.HttpSession;
import dev.marketlens.web.TestSite;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("/transactions, /licenses and /api/v1/transactions, /api/v1/licenses")
class RecordsIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final TestSite site = TestSite.get();

  private JsonNode json(HttpSession s, String path) {
    HttpResponse<String> r = s.get(path);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName(
      "the total of a filtered search equals a COUNT in the store, and the pages hold it all")
  void totalsEqualTheStore() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    String query = "from=2025-01&to=2025-12&account=alpha&hosting=Cloud";
    long expected =
        Db.count(
            site,
            "SELECT count(*) FROM transaction_lines WHERE vendor_account_id = ?"
                + " AND sale_date >= ? AND sale_date < ? AND hosting = 'Cloud'",
            site.alpha().id(),
            LocalDate.of(2025, 1, 1),
            LocalDate.of(2026, 1, 1));
    assertThat(expected).isGreaterThan(100);
    JsonNode first = json(admin, "/api/v1/transactions?" + query + "&size=100");
    assertThat(first.get("total").asLong()).isEqualTo(expected);
    assertThat(first.get("page").asInt()).isEqualTo(1);
    assertThat(first.get("size").asInt()).isEqualTo(100);
    Set<String> seen = new HashSet<>();
    long pages = (expected + 99) / 100;
    for (int p = 1; p <= pages; p++) {
      JsonNode page = json(admin, "/api/v1/transactions?" + query + "&size=100&page=" + p);
      assertThat(page.get("items").size())
          .isEqualTo(p < pages ? 100 : (int) (expected - 100 * (pages - 1)));
      page.get("items").forEach(i -> seen.add(i.get("lineItemId").asString()));
    }
    assertThat(seen).hasSize((int) expected);

    long licenses =
        Db.count(
            site,
            "SELECT count(*) FROM licenses WHERE vendor_account_id = ? AND status = 'active'"
                + " AND (maintenance_end_date IS NULL OR maintenance_end_date >= ?)"
                + " AND (maintenance_start_date IS NULL OR maintenance_start_date < ?)",
            site.alpha().id(),
            LocalDate.of(2025, 1, 1),
            LocalDate.of(2026, 1, 1));
    JsonNode l =
        json(admin, "/api/v1/licenses?from=2025-01&to=2025-12&account=alpha&status=active");
    assertThat(l.get("total").asLong()).isEqualTo(licenses).isPositive();
  }

  @Test
  @DisplayName("the page shows the same total as the API, and a row per line of the page")
  void pageShowsTheTotal() {
    HttpSession viewer = HttpSession.signedIn(site, "viewer");
    String query = "from=2026-01&to=2026-10&saleType=Renewal&size=25";
    JsonNode api = json(viewer, "/api/v1/transactions?" + query);
    HttpResponse<String> page = viewer.get("/transactions?" + query);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("id=\"total\" data-value=\"" + api.get("total").asLong() + "\"")
        .contains("Download CSV")
        .contains("class=\"customer-link\"");
    for (JsonNode item : api.get("items")) {
      assertThat(page.body()).contains(item.get("lineItemId").asString());
    }
    HttpResponse<String> fragment =
        viewer.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(site.baseUrl() + "/transactions?" + query))
                .header("HX-Request", "true")
                .GET());
    assertThat(fragment.body()).contains("id=\"records\"").doesNotContain("<html");
  }

  @Test
  @DisplayName("sorting by an amount descending and by sale date ascending orders every page")
  void sortOrder() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    JsonNode byAmount =
        json(
            admin,
            "/api/v1/transactions?account=alpha&from=2024-01&to=2026-10&sort=vendorAmountCents&dir=desc&size=100");
    List<Long> amounts = new ArrayList<>();
    byAmount.get("items").forEach(i -> amounts.add(i.get("vendorAmountCents").asLong()));
    assertThat(amounts).hasSize(100).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    long max =
        Db.count(
            site,
            "SELECT max(vendor_amount_cents) FROM transaction_lines WHERE vendor_account_id = ?"
                + " AND sale_date >= ? AND sale_date < ?",
            site.alpha().id(),
            LocalDate.of(2024, 1, 1),
            LocalDate.of(2026, 11, 1));
    assertThat(amounts.get(0)).isEqualTo(max);

    JsonNode byDate =
        json(admin, "/api/v1/licenses?account=alpha&sort=maintenanceStart&dir=asc&size=50&page=2");
    List<String> dates = new ArrayList<>();
    byDate.get("items").forEach(i -> dates.add(i.get("maintenanceStart").asString()));
    assertThat(dates).hasSize(50).isSorted();
  }

  @Test
  @DisplayName("searching for part of a known company finds its lines, case-insensitively")
  void searchFindsACompany() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    String company =
        Db.strings(
                site,
                "SELECT company FROM transaction_lines WHERE vendor_account_id = ?"
                    + " AND length(company) > 6 ORDER BY transaction_line_item_id LIMIT 1",
                site.alpha().id())
            .get(0);
    String part = company.substring(1, company.length() - 1).toUpperCase(Locale.ROOT);
    long expected =
        Db.count(
            site,
            "SELECT count(*) FROM transaction_lines WHERE vendor_account_id = ?"
                + " AND company ILIKE ?",
            site.alpha().id(),
            "%" + company.substring(1, company.length() - 1) + "%");
    JsonNode found =
        json(
            admin,
            "/api/v1/transactions?account=alpha&from=2000-01&to=2026-10&size=100&q=" + enc(part));
    assertThat(found.get("total").asLong()).isGreaterThanOrEqualTo(expected).isPositive();
    assertThat(found.get("items").get(0).toString().toLowerCase(Locale.ROOT))
        .contains(part.toLowerCase(Locale.ROOT));
    boolean listed = false;
    for (JsonNode i : found.get("items")) {
      listed |= company.equals(i.get("company").asString());
    }
    assertThat(listed).as(company + " among the results").isTrue();
  }

  @Test
  @DisplayName(
      "the CSV holds exactly the filtered rows of every page, with the table's columns, and is audited")
  void csvIsWhatIsShown() {
    HttpSession analyst = HttpSession.signedIn(site, "analyst");
    String query = "from=2025-06&to=2026-03&hosting=Cloud&saleType=New&sort=company&dir=asc";
    JsonNode first = json(analyst, "/api/v1/transactions?" + query + "&size=100");
    long total = first.get("total").asLong();
    assertThat(total).isPositive();
    List<String> apiIds = new ArrayList<>();
    List<String> columns = new ArrayList<>();
    first.get("items").get(0).propertyNames().forEach(columns::add);
    columns.remove("customer");
    for (int p = 1; p <= (total + 99) / 100; p++) {
      json(analyst, "/api/v1/transactions?" + query + "&size=100&page=" + p)
          .get("items")
          .forEach(i -> apiIds.add(i.get("lineItemId").asString()));
    }
    long auditBefore =
        Db.count(
            site,
            "SELECT count(*) FROM audit_log WHERE action = 'export' AND username = 'analyst'");
    HttpResponse<String> csv = analyst.get("/api/v1/transactions?" + query + "&format=csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    String[] lines = csv.body().split("\r\n");
    assertThat(lines[0]).isEqualTo(String.join(",", columns));
    assertThat(lines).hasSize((int) total + 1);
    int idColumn = columns.indexOf("lineItemId");
    List<String> csvIds = new ArrayList<>();
    for (int k = 1; k < lines.length; k++) {
      csvIds.add(parse(lines[k]).get(idColumn));
      assertThat(parse(lines[k])).hasSize(columns.size());
    }
    assertThat(csvIds).containsExactlyElementsOf(apiIds);
    assertThat(
            Db.count(
                site,
                "SELECT count(*) FROM audit_log WHERE action = 'export' AND username = 'analyst'"
                    + " AND detail LIKE 'transactions CSV:%saleType=New%'"))
        .isGreaterThan(0);
    assertThat(
            Db.count(
                site,
                "SELECT count(*) FROM audit_log WHERE action = 'export' AND username = 'analyst'"))
        .isEqualTo(auditBefore + 1);
    // The page's download link carries the same query.
    String page = analyst.get("/transactions?" + query).body();
    assertThat(page).contains("/api/v1/transactions?").contains("format=csv");
  }

  /** One RFC 4180 record (no line breaks inside fields in these data). */
  private static List<String> parse(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          field.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        out.add(field.toString());
        field.setLength(0);
      } else {
        field.append(ch);
      }
    }
    out.add(field.toString());
    return out;
  }

  @Test
  @DisplayName("a sort column that is not shown is a 400 naming it and listing the columns")
  void badSort() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    HttpResponse<String> api = admin.get("/api/v1/transactions?sort=password");
    assertThat(api.statusCode()).isEqualTo(400);
    assertThat(api.body()).contains("sort must be one of", "saleDate", "'password'");
    HttpResponse<String> page = admin.get("/licenses?sort=record%3Bdrop");
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("id=\"error-message\"", "sort must be one of");
  }

  @Test
  @DisplayName("a page size other than 25, 50 or 100 is a 400; so is a page below 1 or a bad dir")
  void badSize() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    HttpResponse<String> size = admin.get("/api/v1/licenses?size=1000");
    assertThat(size.statusCode()).isEqualTo(400);
    assertThat(size.body()).contains("size must be one of 25, 50, 100", "'1000'");
    assertThat(admin.get("/transactions?size=abc").statusCode()).isEqualTo(400);
    assertThat(admin.get("/api/v1/transactions?page=0").body()).contains("page must be 1 or more");
    assertThat(admin.get("/api/v1/transactions?dir=up").body()).contains("dir must be asc or desc");
  }

  @Test
  @DisplayName("a beta viewer sees none of alpha's transactions or licenses, by page, API or CSV")
  void betaCannotSeeAlpha() {
    HttpSession beta = HttpSession.signedIn(site, "beta-viewer");
    String alphaLine =
        Db.strings(
                site,
                "SELECT transaction_line_item_id FROM transaction_lines WHERE vendor_account_id = ?"
                    + " ORDER BY sale_date DESC LIMIT 1",
                site.alpha().id())
            .get(0);
    String alphaLicense =
        Db.strings(
                site,
                "SELECT coalesce(app_entitlement_number, license_id, addon_license_id)"
                    + " FROM licenses WHERE vendor_account_id = ? LIMIT 1",
                site.alpha().id())
            .get(0);
    assertThat(beta.get("/api/v1/transactions?account=alpha").statusCode()).isEqualTo(404);
    assertThat(beta.get("/api/v1/licenses?account=alpha&format=csv").statusCode()).isEqualTo(404);
    assertThat(beta.get("/transactions?account=alpha").statusCode()).isEqualTo(404);
    JsonNode lines = json(beta, "/api/v1/transactions?from=2000-01&to=2026-10&q=" + enc(alphaLine));
    assertThat(lines.get("total").asLong()).isZero();
    JsonNode licenses =
        json(beta, "/api/v1/licenses?from=2000-01&to=2026-10&q=" + enc(alphaLicense));
    assertThat(licenses.get("total").asLong()).isZero();
    JsonNode all = json(beta, "/api/v1/transactions?from=2000-01&to=2026-10&size=100");
    assertThat(all.get("total").asLong())
        .isEqualTo(
            Db.count(
                site,
                "SELECT count(*) FROM transaction_lines WHERE vendor_account_id = ?"
                    + " AND sale_date < '2026-11-01'",
                site.beta().id()));
    all.get("items").forEach(i -> assertThat(i.get("account").asString()).isEqualTo("beta"));
    String csv = beta.get("/api/v1/licenses?from=2000-01&to=2026-10&format=csv").body();
    assertThat(csv).doesNotContain(alphaLicense).contains(",beta,");
    assertThat(beta.get("/transactions?from=2000-01&to=2026-10&q=" + enc(alphaLine)).body())
        .doesNotContain(alphaLine + "<");
  }

  @Test
  @DisplayName("a global filter the table has no column for is reported, not silently applied")
  void ignoredFilter() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    JsonNode all = json(admin, "/api/v1/transactions?account=alpha");
    JsonNode withAttribution = json(admin, "/api/v1/transactions?account=alpha&attribution=Search");
    assertThat(withAttribution.get("total").asLong()).isEqualTo(all.get("total").asLong());
    assertThat(withAttribution.get("ignoredFilters").toString()).contains("attribution");
    assertThat(all.get("ignoredFilters").size()).isZero();
    assertThat(admin.get("/transactions?account=alpha&attribution=Search").body())
        .contains("id=\"ignored-filters\"", "attribution");
  }

  @Test
  @DisplayName("each license on the licenses page links to its customer's page, which opens")
  void licenseLinksToItsCustomer() {
    HttpSession viewer = HttpSession.signedIn(site, "viewer");
    String page = viewer.get("/licenses?status=active&size=25").body();
    java.util.regex.Matcher link =
        java.util.regex.Pattern.compile(
                "href=\"(/customers/[^\"]+)\" hx-boost=\"false\" class=\"customer-link\"")
            .matcher(page);
    assertThat(link.find()).as("a customer link on the page").isTrue();
    String href = link.group(1).replace("&amp;", "&");
    HttpResponse<String> customer = viewer.get(href);
    assertThat(customer.statusCode()).as(href).isEqualTo(200);
    assertThat(customer.body()).contains("id=\"timeline\"");
    JsonNode api = json(viewer, "/api/v1/licenses?status=active&size=25");
    String key = api.get("items").get(0).get("customer").asString();
    assertThat(
            json(
                    viewer,
                    "/api/v1/customers/"
                        + org.springframework.web.util.UriUtils.encodePathSegment(
                            key, StandardCharsets.UTF_8))
                .get("licenseIds")
                .toString())
        .contains(api.get("items").get(0).get("license").asString());
  }

  @Test
  @DisplayName("the OpenAPI document describes the record and customer endpoints")
  void openApi() {
    String doc = HttpSession.signedIn(site, "viewer").get("/api/v1/openapi.json").body();
    assertThat(doc)
        .contains(
            "/api/v1/transactions",
            "/api/v1/licenses",
            "/api/v1/customers",
            "/api/v1/customers/{key}");
  }

  @Test
  @DisplayName("anonymous calls to the record API get 401")
  void anonymous() {
    assertThat(new HttpSession(site.baseUrl()).get("/api/v1/licenses").statusCode()).isEqualTo(401);
  }
}
