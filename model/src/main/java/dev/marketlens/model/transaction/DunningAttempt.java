package dev.marketlens.model.transaction;

import dev.marketlens.model.ModelException;
import java.time.LocalDate;

/**
 * One entry of {@code dunningStatus[]} (spec §8.3): a failed payment attempt, its number, the
 * payment provider's error code, when it was made and when the next attempt is due; each null when
 * absent. The spec gives {@code paymentAttemptDate} as always present, but records without it are
 * kept rather than refused, since the serialisation is only partly known (spec §8.3 [?]).
 */
public record DunningAttempt(
    int attemptCount,
    String errorCode,
    LocalDate paymentAttemptDate,
    LocalDate nextPaymentAttemptDate) {

  public DunningAttempt {
    if (attemptCount < 1) {
      throw new ModelException(
          "dunningStatus[].attemptCount", attemptCount, "must be 1 or more (the attempt's number)");
    }
    errorCode = errorCode == null || errorCode.isBlank() ? null : errorCode;
  }
}
