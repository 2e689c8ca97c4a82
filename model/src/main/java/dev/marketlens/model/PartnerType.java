package dev.marketlens.model;

/**
 * The kind of Solution Partner involved in a sale (spec §7.3 {@code partnerDetails.partnerType}).
 */
public enum PartnerType implements WireSpellings.Spelled {
  EXPERT("Expert"),
  RESELLER("Reseller"),
  CORPORATE_RESELLER("Corporate_reseller"),
  UNKNOWN("Unknown");

  private final String wire;
  private final String[] aliases;

  PartnerType(String wire, String... aliases) {
    this.wire = wire;
    this.aliases = aliases;
  }

  /**
   * Reads the API's text in any case, with or without spaces and underscores; throws a {@link
   * ModelException} naming the value and the allowed ones otherwise.
   */
  public static PartnerType fromWire(String text) {
    return WireSpellings.parse(PartnerType.class, "partnerType", text);
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
