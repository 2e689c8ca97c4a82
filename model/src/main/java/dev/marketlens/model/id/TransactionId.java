package dev.marketlens.model.id;

/**
 * An order, {@code transactionId} ({@code AT-…}, {@code IN-…}, {@code IN-EU-…}). Not a row key: one
 * order spans several line items (spec §1.2, K1).
 */
public record TransactionId(String value) {

  public TransactionId {
    IdFormat.check(
        "transactionId",
        value,
        IdFormat.TRANSACTION,
        "a transaction id like AT-12345 or IN-003-095-784");
  }

  public static TransactionId of(String value) {
    return new TransactionId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
