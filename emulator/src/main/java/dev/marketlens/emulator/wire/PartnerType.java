package dev.marketlens.emulator.wire;

/** {@code partnerDetails.partnerType}. */
public enum PartnerType implements WireValue {
  EXPERT("Expert"),
  RESELLER("Reseller"),
  CORPORATE_RESELLER("Corporate_reseller"),
  UNKNOWN("Unknown");

  private final String wire;

  PartnerType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
