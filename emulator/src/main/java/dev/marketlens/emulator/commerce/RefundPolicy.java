package dev.marketlens.emulator.commerce;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Seed 004's refund policy as named rules (SR-F1…F4). Days are counted from the purchase date to
 * the request date; day 1 is the day after the purchase.
 */
public final class RefundPolicy {

  /**
   * Seed 004: the partner must approve a discretionary refund when its refund total exceeds $1,500.
   */
  public static final long PARTNER_APPROVAL_ABOVE_CENTS = 150_000;

  /** What the policy says about a request. */
  public enum Rule {
    /** Days 0–30: a full refund, no questions asked. */
    FULL_WITHIN_30_DAYS(0, 30, true),
    /** Days 31–60: at Atlassian's discretion when the partner's refund total is at most $1,500. */
    DISCRETIONARY_31_TO_60_DAYS(31, 60, true),
    /** Days 31–60 with a partner refund total above $1,500: Atlassian asks the partner first. */
    PARTNER_APPROVAL_31_TO_60_DAYS(31, 60, true),
    /**
     * An upgrade request in days 31–90: the remaining maintenance is reallocated to the higher
     * tier, no refund.
     */
    UPGRADE_REALLOCATION_31_TO_90_DAYS(31, 90, false),
    /** Anything else: not granted (a refund seen this late is an anomaly). */
    OUTSIDE_POLICY(0, Integer.MAX_VALUE, false);

    private final int fromDay;
    private final int toDay;
    private final boolean refund;

    Rule(int fromDay, int toDay, boolean refund) {
      this.fromDay = fromDay;
      this.toDay = toDay;
      this.refund = refund;
    }

    public int fromDay() {
      return fromDay;
    }

    public int toDay() {
      return toDay;
    }

    /** Whether the rule ends in money going back to the customer. */
    public boolean refunds() {
      return refund;
    }
  }

  private RefundPolicy() {}

  /** Every rule, in the order they are tried. */
  public static List<Rule> all() {
    return List.of(Rule.values());
  }

  /**
   * The rule that applies to a request.
   *
   * @param partnerRefundTotalCents what this request would refund for the partner's apps (positive)
   * @param upgradeRequest the customer asks to move to a higher tier rather than for money back
   */
  public static Rule classify(
      LocalDate purchased,
      LocalDate requested,
      long partnerRefundTotalCents,
      boolean upgradeRequest) {
    long days = ChronoUnit.DAYS.between(purchased, requested);
    if (days < 0) {
      throw new IllegalArgumentException(
          "a refund request " + requested + " precedes its purchase " + purchased);
    }
    if (upgradeRequest) {
      return days >= 31 && days <= 90
          ? Rule.UPGRADE_REALLOCATION_31_TO_90_DAYS
          : Rule.OUTSIDE_POLICY;
    }
    if (days <= 30) {
      return Rule.FULL_WITHIN_30_DAYS;
    }
    if (days <= 60) {
      return partnerRefundTotalCents > PARTNER_APPROVAL_ABOVE_CENTS
          ? Rule.PARTNER_APPROVAL_31_TO_60_DAYS
          : Rule.DISCRETIONARY_31_TO_60_DAYS;
    }
    return Rule.OUTSIDE_POLICY;
  }
}
