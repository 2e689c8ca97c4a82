package dev.marketlens.emulator.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("§3: HTTP Basic with an account email and API token")
class CredentialsTest {

  private static String basic(String user, String token) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + token).getBytes(StandardCharsets.UTF_8));
  }

  private final Credentials credentials =
      new Credentials(
          List.of(
              new ApiUser("a@example.com", "secret:with:colons", Set.of(1L)),
              new ApiUser("a@example.com", "secret:with:colons", Set.of(2L)),
              new ApiUser("b@example.com", "other", Set.of(3L))));

  @Test
  @DisplayName(
      "the right email and token authenticate; the account is a member of every vendor configured for it")
  void authenticates() {
    Credentials.Account a = credentials.authenticate(basic("a@example.com", "secret:with:colons"));
    assertThat(a).isNotNull();
    assertThat(a.vendorIds()).containsExactlyInAnyOrder(1L, 2L);
  }

  @Test
  @DisplayName(
      "a missing header, another scheme, bad base64, a wrong token or an unknown email → no account")
  void refuses() {
    assertThat(credentials.authenticate(null)).isNull();
    assertThat(credentials.authenticate("Bearer x")).isNull();
    assertThat(credentials.authenticate("Basic %%%")).isNull();
    assertThat(credentials.authenticate(basic("a@example.com", "wrong"))).isNull();
    assertThat(credentials.authenticate(basic("nobody@example.com", "other"))).isNull();
  }

  @Test
  @DisplayName("the admin bearer token must match exactly")
  void bearer() {
    assertThat(Credentials.bearerMatches("Bearer adm", "adm")).isTrue();
    assertThat(Credentials.bearerMatches("Bearer adm2", "adm")).isFalse();
    assertThat(Credentials.bearerMatches("Basic adm", "adm")).isFalse();
    assertThat(Credentials.bearerMatches(null, "adm")).isFalse();
  }

  @Test
  @DisplayName(
      "--user VENDOR:EMAIL:TOKEN is parsed; malformed values are refused without echoing the token")
  void parsesUsers() {
    ApiUser u = ApiUser.parse("1212980:me@example.com:tok:en");
    assertThat(u.email()).isEqualTo("me@example.com");
    assertThat(u.token()).isEqualTo("tok:en");
    assertThat(u.vendorIds()).containsExactly(1212980L);
    assertThatThrownBy(() -> ApiUser.parse("abc:me@example.com:tok")).hasMessageContaining("'abc'");
    assertThatThrownBy(() -> ApiUser.parse("1:me@example.com"))
        .hasMessageContaining("VENDOR:EMAIL:TOKEN");
    assertThat(u.toString()).doesNotContain("tok:en");
    assertThatThrownBy(
            () ->
                new Credentials(
                    List.of(
                        new ApiUser("a@x", "one", Set.of(1L)),
                        new ApiUser("a@x", "two", Set.of(2L)))))
        .hasMessageContaining("different API tokens");
  }
}
