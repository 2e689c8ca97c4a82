package dev.marketlens.web.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.metrics.Records;
import dev.marketlens.metrics.report.ReportTable;
import dev.marketlens.payouts.refunds.LicenseChecks;
import dev.marketlens.payouts.refunds.Refunds;
import dev.marketlens.sync.files.CustomerOverrides;
import dev.marketlens.sync.stored.StoredRecords;
import dev.marketlens.web.HttpSession;
import dev.marketlens.web.TestSite;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("refunds and license checks: /api/v1/refunds, /api/v1/license-checks and their pages")
class RefundsIT {
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
  private static final Pattern ROW_KEY = Pattern.compile("data-month=\"([^\"]*)\"");
  private static final Pattern CELL =
      Pattern.compile("data-field=\"([^\"]*)\"(?:\\s+data-value=\"([^\"]*)\")?");

  /** Every month of the sites' worlds. */
  private static final String ALL = "from=2018-01&to=2026-10";

  private final TestSite site = TestSite.get();

  /** What the command line computes for one account: its records loaded as the CLI loads them. */
  private Records.Loaded loaded(long account) {
    Records records = new Records();
    StoredRecords.read(site.database(), account, records::add, records::add);
    return records.load(CustomerOverrides.load(site.home()), Set.of());
  }

  private static JsonNode json(ReportTable table) {
    return JSON.readTree(JSON.writeValueAsString(table.objects()));
  }

  private static JsonNode api(HttpSession session, String path) {
    HttpResponse<String> r = session.get(path);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static String page(HttpSession session, String path) {
    HttpResponse<String> r = session.get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return r.body();
  }

  @Test
  @DisplayName(
      "SR-F1…F4: the API's refunds and monthly summary equal the command line's computation for alpha")
  void apiEqualsCli() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    Refunds refunds = Refunds.of(loaded(site.alpha().id()));
    YearMonth from = YearMonth.of(2018, 1);
    YearMonth to = YearMonth.of(2026, 10);
    JsonNode rows = api(admin, "/api/v1/refunds?account=alpha&" + ALL);
    assertThat(rows.size()).isGreaterThan(10);
    assertThat(rows).isEqualTo(json(Refunds.table(refunds.rows(from, to, Set.of()))));
    assertThat(api(admin, "/api/v1/refunds?summary=true&account=alpha&" + ALL))
        .isEqualTo(json(Refunds.summary(refunds.months(from, to))));
    // The default months: the twelve up to the site's today.
    assertThat(api(admin, "/api/v1/refunds?account=alpha"))
        .isEqualTo(json(Refunds.table(refunds.rows(YearMonth.of(2025, 11), to, Set.of()))));
  }

