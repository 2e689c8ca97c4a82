package dev.marketlens.metrics;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The metrics spec's parameters (§0.2).
 *
 * @param basis the amount that feeds MRR
 * @param graceDays an uncovered gap of at most this many days between service periods of one
 *     customer is bridged (no churn)
 * @param conversionWindowDays an evaluation converted when the first paid sale is at most this many
 *     days after its start
 * @param asOf the day the data describes: an open lapse younger than the grace is still pending
 */
public record Parameters(Basis basis, int graceDays, int conversionWindowDays, LocalDate asOf) {

  public static final int DEFAULT_GRACE_DAYS = 30;
  public static final int DEFAULT_CONVERSION_WINDOW_DAYS = 60;

  /** A renewal may start this many days before the end of the term it renews (§5.10). */
  public static final int EARLY_RENEWAL_DAYS = 7;

  /** A whole monthly or annual term may differ from the calendar by this many days (§2.3). */
  public static final int SNAP_TOLERANCE_DAYS = 3;

  public Parameters {
    Objects.requireNonNull(basis, "basis");
    Objects.requireNonNull(asOf, "asOf");
    if (graceDays < 0 || graceDays > 365) {
      throw new IllegalArgumentException("grace days must be 0–365, not " + graceDays);
    }
    if (conversionWindowDays < 0 || conversionWindowDays > 3650) {
      throw new IllegalArgumentException(
          "the conversion window must be 0–3650 days, not " + conversionWindowDays);
    }
  }

  /** NET basis, 30 days of grace, a 60-day conversion window. */
  public static Parameters defaults(LocalDate asOf) {
    return new Parameters(Basis.NET, DEFAULT_GRACE_DAYS, DEFAULT_CONVERSION_WINDOW_DAYS, asOf);
  }

  public Parameters withGraceDays(int days) {
    return new Parameters(basis, days, conversionWindowDays, asOf);
  }
}
