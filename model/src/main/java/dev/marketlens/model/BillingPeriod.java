package dev.marketlens.model;

/** How often a purchase is billed (spec §8.3 {@code purchaseDetails.billingPeriod}). */
public enum BillingPeriod implements WireSpellings.Spelled {
  MONTHLY("Monthly"),
  ANNUAL("Annual");

  private final String wire;
  private final String[] aliases;

  BillingPeriod(String wire, String... aliases) {
    this.wire = wire;
    this.aliases = aliases;
  }

  /**
   * Reads the API's text in any case, with or without spaces and underscores; throws a {@link
   * ModelException} naming the value and the allowed ones otherwise.
   */
  public static BillingPeriod fromWire(String text) {
    return WireSpellings.parse(BillingPeriod.class, "billingPeriod", text);
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
