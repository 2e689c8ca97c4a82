package dev.marketlens.web.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** {@code /login}: the sign-in form, and what it says after a failed attempt or a sign-out. */
public final class LoginPage {
  private final Browser browser;

  LoginPage(Browser browser) {
    this.browser = browser;
    browser.await(ExpectedConditions.presenceOfElementLocated(By.id("sign-in")));
    browser.screenshot("login");
  }

  /** Opens the login page. */
  public static LoginPage open(Browser browser) {
    browser.open("/login");
    return new LoginPage(browser);
  }

  /** Signs in; the overview opens. */
  public OverviewPage signIn(String username, String password) {
    submit(username, password);
    return new OverviewPage(browser);
  }

  /** Signs in with a wrong password; the login page opens again. */
  public LoginPage signInFailing(String username, String password) {
    submit(username, password);
    return new LoginPage(browser);
  }

  /** The error shown after a failed sign-in, or null. */
  public String error() {
    return browser.findAll(By.id("login-error")).stream()
        .map(WebElement::getText)
        .findFirst()
        .orElse(null);
  }

  /** The notice shown after signing out, or null. */
  public String notice() {
    return browser.findAll(By.cssSelector(".notice")).stream()
        .map(WebElement::getText)
        .findFirst()
        .orElse(null);
  }

  public String path() {
    return browser.path();
  }

  private void submit(String username, String password) {
    WebElement form = browser.find(By.tagName("form"));
    form.findElement(By.id("username")).sendKeys(username);
    form.findElement(By.id("password")).sendKeys(password);
    form.findElement(By.id("sign-in")).click();
    browser.await(ExpectedConditions.stalenessOf(form));
  }
}
