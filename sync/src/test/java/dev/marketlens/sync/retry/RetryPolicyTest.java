package dev.marketlens.sync.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("RetryPolicy (spec §5.3)")
class RetryPolicyTest {

  private static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");

  private static RetryPolicy policy(RandomGenerator random) {
    return new RetryPolicy(
        Duration.ofSeconds(1), Duration.ofSeconds(10), 5, Duration.ofMinutes(2), random);
  }

  private static RetryPolicy policy() {
    return policy(new SplittableRandom(42));
  }

  @ParameterizedTest(name = "HTTP {0} is retried")
  @ValueSource(ints = {408, 429, 500, 502, 503, 504})
  @DisplayName("transient statuses are retried: 408, 429, 500, 502, 503, 504")
  void transientStatusesAreRetried(int status) {
    assertThat(policy().decide(1, Failure.status(status, null), NOW))
        .isInstanceOf(Decision.Retry.class);
  }

  @ParameterizedTest(name = "HTTP {0} is never retried")
  @ValueSource(ints = {400, 401, 403, 404, 405, 409, 422, 501})
  @DisplayName("errors of the request or the account are never retried: 400, 401, 403, 404, …")
  void clientErrorsAreNeverRetried(int status) {
    Decision d = policy().decide(1, Failure.status(status, "1"), NOW);
    assertThat(d).isInstanceOf(Decision.GiveUp.class);
    assertThat(d.reason()).contains("HTTP " + status).contains("not retried");
  }

  @Test
  @DisplayName("resets, timeouts and damaged bodies are retried")
  void networkFailuresAreRetried() {
    RetryPolicy p = policy();
    assertThat(p.decide(1, Failure.connection(), NOW)).isInstanceOf(Decision.Retry.class);
    assertThat(p.decide(1, Failure.timeout(), NOW)).isInstanceOf(Decision.Retry.class);
    assertThat(p.decide(1, Failure.damagedBody(), NOW)).isInstanceOf(Decision.Retry.class);
  }

  @Test
  @DisplayName("gives up after max attempts, the first one included")
  void givesUpAfterMaxAttempts() {
    RetryPolicy p = policy();
    for (int attempt = 1; attempt < 5; attempt++) {
      assertThat(p.decide(attempt, Failure.status(503, null), NOW))
          .isInstanceOf(Decision.Retry.class);
    }
    Decision last = p.decide(5, Failure.status(503, null), NOW);
    assertThat(last).isInstanceOf(Decision.GiveUp.class);
    assertThat(last.reason()).isEqualTo("gave up after 5 attempts");
  }

  @Test
  @DisplayName("Retry-After in seconds is honoured exactly, without jitter")
  void retryAfterSeconds() {
    Decision d = policy().decide(1, Failure.status(429, "7"), NOW);
    assertThat(((Decision.Retry) d).delay()).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  @DisplayName("Retry-After as an HTTP-date is the time until that date")
  void retryAfterDate() {
    Decision d = policy().decide(2, Failure.status(503, "Thu, 26 Nov 2026 01:00:45 GMT"), NOW);
    assertThat(((Decision.Retry) d).delay()).isEqualTo(Duration.ofSeconds(45));
  }

  @Test
  @DisplayName("Retry-After with a date in the past means no wait")
  void retryAfterPastDate() {
    Decision d = policy().decide(1, Failure.status(503, "Thu, 26 Nov 2026 00:59:00 GMT"), NOW);
    assertThat(((Decision.Retry) d).delay()).isZero();
  }

  @Test
  @DisplayName("Retry-After longer than the client waits gives up and says how long was asked")
  void retryAfterTooLong() {
    Decision d = policy().decide(1, Failure.status(429, "3600"), NOW);
    assertThat(d).isInstanceOf(Decision.GiveUp.class);
    assertThat(d.reason()).contains("3600 s").contains("120 s");
  }

  @Test
  @DisplayName("an unreadable Retry-After falls back to the backoff")
  void unreadableRetryAfter() {
    Decision d = policy().decide(1, Failure.status(503, "soon"), NOW);
    assertThat(((Decision.Retry) d).delay()).isBetween(Duration.ZERO, Duration.ofSeconds(1));
  }

  @Test
  @DisplayName("backoff ceilings double from the base and stop at the cap: 1, 2, 4, 8, 10, 10 s")
  void ceilingsDoubleToTheCap() {
    RetryPolicy p = policy();
    assertThat(p.ceiling(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(p.ceiling(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(p.ceiling(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(p.ceiling(4)).isEqualTo(Duration.ofSeconds(8));
    assertThat(p.ceiling(5)).isEqualTo(Duration.ofSeconds(10));
    assertThat(p.ceiling(60)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  @DisplayName("full jitter: waits spread uniformly between 0 and the ceiling")
  void fullJitter() {
    RetryPolicy p =
        new RetryPolicy(
            Duration.ofSeconds(1),
            Duration.ofSeconds(10),
            100,
            Duration.ZERO,
            new SplittableRandom(7));
    long below = 0;
    long above = 0;
    for (int i = 0; i < 2_000; i++) {
      Duration wait = ((Decision.Retry) p.decide(3, Failure.timeout(), NOW)).delay();
      assertThat(wait).isBetween(Duration.ZERO, Duration.ofSeconds(4));
      if (wait.toMillis() < 2_000) {
        below++;
      } else {
        above++;
      }
    }
    assertThat(below).isBetween(900L, 1_100L);
    assertThat(above).isBetween(900L, 1_100L);
  }

  @Test
  @DisplayName("the same seed gives the same waits")
  void deterministicWithSeed() {
    Duration a =
        ((Decision.Retry) policy(new SplittableRandom(3)).decide(4, Failure.timeout(), NOW))
            .delay();
    Duration b =
        ((Decision.Retry) policy(new SplittableRandom(3)).decide(4, Failure.timeout(), NOW))
            .delay();
    assertThat(a).isEqualTo(b);
  }

  @Test
  @DisplayName("settings that make no sense are refused with the setting named")
  void refusesNonsense() {
    assertThatThrownBy(
            () ->
                new RetryPolicy(
                    Duration.ZERO, Duration.ofSeconds(1), 3, Duration.ZERO, new SplittableRandom()))
        .hasMessageContaining("backoff base");
    assertThatThrownBy(
            () ->
                new RetryPolicy(
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(1),
                    3,
                    Duration.ZERO,
                    new SplittableRandom()))
        .hasMessageContaining("backoff cap");
    assertThatThrownBy(
            () ->
                new RetryPolicy(
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1),
                    0,
                    Duration.ZERO,
                    new SplittableRandom()))
        .hasMessageContaining("max attempts");
  }
}
