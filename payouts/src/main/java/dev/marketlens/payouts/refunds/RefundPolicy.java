package dev.marketlens.payouts.refunds;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Seed 004's refund windows (SR-F1…F4), counted in days from the sale of the refunded line to the
 * sale of the refund (day 0 is the sale day itself).
 */
public final class RefundPolicy {

  /** SR-F2: the partner approves a refund in days 31–60 when its refund total exceeds $1,500. */
  public static final long PARTNER_APPROVAL_ABOVE_CENTS = 150_000;

  private RefundPolicy() {}

  /**
   * The rule of a refund.
   *
   * @param sold the sale date of the refunded line
   * @param refunded the sale date of the refund
   * @param partnerRefundTotalCents the partner's refund total (positive cents; see {@code
   *     docs/payouts/refunds.md}: what the refund transaction returns for the partner's apps)
   * @param upgrade whether the refund is paired with an upgrade that supersedes the refunded line
   * @throws IllegalArgumentException when the refund precedes the sale
   */
  public static RefundRule classify(
      LocalDate sold, LocalDate refunded, long partnerRefundTotalCents, boolean upgrade) {
    long days = days(sold, refunded);
    if (days <= 30) {
      return RefundRule.FULL_WITHIN_30_DAYS;
    }
    if (upgrade) {
      return days <= 90 ? RefundRule.UPGRADE_REALLOCATION_31_TO_90_DAYS : RefundRule.OUTSIDE_POLICY;
    }
    if (days <= 60) {
      return partnerRefundTotalCents > PARTNER_APPROVAL_ABOVE_CENTS
          ? RefundRule.PARTNER_APPROVAL_31_TO_60_DAYS
          : RefundRule.DISCRETIONARY_31_TO_60_DAYS;
    }
    return RefundRule.OUTSIDE_POLICY;
  }

  /**
   * SR-F3 for an upgrade without a refund: a reallocation when it comes 31–90 days after the sale
   * of the paid line it supersedes.
   */
  public static boolean reallocation(LocalDate sold, LocalDate upgraded) {
    long days = days(sold, upgraded);
    return days >= 31 && days <= 90;
  }

  /** The days from the sale to the refund or upgrade. */
  public static long days(LocalDate sold, LocalDate refunded) {
    long days = ChronoUnit.DAYS.between(sold, refunded);
    if (days < 0) {
      throw new IllegalArgumentException(
          "a refund or upgrade sold " + refunded + " precedes the line it refers to, sold " + sold);
    }
    return days;
  }
}
