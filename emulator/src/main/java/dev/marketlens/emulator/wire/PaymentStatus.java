package dev.marketlens.emulator.wire;

/** Transaction {@code paymentStatus}. */
public enum PaymentStatus implements WireValue {
  PAID("Paid"),
  OPEN("Open"),
  UNCOLLECTIBLE("Uncollectible"),
  REFUNDED("Refunded");

  private final String wire;

  PaymentStatus(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
