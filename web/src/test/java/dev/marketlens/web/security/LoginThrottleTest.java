package dev.marketlens.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Login throttling")
class LoginThrottleTest {

  /** A clock the test moves. */
  private static final class Hand extends Clock {
    Instant now = Instant.parse("2026-11-26T08:00:00Z");

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final Hand clock = new Hand();
  private final LoginThrottle throttle = new LoginThrottle(clock);

  private void fail(String user, String address, int times) {
    for (int i = 0; i < times; i++) {
      throttle.failed(user, address);
    }
  }

  @Test
  @DisplayName(
      "four failed sign-ins for a user name cost nothing; the fifth makes the next wait 30 s")
  void fifthFailureWaits() {
    fail("alice", "10.0.0.1", 4);
    assertThat(throttle.wait("alice", "10.0.0.1")).isZero();
    fail("alice", "10.0.0.1", 1);
    assertThat(throttle.wait("alice", "10.0.0.2")).isEqualTo(Duration.ofSeconds(30));
    assertThat(throttle.wait("ALICE ", "10.0.0.3"))
        .as("user names compare without case and spaces")
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(throttle.wait("bob", "10.0.0.1")).as("other users from that address").isZero();
  }

  @Test
  @DisplayName("each further failure doubles the wait, up to 15 minutes")
  void doublesUpToFifteenMinutes() {
    fail("alice", "10.0.0.1", 6);
    assertThat(throttle.wait("alice", "10.0.0.1")).isEqualTo(Duration.ofSeconds(60));
    fail("alice", "10.0.0.1", 20);
    assertThat(throttle.wait("alice", "10.0.0.1")).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  @DisplayName("the wait runs out with time")
  void waitRunsOut() {
    fail("alice", "10.0.0.1", 5);
    clock.now = clock.now.plusSeconds(20);
    assertThat(throttle.wait("alice", "10.0.0.1")).isEqualTo(Duration.ofSeconds(10));
    clock.now = clock.now.plusSeconds(10);
    assertThat(throttle.wait("alice", "10.0.0.1")).isZero();
  }

  @Test
  @DisplayName("twenty failures from one address, across user names, throttle that address")
  void addressAcrossNames() {
    for (int i = 0; i < 19; i++) {
      throttle.failed("user" + i, "10.0.0.9");
    }
    assertThat(throttle.wait("someone", "10.0.0.9")).isZero();
    throttle.failed("user19", "10.0.0.9");
    assertThat(throttle.wait("someone", "10.0.0.9")).isEqualTo(Duration.ofSeconds(30));
    assertThat(throttle.wait("someone", "10.0.0.10")).isZero();
  }

  @Test
  @DisplayName("a successful sign-in clears the user name's failures")
  void successClears() {
    fail("alice", "10.0.0.1", 4);
    throttle.succeeded("alice");
    fail("alice", "10.0.0.1", 4);
    assertThat(throttle.wait("alice", "10.0.0.1")).isZero();
  }

  @Test
  @DisplayName("failures older than an hour are forgotten")
  void forgetsAfterAnHour() {
    fail("alice", "10.0.0.1", 4);
    clock.now = clock.now.plus(Duration.ofHours(2));
    fail("alice", "10.0.0.1", 1);
    assertThat(throttle.wait("alice", "10.0.0.1")).isZero();
  }
}
