package dev.marketlens.model.transaction;

import static dev.marketlens.model.ModelException.required;

import dev.marketlens.model.id.TransactionId;
import java.time.LocalDate;

/**
 * The transaction a refund or credit adjusts (spec §8.3 {@code
 * purchaseDetails.originalTransactionDetails}).
 */
public record OriginalTransaction(TransactionId transactionId, LocalDate saleDate) {

  public OriginalTransaction {
    required("originalTransactionDetails.transactionId", transactionId);
  }
}
