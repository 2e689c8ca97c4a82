package dev.marketlens.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.web.util.UriUtils;

@DisplayName("Every page in a browser")
class EveryPageIT extends BrowserFixture {

  /** A page: its path, its screenshot's name, the element that shows it loaded. */
  private record Stop(String path, String name, By loaded) {
    /** The overview, the revenue pages and a customer's page show charts. */
    boolean charted() {
      return path.equals("/") || path.startsWith("/revenue/") || name.equals("customer");
    }
  }

  private List<Stop> tour() {
    String customer =
        browser.fetchJson("/api/v1/customers").get("items").get(0).get("customer").asString();
    List<Stop> stops = new ArrayList<>();
    stops.add(new Stop("/", "overview", By.id("tile-mrr")));
    stops.add(new Stop("/revenue/movements", "movements", By.id("table-movements")));
    stops.add(new Stop("/revenue/cohorts", "cohorts", By.id("table-cohorts")));
    stops.add(new Stop("/revenue/conversion", "conversion", By.id("funnel-totals")));
    stops.add(new Stop("/revenue/renewals", "renewals", By.id("table-renewals")));
    stops.add(new Stop("/customers", "customers", By.id("customers-table")));
    stops.add(
        new Stop(
            "/customers/" + UriUtils.encodePathSegment(customer, StandardCharsets.UTF_8),
            "customer",
            By.id("timeline")));
    stops.add(new Stop("/transactions", "transactions", By.id("transactions-table")));
    stops.add(new Stop("/licenses", "licenses", By.id("licenses-table")));
    stops.add(new Stop("/data", "data", By.id("account-alpha")));
    stops.add(new Stop("/payouts/remittance", "remittance", By.id("table-remittance-months")));
    stops.add(new Stop("/payouts/pricing", "pricing", By.id("table-book")));
    stops.add(new Stop("/settings", "settings", By.id("create-token")));
    stops.add(new Stop("/admin", "admin", By.id("users")));
    stops.add(new Stop("/admin/audit", "audit", By.cssSelector("table.audit")));
    return stops;
  }

  @Test
  @DisplayName(
      "as admin every page opens with its main content, its charts drawn, no script refused,"
          + " and a screenshot of each")
  void everyPage() {
    signIn("admin");
    browser.console();
    for (Stop stop : tour()) {
      SitePage page = SitePage.open(browser, stop.path(), stop.name(), stop.loaded());

      assertThat(page.main().isDisplayed()).as(stop.path()).isTrue();
      assertThat(page.heading()).as(stop.path()).isNotBlank();
      if (stop.charted()) {
        assertThat(page.charts()).as("charts of %s", stop.path()).isNotEmpty();
      }
      assertThat(page.charts()).as("charts of %s", stop.path()).allMatch(Page::drawn);
      assertThat(page.cutOffChartTexts()).as("chart texts cut off on %s", stop.path()).isEmpty();
      assertThat(browser.console())
          .as("console of %s", stop.path())
          .noneMatch(
              m ->
                  m.contains("Content Security Policy")
                      || m.contains("Refused to")
                      || m.contains("Uncaught"));
    }
    ApiDocsPage docs = ApiDocsPage.open(browser);
    assertThat(docs.errors()).isEmpty();
    assertThat(docs.operations()).isNotEmpty();
  }

  @Test
  @DisplayName("at phone width (390 px) no page scrolls sideways: wide tables scroll in their box")
  void phoneWidth() {
    signIn("admin");
    List<Stop> stops = tour();
    browser.resize(Browser.PHONE);
    List<String> overflowing = new ArrayList<>();
    for (Stop stop : stops) {
      SitePage page = SitePage.open(browser, stop.path(), stop.name() + "-phone", stop.loaded());
      long viewport = (Long) browser.script("return document.documentElement.clientWidth;");
      long content = (Long) browser.script("return document.documentElement.scrollWidth;");
      if (content > viewport) {
        overflowing.add(stop.path() + ": " + content + " px wide in " + viewport);
      }
      page.cutOffChartTexts().forEach(t -> overflowing.add(stop.path() + ": cut off " + t));
    }
    assertThat(overflowing).isEmpty();
  }
}
