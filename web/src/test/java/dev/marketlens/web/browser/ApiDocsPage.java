package dev.marketlens.web.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * {@code /api/v1/docs}: springdoc's Swagger UI over {@code /api/v1/openapi.json}. Loaded once its
 * script has drawn the operations (the {@code .opblock} sections) or an error.
 */
public final class ApiDocsPage {
  private final Browser browser;

  ApiDocsPage(Browser browser) {
    this.browser = browser;
    browser.await(
        ExpectedConditions.or(
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".swagger-ui .opblock .opblock-summary-path")),
            ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(".swagger-ui .errors-wrapper"))));
    browser.screenshot("api-docs");
  }

  /** Opens the API documentation; gives up after the wait if Swagger UI never draws. */
  public static ApiDocsPage open(Browser browser) {
    browser.open("/api/v1/docs");
    return new ApiDocsPage(browser);
  }

  /** The paths of the operations listed, such as {@code /api/v1/reports/{kind}}. */
  public List<String> operations() {
    return browser.findAll(By.cssSelector(".opblock .opblock-summary-path")).stream()
        .map(WebElement::getText)
        .map(s -> s.replace("\u200b", ""))
        .toList();
  }

  /** The documented API's title. */
  public String title() {
    return browser.find(By.cssSelector(".swagger-ui .info .title")).getText();
  }

  /** Errors Swagger UI shows (for example a spec it could not fetch), empty when none. */
  public List<String> errors() {
    return browser.findAll(By.cssSelector(".swagger-ui .errors-wrapper")).stream()
        .map(WebElement::getText)
        .toList();
  }

  public String path() {
    return browser.path();
  }
}
