package dev.marketlens.model;

/**
 * Who granted a discount (spec §8.3 {@code discounts[].type}; the seed's {@code LOYALTY} is the
 * wire's {@code LOYALTY_DISCOUNT}, K19).
 */
public enum DiscountType implements WireSpellings.Spelled {
  LOYALTY_DISCOUNT("LOYALTY_DISCOUNT", "LOYALTY"),
  EXPERT("EXPERT"),
  MANUAL("MANUAL"),
  MARKETPLACE_PROMOTION("MARKETPLACE_PROMOTION");

  private final String wire;
  private final String[] aliases;

  DiscountType(String wire, String... aliases) {
    this.wire = wire;
    this.aliases = aliases;
  }

  /**
   * Reads the API's text in any case, with or without spaces and underscores; throws a {@link
   * ModelException} naming the value and the allowed ones otherwise.
   */
  public static DiscountType fromWire(String text) {
    return WireSpellings.parse(DiscountType.class, "discounts[].type", text);
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
