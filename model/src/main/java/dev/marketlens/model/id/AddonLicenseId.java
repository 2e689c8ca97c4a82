package dev.marketlens.model.id;

/**
 * A server, Data Center or historical cloud license's numeric {@code addonLicenseId} (spec §1.2).
 */
public record AddonLicenseId(String value) {

  public AddonLicenseId {
    IdFormat.check("addonLicenseId", value, IdFormat.NUMERIC, "a numeric string like 12345");
  }

  public static AddonLicenseId of(String value) {
    return new AddonLicenseId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
