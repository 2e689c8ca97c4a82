package dev.marketlens.model;

/**
 * The kind of sale a transaction line records (spec §8.3 {@code purchaseDetails.saleType}; {@code
 * Downgrade} seen live).
 */
public enum SaleType implements WireSpellings.Spelled {
  NEW("New"),
  RENEWAL("Renewal"),
  UPGRADE("Upgrade"),
  DOWNGRADE("Downgrade"),
  REFUND("Refund");

  private final String wire;
  private final String[] aliases;

  SaleType(String wire, String... aliases) {
    this.wire = wire;
    this.aliases = aliases;
  }

  /**
   * Reads the API's text in any case, with or without spaces and underscores; throws a {@link
   * ModelException} naming the value and the allowed ones otherwise.
   */
  public static SaleType fromWire(String text) {
    return WireSpellings.parse(SaleType.class, "saleType", text);
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
