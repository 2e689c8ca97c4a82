package dev.marketlens.web.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.web.TestSite;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Signing in and out in a browser")
class SignInIT extends BrowserFixture {

  @Test
  @DisplayName("the admin signs in with the form and the overview opens, naming them")
  void signIn() {
    browser.forgetSession();
    OverviewPage overview = LoginPage.open(browser).signIn("admin", TestSite.password("admin"));

    assertThat(overview.path()).isEqualTo("/");
    assertThat(overview.heading()).startsWith("Overview");
    assertThat(overview.signedInAs()).isEqualTo("admin · admin");
  }

  @Test
  @DisplayName("a wrong password shows the error, and pages still lead to the login form")
  void wrongPassword() {
    browser.forgetSession();
    LoginPage login = LoginPage.open(browser).signInFailing("analyst", "not-the-password");

    assertThat(login.path()).isEqualTo("/login?error");
    assertThat(login.error()).isEqualTo("Wrong user name or password.");

    browser.open("/");
    assertThat(new LoginPage(browser).path()).isEqualTo("/login");
  }

  @Test
  @DisplayName("a page asked for before signing in opens after it")
  void savedRequest() {
    browser.forgetSession();
    browser.open("/?hosting=Cloud");
    LoginPage login = new LoginPage(browser);
    assertThat(login.path()).isEqualTo("/login");

    OverviewPage overview = login.signIn("analyst", TestSite.password("analyst"));

    assertThat(overview.path()).startsWith("/?").contains("hosting=Cloud");
    assertThat(overview.chosen("hosting")).isEqualTo("Cloud");
  }

  @Test
  @DisplayName("signing out says so, and a page then redirects to the login form")
  void signOut() {
    OverviewPage overview = signIn("admin");

    LoginPage login = overview.signOut();

    assertThat(login.path()).isEqualTo("/login?logout");
    assertThat(login.notice()).isEqualTo("You are signed out.");
    browser.open("/");
    assertThat(new LoginPage(browser).path()).isEqualTo("/login");
  }
}
