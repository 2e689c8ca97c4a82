package dev.marketlens.emulator.quirks;

/**
 * A token bucket per user (spec §5.3 [EMU]): {@code perMinute} tokens a minute, at most {@code
 * burst} saved up. Times are supplied by the caller in nanoseconds; not thread-safe on its own.
 */
public final class RateLimit {

  private final int perMinute;
  private final int burst;
  private double tokens;
  private long last;
  private boolean started;

  public RateLimit(int perMinute, int burst) {
    if (perMinute < 1 || burst < 1) {
      throw new IllegalArgumentException(
          "a rate limit needs at least 1 request a minute and a burst of at least 1");
    }
    this.perMinute = perMinute;
    this.burst = burst;
    this.tokens = burst;
  }

  /**
   * Reads {@code N/min} (or a bare {@code N}); the burst is a sixth of a minute's requests, at
   * least 1.
   *
   * @throws IllegalArgumentException when it is not a positive whole number of requests a minute
   */
  public static int parsePerMinute(String text) {
    String t = text.trim();
    if (t.endsWith("/min")) {
      t = t.substring(0, t.length() - 4).trim();
    }
    try {
      int n = Integer.parseInt(t);
      if (n < 1) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "rate limit must be a positive number of requests a minute such as 120/min, got '"
              + text
              + "'");
    }
  }

  public static int defaultBurst(int perMinute) {
    return Math.max(1, perMinute / 6);
  }

  /**
   * Takes a token at {@code nanos}.
   *
   * @return 0 when the request may proceed, else the whole seconds (at least 1) until a token is
   *     free, for {@code Retry-After}
   */
  public long take(long nanos) {
    if (!started) {
      started = true;
      last = nanos;
    }
    double perNano = perMinute / 60e9;
    tokens = Math.min(burst, tokens + (nanos - last) * perNano);
    last = nanos;
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    double wait = (1 - tokens) / perNano / 1e9;
    return Math.max(1, (long) Math.ceil(wait));
  }
}
