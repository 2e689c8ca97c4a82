package dev.marketlens.web.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.metrics.report.ReportTable;
import dev.marketlens.model.transaction.TransactionLine;
import dev.marketlens.payouts.monthly.PayoutTables;
import dev.marketlens.payouts.monthly.RevenueShare;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.store.VendorAccounts;
import dev.marketlens.sync.stored.StoredRecords;
import dev.marketlens.web.HttpSession;
import dev.marketlens.web.TestSite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/payouts} (ledger, forecast, share check) and the {@code /payouts} page: the API's
 * rows equal what {@code marketlens payouts --format json} computes from the same store, the page
 * shows the API's numbers, and each user sees only the accounts they may.
 */
@DisplayName("/payouts and /api/v1/payouts")
class PayoutsIT {
  private static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
  private static final Pattern ROW =
      Pattern.compile("data-month=\"([^\"]*)\"\\s+data-segment=\"([^\"]*)\"");
  private static final Pattern CELL =
      Pattern.compile("data-field=\"([^\"]*)\"(?:\\s+data-value=\"([^\"]*)\")?");

  private final TestSite site = TestSite.get();

  /** What the command line computes: every stored line of each account, by name. */
  private Map<String, List<TransactionLine>> stored(VendorAccount... accounts) {
    Map<String, List<TransactionLine>> out = new LinkedHashMap<>();
    for (VendorAccount a : accounts) {
      List<TransactionLine> lines = new ArrayList<>();
      StoredRecords.transactions(site.database(), a.id(), lines::add);
      out.put(a.name(), lines);
    }
    return out;
  }

  private static JsonNode rows(ReportTable table) {
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
      "admin: the ledger, forecast and share check equal the command line's rows for every account")
  void apiEqualsCli() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    // Every account admin sees (other tests may add accounts to the one site), by name.
    Map<String, List<TransactionLine>> all =
        stored(
            site.bean(VendorAccounts.class).list().stream()
                .sorted(java.util.Comparator.comparing(VendorAccount::name))
                .toArray(VendorAccount[]::new));
    LocalDate today = TestSite.TODAY;
    YearMonth to = YearMonth.from(today);
    JsonNode ledger = api(admin, "/api/v1/payouts");
    assertThat(ledger).isEqualTo(rows(PayoutTables.ledger(all, today, to.minusMonths(11), to)));
    assertThat(ledger.size()).isGreaterThanOrEqualTo(24);
    assertThat(api(admin, "/api/v1/payouts?from=2018-01&to=2026-10&account=alpha"))
        .isEqualTo(
            rows(
                PayoutTables.ledger(
                    stored(site.alpha()), today, YearMonth.of(2018, 1), YearMonth.of(2026, 10))));
    assertThat(api(admin, "/api/v1/payouts/forecast?asOf=2026-10-10"))
        .isEqualTo(rows(PayoutTables.forecast(all, LocalDate.of(2026, 10, 10))));
    assertThat(api(admin, "/api/v1/payouts/share-check?from=2018-01"))
        .isEqualTo(
            rows(
                PayoutTables.shareCheck(
                    all, RevenueShare.defaults(), today, YearMonth.of(2018, 1), to)));
    StringWriter csv = new StringWriter();
    PayoutTables.ledger(all, today, to.minusMonths(11), to)
        .print(ReportTable.Format.CSV, new PrintWriter(csv));
    HttpResponse<String> asCsv = admin.get("/api/v1/payouts?format=csv");
    assertThat(asCsv.statusCode()).isEqualTo(200);
    assertThat(asCsv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(asCsv.body()).isEqualTo(csv.toString());
  }

  @Test
  @DisplayName(
      "SR-M1: every ledger row balances: carried in + sales + refunds = paid + carried out")
  void ledgerBalances() {
    JsonNode ledger =
        api(HttpSession.signedIn(site, "admin"), "/api/v1/payouts?from=2018-01&account=alpha");
    long carried = 0;
    for (JsonNode r : ledger) {
      assertThat(r.get("carriedIn").asLong()).isEqualTo(carried);
      long balance = carried + r.get("sales").asLong() + r.get("refunds").asLong();
      assertThat(r.get("balance").asLong()).isEqualTo(balance);
      if (balance >= 50_000) {
        assertThat(r.get("paid").asLong()).isEqualTo(balance);
        assertThat(r.get("expectedPaymentDate").asString())
            .startsWith(YearMonth.parse(r.get("month").asString()).plusMonths(1).toString());
      } else {
        assertThat(r.get("paid").asLong()).isZero();
      }
      carried = r.get("carriedOut").asLong();
    }
  }

