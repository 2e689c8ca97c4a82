package dev.marketlens.emulator.wire;

/**
 * One entry of {@code purchaseDetails.discounts[]}: a positive amount in cents, an optional promo
 * {@code code} (promotions only) and an optional {@code reason} such as {@code DUAL_LICENSING}.
 */
public record Discount(DiscountType type, long amountCents, String code, String reason) {

  public Discount {
    if (type == null) {
      throw new IllegalArgumentException("a discount needs a type");
    }
    if (amountCents <= 0) {
      throw new IllegalArgumentException(
          "a discount amount is positive, got " + amountCents + " cents");
    }
  }

  public static Discount of(DiscountType type, long amountCents) {
    return new Discount(type, amountCents, null, null);
  }
}
