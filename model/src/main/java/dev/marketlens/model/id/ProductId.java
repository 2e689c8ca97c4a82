package dev.marketlens.model.id;

/**
 * An app's v3 {@code productId}: a UUID, not the app key, and stale once an app is re-listed (spec
 * §1.2, K34).
 */
public record ProductId(String value) {

  public ProductId {
    IdFormat.check("productId", value, IdFormat.UUID, "a UUID");
  }

  public static ProductId of(String value) {
    return new ProductId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
