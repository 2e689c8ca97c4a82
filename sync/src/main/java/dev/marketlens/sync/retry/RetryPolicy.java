package dev.marketlens.sync.retry;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed request is tried again, and after how long (spec §5.3).
 *
 * <ul>
 *   <li>Retried: 429, 500, 502, 503, 504, 408; connections refused, reset or closed before the body
 *       ended; request timeouts; 2xx bodies that cannot be read (a gateway's page, a cut). 500 is
 *       retried because the live API's 500s are mostly transient; a deterministic one costs {@code
 *       maxAttempts} requests, then fails.
 *   <li>Never retried: every other status, in particular 400, 401, 403, 404, 405 and 501: the
 *       request or the account is wrong, and asking again changes nothing.
 *   <li>Wait: the {@code Retry-After} header when the answer has one (seconds or an HTTP-date),
 *       exactly; otherwise exponential backoff with full jitter, a uniformly random wait between 0
 *       and {@code min(cap, base × 2^(attempt−1))}.
 *   <li>Give up after {@code maxAttempts} attempts in all, or when {@code Retry-After} asks for
 *       longer than {@code maxRetryAfter}.
 * </ul>
 *
 * <p>Pure: the current time comes with each question, randomness from the generator given (drawn
 * under its lock, so one policy may serve several threads).
 */
public final class RetryPolicy {

  private final Duration base;
  private final Duration cap;
  private final int maxAttempts;
  private final Duration maxRetryAfter;
  private final RandomGenerator random;

  /**
   * @param base the backoff ceiling of the first retry
   * @param cap the largest backoff ceiling
   * @param maxAttempts attempts in all, the first included (1: never retry)
   * @param maxRetryAfter the longest {@code Retry-After} honoured; a longer one gives up
   * @param random the source of the jitter
   */
  public RetryPolicy(
      Duration base,
      Duration cap,
      int maxAttempts,
      Duration maxRetryAfter,
      RandomGenerator random) {
    if (base == null || base.isNegative() || base.isZero()) {
      throw new IllegalArgumentException("backoff base must be positive, got " + base);
    }
    if (cap == null || cap.compareTo(base) < 0) {
      throw new IllegalArgumentException(
          "backoff cap must be at least the base " + base + ", got " + cap);
    }
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("max attempts must be at least 1, got " + maxAttempts);
    }
    if (maxRetryAfter == null || maxRetryAfter.isNegative()) {
      throw new IllegalArgumentException(
          "max Retry-After must not be negative, got " + maxRetryAfter);
    }
    if (random == null) {
      throw new IllegalArgumentException("a retry policy needs a random generator for its jitter");
    }
    this.base = base;
    this.cap = cap;
    this.maxAttempts = maxAttempts;
    this.maxRetryAfter = maxRetryAfter;
    this.random = random;
  }

  /** Base 1 s, cap 30 s, 5 attempts, {@code Retry-After} honoured up to 2 minutes. */
  public static RetryPolicy defaults(RandomGenerator random) {
    return new RetryPolicy(
        Duration.ofSeconds(1), Duration.ofSeconds(30), 5, Duration.ofMinutes(2), random);
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  /** Whether a failure of this kind is worth another attempt at all. */
  public static boolean retryable(Failure failure) {
    if (failure.kind() != Failure.Kind.STATUS) {
      return true;
    }
    return switch (failure.status()) {
      case 408, 429, 500, 502, 503, 504 -> true;
      default -> false;
    };
  }

  /**
   * What to do after attempt number {@code attempt} (1 for the first) failed.
   *
   * @param now the current time, against which an HTTP-date {@code Retry-After} is measured
   */
  public Decision decide(int attempt, Failure failure, Instant now) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempts count from 1, got " + attempt);
    }
    if (!retryable(failure)) {
      return new Decision.GiveUp(failure + " is not retried: asking again would not change it");
    }
    if (attempt >= maxAttempts) {
      return new Decision.GiveUp(
          "gave up after " + attempt + (attempt == 1 ? " attempt" : " attempts"));
    }
    Optional<Duration> asked = RetryAfter.parse(failure.retryAfter(), now);
    if (asked.isPresent()) {
      Duration wait = asked.get();
      if (wait.compareTo(maxRetryAfter) > 0) {
        return new Decision.GiveUp(
            "the server asked to wait "
                + wait.toSeconds()
                + " s (Retry-After), longer than the "
                + maxRetryAfter.toSeconds()
                + " s this client waits");
      }
      return new Decision.Retry(wait, failure + ": waiting " + wait + " as Retry-After asks");
    }
    Duration ceiling = ceiling(attempt);
    long millis;
    synchronized (random) {
      millis = random.nextLong(ceiling.toMillis() + 1);
    }
    Duration wait = Duration.ofMillis(millis);
    return new Decision.Retry(wait, failure + ": backing off " + wait + " (up to " + ceiling + ")");
  }

  /** {@code min(cap, base × 2^(attempt−1))}, the largest wait after attempt {@code attempt}. */
  Duration ceiling(int attempt) {
    int doublings = Math.min(attempt - 1, 40);
    long millis = base.toMillis();
    for (int i = 0; i < doublings && millis < cap.toMillis(); i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, cap.toMillis()));
  }
}
