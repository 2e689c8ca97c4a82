package dev.marketlens.emulator.wire;

import java.time.LocalDate;

/**
 * {@code purchaseDetails.originalTransactionDetails}: the transaction a refund or adjustment refers
 * to.
 */
public record OriginalTransaction(String transactionId, LocalDate saleDate) {}
