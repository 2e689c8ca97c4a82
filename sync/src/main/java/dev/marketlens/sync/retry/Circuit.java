package dev.marketlens.sync.retry;

/**
 * Stops a run when the API keeps failing: opens after {@code threshold} consecutive failed attempts
 * (server errors, no answer, broken bodies) and stays open, so the run ends with one clear message
 * instead of retrying for ever. Any answer the server meant (a 2xx, or a 4xx about the request)
 * closes the streak. Thread-safe.
 */
public final class Circuit {

  private final int threshold;
  private int consecutive;
  private String last;
  private boolean open;

  public Circuit(int threshold) {
    if (threshold < 1) {
      throw new IllegalArgumentException(
          "a circuit opens after at least 1 failure, got " + threshold);
    }
    this.threshold = threshold;
  }

  public int threshold() {
    return threshold;
  }

  /** The server answered as it meant to: the streak of failures ends (unless already open). */
  public synchronized void recordSuccess() {
    if (!open) {
      consecutive = 0;
      last = null;
    }
  }

  /**
   * One more failed attempt.
   *
   * @param what the attempt and its failure, e.g. {@code GET /rest/2/…/licenses/export: HTTP 503}
   * @return whether the circuit is open now
   */
  public synchronized boolean recordFailure(String what) {
    if (!open) {
      consecutive++;
      last = what;
      open = consecutive >= threshold;
    }
    return open;
  }

  public synchronized boolean isOpen() {
    return open;
  }

  public synchronized int consecutiveFailures() {
    return consecutive;
  }

  /** Why the circuit is open, for the user; null while closed. */
  public synchronized String message() {
    if (!open) {
      return null;
    }
    return "stopped after "
        + consecutive
        + " consecutive failed requests (last: "
        + last
        + "); the API looks unavailable, so the run ends here. Try again later";
  }
}
