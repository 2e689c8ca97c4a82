package dev.marketlens.emulator.world;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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

  /** Creation days count from this day in the numbers below. */
  private static final LocalDate DAY_ZERO = LocalDate.of(2000, 1, 1);

  /**
   * A number unique to (creation day, customer, rank within that customer's day) that grows with
   * the day: {@code DDDDD CCCCCCC RR}. A later clock only adds numbers.
   */
  static long number(LocalDate day, int customer, int rank) {
    long d = ChronoUnit.DAYS.between(DAY_ZERO, day);
    if (d < 0 || customer < 0 || customer >= 10_000_000 || rank >= 100) {
      throw new IllegalArgumentException(
          "no id for day " + day + ", customer " + customer + ", rank " + rank);
    }
    return d * 1_000_000_000L + customer * 100L + rank;
  }

  /** The numeric {@code addonLicenseId} of a license (its SEN is {@code SEN-} and this). */
  static String licenseNumber(LocalDate day, int customer, int rank) {
    return Long.toString(number(day, customer, rank));
  }

  /** The {@code hostLicenseId} of a historical cloud license's site. */
  static String hostLicenseNumber(LocalDate day, int customer, int rank) {
    return Long.toString(5_000_000_000_000_000L + number(day, customer, rank));
  }

  /** A legacy numeric transaction line id. */
  static String lineNumber(LocalDate day, int customer, int rank) {
    return Long.toString(3_000_000_000_000_000L + number(day, customer, rank));
  }

  /** {@code AT-…}: legacy Marketplace orders. */
  static String legacyTransactionId(LocalDate day, int customer, int rank) {
    return "AT-" + number(day, customer, rank);
  }

  /** {@code IN-…}: invoices of Atlassian's newer billing system, digits in groups of three. */
  static String invoiceId(LocalDate day, int customer, int rank) {
    String number = Long.toString(number(day, customer, rank));
    String digits = "0".repeat(Math.max(0, 15 - number.length())) + number;
    StringBuilder sb = new StringBuilder(24).append("IN");
    for (int i = 0; i < digits.length(); i += 3) {
      sb.append('-').append(digits, i, i + 3);
    }
    return sb.toString();
  }

  private long[] prefix(long[] parts, long salt) {
    long[] all = new long[parts.length + 2];
    all[0] = seed;
    all[1] = salt;
    System.arraycopy(parts, 0, all, 2, parts.length);
    return all;
  }
}
