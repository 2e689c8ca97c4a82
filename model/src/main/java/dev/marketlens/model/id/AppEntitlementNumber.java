package dev.marketlens.model.id;

/**
 * A cloud app entitlement's number {@code E-…}; Data Center licenses have one since 2025-09 (spec
 * §1.2, K12).
 */
public record AppEntitlementNumber(String value) {

  public AppEntitlementNumber {
    IdFormat.check(
        "appEntitlementNumber",
        value,
        IdFormat.ENTITLEMENT_NUMBER,
        "an entitlement number like E-123-456-789");
  }

  public static AppEntitlementNumber of(String value) {
    return new AppEntitlementNumber(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
