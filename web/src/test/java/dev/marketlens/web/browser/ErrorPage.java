package dev.marketlens.web.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The page a refused request shows: the status as heading and what was wrong. */
public final class ErrorPage {
  private final Browser browser;

  ErrorPage(Browser browser) {
    this.browser = browser;
    browser.await(ExpectedConditions.presenceOfElementLocated(By.id("error-message")));
    browser.screenshot("error");
  }

  /** Opens a path that is expected to be refused. */
  public static ErrorPage open(Browser browser, String path) {
    browser.open(path);
    return new ErrorPage(browser);
  }

  public String heading() {
    return browser.find(By.tagName("h1")).getText();
  }

  public String message() {
    return browser.find(By.id("error-message")).getText();
  }

  public String title() {
    return browser.driver().getTitle();
  }
}
