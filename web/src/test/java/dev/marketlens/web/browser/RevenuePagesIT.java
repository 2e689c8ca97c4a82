package dev.marketlens.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.metrics.Metrics;
import dev.marketlens.metrics.conversion.ConversionMonth;
import dev.marketlens.metrics.movements.Movements;
import dev.marketlens.metrics.segments.Dimension;
import dev.marketlens.metrics.segments.Where;
import dev.marketlens.web.TestSite;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("The revenue pages' numbers in a browser")
class RevenuePagesIT extends BrowserFixture {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final YearMonth TO = YearMonth.from(TestSite.TODAY);
  private static final YearMonth FROM = TO.minusMonths(11);
  private static final String MONTHS = "?from=" + FROM + "&to=" + TO;

  @Test
  @DisplayName(
      "movements, hosting = Cloud chosen in the filter form: every cell equals the API's with"
          + " hosting=Cloud, and the movements the engine's")
  void movementsFilteredByHosting() {
    SitePage all =
        signIn("admin").follow("Movements", SitePage.as("movements", By.id("table-movements")));
    List<Map<String, String>> unfiltered = all.rows("table-movements");

    SitePage cloud =
        all.choose("hosting", "Cloud")
            .apply(SitePage.as("movements-cloud", By.id("table-movements")));

    assertThat(cloud.path()).startsWith("/revenue/movements?").contains("hosting=Cloud");
    assertThat(cloud.chosen("hosting")).isEqualTo("Cloud");
    assertThat(cloud.charts()).isNotEmpty().allMatch(Page::drawn);
    List<Map<String, String>> shown = cloud.rows("table-movements");
    String query = MONTHS + "&hosting=Cloud";
    JsonNode movements = browser.fetchJson("/api/v1/reports/movements" + query);
    JsonNode churn = browser.fetchJson("/api/v1/reports/churn" + query);
    JsonNode nrr = browser.fetchJson("/api/v1/reports/nrr" + query);
    List<Map<String, JsonNode>> api = new ArrayList<>();
    for (int i = 0; i < movements.size(); i++) {
      Map<String, JsonNode> row = new LinkedHashMap<>();
      for (JsonNode report : List.of(movements, churn, nrr)) {
        report.get(i).properties().forEach(e -> row.put(e.getKey(), e.getValue()));
      }
      api.add(row);
    }
    assertSameNumbers(shown, api, "month");

    Metrics.View view =
        new Metrics.View(
            FROM, TO, Optional.empty(), List.of(new Where(Dimension.HOSTING, "Cloud")));
    List<Movements> engine = RevenueEngine.ofAllAccounts(site).movements(view);
    assertThat(shown).hasSameSizeAs(engine);
    for (int i = 0; i < engine.size(); i++) {
      Movements m = engine.get(i);
      Map<String, String> row = shown.get(i);
      assertThat(row.get(SitePage.ROW)).isEqualTo(m.month().toString());
      assertThat(row)
          .as(row.get(SitePage.ROW))
          .containsEntry("openingMrr", Long.toString(m.openingMrr()))
          .containsEntry("newMrr", Long.toString(m.newMrr()))
          .containsEntry("expansionMrr", Long.toString(m.expansionMrr()))
          .containsEntry("reactivationMrr", Long.toString(m.reactivationMrr()))
          .containsEntry("contractionMrr", Long.toString(m.contractionMrr()))
          .containsEntry("churnedMrr", Long.toString(m.churnedMrr()))
          .containsEntry("closingMrr", Long.toString(m.closingMrr()));
    }
    assertThat(shown).isNotEqualTo(unfiltered);
  }

  @Test
  @DisplayName("cohorts: the heatmap's table (size, retention M0…) and its cells equal the API's")
  void cohorts() {
    SitePage page =
        signIn("admin").follow("Cohorts", SitePage.as("cohorts", By.id("table-cohorts")));
    JsonNode api = browser.fetchJson("/api/v1/reports/cohorts" + MONTHS + "&measure=logos");

    List<Map<String, String>> shown = page.rows("table-cohorts");
    assertThat(shown).hasSize(api.size()).isNotEmpty();
    List<String> cells = new ArrayList<>();
    for (int i = 0; i < api.size(); i++) {
      JsonNode cohort = api.get(i);
      Map<String, String> row = shown.get(i);
      JsonNode retention = cohort.get("retention");
      Map<String, String> expected = new LinkedHashMap<>();
      expected.put(SitePage.ROW, cohort.get("cohort").asString());
      expected.put("size", OverviewFigures.number(cohort.get("size")));
      for (int k = 0; k < row.size() - 2; k++) {
        expected.put(
            "m" + k,
            k < retention.size() ? OverviewFigures.number(retention.get(k)) : OverviewFigures.NONE);
        if (k < retention.size() && !retention.get(k).isNull()) {
          cells.add(k + "," + i + "," + OverviewFigures.number(retention.get(k)));
        }
      }
      assertThat(normalised(row)).isEqualTo(expected);
      assertThat(retention.size()).isLessThanOrEqualTo(row.size() - 2);
    }
    List<String> drawn = new ArrayList<>();
    for (JsonNode c : JSON.readTree(page.series("chart-cohorts")).get("cells")) {
      drawn.add(c.get(0).asInt() + "," + c.get(1).asInt() + "," + OverviewFigures.number(c.get(2)));
    }
    assertThat(drawn).isEqualTo(cells).isNotEmpty();
  }

