package dev.marketlens.model.id;

/** A historical cloud host instance's numeric {@code hostLicenseId} (spec §1.2). */
public record HostLicenseId(String value) {

  public HostLicenseId {
    IdFormat.check("hostLicenseId", value, IdFormat.NUMERIC, "a numeric string like 12345");
  }

  public static HostLicenseId of(String value) {
    return new HostLicenseId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
