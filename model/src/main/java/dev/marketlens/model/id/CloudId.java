package dev.marketlens.model.id;

/** A cloud site, {@code cloudId}: a UUID (spec §1.2). */
public record CloudId(String value) {

  public CloudId {
    IdFormat.check("cloudId", value, IdFormat.UUID, "a UUID");
  }

  public static CloudId of(String value) {
    return new CloudId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
