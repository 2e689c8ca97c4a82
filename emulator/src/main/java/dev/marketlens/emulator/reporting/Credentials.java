package dev.marketlens.emulator.reporting;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks HTTP Basic credentials (email + API token, spec §3) against the configured users. Tokens
 * are kept only as SHA-256 digests and compared in constant time.
 */
final class Credentials {

  /** An authenticated account. */
  record Account(String email, java.util.Set<Long> vendorIds) {}

  private record Entry(byte[] digest, Account account) {}

  private final Map<String, Entry> byEmail = new HashMap<>();

  Credentials(List<ApiUser> users) {
    for (ApiUser u : users) {
      Entry previous =
          byEmail.put(
              u.email(), new Entry(digest(u.token()), new Account(u.email(), u.vendorIds())));
      if (previous != null) {
        // The same email configured for several vendors: one account, member of all of them.
        java.util.Set<Long> vendors = new java.util.HashSet<>(previous.account.vendorIds());
        vendors.addAll(u.vendorIds());
        if (!MessageDigest.isEqual(previous.digest, digest(u.token()))) {
          throw new IllegalArgumentException(
              "user " + u.email() + " is configured twice with different API tokens");
        }
        byEmail.put(u.email(), new Entry(previous.digest, new Account(u.email(), vendors)));
      }
    }
  }

  /** The account of an {@code Authorization} header, or null when missing or wrong. */
  Account authenticate(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6).trim()),
              StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      return null;
    }
    Entry e = byEmail.get(decoded.substring(0, colon));
    byte[] given = digest(decoded.substring(colon + 1));
    if (e == null) {
      // Same work for unknown users, so timing does not tell which emails exist.
      MessageDigest.isEqual(given, given);
      return null;
    }
    return MessageDigest.isEqual(e.digest, given) ? e.account : null;
  }

  /** Whether a bearer token equals {@code expected}, in constant time. */
  static boolean bearerMatches(String authorization, String expected) {
    if (authorization == null
        || expected == null
        || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return MessageDigest.isEqual(digest(authorization.substring(7).trim()), digest(expected));
  }

  static byte[] digest(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
