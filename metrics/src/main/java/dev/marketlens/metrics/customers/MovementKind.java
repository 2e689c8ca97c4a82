package dev.marketlens.metrics.customers;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What happened to one customer's MRR between two month-ends (metrics spec §4.2), judged as the
 * movements report judges it: from 0 to positive is NEW if the customer never paid at an earlier
 * month-end, else REACTIVATION; positive to 0 is CHURN; otherwise a rise is EXPANSION, a fall
 * CONTRACTION, and no change NONE.
 */
public enum MovementKind {
  NEW,
  EXPANSION,
  CONTRACTION,
  CHURN,
  REACTIVATION,
  NONE;

  /**
   * @param opening MRR at the previous month-end, in cents
   * @param closing MRR at this month-end, in cents
   * @param paidBefore whether the customer had MRR at any month-end before the previous one
   */
  public static MovementKind of(long opening, long closing, boolean paidBefore) {
    if (opening == 0 && closing > 0) {
      return paidBefore ? REACTIVATION : NEW;
    }
    if (opening > 0 && closing == 0) {
      return CHURN;
    }
    if (opening > 0 && closing > opening) {
      return EXPANSION;
    }
    if (opening > 0 && closing < opening) {
      return CONTRACTION;
    }
    return NONE;
  }

  /**
   * The movement's amount as the report sums it, a non-negative magnitude: closing MRR for new and
   * reactivation, opening for churn, the difference for expansion and contraction, 0 for none.
   */
  public long amount(long opening, long closing) {
    return switch (this) {
      case NEW, REACTIVATION -> closing;
      case CHURN -> opening;
      case EXPANSION -> closing - opening;
      case CONTRACTION -> opening - closing;
      case NONE -> 0;
    };
  }

  /** The kind's name in lower case, as URLs and JSON carry it. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The kind named {@code text}, case-insensitive; {@code churned} and {@code reactivated} are
   * accepted too.
   *
   * @throws IllegalArgumentException naming the value and the kinds expected
   */
  public static MovementKind parse(String text) {
    String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
    if (t.equals("CHURNED")) {
      return CHURN;
    }
    if (t.equals("REACTIVATED")) {
      return REACTIVATION;
    }
    for (MovementKind k : values()) {
      if (k.name().equals(t)) {
        return k;
      }
    }
    throw new IllegalArgumentException(
        "movement must be one of "
            + Arrays.stream(values()).map(MovementKind::label).collect(Collectors.joining(", "))
            + ", not '"
            + text
            + "'");
  }
}
