package dev.marketlens.model.id;

/**
 * One line of an order, {@code transactionLineItemId}: the row key of transactions, numeric or a
 * UUID (spec §1.2, K1).
 */
public record TransactionLineItemId(String value) {

  public TransactionLineItemId {
    IdFormat.check(
        "transactionLineItemId", value, IdFormat.NUMERIC_OR_UUID, "a numeric string or a UUID");
  }

  public static TransactionLineItemId of(String value) {
    return new TransactionLineItemId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
