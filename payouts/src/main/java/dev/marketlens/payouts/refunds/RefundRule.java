package dev.marketlens.payouts.refunds;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The rule of seed 004's refund policy (SR-F1…F4) a refund falls under, by the days from the sale
 * of the line it refunds to the refund's sale; {@link #UNLINKED} when the refunded line is not in
 * the records.
 */
public enum RefundRule {
  /** SR-F1: days 0–30, a full refund, no questions asked. */
  FULL_WITHIN_30_DAYS("SR-F1", 0, 30),
  /** SR-F2: days 31–60, at Atlassian's discretion (the partner's refund total at most $1,500). */
  DISCRETIONARY_31_TO_60_DAYS("SR-F2", 31, 60),
  /** SR-F2: days 31–60 with the partner's refund total above $1,500: the partner approves first. */
  PARTNER_APPROVAL_31_TO_60_DAYS("SR-F2", 31, 60),
  /**
   * SR-F3: an upgrade in days 31–90 that supersedes a paid line: the remaining maintenance is
   * reallocated to the higher tier.
   */
  UPGRADE_REALLOCATION_31_TO_90_DAYS("SR-F3", 31, 90),
  /** SR-F4: outside every window — a late refund, an anomaly to look into. */
  OUTSIDE_POLICY("SR-F4", 0, Integer.MAX_VALUE),
  /** The line the refund refunds is not in the records, so its days cannot be counted. */
  UNLINKED(null, 0, Integer.MAX_VALUE);

  private final String seedRule;
  private final int fromDay;
  private final int toDay;

  RefundRule(String seedRule, int fromDay, int toDay) {
    this.seedRule = seedRule;
    this.fromDay = fromDay;
    this.toDay = toDay;
  }

  /** The seed rule's id (SR-F1…F4), or null for {@link #UNLINKED}. */
  public String seedRule() {
    return seedRule;
  }

  /** The first day of the window. */
  public int fromDay() {
    return fromDay;
  }

  /** The last day of the window, inclusive. */
  public int toDay() {
    return toDay;
  }

  /** The name the command line, the API and the reports use: {@code full-within-30-days}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The rule as a report's column name: {@code fullWithin30Days}. */
  public String field() {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : name().toLowerCase(Locale.ROOT).toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  /** The rule of a name, as {@link #cliName()} or the constant's name, any case. */
  public static Optional<RefundRule> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip().replace('-', '_').toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(r -> r.name().equals(t)).findFirst();
  }

  /** Every rule's {@link #cliName()}, comma separated, for messages. */
  public static String names() {
    return String.join(", ", Arrays.stream(values()).map(RefundRule::cliName).toList());
  }
}
