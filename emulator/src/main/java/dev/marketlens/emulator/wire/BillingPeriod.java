package dev.marketlens.emulator.wire;

/** {@code purchaseDetails.billingPeriod}. */
public enum BillingPeriod implements WireValue {
  MONTHLY("Monthly", 1),
  ANNUAL("Annual", 12);

  private final String wire;
  private final int months;

  BillingPeriod(String wire, int months) {
    this.wire = wire;
    this.months = months;
  }

  @Override
  public String wire() {
    return wire;
  }

  /** Length of one whole term in months. */
  public int months() {
    return months;
  }
}
