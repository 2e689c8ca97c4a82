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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
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

  @Test
  @DisplayName(
      "a click on a month's New bar in the movements chart opens that month's new customers,"
          + " totalling the bar's value and the API's")
  void chartBarToCustomers() {
    SitePage movements =
        signIn("admin").follow("Movements", SitePage.as("movements", By.id("chart-movements")));
    JsonNode chart = JSON.readTree(movements.series("chart-movements"));
    JsonNode months = chart.get("x");
    JsonNode values = chart.get("series").get(0).get("values");
    assertThat(chart.get("series").get(0).get("name").asString()).isEqualTo("new");
    int index = -1;
    for (int i = 0; i < months.size(); i++) {
      if (values.get(i).asLong() > 0) {
        index = i;
      }
    }
    assertThat(index).as("a month with new MRR").isNotNegative();
    String month = months.get(index).asString();
    long bar = values.get(index).asLong();
    WebElement element = browser.find(By.id("chart-movements"));
    browser.script("arguments[0].scrollIntoView({block: 'center'});", element);
    // The middle of the bar, from the chart's own scales, relative to the element's centre.
    @SuppressWarnings("unchecked")
    List<Number> at =
        (List<Number>)
            browser.script(
                "var c = echarts.getInstanceByDom(arguments[0]);"
                    + "var p = c.convertToPixel({xAxisIndex: 0, yAxisIndex: 0},"
                    + " [arguments[1], arguments[2] / 2]);"
                    + "return [p[0] - arguments[0].clientWidth / 2,"
                    + " p[1] - arguments[0].clientHeight / 2];",
                element,
                index,
                bar);

    WebElement before = browser.find(By.tagName("main"));
    new Actions(browser.driver())
        .moveToElement(element, at.get(0).intValue(), at.get(1).intValue())
        .click()
        .perform();
    browser.await(ExpectedConditions.stalenessOf(before));
    SitePage customers = new SitePage(browser, "customers-from-bar", By.id("customers-table"));

    assertThat(customers.path()).contains("month=" + month, "movement=new");
    JsonNode api =
        browser.fetchJson("/api/v1/reports/movements?from=" + month + "&to=" + month).get(0);
    assertThat(Long.parseLong(customers.value("movement-total")))
        .isEqualTo(bar)
        .isEqualTo(api.get("newMrr").asLong());
  }

  @Test
  @DisplayName(
      "split by hosting: a segment's new MRR links to that segment's new customers, totalling"
          + " the API's segmented row")
  void segmentToCustomers() {
    SitePage all =
        signIn("admin").follow("Movements", SitePage.as("movements", By.id("table-movements")));
    new Select(browser.find(By.id("by"))).selectByValue("hosting");
    SitePage split = all.apply(SitePage.as("movements-by-hosting", By.id("table-movements")));
    assertThat(split.path()).contains("by=hosting");

    Map<String, String> row =
        split.rows("table-movements").stream()
            .filter(r -> r.get(SitePage.ROW).endsWith("|Cloud"))
            .filter(r -> r.get("newMrr") != null && Long.parseLong(r.get("newMrr")) > 0)
            .reduce((earlier, later) -> later)
            .orElseThrow(() -> new AssertionError("no month with new Cloud MRR"));
    String month = row.get(SitePage.ROW).substring(0, 7);
    WebElement link =
        browser.find(
            By.cssSelector(
                "#table-movements tr[data-month='"
                    + month
                    + "'][data-segment='Cloud'] td[data-field='newMrr'] a"));

    SitePage customers = split.click(link, SitePage.as("customers", By.id("customers-table")));

    assertThat(customers.path()).contains("month=" + month, "movement=new", "hosting=Cloud");
    long api = -1;
    for (JsonNode r :
        browser.fetchJson(
            "/api/v1/reports/movements?from=" + month + "&to=" + month + "&by=hosting")) {
      if ("Cloud".equals(r.get("segment").asString())) {
        api = r.get("newMrr").asLong();
      }
    }
    assertThat(Long.parseLong(customers.value("movement-total")))
        .isEqualTo(Long.parseLong(row.get("newMrr")))
        .isEqualTo(api);
  }
}
