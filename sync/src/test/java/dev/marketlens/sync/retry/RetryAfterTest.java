package dev.marketlens.sync.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Retry-After (RFC 9110 §10.2.3)")
class RetryAfterTest {

  private static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");

  @Test
  @DisplayName("delay-seconds")
  void seconds() {
    assertThat(RetryAfter.parse("120", NOW)).contains(Duration.ofSeconds(120));
    assertThat(RetryAfter.parse(" 0 ", NOW)).contains(Duration.ZERO);
  }

  @Test
  @DisplayName("HTTP-date, measured from now")
  void date() {
    assertThat(RetryAfter.parse("Thu, 26 Nov 2026 01:02:00 GMT", NOW))
        .contains(Duration.ofMinutes(2));
  }

  @Test
  @DisplayName("absent, negative or garbage: no advice")
  void noAdvice() {
    assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    assertThat(RetryAfter.parse("", NOW)).isEmpty();
    assertThat(RetryAfter.parse("-5", NOW)).isEmpty();
    assertThat(RetryAfter.parse("1.5", NOW)).isEmpty();
    assertThat(RetryAfter.parse("tomorrow", NOW)).isEmpty();
  }
}
