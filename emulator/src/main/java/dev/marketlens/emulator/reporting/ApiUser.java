package dev.marketlens.emulator.reporting;

import java.util.Set;

/**
 * An account allowed to read reports: its email and API token (HTTP Basic, spec §3) and the vendors
 * it is a member of.
 */
public record ApiUser(String email, String token, Set<Long> vendorIds) {

  public ApiUser {
    if (email == null || email.isBlank() || email.contains(":")) {
      throw new IllegalArgumentException("a user needs an email without ':'");
    }
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("user " + email + " needs an API token");
    }
    vendorIds = Set.copyOf(vendorIds);
  }

  /**
   * Reads {@code VENDOR:EMAIL:TOKEN} ({@code --user}).
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static ApiUser parse(String text) {
    String[] parts = text.split(":", 3);
    if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
      throw new IllegalArgumentException(
          "--user: expected VENDOR:EMAIL:TOKEN, got '" + redact(text) + "'");
    }
    long vendor;
    try {
      vendor = Long.parseLong(parts[0].trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--user: the vendor id must be a number, got '" + parts[0] + "'");
    }
    return new ApiUser(parts[1].trim(), parts[2], Set.of(vendor));
  }

  /** The value with its token replaced, fit for an error message. */
  private static String redact(String text) {
    int last = text.lastIndexOf(':');
    return last < 0 ? text : text.substring(0, last + 1) + "…";
  }

  @Override
  public String toString() {
    return "ApiUser[" + email + ", vendors " + vendorIds + "]";
  }
}
