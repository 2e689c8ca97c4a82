package dev.marketlens.web.revenue;

import static dev.marketlens.web.revenue.PageNumbers.api;
import static dev.marketlens.web.revenue.PageNumbers.assertSameRows;
import static dev.marketlens.web.revenue.PageNumbers.page;
import static dev.marketlens.web.revenue.PageNumbers.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.web.HttpSession;
import dev.marketlens.web.TestSite;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@DisplayName("/revenue/movements")
class MovementsPageIT {
  private final TestSite site = TestSite.get();

  /** The movements, churn and NRR rows of the API joined per month (and segment), as the page. */
  private static JsonNode apiRows(HttpSession session, String query) {
    JsonNode movements = api(session, "/api/v1/reports/movements?" + query);
    JsonNode churn = api(session, "/api/v1/reports/churn?" + query);
    JsonNode nrr = api(session, "/api/v1/reports/nrr?" + query);
    assertThat(churn.size()).isEqualTo(movements.size());
    assertThat(nrr.size()).isEqualTo(movements.size());
    tools.jackson.databind.node.ArrayNode joined = PageNumbers.JSON.createArrayNode();
    for (int i = 0; i < movements.size(); i++) {
      tools.jackson.databind.node.ObjectNode row =
          (tools.jackson.databind.node.ObjectNode) movements.get(i).deepCopy();
      churn.get(i).properties().forEach(e -> row.set(e.getKey(), e.getValue()));
      nrr.get(i).properties().forEach(e -> row.set(e.getKey(), e.getValue()));
      joined.add(row);
    }
    return joined;
  }

