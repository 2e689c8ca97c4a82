package dev.marketlens.payouts.monthly;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One month of a vendor account's payout ledger, in cents.
 *
 * @param salesCents MPV, the summarised bill: the vendor amounts of the month's sales (≥ 0)
 * @param refundsCents MPVCR, the summarised bill credit: the vendor amounts of its refunds (≤ 0)
 * @param carriedInCents the balance carried from earlier months (may be negative)
 * @param balanceCents carried in + sales + refunds
 * @param paidCents the balance when it reached $500 (SR-M1), paid in the next month; else 0
 * @param carriedOutCents what goes on to the next month: the balance when below $500, else 0
 * @param paymentWindowStart the 17th of the next month when payable (SR-M3); else null
 * @param paymentWindowEnd the 20th of the next month when payable; else null
 * @param expectedPaymentDate the window's first weekday when payable; else null
 * @param status {@link Status} as of the day the ledger was run for
 */
public record PayoutMonth(
    YearMonth month,
    long salesCents,
    long refundsCents,
    int salesLines,
    int refundLines,
    long carriedInCents,
    long balanceCents,
    long paidCents,
    long carriedOutCents,
    LocalDate paymentWindowStart,
    LocalDate paymentWindowEnd,
    LocalDate expectedPaymentDate,
    Status status) {

  /** Where a month stands on the as-of day. */
  public enum Status {
    /** Below $500: the balance carries over to the next month. */
    CARRIED,
    /** Payable; its expected payment day is on or before the as-of day. */
    PAID,
    /** Payable; its expected payment day is after the as-of day. */
    DUE,
    /** The as-of day is inside the month: sales and refunds may still come. */
    OPEN;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public long netCents() {
    return salesCents + refundsCents;
  }

  public boolean payable() {
    return paidCents != 0;
  }
}
