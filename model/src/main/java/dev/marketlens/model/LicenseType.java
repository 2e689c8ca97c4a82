package dev.marketlens.model;

/**
 * The commercial terms of a license (spec §7.3 {@code licenseType}, including the types seen only
 * live).
 */
public enum LicenseType implements WireSpellings.Spelled {
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
  private final String[] aliases;

  LicenseType(String wire, String... aliases) {
    this.wire = wire;
    this.aliases = aliases;
  }

  /**
   * Reads the API's text in any case, with or without spaces and underscores; throws a {@link
   * ModelException} naming the value and the allowed ones otherwise.
   */
  public static LicenseType fromWire(String text) {
    return WireSpellings.parse(LicenseType.class, "licenseType", text);
  }

  /** The canonical spelling the API sends. */
  @Override
  public String wire() {
    return wire;
  }

  @Override
  public String[] aliases() {
    return aliases.clone();
  }
}
