package dev.marketlens.emulator.wire;

/**
 * {@code purchaseDetails.discounts[].type}. Seed 002 calls the loyalty discount {@code LOYALTY};
 * the wire (and the swagger) spell it {@code LOYALTY_DISCOUNT}.
 */
public enum DiscountType implements WireValue {
  /**
   * Partner-funded discount for moving enterprise server customers to cloud; rate depends on the
   * purchase year.
   */
  LOYALTY_DISCOUNT("LOYALTY_DISCOUNT", "loyalty"),
  /** Discount given through a Solution Partner. */
  EXPERT("EXPERT", "expert"),
  /** Discount given by Atlassian's customer advocates. */
  MANUAL("MANUAL", "manual"),
  /** A partner's promotion or promo code. */
  MARKETPLACE_PROMOTION("MARKETPLACE_PROMOTION", "marketplacePromotion");

  private final String wire;
  private final String csvPrefix;

  DiscountType(String wire, String csvPrefix) {
    this.wire = wire;
    this.csvPrefix = csvPrefix;
  }

  @Override
  public String wire() {
    return wire;
  }

  /**
   * Prefix of this type's flattened CSV columns, e.g. {@code expert} for {@code
   * expertDiscountAmount}.
   */
  public String csvPrefix() {
    return csvPrefix;
  }
}
