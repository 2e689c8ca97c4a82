package dev.marketlens.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCipherTest {
  private static final byte[] KEY =
      "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  @Test
  @DisplayName("a token sealed for an account opens for that account only")
  void round_trip_bound_to_the_account() {
    TokenCipher cipher = TokenCipher.of(KEY);
    TokenCipher.Sealed sealed = cipher.seal("Acme", "secret-token-42");

    assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1))
        .doesNotContain("secret-token-42");
    assertThat(cipher.open("Acme", sealed)).isEqualTo("secret-token-42");
    assertThatThrownBy(() -> cipher.open("Other", sealed))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("cannot decrypt the API token of account Other")
        .hasMessageNotContaining("secret-token-42");
  }

  @Test
  @DisplayName("each seal uses a fresh nonce: the same token never encrypts the same way twice")
  void fresh_nonce_each_time() {
    TokenCipher cipher = TokenCipher.of(KEY);
    assertThat(cipher.seal("Acme", "t")).isNotEqualTo(cipher.seal("Acme", "t"));
  }

  @Test
  @DisplayName("another key cannot open the token, and says the key changed")
  void another_key_fails_clearly() {
    TokenCipher.Sealed sealed = TokenCipher.of(KEY).seal("Acme", "t");
    byte[] other = KEY.clone();
    other[0] ^= 1;
    assertThatThrownBy(() -> TokenCipher.of(other).open("Acme", sealed))
        .hasMessageContaining("the secret key is not the one it was stored with");
  }

  @Test
  @DisplayName("the home's key file is created once, readable by its owner only, and reused")
  void key_file_is_private_and_reused(@TempDir Path home) throws Exception {
    TokenCipher first = TokenCipher.forHome(home, null);
    TokenCipher.Sealed sealed = first.seal("Acme", "t");
    Path file = home.resolve("secret.key");

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(TokenCipher.forHome(home, null).open("Acme", sealed)).isEqualTo("t");
  }

  @Test
  @DisplayName("MARKETLENS_SECRET_KEY overrides the key file; a bad value is named")
  void environment_key(@TempDir Path home) {
    String key = Base64.getEncoder().encodeToString(KEY);
    TokenCipher.Sealed sealed = TokenCipher.forHome(home, key).seal("Acme", "t");

    assertThat(TokenCipher.of(KEY).open("Acme", sealed)).isEqualTo("t");
    assertThat(home.resolve("secret.key")).doesNotExist();
    assertThatThrownBy(() -> TokenCipher.forHome(home, "not base64!"))
        .hasMessageStartingWith("MARKETLENS_SECRET_KEY is not Base64");
    assertThatThrownBy(() -> TokenCipher.forHome(home, "c2hvcnQ="))
        .hasMessage("the secret key must be 32 bytes (Base64 of 32 random bytes), got 5");
  }
}