  @Test
  @DisplayName("the API's license checks equal the command line's computation for alpha and beta")
  void licenseChecksEqualCli() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    for (var account : List.of(site.alpha(), site.beta())) {
      assertThat(api(admin, "/api/v1/license-checks?account=" + account.name()))
          .isEqualTo(json(LicenseChecks.table(LicenseChecks.of(loaded(account.id())).findings())));
    }
  }

  @Test
  @DisplayName("rule= keeps one rule, kind= one kind; format=csv is the same rows as CSV")
  void filtersAndCsv() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    JsonNode all = api(admin, "/api/v1/refunds?account=alpha&" + ALL);
    JsonNode full = api(admin, "/api/v1/refunds?account=alpha&rule=full-within-30-days&" + ALL);
    int expected = 0;
    for (JsonNode r : all) {
      expected += r.get("rule").asString().equals("full-within-30-days") ? 1 : 0;
    }
    assertThat(full.size()).isEqualTo(expected).isPositive();
    HttpResponse<String> csv = admin.get("/api/v1/refunds?account=alpha&format=csv&" + ALL);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.body().lines().count()).isEqualTo(all.size() + 1);
    JsonNode cloud = api(admin, "/api/v1/refunds?account=alpha&hosting=Cloud&" + ALL);
    int cloudRows = 0;
    for (JsonNode r : all) {
      cloudRows += r.get("hosting").asString().equals("Cloud") ? 1 : 0;
    }
    assertThat(cloud.size()).isEqualTo(cloudRows);
    JsonNode checks = api(admin, "/api/v1/license-checks?kind=maintenance-gap");
    for (JsonNode f : checks) {
      assertThat(f.get("kind").asString()).isEqualTo("maintenance-gap");
    }
  }

  @Test
  @DisplayName(
      "/payouts/refunds shows the API's monthly summary, its chart and each refund, with links to customers and transactions")
  void refundsPageEqualsApi() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    String html = page(admin, "/payouts/refunds?account=alpha&" + ALL);
    assertThat(html).contains("id=\"chart-refunds\"", "href=\"/payouts/refunds?");
    JsonNode summary = api(admin, "/api/v1/refunds?summary=true&account=alpha&" + ALL);
    assertSameRows(table(html, "table-refunds-summary"), summary, "month");
    JsonNode rows = api(admin, "/api/v1/refunds?account=alpha&" + ALL);
    assertSameRows(table(html, "table-refunds"), rows, "transactionLineItemId");
    JsonNode chart = JSON.readTree(unescape(attribute(html, "chart-refunds", "data-series")));
    assertThat(chart.get("x").size()).isEqualTo(summary.size());
    long charted = 0;
    for (JsonNode s : chart.get("series")) {
      for (JsonNode v : s.get("values")) {
        charted += v.asLong();
      }
    }
    long counted = 0;
    for (JsonNode m : summary) {
      counted += m.get("refunds").asLong() + m.get("reallocatedUpgrades").asLong();
    }
    assertThat(charted).isEqualTo(counted);
    for (JsonNode r : rows) {
      assertThat(html).contains("/transactions?q=" + r.get("transactionId").asString());
      if (!r.get("customer").isNull()) {
        assertThat(html).contains("href=\"/customers/");
      }
    }
    String onlyLate = page(admin, "/payouts/refunds?account=alpha&rule=outside-policy&" + ALL);
    JsonNode late = api(admin, "/api/v1/refunds?account=alpha&rule=outside-policy&" + ALL);
    if (late.isEmpty()) {
      assertThat(onlyLate).contains("id=\"refunds-empty\"");
    } else {
      assertSameRows(table(onlyLate, "table-refunds"), late, "transactionLineItemId");
    }
  }

  @Test
  @DisplayName("/payouts/license-checks shows the API's findings and their count by kind")
  void licenseChecksPageEqualsApi() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    String html = page(admin, "/payouts/license-checks");
    JsonNode findings = api(admin, "/api/v1/license-checks");
    assertThat(html).contains("id=\"chart-license-checks\"", findings.size() + " findings");
    if (findings.isEmpty()) {
      assertThat(html).contains("id=\"checks-empty\"");
    } else {
      Map<String, Map<String, String>> table = table(html, "table-license-checks");
      List<String> keys = new ArrayList<>();
      for (JsonNode f : findings) {
        keys.add(
            f.get("kind").asString()
                + "|"
                + f.get("license").asString()
                + "|"
                + text(f.get("transactionLineItemId"))
                + "|"
                + text(f.get("date")));
      }
      assertThat(table.keySet()).containsExactlyElementsOf(keys);
    }
    JsonNode chart =
        JSON.readTree(unescape(attribute(html, "chart-license-checks", "data-series")));
    long charted = 0;
    for (JsonNode v : chart.get("series").get(0).get("values")) {
      charted += v.asLong();
    }
    assertThat(charted).isEqualTo(findings.size());
  }

  @Test
  @DisplayName("access: beta-viewer sees beta's refunds and checks only, and gets 404 for alpha")
  void betaViewerCannotSeeAlpha() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    HttpSession beta = HttpSession.signedIn(site, "beta-viewer");
    assertThat(api(beta, "/api/v1/refunds?" + ALL))
        .isEqualTo(api(admin, "/api/v1/refunds?account=beta&" + ALL));
    assertThat(api(beta, "/api/v1/refunds?summary=true&" + ALL))
        .isEqualTo(api(admin, "/api/v1/refunds?summary=true&account=beta&" + ALL));
    assertThat(api(beta, "/api/v1/license-checks"))
        .isEqualTo(api(admin, "/api/v1/license-checks?account=beta"));
    assertThat(api(admin, "/api/v1/refunds?account=alpha&" + ALL))
        .isNotEqualTo(api(admin, "/api/v1/refunds?account=beta&" + ALL));
    assertThat(beta.get("/api/v1/refunds?account=alpha").statusCode()).isEqualTo(404);
    assertThat(beta.get("/api/v1/license-checks?account=alpha").statusCode()).isEqualTo(404);
    assertThat(beta.get("/payouts/refunds?account=alpha").statusCode()).isEqualTo(404);
    assertThat(beta.get("/payouts/license-checks?account=alpha").statusCode()).isEqualTo(404);
    String html = page(beta, "/payouts/refunds?" + ALL);
    JsonNode betaRows = api(admin, "/api/v1/refunds?account=beta&" + ALL);
    if (!betaRows.isEmpty()) {
      assertSameRows(table(html, "table-refunds"), betaRows, "transactionLineItemId");
    }
    for (JsonNode alpha : api(admin, "/api/v1/refunds?account=alpha&" + ALL)) {
      assertThat(html).doesNotContain(">" + alpha.get("transactionLineItemId").asString() + "<");
    }
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName(
      "bad parameters are a 400 naming the parameter and the value, on the API and the pages")
  @CsvSource(
      delimiter = '|',
      value = {
        "/api/v1/refunds?rule=late|unknown rule 'late'",
        "/api/v1/refunds?from=2026-13|from must be YYYY-MM",
        "/api/v1/refunds?summary=maybe|summary must be true or false, not 'maybe'",
        "/api/v1/refunds?summary=true&rule=outside-policy|summary=true counts every rule",
        "/api/v1/refunds?format=xml|format must be json or csv, not 'xml'",
        "/api/v1/license-checks?kind=gaps|unknown kind 'gaps'",
        "/api/v1/refunds?edition=Premium|refunds cannot be filtered by edition",
        "/payouts/refunds?rule=late|unknown rule &#39;late&#39;",
        "/payouts/license-checks?kind=gaps|unknown kind &#39;gaps&#39;"
      })
  void badParameters(String path, String message) {
    HttpResponse<String> r = HttpSession.signedIn(site, "admin").get(path);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains(message);
  }

  @Test
  @DisplayName("anonymous API calls get 401")
  void anonymous() {
    assertThat(new HttpSession(site.baseUrl()).get("/api/v1/refunds").statusCode()).isEqualTo(401);
    assertThat(new HttpSession(site.baseUrl()).get("/api/v1/license-checks").statusCode())
        .isEqualTo(401);
  }

  // ---------------------------------------------------------------- the page's numbers

  private static String text(JsonNode v) {
    return v == null || v.isNull() ? "" : v.asString();
  }

  /** The rows of the table with this id: row key → field → raw value. */
  static Map<String, Map<String, String>> table(String html, String id) {
    int at = html.indexOf("id=\"" + id + "\"");
    assertThat(at).as("table " + id).isGreaterThanOrEqualTo(0);
    String body = html.substring(at, html.indexOf("</table>", at));
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    for (String tr : body.substring(Math.max(0, body.indexOf("<tbody"))).split("<tr")) {
      int close = tr.indexOf('>');
      if (close < 0) {
        continue;
      }
      Matcher key = ROW_KEY.matcher(tr.substring(0, close));
      if (!key.find()) {
        continue;
      }
      Map<String, String> cells = new LinkedHashMap<>();
      Matcher cell = CELL.matcher(tr);
      while (cell.find()) {
        cells.put(cell.group(1), cell.group(2) == null ? "" : unescape(cell.group(2)));
      }
      rows.put(unescape(key.group(1)), cells);
    }
    return rows;
  }

  /** The table shows exactly the API's rows, in order, each field equal to the page's cell. */
  static void assertSameRows(
      Map<String, Map<String, String>> table, JsonNode api, String keyField) {
    List<String> keys = new ArrayList<>();
    for (JsonNode row : api) {
      keys.add(row.get(keyField).asString());
    }
    assertThat(table.keySet()).containsExactlyElementsOf(keys);
    for (JsonNode row : api) {
      String k = row.get(keyField).asString();
      Map<String, String> cells = table.get(k);
      for (String field : row.propertyNames()) {
        if (field.equals(keyField)) {
          continue;
        }
        if (!cells.containsKey(field)) {
          // Columns the page does not show (hosting, original sale date, upgrade line).
          assertThat(field).isIn("hosting", "originalSaleDate", "upgradeLineItemId");
          continue;
        }
        assertThat(normal(cells.get(field))).as(k + " " + field).isEqualTo(normal(row.get(field)));
      }
    }
  }

  static String normal(JsonNode v) {
    if (v == null || v.isNull()) {
      return "";
    }
    return v.isNumber() ? v.decimalValue().stripTrailingZeros().toPlainString() : v.asString();
  }

  static String normal(String v) {
    try {
      return new BigDecimal(v).stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      return v;
    }
  }

  static String attribute(String html, String id, String name) {
    int at = html.indexOf("id=\"" + id + "\"");
    assertThat(at).as("element " + id).isGreaterThanOrEqualTo(0);
    int start = html.lastIndexOf('<', at);
    int end = html.indexOf('>', at);
    Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(html.substring(start, end));
    assertThat(m.find()).as(id + " has " + name).isTrue();
    return m.group(1);
  }

  static String unescape(String s) {
    return s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
