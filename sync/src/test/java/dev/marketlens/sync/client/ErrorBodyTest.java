package dev.marketlens.sync.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("error bodies of any shape (spec §5.2)")
class ErrorBodyTest {

  private static String message(String body) throws IOException {
    return ErrorBody.message(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  @DisplayName("JsonErrorsDoc: every errors[].message, joined")
  void jsonErrorsDoc() throws IOException {
    assertThat(
            message(
                "{\"errors\":[{\"message\":\"startDate: Must be a date\",\"path\":\"startDate\"},"
                    + "{\"message\":\"tier: Must be a list of valid integer\"}]}"))
        .isEqualTo("startDate: Must be a date; tier: Must be a list of valid integer");
  }

  @Test
  @DisplayName("{message} and {error} objects")
  void messageOrError() throws IOException {
    assertThat(message("{\"message\":\"Rate limited\"}")).isEqualTo("Rate limited");
    assertThat(message("{\"error\":\"Forbidden\"}")).isEqualTo("Forbidden");
    assertThat(message("{\"error\":{\"message\":\"nope\",\"code\":1}}")).isEqualTo("nope");
  }

  @Test
  @DisplayName("a gateway's HTML page becomes its text; plain text stays; empty is null")
  void htmlAndText() throws IOException {
    assertThat(message("<html><body><h1>502 Bad Gateway</h1></body></html>"))
        .isEqualTo("502 Bad Gateway");
    assertThat(message("upstream timed out\n")).isEqualTo("upstream timed out");
    assertThat(message("")).isNull();
  }

  @Test
  @DisplayName("a long body is cut to 300 characters")
  void shortened() throws IOException {
    assertThat(message("x".repeat(5_000))).hasSize(301).endsWith("…");
  }
}
