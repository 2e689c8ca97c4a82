package dev.marketlens.model.id;

/** The parent product's cloud entitlement, {@code hostEntitlementId}: a UUID (spec §1.2). */
public record HostEntitlementId(String value) {

  public HostEntitlementId {
    IdFormat.check("hostEntitlementId", value, IdFormat.UUID, "a UUID");
  }

  public static HostEntitlementId of(String value) {
    return new HostEntitlementId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
