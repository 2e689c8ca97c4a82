package dev.marketlens.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketlens.model.id.DeveloperId;
import dev.marketlens.model.id.VendorId;
import java.net.URI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ApiAccount (spec §1, §3)")
class ApiAccountTest {

  private static final String TOKEN = "ATATT3xFfGF0-very-secret";
  private static final String DEV = "0d3b2f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b";

  @Test
  @DisplayName(
      "the live base URLs by default: v2 marketplace.atlassian.com, v3 api.atlassian.com/marketplace")
  void defaults() {
    assertThat(ApiAccount.v2(VendorId.of("1212980"), "me@example.com", TOKEN).baseUrl())
        .isEqualTo(URI.create("https://marketplace.atlassian.com"));
    assertThat(ApiAccount.v3(DeveloperId.of(DEV), "me@example.com", TOKEN).baseUrl())
        .isEqualTo(URI.create("https://api.atlassian.com/marketplace"));
  }

  @Test
  @DisplayName("the reporting path is the vendor's (v2) or the developer space's (v3)")
  void reportingPath() {
    assertThat(ApiAccount.v2(VendorId.of("1212980"), "me@example.com", TOKEN).reportingPath())
        .isEqualTo("/rest/2/vendors/1212980/reporting");
    assertThat(ApiAccount.v3(DeveloperId.of(DEV), "me@example.com", TOKEN).reportingPath())
        .isEqualTo("/rest/3/reporting/developer-space/" + DEV);
  }

  @Test
  @DisplayName("toString names version, base, vendor and email, never the token")
  void toStringHidesToken() {
    ApiAccount a = ApiAccount.v2(VendorId.of("1212980"), "me@example.com", TOKEN);
    assertThat(a.toString())
        .contains("V2", "marketplace.atlassian.com", "vendor 1212980", "me@example.com", "****")
        .doesNotContain(TOKEN);
  }

  @Test
  @DisplayName("HTTP Basic of email and token (spec §3)")
  void basic() {
    ApiAccount a = ApiAccount.v2(VendorId.of("1"), "me@example.com", "tok");
    assertThat(a.authorization()).isEqualTo("Basic bWVAZXhhbXBsZS5jb206dG9r");
  }

  @Test
  @DisplayName("a trailing slash of the base URL is dropped; credentials in it are refused")
  void baseUrl() {
    ApiAccount a =
        ApiAccount.v3(DeveloperId.of(DEV), "me@example.com", TOKEN)
            .withBaseUrl(URI.create("http://127.0.0.1:8081/marketplace/"));
    assertThat(a.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8081/marketplace"));
    assertThatThrownBy(
            () -> a.withBaseUrl(URI.create("https://me:" + TOKEN + "@marketplace.atlassian.com")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must not carry credentials")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
  }

  @Test
  @DisplayName("what is missing is named: vendor id for v2, developer id for v3, email, token")
  void missing() {
    assertThatThrownBy(() -> new ApiAccount(null, ApiVersion.V2, null, null, "a@b.c", TOKEN))
        .hasMessageContaining("vendor id");
    assertThatThrownBy(() -> new ApiAccount(null, ApiVersion.V3, null, null, "a@b.c", TOKEN))
        .hasMessageContaining("developer id");
    assertThatThrownBy(() -> ApiAccount.v2(VendorId.of("1"), " ", TOKEN))
        .hasMessageContaining("email");
    assertThatThrownBy(() -> ApiAccount.v2(VendorId.of("1"), "a@b.c", ""))
        .hasMessageContaining("API token");
  }
}
