package dev.marketlens.model;

/**
 * Where the payment of a transaction line stands (spec §8.3 {@code purchaseDetails.paymentStatus}).
 */
public enum PaymentStatus implements WireSpellings.Spelled {
  PAID("Paid"),
  OPEN("Open"),
  UNCOLLECTIBLE("Uncollectible"),
  REFUNDED("Refunded");

  private final String wire;
  private final String[] aliases;

  PaymentStatus(String wire, String... aliases) {
    this.wire = wire;
    this.aliases = aliases;
  }

  /**
   * Reads the API's text in any case, with or without spaces and underscores; throws a {@link
   * ModelException} naming the value and the allowed ones otherwise.
   */
  public static PaymentStatus fromWire(String text) {
    return WireSpellings.parse(PaymentStatus.class, "paymentStatus", text);
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
