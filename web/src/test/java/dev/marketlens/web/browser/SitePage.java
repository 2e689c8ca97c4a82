package dev.marketlens.web.browser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Any page of the signed-in site, known by a name (for its screenshot) and the element that shows
 * it has loaded; with what every page's tables share: rows keyed by {@code data-month} and {@code
 * data-segment}, each {@code data-field} cell's raw value in {@code data-value} (none: null).
 */
public class SitePage extends Page {
  /** The key of a row in {@link #rows(String)}: its {@code data-month} ({@code data-segment}). */
  public static final String ROW = "row";

  SitePage(Browser browser, String name, By loaded) {
    super(browser, name, loaded);
  }

  /** Opens a path and waits for its element. */
  public static SitePage open(Browser browser, String path, String name, By loaded) {
    browser.open(path);
    return new SitePage(browser, name, loaded);
  }

  /** The page object of a page known by its name and the element that shows it has loaded. */
  public static Function<Browser, SitePage> as(String name, By loaded) {
    return b -> new SitePage(b, name, loaded);
  }

  /** The page's main element. */
  public WebElement main() {
    return browser.find(By.tagName("main"));
  }

  /** The raw value ({@code data-value}) of the element with this id, null when it has none. */
  public String value(String id) {
    return browser.find(By.id(id)).getDomAttribute("data-value");
  }

  /**
   * The body rows of a table: under {@link #ROW} the row's {@code data-month}, followed by {@code
   * |segment} when it has one, then each {@code data-field} cell's {@code data-value} (null when
   * the cell has none), in the table's order.
   */
  public List<Map<String, String>> rows(String tableId) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> read =
        (List<Map<String, Object>>)
            browser.script(
                "return Array.from(document.querySelectorAll('#' + arguments[0] + ' tbody tr'))"
                    + ".map(function (tr) {"
                    + "  var row = {cells: []};"
                    + "  row.month = tr.getAttribute('data-month');"
                    + "  row.segment = tr.getAttribute('data-segment');"
                    + "  tr.querySelectorAll('[data-field]').forEach(function (td) {"
                    + "    row.cells.push([td.getAttribute('data-field'),"
                    + "      td.getAttribute('data-value')]); });"
                    + "  return row; });",
                tableId);
    List<Map<String, String>> rows = new ArrayList<>();
    for (Map<String, Object> r : read) {
      Map<String, String> row = new LinkedHashMap<>();
      String segment = (String) r.get("segment");
      row.put(ROW, r.get("month") + (segment == null || segment.isEmpty() ? "" : "|" + segment));
      @SuppressWarnings("unchecked")
      List<List<String>> cells = (List<List<String>>) r.get("cells");
      for (List<String> cell : cells) {
        row.put(cell.get(0), cell.get(1));
      }
      rows.add(row);
    }
    return rows;
  }

  /** The data a chart was drawn from ({@code data-series}), as JSON text. */
  public String series(String chartId) {
    return browser.find(By.id(chartId)).getDomAttribute("data-series");
  }
}