  @Test
  @DisplayName("the page's ledger and forecast tables and its tiles show the API's numbers")
  void pageEqualsApi() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    String html = page(admin, "/payouts?asOf=2026-10-10");
    assertThat(html).contains("id=\"chart-payouts\"", "data-chart=\"payouts\"");
    JsonNode ledger = api(admin, "/api/v1/payouts?asOf=2026-10-10");
    JsonNode forecast = api(admin, "/api/v1/payouts/forecast?asOf=2026-10-10");
    assertSameRows(table(html, "table-payouts"), ledger);
    assertSameRows(table(html, "table-forecast"), forecast);
    long paid = 0;
    long refunds = 0;
    for (JsonNode r : ledger) {
      paid += r.get("status").asString().equals("paid") ? r.get("paid").asLong() : 0;
      refunds += r.get("refunds").asLong();
    }
    assertThat(attribute(html, "tile-paid", "data-value")).isEqualTo(String.valueOf(paid));
    assertThat(attribute(html, "tile-refunds", "data-value")).isEqualTo(String.valueOf(refunds));
    String next = null;
    long nextAmount = 0;
    long waiting = 0;
    for (JsonNode f : forecast) {
      if (f.get("expectedPaymentDate").isNull()) {
        waiting += f.get("amount").asLong();
      } else if (next == null || f.get("expectedPaymentDate").asString().compareTo(next) < 0) {
        next = f.get("expectedPaymentDate").asString();
        nextAmount = f.get("amount").asLong();
      } else if (f.get("expectedPaymentDate").asString().equals(next)) {
        nextAmount += f.get("amount").asLong();
      }
    }
    assertThat(attribute(html, "tile-carried", "data-value")).isEqualTo(String.valueOf(waiting));
    if (next != null) {
      assertThat(attribute(html, "tile-next-payment", "data-value"))
          .isEqualTo(String.valueOf(nextAmount));
      assertThat(attribute(html, "tile-next-payment", "data-date")).isEqualTo(next);
    }
    assertThat(attribute(html, "tile-share", "data-value"))
        .isEqualTo(
            String.valueOf(api(admin, "/api/v1/payouts/share-check?asOf=2026-10-10").size()));
    // The chart's bars are the months' sums over the accounts.
    JsonNode chart = JSON.readTree(unescape(attribute(html, "chart-payouts", "data-series")));
    Map<String, Long> sales = new LinkedHashMap<>();
    for (JsonNode r : ledger) {
      sales.merge(r.get("month").asString(), r.get("sales").asLong(), Long::sum);
    }
    assertThat(chart.get("x").valueStream().map(JsonNode::asString).toList())
        .containsExactlyElementsOf(sales.keySet());
    assertThat(
            chart.get("series").get(0).get("values").valueStream().map(JsonNode::asLong).toList())
        .containsExactlyElementsOf(sales.values());
  }

  @Test
  @DisplayName("beta-viewer sees only beta's payouts; alpha is not found for them")
  void scope() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    HttpSession betaViewer = HttpSession.signedIn(site, "beta-viewer");
    JsonNode beta = api(betaViewer, "/api/v1/payouts");
    assertThat(beta.size()).isEqualTo(12);
    for (JsonNode r : beta) {
      assertThat(r.get("account").asString()).isEqualTo("beta");
    }
    assertThat(beta).isEqualTo(api(admin, "/api/v1/payouts?account=beta"));
    assertThat(api(betaViewer, "/api/v1/payouts/forecast"))
        .isEqualTo(api(admin, "/api/v1/payouts/forecast?account=beta"));
    assertThat(betaViewer.get("/api/v1/payouts?account=alpha").statusCode()).isEqualTo(404);
    assertThat(betaViewer.get("/api/v1/payouts/share-check?account=alpha").statusCode())
        .isEqualTo(404);
    assertThat(betaViewer.get("/payouts?account=alpha").statusCode()).isEqualTo(404);
    String html = page(betaViewer, "/payouts");
    assertThat(html).doesNotContain("data-segment=\"alpha\"");
    assertSameRows(table(html, "table-payouts"), beta);
    JsonNode alpha = api(HttpSession.signedIn(site, "viewer"), "/api/v1/payouts");
    for (JsonNode r : alpha) {
      assertThat(r.get("account").asString()).isEqualTo("alpha");
    }
  }

  @Test
  @DisplayName("bad parameters are a 400 naming the parameter and value; anonymous calls a 401")
  void badInput() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    HttpResponse<String> month = admin.get("/api/v1/payouts?from=2026-13");
    assertThat(month.statusCode()).isEqualTo(400);
    assertThat(month.body()).contains("from must be YYYY-MM", "2026-13");
    HttpResponse<String> asOf = admin.get("/api/v1/payouts/forecast?asOf=soon");
    assertThat(asOf.statusCode()).isEqualTo(400);
    assertThat(asOf.body()).contains("asOf must be YYYY-MM-DD", "soon");
    HttpResponse<String> format = admin.get("/api/v1/payouts?format=xml");
    assertThat(format.statusCode()).isEqualTo(400);
    assertThat(format.body()).contains("format must be json or csv, not 'xml'");
    HttpResponse<String> page = admin.get("/payouts?to=2026-1");
    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("to must be YYYY-MM", "2026-1");
    assertThat(new HttpSession(site.baseUrl()).get("/api/v1/payouts").statusCode()).isEqualTo(401);
  }

  @Test
  @DisplayName(
      "revenue-share.csv: configured rates change the share check; a bad line is an error naming it")
  void configuration() throws Exception {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    Path file = site.home().resolve("revenue-share.csv");
    try {
      // Everything at 100 %: every line with money differs.
      Files.write(file, List.of("period,2000-01-01,,100,100,100,100,100"));
      JsonNode all = api(admin, "/api/v1/payouts/share-check?account=beta");
      assertThat(all.size()).isPositive();
      for (JsonNode d : all) {
        assertThat(d.get("expectedShare").decimalValue()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(d.get("expectedVendorAmount").asLong())
            .isEqualTo(d.get("purchasePrice").asLong());
      }
      Files.write(file, List.of("# broken", "app,com.example.app,Jira,cobol,,"));
      HttpResponse<String> broken = admin.get("/api/v1/payouts/share-check");
      assertThat(broken.statusCode()).isEqualTo(500);
      assertThat(broken.body())
          .contains(
              "revenue-share.csv line 2, field PLATFORM: 'cobol' must be connect, forge or server");
    } finally {
      Files.deleteIfExists(file);
    }
    assertThat(admin.get("/api/v1/payouts/share-check").statusCode()).isEqualTo(200);
  }

  /** A table's rows: "month|account" → field → raw value. */
  private static Map<String, Map<String, String>> table(String html, String id) {
    int at = html.indexOf("id=\"" + id + "\"");
    assertThat(at).as("table " + id).isGreaterThanOrEqualTo(0);
    String body = html.substring(at, html.indexOf("</table>", at));
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    for (String tr : body.substring(Math.max(0, body.indexOf("<tbody"))).split("<tr")) {
      int close = tr.indexOf('>');
      Matcher key = close < 0 ? null : ROW.matcher(tr.substring(0, close));
      if (key == null || !key.find()) {
        continue;
      }
      Map<String, String> cells = new LinkedHashMap<>();
      Matcher cell = CELL.matcher(tr);
      while (cell.find()) {
        cells.put(cell.group(1), cell.group(2) == null ? "" : unescape(cell.group(2)));
      }
      rows.put(unescape(key.group(1)) + "|" + unescape(key.group(2)), cells);
    }
    return rows;
  }

  /** The page's rows are the API's, in order, each shown field equal to the API's value. */
  private static void assertSameRows(Map<String, Map<String, String>> table, JsonNode api) {
    List<String> keys = new ArrayList<>();
    for (JsonNode r : api) {
      keys.add(r.get("month").asString() + "|" + r.get("account").asString());
    }
    assertThat(table.keySet()).containsExactlyElementsOf(keys);
    for (JsonNode r : api) {
      Map<String, String> cells =
          table.get(r.get("month").asString() + "|" + r.get("account").asString());
      assertThat(cells).isNotEmpty();
      cells.forEach(
          (field, value) -> {
            JsonNode v = r.get(field);
            assertThat(v).as(field).isNotNull();
            assertThat(value).as(field).isEqualTo(v.isNull() ? "" : v.asString());
          });
    }
  }

  private static String attribute(String html, String id, String name) {
    int at = html.indexOf("id=\"" + id + "\"");
    assertThat(at).as("element " + id).isGreaterThanOrEqualTo(0);
    String tag = html.substring(html.lastIndexOf('<', at), html.indexOf('>', at));
    Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
    assertThat(m.find()).as(id + " has " + name).isTrue();
    return unescape(m.group(1));
  }

  private static String unescape(String s) {
    return s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }
}
