package dev.marketlens.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The API documentation in a browser")
class ApiDocsIT extends BrowserFixture {

  @Test
  @DisplayName(
      "Swagger UI at /api/v1/docs lists the reports API under the site's CSP, no violation")
  void swaggerUi() {
    signIn("admin");
    browser.script("console.warn('console-probe');");
    assertThat(browser.console())
        .as("the console is read")
        .anyMatch(m -> m.contains("console-probe"));

    ApiDocsPage docs = ApiDocsPage.open(browser);
    List<String> console = browser.console();

    assertThat(console)
        .as("console of %s", docs.path())
        .noneMatch(m -> m.contains("Content Security Policy") || m.contains("Refused to"));
    assertThat(docs.errors()).isEmpty();
    assertThat(docs.operations()).contains("/api/v1/reports/{kind}");
  }
}
