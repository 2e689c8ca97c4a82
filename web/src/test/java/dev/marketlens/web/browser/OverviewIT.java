package dev.marketlens.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.metrics.Metrics;
import dev.marketlens.metrics.movements.Movements;
import dev.marketlens.metrics.movements.MrrMonth;
import dev.marketlens.metrics.segments.Dimension;
import dev.marketlens.metrics.segments.Where;
import dev.marketlens.web.TestSite;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("The overview in a browser")
class OverviewIT extends BrowserFixture {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final YearMonth TO = YearMonth.from(TestSite.TODAY);
  private static final YearMonth FROM = TO.minusMonths(11);

  @Test
  @DisplayName("every tile's number equals the REST API's and the revenue engine's")
  void tilesEqualApiAndEngine() {
    OverviewPage overview = signIn("admin");
    assertThat(overview.month()).isEqualTo(TO.toString());

    Map<String, String> shown = OverviewFigures.fromPage(overview);
    Map<String, String> api = OverviewFigures.fromApi(browser, FROM, TO, "");
    Map<String, String> engine =
        OverviewFigures.fromEngine(RevenueEngine.ofAllAccounts(site), Metrics.View.of(FROM, TO));

    assertThat(shown).containsOnlyKeys(OverviewPage.TILES).isEqualTo(api).isEqualTo(engine);
    assertThat(Long.parseLong(shown.get("tile-mrr"))).isPositive();
    assertThat(shown.get("tile-churn")).isNotEqualTo(OverviewFigures.NONE);
  }

  @Test
  @DisplayName(
      "hosting = Cloud → Apply: the address carries the filter and the tiles show its figures")
  void filterByHosting() {
    OverviewPage overview = signIn("admin");
    Map<String, String> unfiltered = OverviewFigures.fromPage(overview);
    assertThat(overview.choices("hosting")).contains("All", "Cloud");

    OverviewPage cloud = overview.choose("hosting", "Cloud").apply(OverviewPage::new);

    assertThat(cloud.path()).startsWith("/?").contains("hosting=Cloud");
    assertThat(cloud.chosen("hosting")).isEqualTo("Cloud");
    Map<String, String> shown = OverviewFigures.fromPage(cloud);
    Map<String, String> api = OverviewFigures.fromApi(browser, FROM, TO, "&hosting=Cloud");
    Metrics.View cloudView =
        new Metrics.View(
            FROM, TO, Optional.empty(), List.of(new Where(Dimension.HOSTING, "Cloud")));
    Map<String, String> engine =
        OverviewFigures.fromEngine(RevenueEngine.ofAllAccounts(site), cloudView);
    assertThat(shown).isEqualTo(api).isEqualTo(engine);
    assertThat(Long.parseLong(shown.get("tile-mrr")))
        .isPositive()
        .isLessThan(Long.parseLong(unfiltered.get("tile-mrr")));
  }

  @Test
  @DisplayName("a viewer of one account sees that account's figures only")
  void viewerSeesOwnAccount() {
    OverviewPage overview = signIn("viewer");
    assertThat(overview.signedInAs()).isEqualTo("viewer · viewer");

    Map<String, String> shown = OverviewFigures.fromPage(overview);
    Map<String, String> alphaOnly =
        OverviewFigures.fromEngine(
            RevenueEngine.of(site, Set.of(site.alpha().id())), Metrics.View.of(FROM, TO));
    Map<String, String> everything =
        OverviewFigures.fromEngine(RevenueEngine.ofAllAccounts(site), Metrics.View.of(FROM, TO));

    assertThat(shown)
        .isEqualTo(OverviewFigures.fromApi(browser, FROM, TO, ""))
        .isEqualTo(alphaOnly);
    assertThat(shown.get("tile-mrr")).isNotEqualTo(everything.get("tile-mrr"));
  }

  @Test
  @DisplayName("the MRR tile links to the movements page with the filters kept")
  void mrrTileLinksToMovements() {
    OverviewPage overview = signIn("admin").choose("hosting", "Cloud").apply(OverviewPage::new);

    assertThat(overview.link("tile-mrr"))
        .isEqualTo("/revenue/movements?from=" + FROM + "&to=" + TO + "&hosting=Cloud");
    assertThat(overview.menuLink("Movements")).isEqualTo(overview.link("tile-mrr"));
  }

  @Test
  @DisplayName(
      "the menu keeps the filters: Overview from a filtered overview shows the same figures")
  void menuKeepsFilters() {
    OverviewPage cloud = signIn("admin").choose("hosting", "Cloud").apply(OverviewPage::new);
    Map<String, String> shown = OverviewFigures.fromPage(cloud);

    OverviewPage again = cloud.follow("Overview", OverviewPage::new);

    assertThat(again.path()).isEqualTo("/?from=" + FROM + "&to=" + TO + "&hosting=Cloud");
    assertThat(again.chosen("hosting")).isEqualTo("Cloud");
    assertThat(OverviewFigures.fromPage(again)).isEqualTo(shown);
  }

