package dev.marketlens.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@value #FREE_FAILURES} failed sign-ins for one user name, or
 * {@value #FREE_FAILURES_PER_ADDRESS} from one address (guessing across many names, or many people
 * behind one address), each further attempt must wait — 30 seconds, doubling with every failure up
 * to 15 minutes. A successful sign-in clears the user name's count. Kept in memory: a restart
 * forgets it, which costs an attacker a restart they cannot cause.
 */
final class LoginThrottle {
  static final int FREE_FAILURES = 5;
  static final int FREE_FAILURES_PER_ADDRESS = 20;
  private static final Duration FIRST_WAIT = Duration.ofSeconds(30);
  private static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
  private static final Duration FORGET_AFTER = Duration.ofHours(1);
  private static final int MAX_KEYS = 100_000;

  private record Failures(int count, Instant last) {}

  private final Map<String, Failures> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** How long a sign-in as {@code username} from {@code remote} must still wait (zero: none). */
  Duration wait(String username, String remote) {
    Duration byUser = waitFor(userKey(username), FREE_FAILURES);
    Duration byAddress = waitFor("ip:" + remote, FREE_FAILURES_PER_ADDRESS);
    return byUser.compareTo(byAddress) >= 0 ? byUser : byAddress;
  }

  void failed(String username, String remote) {
    Instant now = clock.instant();
    if (failures.size() > MAX_KEYS) {
      failures.values().removeIf(f -> f.last().plus(FORGET_AFTER).isBefore(now));
    }
    for (String key : new String[] {userKey(username), "ip:" + remote}) {
      failures.merge(
          key,
          new Failures(1, now),
          (old, one) ->
              old.last().plus(FORGET_AFTER).isBefore(now)
                  ? one
                  : new Failures(old.count() + 1, now));
    }
  }

  void succeeded(String username) {
    failures.remove(userKey(username));
  }

  private Duration waitFor(String key, int free) {
    Failures f = failures.get(key);
    if (f == null || f.count() < free) {
      return Duration.ZERO;
    }
    int doublings = Math.min(f.count() - free, 10);
    Duration wait = FIRST_WAIT.multipliedBy(1L << doublings);
    if (wait.compareTo(LONGEST_WAIT) > 0) {
      wait = LONGEST_WAIT;
    }
    Duration left = Duration.between(clock.instant(), f.last().plus(wait));
    return left.isNegative() ? Duration.ZERO : left;
  }

  private static String userKey(String username) {
    return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
  }
}
