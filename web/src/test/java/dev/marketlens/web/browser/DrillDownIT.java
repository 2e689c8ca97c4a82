package dev.marketlens.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.metrics.Metrics;
import dev.marketlens.metrics.movements.Movements;
import dev.marketlens.web.TestSite;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("Drilling from the MRR tile to a customer in a browser")
class DrillDownIT extends BrowserFixture {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final YearMonth TO = YearMonth.from(TestSite.TODAY);
  private static final YearMonth FROM = TO.minusMonths(11);

  @Test
  @DisplayName(
      "MRR tile → movements → a month's new MRR → its customers, totalling the API's and the"
          + " engine's new MRR → the first customer, whose MRR that month is the API's")
  void mrrTileToCustomer() {
    OverviewPage overview = signIn("admin");

    SitePage movements =
        overview.click(
            overview.tile("tile-mrr"), SitePage.as("movements", By.id("table-movements")));
    assertThat(movements.path()).startsWith("/revenue/movements?from=" + FROM + "&to=" + TO);
    assertThat(movements.charts()).isNotEmpty().allMatch(Page::drawn);

    // The latest month with new MRR, and its link.
    List<Map<String, String>> rows = movements.rows("table-movements");
    Map<String, String> row =
        rows.stream()
            .filter(r -> r.get("newMrr") != null && Long.parseLong(r.get("newMrr")) > 0)
            .reduce((earlier, later) -> later)
            .orElseThrow(() -> new AssertionError("no month with new MRR: " + rows));
    YearMonth month = YearMonth.parse(row.get(SitePage.ROW));
    WebElement link =
        browser.find(
            By.cssSelector(
                "#table-movements tr[data-month='" + month + "'] td[data-field='newMrr'] a"));

    SitePage customers = movements.click(link, SitePage.as("customers", By.id("customers-table")));

    assertThat(customers.path())
        .startsWith("/customers?")
        .contains("month=" + month, "movement=new");
    long total = Long.parseLong(customers.value("movement-total"));
    JsonNode api =
        browser.fetchJson("/api/v1/reports/movements?from=" + month + "&to=" + month).get(0);
    Movements engine =
        RevenueEngine.ofAllAccounts(site).movements(Metrics.View.of(month, month)).get(0);
    assertThat(total)
        .isEqualTo(Long.parseLong(row.get("newMrr")))
        .isEqualTo(api.get("newMrr").asLong())
        .isEqualTo(engine.newMrr());

    WebElement first = browser.find(By.cssSelector("#customers-table a.customer-link"));
    String key = first.getText();
    long amount =
        Long.parseLong(
            browser
                .find(By.cssSelector("#customers-table tbody tr td[data-column='amount']"))
                .getDomAttribute("data-value"));

    SitePage customer = customers.click(first, SitePage.as("customer", By.id("timeline")));

    assertThat(browser.find(By.id("customer-key")).getText()).isEqualTo(key);
    assertThat(customer.charts())
        .extracting(c -> c.getDomAttribute("id"))
        .containsExactly("chart-customer-mrr");
    assertThat(customer.charts()).allMatch(Page::drawn);
    assertThat(browser.findAll(By.cssSelector("#timeline li"))).isNotEmpty();

    String path = customer.path();
    assertThat(path).startsWith("/customers/");
    JsonNode detail = browser.fetchJson("/api/v1" + path);
    assertThat(detail.get("customer").asString()).isEqualTo(key);
    JsonNode chart = JSON.readTree(customer.series("chart-customer-mrr"));
    long shownThatMonth = -1;
    for (int i = 0; i < chart.get("x").size(); i++) {
      if (chart.get("x").get(i).asString().equals(month.toString())) {
        shownThatMonth = chart.get("series").get(0).get("values").get(i).asLong();
      }
    }
    long apiThatMonth = -1;
    JsonNode last = null;
    for (JsonNode m : detail.get("mrr")) {
      if (m.get("month").asString().equals(month.toString())) {
        apiThatMonth = m.get("mrr").asLong();
        assertThat(m.get("movement").asString()).isEqualTo("new");
      }
      last = m;
    }
    assertThat(shownThatMonth)
        .as("MRR of %s at the end of %s", key, month)
        .isEqualTo(apiThatMonth)
        .isEqualTo(amount)
        .isPositive();
    assertThat(customer.value("tile-customer-mrr")).isEqualTo(last.get("mrr").asString());
  }
}
