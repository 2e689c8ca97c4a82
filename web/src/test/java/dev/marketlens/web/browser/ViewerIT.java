package dev.marketlens.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

@DisplayName("A viewer in a browser")
class ViewerIT extends BrowserFixture {

  @Test
  @DisplayName("on /data a viewer sees their account's data, but no Sync now and no upload form")
  void dataWithoutButtons() {
    SitePage data =
        signIn("viewer").follow("Data", SitePage.as("data-viewer", By.id("account-alpha")));

    assertThat(data.heading()).isEqualTo("Data");
    assertThat(browser.findAll(By.id("account-beta"))).as("beta's data").isEmpty();
    assertThat(browser.findAll(By.cssSelector("form[action='/data/sync'], button[id^='sync-']")))
        .as("Sync now")
        .isEmpty();
    assertThat(
            browser.findAll(
                By.cssSelector(
                    "#import-form, form[action='/data/import'], input[type='file'], section.upload")))
        .as("upload")
        .isEmpty();
    assertThat(browser.find(By.tagName("main")).getText())
        .doesNotContain("Sync now", "Import files");
  }

  @Test
  @DisplayName("a viewer asking for /admin gets the error page, status 403 or 404, not the page")
  void noAdministration() {
    signIn("viewer");

    ErrorPage error = ErrorPage.open(browser, "/admin");

    assertThat(error.heading()).matches("(403|404) .*");
    assertThat(browser.findAll(By.id("users"))).isEmpty();
    assertThat(browser.findAll(By.id("vendor-accounts"))).isEmpty();
  }
}
