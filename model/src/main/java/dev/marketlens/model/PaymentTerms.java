package dev.marketlens.model;

/**
 * When an invoiced sale is due (spec §8.3 {@code purchaseDetails.paymentTerms}); the sale date is
 * then the due date.
 */
public enum PaymentTerms implements WireSpellings.Spelled {
  NET14("Net14"),
  NET30("Net30");

  private final String wire;

  PaymentTerms(String wire) {
    this.wire = wire;
  }

  /**
   * Reads the API's text in any case, with or without spaces and underscores; throws a {@link
   * ModelException} naming the value and the allowed ones otherwise.
   */
  public static PaymentTerms fromWire(String text) {
    return WireSpellings.parse(PaymentTerms.class, "paymentTerms", text);
  }

  /** The canonical spelling the API sends. */
  @Override
  public String wire() {
    return wire;
  }
}
