package dev.marketlens.payouts.remittance;

/** What the reconciliation found for one remittance line or one transaction line. */
public enum Outcome {
  /** A remittance line and a transaction line agree: order, license, both amounts and the date. */
  MATCHED,
  /** Same order, license and direction, but the sale price or the net revenue differs. */
  AMOUNT_DIFFERENCE,
  /** Same order, license and amounts, on another sale date. */
  DATE_DIFFERENCE,
  /** A summarised bill or bill-credit line that no transaction line explains. */
  NOT_IN_API,
  /** A transaction line with money that the remittance does not have. */
  NOT_IN_REMITTANCE,
  /**
   * A bill line reversing a refund the API shows: the refund was cancelled after the portal's sync
   * (SR-M7, SR-M9), so it appears only in the remittance.
   */
  CANCELLED_REFUND,
  /** {@code AT…}: an ELA bill, remittance only (SR-M5, SR-M6). */
  ELA_BILL,
  /** {@code AT…A}: a concession bill, remittance only (SR-M5, SR-M6). */
  CONCESSION_BILL,
  /** {@code ATL…A}: a 10k-user license bill, remittance only (SR-M5, SR-M7). */
  TEN_K_BILL;

  /** The outcome's name as the CLI, API and page show it: {@code not-in-api}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }

  /** Whether the seeds say lines of this outcome exist only in the remittance (SR-M6, SR-M7). */
  public boolean remittanceOnly() {
    return this == CANCELLED_REFUND
        || this == ELA_BILL
        || this == CONCESSION_BILL
        || this == TEN_K_BILL;
  }
}
