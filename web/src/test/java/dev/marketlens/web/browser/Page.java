package dev.marketlens.web.browser;

import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A page of the signed-in site: the menu, the global filters, the charts and sign-out, and a
 * screenshot once it has loaded. A new page is a subclass that names itself, says which element
 * shows that it is there, and adds what is particular to it:
 *
 * <pre>{@code
 * final class MovementsPage extends Page {
 *   MovementsPage(Browser browser) { super(browser, "movements", By.id("chart-movements")); }
 * }
 * }</pre>
 */
public abstract class Page {
  protected final Browser browser;

  /**
   * Waits until {@code loaded} is on the page, and every chart on it is drawn, then takes the
   * screenshot.
   */
  protected Page(Browser browser, String name, By loaded) {
    this.browser = browser;
    browser.await(ExpectedConditions.presenceOfElementLocated(loaded));
    awaitCharts();
    browser.screenshot(name);
  }

  /** The address of the page without the site: path and query. */
  public String path() {
    return browser.path();
  }

  /** The page's heading. */
  public String heading() {
    return browser.find(By.tagName("h1")).getText();
  }

  // ---- the global filters ----

  /**
   * Chooses a value in one of the filter bar's selects by its visible text; {@code name} is the
   * parameter ({@code hosting}, {@code app}, {@code basis}, {@code account}).
   */
  public Page choose(String name, String visibleText) {
    new Select(filterBar().findElement(By.name(name))).selectByVisibleText(visibleText);
    return this;
  }

  /** Sets a month field of the filter bar ({@code from}, {@code to}) to YYYY-MM. */
  public Page month(String name, String yearMonth) {
    WebElement input = filterBar().findElement(By.name(name));
    browser.script("arguments[0].value = arguments[1];", input, yearMonth);
    return this;
  }

  /** The values a filter offers, as shown. */
  public List<String> choices(String name) {
    return new Select(filterBar().findElement(By.name(name)))
        .getOptions().stream().map(WebElement::getText).toList();
  }

  /** The value chosen in a filter, as shown. */
  public String chosen(String name) {
    return new Select(filterBar().findElement(By.name(name))).getFirstSelectedOption().getText();
  }

  /** Submits the filter bar and returns the page it loads. */
  public <P extends Page> P apply(Function<Browser, P> page) {
    WebElement before = browser.find(By.tagName("main"));
    filterBar().findElement(By.id("apply-filters")).click();
    browser.await(ExpectedConditions.stalenessOf(before));
    return page.apply(browser);
  }

  protected WebElement filterBar() {
    return browser.find(By.id("filters"));
  }

  // ---- navigation ----

  /** The link of a menu entry, by its text ({@code Movements}, {@code Customers}). */
  public String menuLink(String entry) {
    return browser
        .find(By.cssSelector("header.top nav.menu"))
        .findElement(By.linkText(entry))
        .getDomAttribute("href");
  }

  /** Follows a menu entry and returns the page it leads to. */
  public <P extends Page> P follow(String entry, Function<Browser, P> page) {
    WebElement before = browser.find(By.tagName("body"));
    browser.find(By.cssSelector("header.top nav.menu")).findElement(By.linkText(entry)).click();
    browser.await(ExpectedConditions.stalenessOf(before));
    return page.apply(browser);
  }

  /** Clicks a link of this page that loads another page, and returns that page. */
  public <P extends Page> P click(WebElement link, Function<Browser, P> page) {
    WebElement before = browser.find(By.tagName("main"));
    browser.script("arguments[0].scrollIntoView({block: 'center'});", link);
    link.click();
    browser.await(ExpectedConditions.stalenessOf(before));
    return page.apply(browser);
  }

  /** Signs out with the button in the header. */
  public LoginPage signOut() {
    browser.find(By.id("logout")).click();
    return new LoginPage(browser);
  }

  /** The user name and role shown in the header. */
  public String signedInAs() {
    return browser.find(By.cssSelector("header.top .who .user")).getText();
  }

  // ---- charts ----

  /** The charts on the page, by element id. */
  public List<WebElement> charts() {
    return browser.findAll(By.cssSelector(".chart[data-chart]"));
  }

  /** Whether a chart was drawn by ECharts: marked drawn, and an SVG inside. */
  public static boolean drawn(WebElement chart) {
    return "true".equals(chart.getDomAttribute("data-drawn"))
        && !chart.findElements(By.tagName("svg")).isEmpty();
  }

  /**
   * Waits until every chart on the page is drawn and has settled: ECharts animates its series in,
   * so the drawing is taken as final once two looks half a second apart find the same SVG.
   */
  protected void awaitCharts() {
    String[] last = {null};
    browser.await(
        d -> {
          for (WebElement chart : charts()) {
            if (!drawn(chart)) {
              return false;
            }
          }
          String now =
              String.valueOf(
                  browser.script(
                      "return Array.from(document.querySelectorAll('.chart[data-chart] svg'))"
                          + ".map(function (s) { return s.innerHTML; }).join('|');"));
          boolean settled = now.equals(last[0]);
          last[0] = now;
          return settled;
        });
  }

  /**
   * The texts of the page's charts (labels, axis values, legends) that stick out of their chart's
   * box and so are cut off, as {@code chart-id: text}; texts in a clipped group (a scrolling
   * legend) are left out.
   */
  @SuppressWarnings("unchecked")
  public List<String> cutOffChartTexts() {
    return (List<String>)
        browser.script(
            "var out = [];"
                + "document.querySelectorAll('.chart[data-chart]').forEach(function (chart) {"
                + "  var svg = chart.querySelector('svg'); if (!svg) { return; }"
                + "  var box = svg.getBoundingClientRect();"
                + "  svg.querySelectorAll('text').forEach(function (t) {"
                + "    if (t.closest('[clip-path]') || !t.textContent) { return; }"
                + "    var r = t.getBoundingClientRect();"
                + "    if (r.width === 0) { return; }"
                + "    if (r.left < box.left - 1 || r.right > box.right + 1"
                + "        || r.top < box.top - 1 || r.bottom > box.bottom + 1) {"
                + "      out.push(chart.id + ': ' + t.textContent);"
                + "    }"
                + "  });"
                + "});"
                + "return out;");
  }

  /** Takes another screenshot of the page as it is now (after scrolling, resizing). */
  public void screenshot(String label) {
    browser.screenshot(label);
  }
}
