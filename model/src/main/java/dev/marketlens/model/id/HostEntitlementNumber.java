package dev.marketlens.model.id;

/** The parent product's cloud entitlement number {@code E-…} (spec §1.2). */
public record HostEntitlementNumber(String value) {

  public HostEntitlementNumber {
    IdFormat.check(
        "hostEntitlementNumber",
        value,
        IdFormat.ENTITLEMENT_NUMBER,
        "an entitlement number like E-123-456-789");
  }

  public static HostEntitlementNumber of(String value) {
    return new HostEntitlementNumber(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
