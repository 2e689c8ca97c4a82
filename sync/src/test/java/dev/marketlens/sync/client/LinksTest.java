package dev.marketlens.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketlens.model.id.DeveloperId;
import dev.marketlens.model.id.VendorId;
import java.net.URI;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("link hrefs resolved (spec §4.2, K27)")
class LinksTest {

  private static final String DEV = "0d3b2f4a-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
  private static final ApiAccount V2 = ApiAccount.v2(VendorId.of("1234"), "a@b.c", "t");
  private static final ApiAccount V3 = ApiAccount.v3(DeveloperId.of(DEV), "a@b.c", "t");

  @Test
  @DisplayName("an absolute URL is taken as it is")
  void absolute() {
    assertThat(Links.resolve(V2, "https://marketplace.atlassian.com/rest/2/x?offset=50"))
        .isEqualTo(URI.create("https://marketplace.atlassian.com/rest/2/x?offset=50"));
  }

  @Test
  @DisplayName("v2 /rest/… goes on the host")
  void v2Rest() {
    assertThat(Links.resolve(V2, "/rest/2/vendors/1234/reporting/licenses?offset=10&limit=10"))
        .isEqualTo(
            URI.create(
                "https://marketplace.atlassian.com/rest/2/vendors/1234/reporting/licenses?offset=10&limit=10"));
  }

  @Test
  @DisplayName("v3 /rest/3/… keeps the base's /marketplace")
  void v3Rest() {
    assertThat(Links.resolve(V3, "/rest/3/reporting/developer-space/" + DEV + "/licenses"))
        .isEqualTo(
            URI.create(
                "https://api.atlassian.com/marketplace/rest/3/reporting/developer-space/"
                    + DEV
                    + "/licenses"));
  }

  @Test
  @DisplayName("v3 bare /reporting/… (as the live API writes it) gets /rest/3 in front")
  void v3Bare() {
    assertThat(Links.resolve(V3, "/reporting/developer-space/" + DEV + "/licenses?offset=50"))
        .isEqualTo(
            URI.create(
                "https://api.atlassian.com/marketplace/rest/3/reporting/developer-space/"
                    + DEV
                    + "/licenses?offset=50"));
  }

  @Test
  @DisplayName("an href that is no URL is an ApiException naming it")
  void notAUrl() {
    assertThatThrownBy(() -> Links.resolve(V2, "/rest/2/x?q={bad href}"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.reason()).isEqualTo(ApiException.Reason.DAMAGED_BODY))
        .hasMessageContaining("{bad href}")
        .hasMessageContaining("not a URL");
  }
}
