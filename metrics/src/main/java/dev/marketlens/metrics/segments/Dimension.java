package dev.marketlens.metrics.segments;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a transaction line can be segmented or filtered by. Values are the line's own (the hosting,
 * tier and billing period it was sold with, its customer's country and region), or its license's
 * (app edition, attribution channel).
 */
public enum Dimension {
  APP("app"),
  HOSTING("hosting"),
  TIER("tier"),
  EDITION("edition"),
  PARENT_PRODUCT("parent-product"),
  BILLING_PERIOD("billing-period"),
  COUNTRY("country"),
  REGION("region"),
  /** {@code Direct} or {@code Solution Partner} (a partner is named on the line). */
  SALE_CHANNEL("sale-channel"),
  ATTRIBUTION("attribution");

  /** The value of a dimension the records do not carry. */
  public static final String UNKNOWN = "(unknown)";

  private final String cliName;

  Dimension(String cliName) {
    this.cliName = cliName;
  }

  /** The name on the command line and in the REST API. */
  public String cliName() {
    return cliName;
  }

  /**
   * The dimension named {@code text}: its name, case-insensitive, with dashes, underscores or
   * nothing between words.
   */
  public static Dimension parse(String text) {
    String wanted = squash(text);
    for (Dimension d : values()) {
      if (squash(d.cliName).equals(wanted)) {
        return d;
      }
    }
    throw new IllegalArgumentException(
        "unknown dimension '" + text + "'; expected one of " + names());
  }

  /** Every dimension's name, comma-separated. */
  public static String names() {
    return Arrays.stream(values()).map(Dimension::cliName).collect(Collectors.joining(", "));
  }

  private static String squash(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("[-_ ]", "");
  }
}
