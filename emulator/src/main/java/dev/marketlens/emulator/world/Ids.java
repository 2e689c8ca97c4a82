package dev.marketlens.emulator.world;

import java.util.UUID;

/**
 * Identifiers in Atlassian's formats, derived from what they identify (world seed, customer,
 * sequence) so that a record keeps its ids however far the clock advances.
 */
final class Ids {

  private static final char[] ENTITLEMENT_ALPHABET =
      "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();

  private final long seed;

  Ids(long seed) {
    this.seed = seed;
  }

  /** A UUID (version 4 layout) from a hash. */
  String uuid(long... parts) {
    long hi = Rng.hash(prefix(parts, 1));
    long lo = Rng.hash(prefix(parts, 2));
    hi = (hi & ~0xF000L) | 0x4000L;
    lo = (lo & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(hi, lo).toString();
  }

  /**
   * {@code E-XXX-XXX-XXX-XXX}, the entitlement-number shape of cloud (and, from 2025-09, Data
   * Center) licenses.
   */
  String entitlementNumber(long... parts) {
    long h = Rng.hash(prefix(parts, 3));
    StringBuilder sb = new StringBuilder("E-");
    for (int group = 0; group < 4; group++) {
      if (group > 0) {
        sb.append('-');
      }
      for (int c = 0; c < 3; c++) {
        sb.append(
            ENTITLEMENT_ALPHABET[(int) Long.remainderUnsigned(h, ENTITLEMENT_ALPHABET.length)]);
        h = Long.divideUnsigned(h, ENTITLEMENT_ALPHABET.length);
        if (h == 0) {
          h = Rng.hash(prefix(parts, 4 + group));
        }
      }
    }
    return sb.toString();
  }

  static String sen(String addonLicenseId) {
    return "SEN-" + addonLicenseId;
  }

  /** A legacy numeric transaction line id. */
  static String numericLineItemId(long n) {
    return Long.toString(300_000_000L + n);
  }

  /** {@code AT-…}: legacy Marketplace orders. */
  static String legacyTransactionId(long n) {
    return "AT-" + (20_000_000L + n);
  }

  /** {@code IN-003-095-784}: invoices of Atlassian's newer billing system. */
  static String invoiceId(long n) {
    String digits = Long.toString(1_000_000_000L + (3_000_000L + n) % 1_000_000_000L).substring(1);
    return "IN-"
        + digits.substring(0, 3)
        + "-"
        + digits.substring(3, 6)
        + "-"
        + digits.substring(6);
  }

  private long[] prefix(long[] parts, long salt) {
    long[] all = new long[parts.length + 2];
    all[0] = seed;
    all[1] = salt;
    System.arraycopy(parts, 0, all, 2, parts.length);
    return all;
  }
}
