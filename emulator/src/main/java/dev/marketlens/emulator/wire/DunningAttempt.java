package dev.marketlens.emulator.wire;

import java.time.LocalDate;

/** One entry of {@code dunningStatus[]}: a failed payment attempt. */
public record DunningAttempt(
    int attemptCount,
    String errorCode,
    LocalDate paymentAttemptDate,
    LocalDate nextPaymentAttemptDate) {}
