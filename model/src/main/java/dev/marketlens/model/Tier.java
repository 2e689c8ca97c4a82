package dev.marketlens.model;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tier of a license or sale, read from every form the API sends (spec §7.3 {@code tier}, K32):
 * {@code "10 Users"}, {@code "-3 Users"} (negative, seen since 2025-11), {@code "Unlimited Users"},
 * {@code "Per Unit Pricing (593 Users)"}, {@code "Evaluation"}, and empty or absent. Two tiers are
 * equal when their kind and user count are; {@link #toString()} gives the wire text back.
 */
public final class Tier {

  /** The forms a tier takes. */
  public enum Kind {
    /** A fixed number of users, {@code "10 Users"}; negative since 2025-11. */
    USERS,
    /** {@code "Unlimited Users"}. */
    UNLIMITED_USERS,
    /** Cloud per-user pricing with the exact count, {@code "Per Unit Pricing (593 Users)"}. */
    PER_UNIT_PRICING,
    /** {@code "Evaluation"}. */
    EVALUATION,
    /** Empty or absent on the wire. */
    UNDEFINED
  }

  private static final Pattern USERS = Pattern.compile("(?i)(-?\\d+)\\s+users?");
  private static final Pattern PER_UNIT =
      Pattern.compile("(?i)per\\s+unit\\s+pricing\\s*\\(\\s*(-?\\d+)\\s+users?\\s*\\)");
  private static final Pattern UNLIMITED = Pattern.compile("(?i)unlimited(\\s+users?)?");
  private static final Pattern EVALUATION = Pattern.compile("(?i)evaluation");

  private final Kind kind;
  private final int users;
  private final String wire;

  private Tier(Kind kind, int users, String wire) {
    this.kind = kind;
    this.users = users;
    this.wire = wire;
  }

  /** Reads a tier from the API's text; null and blank are {@link Kind#UNDEFINED}. */
  public static Tier parse(String text) {
    if (text == null || text.isBlank()) {
      return undefined();
    }
    String trimmed = text.strip();
    Matcher matcher = USERS.matcher(trimmed);
    if (matcher.matches()) {
      return new Tier(Kind.USERS, userCount(text, matcher.group(1)), trimmed);
    }
    matcher = PER_UNIT.matcher(trimmed);
    if (matcher.matches()) {
      return new Tier(Kind.PER_UNIT_PRICING, userCount(text, matcher.group(1)), trimmed);
    }
    if (UNLIMITED.matcher(trimmed).matches()) {
      return new Tier(Kind.UNLIMITED_USERS, 0, trimmed);
    }
    if (EVALUATION.matcher(trimmed).matches()) {
      return new Tier(Kind.EVALUATION, 0, trimmed);
    }
    throw new ModelException(
        "tier",
        text,
        "is not a tier: expected \"10 Users\", \"Unlimited Users\", \"Per Unit Pricing (593"
            + " Users)\", \"Evaluation\" or empty");
  }

  private static int userCount(String text, String digits) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new ModelException("tier", text, "has a user count out of range", e);
    }
  }

  public static Tier users(int count) {
    return new Tier(Kind.USERS, count, count + " Users");
  }

  public static Tier perUnitPricing(int count) {
    return new Tier(Kind.PER_UNIT_PRICING, count, "Per Unit Pricing (" + count + " Users)");
  }

  public static Tier unlimitedUsers() {
    return new Tier(Kind.UNLIMITED_USERS, 0, "Unlimited Users");
  }

  public static Tier evaluation() {
    return new Tier(Kind.EVALUATION, 0, "Evaluation");
  }

  public static Tier undefined() {
    return new Tier(Kind.UNDEFINED, 0, "");
  }

  public Kind kind() {
    return kind;
  }

  /** The user count of a {@link Kind#USERS} or {@link Kind#PER_UNIT_PRICING} tier. */
  public OptionalInt users() {
    return kind == Kind.USERS || kind == Kind.PER_UNIT_PRICING
        ? OptionalInt.of(users)
        : OptionalInt.empty();
  }

  /** True for the {@code "-N Users"} tiers the live API has sent since 2025-11. */
  public boolean isNegative() {
    return users().orElse(0) < 0;
  }

  public boolean isDefined() {
    return kind != Kind.UNDEFINED;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Tier tier && tier.kind == kind && tier.users == users;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, users);
  }

  /** The wire text: as read by {@link #parse(String)}, or the canonical form of a factory. */
  @Override
  public String toString() {
    return wire;
  }
}
