package dev.marketlens.emulator.wire;

/** License {@code status}; the only enumeration the API keeps lowercase in records. */
public enum LicenseStatus implements WireValue {
  ACTIVE("active"),
  /** Expired. */
  INACTIVE("inactive"),
  CANCELLED("cancelled");

  private final String wire;

  LicenseStatus(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
