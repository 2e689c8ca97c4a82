package dev.marketlens.emulator.wire;

/** {@code purchaseDetails.paymentTerms}: the invoice is due 14 or 30 days after the transaction. */
public enum PaymentTerms implements WireValue {
  NET14("Net14"),
  NET30("Net30");

  private final String wire;

  PaymentTerms(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
