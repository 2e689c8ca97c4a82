package dev.marketlens.web.browser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** {@code /}: the tiles (each number in {@code data-value}, each a link) and the two charts. */
public final class OverviewPage extends Page {
  /** The tiles, by the id they have on the page. */
  public static final List<String> TILES =
      List.of(
          "tile-mrr",
          "tile-arr",
          "tile-customers",
          "tile-arpc",
          "tile-churn",
          "tile-nrr",
          "tile-conversion",
          "tile-refunds");

  OverviewPage(Browser browser) {
    super(browser, "overview", By.id("tile-mrr"));
  }

  /** Opens the overview with a query string ({@code ""} or {@code "?hosting=Cloud"}). */
  public static OverviewPage open(Browser browser, String query) {
    browser.open("/" + query);
    return new OverviewPage(browser);
  }

  /** Each tile's number as the page holds it ({@code data-value}), null where it has none. */
  public Map<String, String> values() {
    Map<String, String> values = new LinkedHashMap<>();
    for (String id : TILES) {
      values.put(id, tile(id).getDomAttribute("data-value"));
    }
    return values;
  }

  /** A tile's text as a person reads it. */
  public String text(String id) {
    return tile(id).getText();
  }

  /** Where a tile links to (path and query). */
  public String link(String id) {
    return tile(id).getDomAttribute("href");
  }

  public WebElement tile(String id) {
    return browser.find(By.id(id));
  }

  /** The data a chart was drawn from ({@code data-series}), as JSON text. */
  public String series(String chartId) {
    return browser.find(By.id(chartId)).getDomAttribute("data-series");
  }

  /** The month the overview is about, from its heading. */
  public String month() {
    return browser.find(By.cssSelector("h1 .muted")).getText();
  }
}
