package dev.marketlens.emulator.wire;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A license or transaction tier, in every form the live API sends: {@code "10 Users"}, {@code
 * "Unlimited Users"}, {@code "Per Unit Pricing (593 Users)"}, {@code "Evaluation"}, negative tiers
 * such as {@code "-5 Users"} (seen since 2025-11) and the empty string.
 */
public record Tier(Kind kind, int users) {

  /** The user count reported for an unlimited tier, as partner tools conventionally read it. */
  public static final int UNLIMITED_USERS = 10_001;

  private static final Pattern USERS =
      Pattern.compile("(-?\\d+)\\s+users?", Pattern.CASE_INSENSITIVE);
  private static final Pattern PER_UNIT =
      Pattern.compile(
          "per unit pricing\\s*\\(\\s*(\\d+)\\s+users?\\s*\\)", Pattern.CASE_INSENSITIVE);

  /** The shapes a tier takes. */
  public enum Kind {
    /** A user tier, {@code "N Users"}. */
    USERS,
    /** Cloud per-unit pricing for an exact user count, {@code "Per Unit Pricing (N Users)"}. */
    PER_UNIT,
    /** {@code "Unlimited Users"}. */
    UNLIMITED,
    /** {@code "Evaluation"}. */
    EVALUATION,
    /** A negative user count, {@code "-N Users"}; {@link #users()} holds the negative number. */
    NEGATIVE,
    /** Empty or absent. */
    EMPTY
  }

  public Tier {
    if (kind == Kind.UNLIMITED || kind == Kind.EVALUATION || kind == Kind.EMPTY) {
      users = 0;
    }
    if ((kind == Kind.USERS || kind == Kind.PER_UNIT) && users < 1) {
      throw new IllegalArgumentException(
          "a " + kind + " tier needs at least one user, got " + users);
    }
    if (kind == Kind.NEGATIVE && users >= 0) {
      throw new IllegalArgumentException(
          "a negative tier needs a negative user count, got " + users);
    }
  }

  private static final Tier[] USERS_CACHE = new Tier[20_001];
  private static final Tier[] PER_UNIT_CACHE = new Tier[20_001];

  public static final Tier EVALUATION = new Tier(Kind.EVALUATION, 0);
  public static final Tier UNLIMITED = new Tier(Kind.UNLIMITED, 0);
  public static final Tier EMPTY = new Tier(Kind.EMPTY, 0);

  /** {@code "N Users"}. */
  public static Tier users(int users) {
    return cached(USERS_CACHE, Kind.USERS, users);
  }

  /** {@code "Per Unit Pricing (N Users)"}. */
  public static Tier perUnit(int users) {
    return cached(PER_UNIT_CACHE, Kind.PER_UNIT, users);
  }

  /** Tiers are immutable values; common ones are shared rather than allocated per record. */
  private static Tier cached(Tier[] cache, Kind kind, int users) {
    if (users < 1 || users >= cache.length) {
      return new Tier(kind, users);
    }
    Tier t = cache[users];
    if (t == null) {
      t = new Tier(kind, users);
      cache[users] = t;
    }
    return t;
  }

  /**
   * Reads a tier as the live API sends it; tolerant of case, spacing, singular "User" and a missing
   * value.
   *
   * @throws IllegalArgumentException when the text is none of the known shapes, naming the text
   */
  public static Tier parse(String text) {
    if (text == null || text.isBlank()) {
      return EMPTY;
    }
    String t = text.trim();
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.equals("evaluation")) {
      return EVALUATION;
    }
    if (lower.equals("unlimited users") || lower.equals("unlimited")) {
      return UNLIMITED;
    }
    Matcher perUnit = PER_UNIT.matcher(t);
    if (perUnit.matches()) {
      return perUnit(count(perUnit.group(1), text));
    }
    Matcher users = USERS.matcher(t);
    if (users.matches()) {
      int n = count(users.group(1), text);
      if (n < 0) {
        return new Tier(Kind.NEGATIVE, n);
      }
      if (n == 0) {
        throw new IllegalArgumentException("tier: '" + text + "' has zero users");
      }
      return users(n);
    }
    throw new IllegalArgumentException(
        "tier: '"
            + text
            + "' is not a tier (expected 'N Users', 'Unlimited Users', 'Per Unit Pricing (N Users)',"
            + " 'Evaluation' or empty)");
  }

  private static int count(String digits, String text) {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("tier: '" + text + "' has a user count out of range", e);
    }
  }

  /**
   * The user count a tier stands for: N for user and per-unit tiers, {@value #UNLIMITED_USERS} for
   * unlimited, 0 for a negative tier, and nothing for evaluation and empty tiers.
   */
  public OptionalInt userCount() {
    return switch (kind) {
      case USERS, PER_UNIT -> OptionalInt.of(users);
      case UNLIMITED -> OptionalInt.of(UNLIMITED_USERS);
      case NEGATIVE -> OptionalInt.of(0);
      case EVALUATION, EMPTY -> OptionalInt.empty();
    };
  }

  /** The tier exactly as the API spells it. */
  public String wire() {
    return switch (kind) {
      case USERS, NEGATIVE -> users + " Users";
      case PER_UNIT -> "Per Unit Pricing (" + users + " Users)";
      case UNLIMITED -> "Unlimited Users";
      case EVALUATION -> "Evaluation";
      case EMPTY -> "";
    };
  }

  @Override
  public String toString() {
    return wire();
  }
}
