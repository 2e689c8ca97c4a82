package dev.marketlens.emulator.wire;

/**
 * {@code licenseType} in license records and in {@code purchaseDetails}, uppercase as the live API
 * sends it.
 */
public enum LicenseType implements WireValue {
  COMMERCIAL("COMMERCIAL"),
  EVALUATION("EVALUATION"),
  ACADEMIC("ACADEMIC"),
  COMMUNITY("COMMUNITY"),
  OPEN_SOURCE("OPEN_SOURCE"),
  DEMONSTRATION("DEMONSTRATION"),
  CLASSROOM("CLASSROOM"),
  FREE("FREE"),
  INTERNAL_USE("INTERNAL USE"),
  NON_COMMERCIAL("NON_COMMERCIAL"),
  PERSONAL("PERSONAL"),
  SOCIAL_IMPACT("SOCIAL_IMPACT"),
  SOCIAL_IMPACT_GLOBAL_ACCESS("SOCIAL_IMPACT_GLOBAL_ACCESS"),
  FOUNDATION_FREE("FOUNDATION_FREE");

  private final String wire;

  LicenseType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