  @Test
  @DisplayName("the MRR trend and the movements waterfall are drawn")
  void chartsDrawn() {
    OverviewPage overview = signIn("admin");

    List<WebElement> charts = overview.charts();
    assertThat(charts)
        .extracting(c -> c.getDomAttribute("id"))
        .containsExactly("chart-trend", "chart-waterfall");
    assertThat(charts).allMatch(Page::drawn, "drawn by ECharts as SVG");
  }

  @Test
  @DisplayName(
      "the charts plot the API's and the engine's numbers: MRR by month, the month's movements")
  void chartsPlotTheNumbers() {
    OverviewPage overview = signIn("admin");
    Metrics engine = RevenueEngine.ofAllAccounts(site);

    JsonNode trend = JSON.readTree(overview.series("chart-trend"));
    List<String> months = new ArrayList<>();
    List<Long> mrr = new ArrayList<>();
    trend.get("x").forEach(m -> months.add(m.asString()));
    trend.get("series").get(0).get("values").forEach(v -> mrr.add(v.asLong()));
    List<String> apiMonths = new ArrayList<>();
    List<Long> apiMrr = new ArrayList<>();
    for (JsonNode row : browser.fetchJson("/api/v1/reports/mrr?from=" + FROM + "&to=" + TO)) {
      apiMonths.add(row.get("month").asString());
      apiMrr.add(row.get("mrr").asLong());
    }
    List<MrrMonth> engineMrr = engine.mrr(Metrics.View.of(FROM, TO));
    assertThat(months)
        .hasSize(12)
        .isEqualTo(apiMonths)
        .isEqualTo(engineMrr.stream().map(m -> m.month().toString()).toList());
    assertThat(mrr).isEqualTo(apiMrr).isEqualTo(engineMrr.stream().map(MrrMonth::mrr).toList());

    Map<String, Long> steps = new LinkedHashMap<>();
    JSON.readTree(overview.series("chart-waterfall"))
        .get("steps")
        .forEach(s -> steps.put(s.get("label").asString(), s.get("value").asLong()));
    JsonNode api = browser.fetchJson("/api/v1/reports/movements?from=" + TO + "&to=" + TO).get(0);
    Movements month = engine.movements(Metrics.View.of(TO, TO)).get(0);
    Map<String, Long> fromApi = new LinkedHashMap<>();
    Map<String, Long> fromEngine = new LinkedHashMap<>();
    fromApi.put("Opening", api.get("openingMrr").asLong());
    fromEngine.put("Opening", month.openingMrr());
    fromApi.put("New", api.get("newMrr").asLong());
    fromEngine.put("New", month.newMrr());
    fromApi.put("Expansion", api.get("expansionMrr").asLong());
    fromEngine.put("Expansion", month.expansionMrr());
    fromApi.put("Reactivation", api.get("reactivationMrr").asLong());
    fromEngine.put("Reactivation", month.reactivationMrr());
    fromApi.put("Contraction", api.get("contractionMrr").asLong());
    fromEngine.put("Contraction", month.contractionMrr());
    fromApi.put("Churn", api.get("churnedMrr").asLong());
    fromEngine.put("Churn", month.churnedMrr());
    fromApi.put("Closing", api.get("closingMrr").asLong());
    fromEngine.put("Closing", month.closingMrr());
    assertThat(steps).containsExactlyEntriesOf(fromApi).isEqualTo(fromEngine);
  }

  @Test
  @DisplayName("at phone width the tiles stack in one column and the page does not scroll sideways")
  void phoneWidth() {
    signIn("admin");
    browser.resize(Browser.PHONE);
    OverviewPage phone = OverviewPage.open(browser, "");

    long viewport = (Long) browser.script("return document.documentElement.clientWidth;");
    long content = (Long) browser.script("return document.documentElement.scrollWidth;");
    assertThat(viewport).isLessThanOrEqualTo(Browser.PHONE.getWidth());
    assertThat(content).as("page width at %d px", viewport).isLessThanOrEqualTo(viewport);

    Rectangle previous = null;
    for (String id : OverviewPage.TILES) {
      Rectangle tile = phone.tile(id).getRect();
      assertThat(tile.getX() + tile.getWidth()).as(id).isLessThanOrEqualTo((int) viewport);
      if (previous != null) {
        assertThat(tile.getX()).as(id + " left edge").isEqualTo(previous.getX());
        assertThat(tile.getY()).as(id + " below the one before").isGreaterThan(previous.getY());
      }
      previous = tile;
    }
    assertThat(phone.charts()).allMatch(Page::drawn);
  }

  @Test
  @DisplayName("a month that is not YYYY-MM shows the error page naming the field and the value")
  void badMonth() {
    signIn("admin");

    ErrorPage error = ErrorPage.open(browser, "/?from=2026-13");

    assertThat(error.heading()).isEqualTo("400 Bad Request");
    assertThat(error.message()).contains("from must be YYYY-MM", "2026-13");
  }
}
