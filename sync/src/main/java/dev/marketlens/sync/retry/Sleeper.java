package dev.marketlens.sync.retry;

import java.time.Duration;

/** Waits between attempts; tests pass one that records the waits instead of waiting. */
@FunctionalInterface
public interface Sleeper {

  /** Waits {@code duration}; returns early only by throwing when interrupted. */
  void sleep(Duration duration) throws InterruptedException;
}
