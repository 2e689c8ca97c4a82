package dev.marketlens.model;

/**
 * One entry of a sale's {@code discounts[]} (spec §8.3, SR-D1): who granted it, the positive amount
 * taken off the price, the promotion code ({@code MARKETPLACE_PROMOTION} only) and the reason (e.g.
 * {@code DUAL_LICENSING} with {@code MANUAL}). Code and reason are null when absent.
 */
public record Discount(DiscountType type, Money amount, String code, String reason) {

  public Discount {
    ModelException.required("discounts[].type", type);
    ModelException.required("discounts[].amount", amount);
    if (!amount.isPositive()) {
      throw new ModelException(
          "discounts[].amount", amount, "must be positive (spec §8.3: USD, positive)");
    }
    code = Text.blankToNull(code);
    reason = Text.blankToNull(reason);
  }

  public static Discount of(DiscountType type, Money amount) {
    return new Discount(type, amount, null, null);
  }
}
