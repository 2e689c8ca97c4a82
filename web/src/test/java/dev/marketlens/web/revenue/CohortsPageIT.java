package dev.marketlens.web.revenue;

import static dev.marketlens.web.revenue.PageNumbers.api;
import static dev.marketlens.web.revenue.PageNumbers.normal;
import static dev.marketlens.web.revenue.PageNumbers.page;
import static dev.marketlens.web.revenue.PageNumbers.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.web.HttpSession;
import dev.marketlens.web.TestSite;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@DisplayName("/revenue/cohorts")
class CohortsPageIT {
  private final TestSite site = TestSite.get();

  /** Asserts the table holds the API's cohorts: size and each month's retention. */
  private static void assertSameCohorts(String html, JsonNode api) {
    Map<String, Map<String, String>> table = table(html, "table-cohorts");
    List<String> keys = new ArrayList<>();
    for (JsonNode row : api) {
      keys.add(PageNumbers.key(row, "cohort"));
    }
    assertThat(table.keySet()).containsExactlyElementsOf(keys);
    for (JsonNode row : api) {
      String key = PageNumbers.key(row, "cohort");
      Map<String, String> cells = table.get(key);
      assertThat(cells.get("size")).as(key + " size").isEqualTo(row.get("size").asString());
      JsonNode retention = row.get("retention");
      for (int k = 0; k < retention.size(); k++) {
        assertThat(normal(cells.get("m" + k)))
            .as(key + " m" + k)
            .isEqualTo(normal(retention.get(k)));
      }
      assertThat(cells.getOrDefault("m" + retention.size(), "")).isEmpty();
    }
  }

  @Test
  @DisplayName("admin, logos: the table's sizes and retention rates equal the REST API's")
  void logos() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    String html = page(admin, "/revenue/cohorts");
    assertThat(html).contains("id=\"chart-cohorts\"", "data-measure=\"logos\"");
    JsonNode rows = api(admin, "/api/v1/reports/cohorts?measure=logos");
    assertThat(rows.size()).isEqualTo(12);
    assertSameCohorts(html, rows);
  }

  @Test
  @DisplayName("measure=revenue: the revenue retention of the API, and not the logo retention")
  void revenue() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    String html = page(admin, "/revenue/cohorts?measure=revenue&account=alpha");
    assertThat(html).contains("data-measure=\"revenue\"");
    JsonNode revenue = api(admin, "/api/v1/reports/cohorts?measure=revenue&account=alpha");
    JsonNode logos = api(admin, "/api/v1/reports/cohorts?measure=logos&account=alpha");
    assertSameCohorts(html, revenue);
    assertThat(revenue).isNotEqualTo(logos);
  }

  @Test
  @DisplayName("the heatmap's cells are the API's rates: [months since, cohort row, rate]")
  void heatmap() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    String query = "from=2026-01&to=2026-10&account=alpha";
    JsonNode chart = PageNumbers.chart(page(admin, "/revenue/cohorts?" + query), "chart-cohorts");
    JsonNode rows = api(admin, "/api/v1/reports/cohorts?" + query);
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      JsonNode retention = rows.get(i).get("retention");
      for (int k = 0; k < retention.size(); k++) {
        if (!retention.get(k).isNull()) {
          expected.add(k + "," + i + "," + normal(retention.get(k)));
        }
      }
      assertThat(chart.get("y").get(i).asString()).isEqualTo(rows.get(i).get("cohort").asString());
    }
    List<String> cells = new ArrayList<>();
    for (JsonNode c : chart.get("cells")) {
      cells.add(c.get(0).asInt() + "," + c.get(1).asInt() + "," + normal(c.get(2)));
    }
    assertThat(cells).isEqualTo(expected).isNotEmpty();
    assertThat(chart.get("x")).hasSize(10);
  }

  @Test
  @DisplayName("filters (account=alpha, hosting=Cloud) change the cohorts as they change the API's")
  void filters() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    String query = "account=alpha&hosting=Cloud";
    JsonNode filtered = api(admin, "/api/v1/reports/cohorts?" + query);
    assertSameCohorts(page(admin, "/revenue/cohorts?" + query), filtered);
    assertThat(PageNumbers.sum(filtered, "size"))
        .isLessThan(PageNumbers.sum(api(admin, "/api/v1/reports/cohorts"), "size"));
  }

  @Test
  @DisplayName("beta-viewer sees only beta's cohorts: admin's API with account=beta")
  void scopedToBeta() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    String html = page(HttpSession.signedIn(site, "beta-viewer"), "/revenue/cohorts");
    assertSameCohorts(html, api(admin, "/api/v1/reports/cohorts?account=beta"));
  }

  @Test
  @DisplayName("a bad measure and a bad month are the error page, status 400, naming the value")
  void badInput() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    HttpResponse<String> measure = admin.get("/revenue/cohorts?measure=profit");
    assertThat(measure.statusCode()).isEqualTo(400);
    assertThat(measure.body()).contains("measure", "profit", "logos or revenue");
    HttpResponse<String> month = admin.get("/revenue/cohorts?from=2026-13");
    assertThat(month.statusCode()).isEqualTo(400);
    assertThat(month.body()).contains("from must be YYYY-MM", "2026-13");
  }

  @Test
  @DisplayName("filters that match no records: 'No data for these filters'")
  void empty() {
    String html = page(HttpSession.signedIn(site, "admin"), "/revenue/cohorts?app=no.such.app");
    assertThat(html).contains("No data for these filters").doesNotContain("id=\"table-cohorts\"");
  }
}
