package dev.marketlens.model.id;

/**
 * A license's Support Entitlement Number, {@code licenseId} {@code SEN-…} (spec §1.2): server, Data
 * Center and historical cloud.
 */
public record LicenseId(String value) {

  public LicenseId {
    IdFormat.check("licenseId", value, IdFormat.SEN, "a SEN like SEN-12345");
  }

  public static LicenseId of(String value) {
    return new LicenseId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
