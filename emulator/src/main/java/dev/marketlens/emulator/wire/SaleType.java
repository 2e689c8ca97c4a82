package dev.marketlens.emulator.wire;

/**
 * {@code purchaseDetails.saleType}. {@code Downgrade} is sent by the live API though the swagger
 * omits it.
 */
public enum SaleType implements WireValue {
  NEW("New"),
  RENEWAL("Renewal"),
  UPGRADE("Upgrade"),
  DOWNGRADE("Downgrade"),
  REFUND("Refund");

  private final String wire;

  SaleType(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