  @Test
  @DisplayName(
      "conversion: the funnel's and the totals' numbers are the sums of the API's months and"
          + " the engine's")
  void conversionFunnel() {
    SitePage page =
        signIn("admin").follow("Conversion", SitePage.as("conversion", By.id("funnel-totals")));
    long evaluations = 0;
    long converted = 0;
    long eventually = 0;
    for (JsonNode m : browser.fetchJson("/api/v1/reports/conversion" + MONTHS)) {
      evaluations += m.get("evaluations").asLong();
      converted += m.get("converted").asLong();
      eventually += m.get("eventualConversions").asLong();
    }
    long engineEvaluations = 0;
    long engineConverted = 0;
    long engineEventually = 0;
    for (ConversionMonth m :
        RevenueEngine.ofAllAccounts(site).conversion(Metrics.View.of(FROM, TO))) {
      engineEvaluations += m.evaluations();
      engineConverted += m.converted();
      engineEventually += m.eventualConversions();
    }
    List<Long> api = List.of(evaluations, converted, eventually);

    List<Long> funnel = new ArrayList<>();
    JSON.readTree(page.series("chart-funnel"))
        .get("steps")
        .forEach(s -> funnel.add(s.get("value").asLong()));
    List<Long> tiles =
        List.of(
            Long.parseLong(page.value("total-evaluations")),
            Long.parseLong(page.value("total-converted")),
            Long.parseLong(page.value("total-eventual")));

    assertThat(funnel)
        .isEqualTo(tiles)
        .isEqualTo(api)
        .isEqualTo(List.of(engineEvaluations, engineConverted, engineEventually));
    assertThat(evaluations).isPositive();
    assertThat(page.charts()).hasSize(3).allMatch(Page::drawn);
  }

  @Test
  @DisplayName(
      "renewals: each month's renewal rates and the upcoming renewals, row by row, equal the"
          + " API's")
  void renewals() {
    SitePage page =
        signIn("admin").follow("Renewals", SitePage.as("renewals", By.id("table-renewals")));

    assertSameNumbers(
        page.rows("table-renewals"),
        rows(browser.fetchJson("/api/v1/reports/renewals" + MONTHS)),
        "month");

    JsonNode upcoming = browser.fetchJson("/api/v1/reports/upcoming" + MONTHS + "&days=90");
    List<Map<String, String>> shown = page.rows("table-upcoming");
    assertThat(shown).hasSize(upcoming.size()).isNotEmpty();
    for (int i = 0; i < upcoming.size(); i++) {
      Map<String, String> expected = new LinkedHashMap<>();
      JsonNode u = upcoming.get(i);
      expected.put(SitePage.ROW, u.get("license").asString());
      assertThat(shown.get(i).keySet())
          .contains("endDate", "daysUntil", "customer", "license", "mrr");
      for (String field : shown.get(i).keySet()) {
        if (!field.equals(SitePage.ROW)) {
          JsonNode v = u.get(field);
          assertThat(v).as("API field %s", field).isNotNull();
          expected.put(
              field, v.isNumber() || v.isNull() ? OverviewFigures.number(v) : v.asString());
        }
      }
      assertThat(normalised(shown.get(i))).as("upcoming row %d", i).isEqualTo(expected);
    }
    assertThat(
            Long.parseLong(browser.find(By.id("upcoming-summary")).getDomAttribute("data-count")))
        .isEqualTo(upcoming.size());
  }

  /** Each row of a page's table has the API row's numbers, field by field, in the same order. */
  private static void assertSameNumbers(
      List<Map<String, String>> shown, List<Map<String, JsonNode>> api, String key) {
    assertThat(shown).hasSameSizeAs(api).isNotEmpty();
    for (int i = 0; i < api.size(); i++) {
      Map<String, String> row = shown.get(i);
      assertThat(row.size()).as("numbers in a row").isGreaterThan(5);
      Map<String, String> expected = new LinkedHashMap<>();
      expected.put(SitePage.ROW, api.get(i).get(key).asString());
      for (String field : row.keySet()) {
        if (!field.equals(SitePage.ROW)) {
          JsonNode v = api.get(i).get(field);
          assertThat(v).as("API field %s", field).isNotNull();
          expected.put(field, OverviewFigures.number(v));
        }
      }
      assertThat(normalised(row)).as(row.get(SitePage.ROW)).isEqualTo(expected);
    }
  }

  private static List<Map<String, JsonNode>> rows(JsonNode report) {
    List<Map<String, JsonNode>> rows = new ArrayList<>();
    for (JsonNode r : report) {
      Map<String, JsonNode> row = new LinkedHashMap<>();
      r.properties().forEach(e -> row.put(e.getKey(), e.getValue()));
      rows.add(row);
    }
    return rows;
  }

  /** A row's numbers written as {@link OverviewFigures#number} writes them; text kept. */
  private static Map<String, String> normalised(Map<String, String> row) {
    Map<String, String> n = new LinkedHashMap<>();
    row.forEach(
        (field, value) ->
            n.put(
                field,
                field.equals(SitePage.ROW)
                    ? value
                    : value == null
                        ? OverviewFigures.NONE
                        : value.matches("-?\\d+(\\.\\d+)?")
                            ? OverviewFigures.number(value)
                            : value));
    return n;
  }
}