  @Test
  @DisplayName("admin: every month's movements, churn and NRR/GRR equal the REST API's")
  void equalsApi() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    String html = page(admin, "/revenue/movements");
    assertThat(html).contains("id=\"chart-movements\"", "data-chart=\"movements\"");
    assertThat(html).doesNotContain("No data for these filters");
    JsonNode rows = apiRows(admin, "");
    assertThat(rows.size()).isEqualTo(12);
    assertSameRows(table(html, "table-movements"), rows, "month");
  }

  @Test
  @DisplayName("the chart stacks gains above zero, losses below, and draws the closing MRR")
  void chart() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    String query = "from=2026-01&to=2026-10&account=alpha";
    JsonNode chart =
        PageNumbers.chart(page(admin, "/revenue/movements?" + query), "chart-movements");
    JsonNode rows = api(admin, "/api/v1/reports/movements?" + query);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("new", "newMrr");
    fields.put("expansion", "expansionMrr");
    fields.put("reactivation", "reactivationMrr");
    fields.put("contraction", "contractionMrr");
    fields.put("churn", "churnedMrr");
    assertThat(chart.get("series")).hasSize(5);
    for (JsonNode s : chart.get("series")) {
      String field = fields.get(s.get("name").asString());
      long sign = field.equals("contractionMrr") || field.equals("churnedMrr") ? -1 : 1;
      for (int i = 0; i < rows.size(); i++) {
        assertThat(s.get("values").get(i).asLong())
            .as(s.get("name").asString() + " " + rows.get(i).get("month").asString())
            .isEqualTo(sign * rows.get(i).get(field).asLong());
      }
    }
    for (int i = 0; i < rows.size(); i++) {
      assertThat(chart.get("x").get(i).asString()).isEqualTo(rows.get(i).get("month").asString());
      assertThat(chart.get("line").get("values").get(i).asLong())
          .isEqualTo(rows.get(i).get("closingMrr").asLong());
    }
  }

  @Test
  @DisplayName(
      "a bar or a movement in the table drills to that month's customers, keeping the filters")
  void drill() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    String html = page(admin, "/revenue/movements?from=2026-09&to=2026-10&hosting=Cloud");
    assertThat(PageNumbers.attribute(html, "chart-movements", "data-drill"))
        .isEqualTo("/customers?month={x}&movement={series}&from=2026-09&to=2026-10&hosting=Cloud");
    for (String movement :
        new String[] {"new", "expansion", "contraction", "churn", "reactivation"}) {
      assertThat(html)
          .contains(
              "href=\"/customers?month=2026-10&amp;movement="
                  + movement
                  + "&amp;from=2026-09&amp;to=2026-10&amp;hosting=Cloud\"");
    }
  }

  @Test
  @DisplayName("filters (account=alpha, hosting=Cloud) change the numbers as they change the API's")
  void filters() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    String query = "account=alpha&hosting=Cloud";
    String html = page(admin, "/revenue/movements?" + query);
    JsonNode filtered = apiRows(admin, query);
    assertSameRows(table(html, "table-movements"), filtered, "month");
    JsonNode all = apiRows(admin, "");
    assertThat(filtered.get(11).get("closingMrr").asLong())
        .isPositive()
        .isLessThan(all.get(11).get("closingMrr").asLong());
  }

  @Test
  @DisplayName("by=hosting: one row per month and hosting, equal to the API's segmented rows")
  void segmented() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    String query = "from=2026-07&to=2026-10&by=hosting";
    String html = page(admin, "/revenue/movements?" + query);
    assertThat(html).contains("<option value=\"hosting\" selected=\"selected\">");
    JsonNode rows = apiRows(admin, query);
    assertThat(rows.size()).isGreaterThan(4);
    assertThat(rows.get(0).has("segmentInMrr")).isTrue();
    assertSameRows(table(html, "table-movements"), rows, "month");
    // A segment's movement drills to the customers of that segment.
    assertThat(html)
        .contains(
            "href=\"/customers?month=2026-10&amp;movement=churn&amp;hosting=Cloud&amp;from=2026-07"
                + "&amp;to=2026-10\"");
  }

  @Test
  @DisplayName("beta-viewer sees only beta's numbers: admin's API with account=beta")
  void scopedToBeta() {
    HttpSession beta = HttpSession.signedIn(site, "beta-viewer");
    HttpSession admin = HttpSession.signedIn(site, "admin");
    String html = page(beta, "/revenue/movements");
    JsonNode betaRows = apiRows(admin, "account=beta");
    assertSameRows(table(html, "table-movements"), betaRows, "month");
    JsonNode alphaRows = apiRows(admin, "account=alpha");
    assertThat(betaRows.get(11).get("closingMrr").asLong())
        .isNotEqualTo(alphaRows.get(11).get("closingMrr").asLong());
  }

  @Test
  @DisplayName("a bad filter (from=2026-13) is the error page, status 400, naming field and value")
  void badFilter() {
    HttpResponse<String> r =
        HttpSession.signedIn(site, "admin").get("/revenue/movements?from=2026-13");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("id=\"error-message\"", "from must be YYYY-MM", "2026-13");
  }

  @Test
  @DisplayName("a split by an unknown dimension is a 400 naming it")
  void badBy() {
    HttpResponse<String> r =
        HttpSession.signedIn(site, "admin").get("/revenue/movements?by=colour");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("unknown dimension", "colour");
  }

  @Test
  @DisplayName("filters that match no records: 'No data for these filters', not a failure")
  void empty() {
    String html =
        page(HttpSession.signedIn(site, "admin"), "/revenue/movements?hosting=NoSuchHosting");
    assertThat(html).contains("No data for these filters").doesNotContain("id=\"table-movements\"");
  }

  @Test
  @DisplayName("anonymous visitors are sent to the login page")
  void anonymous() {
    HttpResponse<String> r =
        new HttpSession(site.baseUrl())
            .send(
                HttpRequest.newBuilder(URI.create(site.baseUrl() + "/revenue/movements"))
                    .header("Accept", "text/html")
                    .GET());
    assertThat(r.statusCode()).isEqualTo(302);
    assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/login");
  }
}
