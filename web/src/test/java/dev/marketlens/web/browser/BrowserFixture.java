package dev.marketlens.web.browser;

import dev.marketlens.web.TestSite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What every browser test class shares: the JVM's one {@link TestSite} and one {@link Browser} for
 * the class, started before its first test and closed after its last; each test starts with a
 * desktop window and names its screenshots. A test of a new page signs in, goes there and checks
 * it, for example in a class {@code MovementsIT extends BrowserFixture}:
 *
 * <pre>{@code
 * void drawn() {
 *   MovementsPage movements = signIn("admin").follow("Movements", MovementsPage::new);
 *   assertThat(movements.charts()).allMatch(Page::drawn);
 * }
 * }</pre>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserFixture {
  protected final TestSite site = TestSite.get();
  protected Browser browser;

  @BeforeAll
  void startBrowser() {
    browser = Browser.start(site.baseUrl());
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  /** On a failure, the page as it was: a screenshot and its HTML, named after the test. */
  @RegisterExtension
  final AfterTestExecutionCallback onFailure =
      context -> {
        if (context.getExecutionException().isPresent() && browser != null) {
          browser.screenshot("failed");
          browser.saveSource("failed");
        }
      };

  @BeforeEach
  void nameScreenshots(TestInfo test) {
    browser.startTest(
        getClass().getSimpleName()
            + "-"
            + test.getTestMethod().map(java.lang.reflect.Method::getName).orElse("test"));
  }

  /** Signs in through the login form as one of {@link TestSite}'s users; the overview opens. */
  protected OverviewPage signIn(String username) {
    browser.forgetSession();
    return LoginPage.open(browser).signIn(username, TestSite.password(username));
  }
}
