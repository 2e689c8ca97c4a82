package dev.marketlens.web.revenue;

import static dev.marketlens.web.revenue.PageNumbers.api;
import static dev.marketlens.web.revenue.PageNumbers.assertSameRows;
import static dev.marketlens.web.revenue.PageNumbers.page;
import static dev.marketlens.web.revenue.PageNumbers.sum;
import static dev.marketlens.web.revenue.PageNumbers.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.web.HttpSession;
import dev.marketlens.web.TestSite;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@DisplayName("/revenue/conversion and /api/v1/reports/days-to-convert")
class ConversionPageIT {
  private static final List<String> BUCKETS =
      List.of("days0to7", "days8to14", "days15to30", "days31to60", "days61to90", "days91plus");
  private final TestSite site = TestSite.get();

  private static void assertSamePage(HttpSession session, HttpSession admin, String query) {
    String html = page(session, "/revenue/conversion?" + query);
    JsonNode conversion = api(admin, "/api/v1/reports/conversion?" + query);
    JsonNode days = api(admin, "/api/v1/reports/days-to-convert?" + query);
    assertSameRows(table(html, "table-conversion"), conversion, "month");
    assertSameRows(table(html, "table-days-to-convert"), days, "month");
    assertThat(PageNumbers.attribute(html, "total-evaluations", "data-value"))
        .isEqualTo(String.valueOf(sum(conversion, "evaluations")));
    assertThat(PageNumbers.attribute(html, "total-converted", "data-value"))
        .isEqualTo(String.valueOf(sum(conversion, "converted")));
    assertThat(PageNumbers.attribute(html, "total-eventual", "data-value"))
        .isEqualTo(String.valueOf(sum(conversion, "eventualConversions")));
    JsonNode histogram = PageNumbers.chart(html, "chart-days-to-convert");
    for (int b = 0; b < BUCKETS.size(); b++) {
      assertThat(histogram.get("series").get(0).get("values").get(b).asLong())
          .as(BUCKETS.get(b))
          .isEqualTo(sum(days, BUCKETS.get(b)));
    }
  }

