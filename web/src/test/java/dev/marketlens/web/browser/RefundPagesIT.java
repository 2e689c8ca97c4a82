package dev.marketlens.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

@DisplayName("The refunds and license checks pages in a browser")
class RefundPagesIT extends BrowserFixture {

  private static final String REFUNDS = "/payouts/refunds?account=alpha&from=2018-01&to=2026-10";
  private static final String CHECKS = "/payouts/license-checks";

  @Test
  @DisplayName("both pages open with their chart drawn, no text cut off, no script refused")
  void drawn() {
    signIn("admin");
    browser.console();
    SitePage refunds = SitePage.open(browser, REFUNDS, "refunds", By.id("table-refunds"));
    SitePage checks =
        SitePage.open(browser, CHECKS, "license-checks", By.id("chart-license-checks"));
    for (SitePage page : new SitePage[] {refunds, checks}) {
      assertThat(page.charts()).isNotEmpty().allMatch(Page::drawn);
      assertThat(page.cutOffChartTexts()).isEmpty();
    }
    assertThat(browser.console())
        .noneMatch(
            m ->
                m.contains("Content Security Policy")
                    || m.contains("Refused to")
                    || m.contains("Uncaught"));
  }

  @Test
  @DisplayName("at phone width (390 px) neither page scrolls sideways")
  void phoneWidth() {
    signIn("admin");
    browser.resize(Browser.PHONE);
    for (String path : new String[] {REFUNDS, CHECKS}) {
      SitePage.open(browser, path, "phone", By.tagName("main"));
      long viewport = (Long) browser.script("return document.documentElement.clientWidth;");
      long content = (Long) browser.script("return document.documentElement.scrollWidth;");
      assertThat(content).as(path).isLessThanOrEqualTo(viewport);
    }
  }
}
