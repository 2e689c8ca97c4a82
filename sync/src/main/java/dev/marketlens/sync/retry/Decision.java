package dev.marketlens.sync.retry;

import java.time.Duration;

/** What to do after a failed attempt: wait and try again, or give up, with the reason. */
public sealed interface Decision {

  /** A sentence saying why, for logs and error messages. */
  String reason();

  /** Try again after {@code delay}. */
  record Retry(Duration delay, String reason) implements Decision {}

  /** Do not try again. */
  record GiveUp(String reason) implements Decision {}
}
