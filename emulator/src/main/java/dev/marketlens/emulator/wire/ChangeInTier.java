package dev.marketlens.emulator.wire;

/** {@code purchaseDetails.changeInTier}. */
public enum ChangeInTier implements WireValue {
  INCREASE("Increase"),
  DECREASE("Decrease"),
  NOT_APPLICABLE("Not Applicable");

  private final String wire;

  ChangeInTier(String wire) {
    this.wire = wire;
  }

  @Override
  public String wire() {
    return wire;
  }
}
