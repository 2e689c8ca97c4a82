package dev.marketlens.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

@DisplayName("/payouts in a browser")
class PayoutsBrowserIT extends BrowserFixture {

  @Test
  @DisplayName(
      "the payouts calendar opens with its chart drawn, no script refused, on desktop and phone")
  void calendar() {
    signIn("admin");
    browser.console();
    SitePage page = SitePage.open(browser, "/payouts", "payouts", By.id("table-payouts"));
    assertThat(page.heading()).startsWith("Payouts");
    assertThat(page.charts()).hasSize(1).allMatch(Page::drawn);
    assertThat(page.cutOffChartTexts()).isEmpty();
    assertThat(browser.console())
        .noneMatch(
            m ->
                m.contains("Content Security Policy")
                    || m.contains("Refused to")
                    || m.contains("Uncaught"));
    browser.script("document.getElementById('table-forecast').scrollIntoView();");
    browser.screenshot("payouts-tables");
    browser.resize(Browser.PHONE);
    SitePage phone = SitePage.open(browser, "/payouts", "payouts-phone", By.id("table-payouts"));
    long viewport = (Long) browser.script("return document.documentElement.clientWidth;");
    long content = (Long) browser.script("return document.documentElement.scrollWidth;");
    assertThat(content).isLessThanOrEqualTo(viewport);
    assertThat(phone.cutOffChartTexts()).isEmpty();
  }
}
