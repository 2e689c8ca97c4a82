package dev.marketlens.model;

/** How a sale moved the tier (spec §8.3 {@code purchaseDetails.changeInTier}). */
public enum ChangeInTier implements WireSpellings.Spelled {
  INCREASE("Increase"),
  DECREASE("Decrease"),
  NOT_APPLICABLE("Not Applicable");

  private final String wire;
  private final String[] aliases;

  ChangeInTier(String wire, String... aliases) {
    this.wire = wire;
    this.aliases = aliases;
  }

  /**
   * Reads the API's text in any case, with or without spaces and underscores; throws a {@link
   * ModelException} naming the value and the allowed ones otherwise.
   */
  public static ChangeInTier fromWire(String text) {
    return WireSpellings.parse(ChangeInTier.class, "changeInTier", text);
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
