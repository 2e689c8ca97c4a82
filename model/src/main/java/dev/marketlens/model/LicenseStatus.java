package dev.marketlens.model;

/** Whether a license is in force (spec §7.3 {@code status}; {@code inactive} means expired). */
public enum LicenseStatus implements WireSpellings.Spelled {
  ACTIVE("active"),
  INACTIVE("inactive"),
  CANCELLED("cancelled");

  private final String wire;
  private final String[] aliases;

  LicenseStatus(String wire, String... aliases) {
    this.wire = wire;
    this.aliases = aliases;
  }

  /**
   * Reads the API's text in any case, with or without spaces and underscores; throws a {@link
   * ModelException} naming the value and the allowed ones otherwise.
   */
  public static LicenseStatus fromWire(String text) {
    return WireSpellings.parse(LicenseStatus.class, "status", text);
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
