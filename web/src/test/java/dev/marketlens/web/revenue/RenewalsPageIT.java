package dev.marketlens.web.revenue;

import static dev.marketlens.web.revenue.PageNumbers.api;
import static dev.marketlens.web.revenue.PageNumbers.assertSameRows;
import static dev.marketlens.web.revenue.PageNumbers.page;
import static dev.marketlens.web.revenue.PageNumbers.table;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.web.HttpSession;
import dev.marketlens.web.TestSite;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;

@DisplayName("/revenue/renewals")
class RenewalsPageIT {
  private final TestSite site = TestSite.get();

  @Test
  @DisplayName("admin: renewal rates by month and the next 90 days' renewals equal the REST API's")
  void equalsApi() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    String html = page(admin, "/revenue/renewals");
    assertThat(html).contains("id=\"chart-renewal-rates\"", "id=\"chart-renewal-counts\"");
    JsonNode renewals = api(admin, "/api/v1/reports/renewals");
    assertThat(renewals.size()).isEqualTo(12);
    assertSameRows(table(html, "table-renewals"), renewals, "month");
    JsonNode upcoming = api(admin, "/api/v1/reports/upcoming?days=90");
    assertThat(upcoming.size()).isPositive();
    assertSameRows(table(html, "table-upcoming"), upcoming, "license");
    assertThat(PageNumbers.attribute(html, "upcoming-summary", "data-value"))
        .isEqualTo(String.valueOf(PageNumbers.sum(upcoming, "mrr")));
  }

  @Test
  @DisplayName("days=30 and days=180 list the API's upcoming renewals for those days")
  void days() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    for (int days : new int[] {30, 180}) {
      String html = page(admin, "/revenue/renewals?days=" + days);
      assertThat(html).contains("Upcoming renewals in the next " + days + " days");
      assertSameRows(
          table(html, "table-upcoming"),
          api(admin, "/api/v1/reports/upcoming?days=" + days),
          "license");
    }
    assertThat(api(admin, "/api/v1/reports/upcoming?days=30").size())
        .isLessThan(api(admin, "/api/v1/reports/upcoming?days=180").size());
  }

  @Test
  @DisplayName("each upcoming renewal links to its customer's page, the name URL-encoded as a path")
  void customerLinks() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    String html = page(admin, "/revenue/renewals?days=180");
    JsonNode upcoming = api(admin, "/api/v1/reports/upcoming?days=180");
    for (JsonNode row : upcoming) {
      String customer = row.get("customer").asString();
      assertThat(html)
          .contains(
              "href=\"/customers/"
                  + UriUtils.encodePathSegment(customer, StandardCharsets.UTF_8)
                      .replace("&", "&amp;")
                  + "?");
    }
  }

  @Test
  @DisplayName("filters (account=alpha, hosting=Cloud) change the numbers as they change the API's")
  void filters() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    String query = "account=alpha&hosting=Cloud";
    String html = page(admin, "/revenue/renewals?" + query);
    JsonNode renewals = api(admin, "/api/v1/reports/renewals?" + query);
    assertSameRows(table(html, "table-renewals"), renewals, "month");
    JsonNode upcoming = api(admin, "/api/v1/reports/upcoming?days=90&" + query);
    assertSameRows(table(html, "table-upcoming"), upcoming, "license");
    for (JsonNode row : upcoming) {
      assertThat(row.get("hosting").asString()).isEqualToIgnoringCase("Cloud");
    }
    assertThat(PageNumbers.sum(renewals, "opportunities"))
        .isLessThan(PageNumbers.sum(api(admin, "/api/v1/reports/renewals"), "opportunities"));
  }

  @Test
  @DisplayName("by=hosting: one row per month and hosting, equal to the API's segmented rows")
  void segmented() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    String query = "from=2026-05&to=2026-10&by=hosting";
    assertSameRows(
        table(page(admin, "/revenue/renewals?" + query), "table-renewals"),
        api(admin, "/api/v1/reports/renewals?" + query),
        "month");
  }

  @Test
  @DisplayName("beta-viewer sees only beta's renewals: admin's API with account=beta")
  void scopedToBeta() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    String html = page(HttpSession.signedIn(site, "beta-viewer"), "/revenue/renewals");
    assertSameRows(
        table(html, "table-renewals"),
        api(admin, "/api/v1/reports/renewals?account=beta"),
        "month");
    JsonNode upcoming = api(admin, "/api/v1/reports/upcoming?days=90&account=beta");
    if (upcoming.isEmpty()) {
      assertThat(html).contains("id=\"upcoming-empty\"");
    } else {
      assertSameRows(table(html, "table-upcoming"), upcoming, "license");
    }
  }

  @Test
  @DisplayName("bad days and a bad month are the error page, status 400, naming the value")
  void badInput() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    HttpResponse<String> days = admin.get("/revenue/renewals?days=soon");
    assertThat(days.statusCode()).isEqualTo(400);
    assertThat(days.body()).contains("days must be a number of days", "soon");
    HttpResponse<String> month = admin.get("/revenue/renewals?from=2026-13");
    assertThat(month.statusCode()).isEqualTo(400);
    assertThat(month.body()).contains("from must be YYYY-MM", "2026-13");
  }

  @Test
  @DisplayName("filters that match no records: 'No data for these filters'")
  void empty() {
    String html = page(HttpSession.signedIn(site, "admin"), "/revenue/renewals?tier=NoSuchTier");
    assertThat(html).contains("No data for these filters").doesNotContain("id=\"table-renewals\"");
  }
}
