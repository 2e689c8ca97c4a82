package dev.marketlens.metrics.movements;

import java.time.YearMonth;

/**
 * One month of the MRR bridge, in cents, as the {@code movements} report shows it. Segment in/out
 * are zero outside segment views.
 */
public record Movements(
    YearMonth month,
    String segment,
    long openingMrr,
    long newMrr,
    long expansionMrr,
    long contractionMrr,
    long churnedMrr,
    long reactivationMrr,
    long segmentInMrr,
    long segmentOutMrr,
    long closingMrr,
    int customers) {

  public static Movements of(BridgeMonth m) {
    return new Movements(
        m.month(),
        m.segment(),
        m.openingMrr(),
        m.newMrr(),
        m.expansionMrr(),
        m.contractionMrr(),
        m.churnedMrr(),
        m.reactivationMrr(),
        m.segmentInMrr(),
        m.segmentOutMrr(),
        m.closingMrr(),
        m.customers());
  }
}