  @Test
  @DisplayName(
      "admin: the conversion and days-to-convert tables, totals and histogram equal the API's")
  void equalsApi() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    String html = page(admin, "/revenue/conversion");
    assertThat(html).contains("id=\"chart-funnel\"", "id=\"chart-conversion-rate\"");
    assertThat(api(admin, "/api/v1/reports/conversion").size()).isEqualTo(12);
    assertSamePage(admin, admin, "");
    assertThat(sum(api(admin, "/api/v1/reports/conversion"), "evaluations")).isPositive();
  }

  @Test
  @DisplayName(
      "days-to-convert API: per month the conversion report's eventual conversions, converted and"
          + " median, and the buckets add up to the eventual conversions")
  void daysToConvertApi() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    JsonNode conversion = api(admin, "/api/v1/reports/conversion?from=2025-01&to=2026-10");
    JsonNode days = api(admin, "/api/v1/reports/days-to-convert?from=2025-01&to=2026-10");
    assertThat(days.size()).isEqualTo(conversion.size()).isEqualTo(22);
    for (int i = 0; i < days.size(); i++) {
      JsonNode d = days.get(i);
      JsonNode c = conversion.get(i);
      String month = c.get("month").asString();
      assertThat(d.get("month").asString()).isEqualTo(month);
      assertThat(d.get("eventualConversions").asInt())
          .as(month)
          .isEqualTo(c.get("eventualConversions").asInt());
      assertThat(d.get("converted").asInt()).as(month).isEqualTo(c.get("converted").asInt());
      assertThat(d.get("medianDaysToConvert")).as(month).isEqualTo(c.get("medianDaysToConvert"));
      long buckets = 0;
      for (String b : BUCKETS) {
        buckets += d.get(b).asLong();
      }
      assertThat(buckets).as(month).isEqualTo(d.get("eventualConversions").asLong());
    }
    assertThat(sum(days, "eventualConversions")).isPositive();
  }

  @Test
  @DisplayName("days-to-convert API: by=hosting splits per segment, format=csv gives the same rows")
  void daysToConvertSegmentsAndCsv() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    JsonNode split = api(admin, "/api/v1/reports/days-to-convert?by=hosting&account=alpha");
    JsonNode whole = api(admin, "/api/v1/reports/days-to-convert?account=alpha");
    assertThat(split.get(0).has("segment")).isTrue();
    assertThat(sum(split, "eventualConversions")).isEqualTo(sum(whole, "eventualConversions"));
    HttpResponse<String> csv =
        admin.get("/api/v1/reports/days-to-convert?account=alpha&format=csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    String[] lines = csv.body().strip().split("\r?\n");
    assertThat(lines[0])
        .isEqualTo(
            "month,eventualConversions,converted,medianDaysToConvert," + String.join(",", BUCKETS));
    assertThat(lines).hasSize(whole.size() + 1);
  }

  @Test
  @DisplayName("days-to-convert API: a bad month is a 400 naming it; anonymous calls get 401")
  void daysToConvertRefusals() {
    HttpResponse<String> bad =
        HttpSession.signedIn(site, "admin").get("/api/v1/reports/days-to-convert?to=2026-13");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("to must be YYYY-MM", "2026-13");
    assertThat(new HttpSession(site.baseUrl()).get("/api/v1/reports/days-to-convert").statusCode())
        .isEqualTo(401);
  }

  @Test
  @DisplayName("days-to-convert API is documented in the OpenAPI description")
  void documented() {
    JsonNode openapi = api(HttpSession.signedIn(site, "admin"), "/api/v1/openapi.json");
    JsonNode get = openapi.get("paths").get("/api/v1/reports/days-to-convert").get("get");
    assertThat(get.get("summary").asString()).contains("days-to-convert");
    assertThat(get.get("description").asString()).contains("days0to7", "days91plus");
  }

  @Test
  @DisplayName("filters (account=alpha, hosting=Cloud) change the page as they change the API")
  void filters() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    assertSamePage(admin, admin, "account=alpha&hosting=Cloud");
    assertThat(
            sum(
                api(admin, "/api/v1/reports/conversion?account=alpha&hosting=Cloud"),
                "evaluations"))
        .isLessThan(sum(api(admin, "/api/v1/reports/conversion"), "evaluations"));
  }

  @Test
  @DisplayName("by=hosting: the tables show one row per month and hosting, as the API")
  void segmented() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    assertSamePage(admin, admin, "from=2026-05&to=2026-10&by=hosting");
  }

  @Test
  @DisplayName("beta-viewer sees only beta's conversion: admin's API with account=beta")
  void scopedToBeta() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    HttpSession beta = HttpSession.signedIn(site, "beta-viewer");
    String html = page(beta, "/revenue/conversion");
    assertSameRows(
        table(html, "table-conversion"),
        api(admin, "/api/v1/reports/conversion?account=beta"),
        "month");
    assertSameRows(
        table(html, "table-days-to-convert"),
        api(admin, "/api/v1/reports/days-to-convert?account=beta"),
        "month");
    // The beta viewer's own API call is scoped the same way.
    assertThat(api(beta, "/api/v1/reports/days-to-convert"))
        .isEqualTo(api(admin, "/api/v1/reports/days-to-convert?account=beta"));
  }

  @Test
  @DisplayName("a bad filter (from=2026-13) is the error page, status 400, naming field and value")
  void badFilter() {
    HttpResponse<String> r =
        HttpSession.signedIn(site, "admin").get("/revenue/conversion?from=2026-13");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("from must be YYYY-MM", "2026-13");
  }

  @Test
  @DisplayName("filters that match no records: 'No data for these filters'")
  void empty() {
    String html = page(HttpSession.signedIn(site, "admin"), "/revenue/conversion?country=Atlantis");
    assertThat(html)
        .contains("No data for these filters")
        .doesNotContain("id=\"table-conversion\"");
  }
}
