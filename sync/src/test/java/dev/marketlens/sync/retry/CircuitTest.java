package dev.marketlens.sync.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Circuit")
class CircuitTest {

  @Test
  @DisplayName("opens after N consecutive failures, not before")
  void opensAfterThreshold() {
    Circuit c = new Circuit(3);
    assertThat(c.recordFailure("GET /a: HTTP 503")).isFalse();
    assertThat(c.recordFailure("GET /a: HTTP 503")).isFalse();
    assertThat(c.isOpen()).isFalse();
    assertThat(c.message()).isNull();
    assertThat(c.recordFailure("GET /b: HTTP 500")).isTrue();
    assertThat(c.isOpen()).isTrue();
  }

  @Test
  @DisplayName("a success in between starts the count again")
  void successResets() {
    Circuit c = new Circuit(3);
    c.recordFailure("x");
    c.recordFailure("x");
    c.recordSuccess();
    assertThat(c.consecutiveFailures()).isZero();
    c.recordFailure("x");
    c.recordFailure("x");
    assertThat(c.isOpen()).isFalse();
  }

  @Test
  @DisplayName("once open it stays open, whatever follows")
  void staysOpen() {
    Circuit c = new Circuit(1);
    c.recordFailure("GET /a: HTTP 502");
    c.recordSuccess();
    assertThat(c.isOpen()).isTrue();
  }

  @Test
  @DisplayName("the message says how many failures, the last one, and what to do")
  void clearMessage() {
    Circuit c = new Circuit(2);
    c.recordFailure("GET /rest/2/x: HTTP 500");
    c.recordFailure("GET /rest/2/y: HTTP 503");
    assertThat(c.message())
        .contains("stopped after 2 consecutive failed requests")
        .contains("GET /rest/2/y: HTTP 503")
        .contains("Try again later");
  }

  @Test
  @DisplayName("a threshold below 1 is refused")
  void refusesZero() {
    assertThatThrownBy(() -> new Circuit(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
