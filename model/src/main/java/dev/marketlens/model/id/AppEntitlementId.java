package dev.marketlens.model.id;

/** A cloud app entitlement, {@code appEntitlementId}: a UUID (spec §1.2). */
public record AppEntitlementId(String value) {

  public AppEntitlementId {
    IdFormat.check("appEntitlementId", value, IdFormat.UUID, "a UUID");
  }

  public static AppEntitlementId of(String value) {
    return new AppEntitlementId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
