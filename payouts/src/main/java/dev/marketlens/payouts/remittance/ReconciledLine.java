package dev.marketlens.payouts.remittance;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * One row of a remittance reconciliation: a remittance line, a transaction line, or both. Money in
 * cents; the remittance's fields are null for {@link Outcome#NOT_IN_REMITTANCE}, the API's for a
 * line no transaction line explains and for the remittance-only lines. For a {@link
 * Outcome#CANCELLED_REFUND} the {@code lineItemId} and {@code apiSaleDate} are the refund's, and
 * the expected amounts are null: the refund itself is reconciled on its own row.
 *
 * @param month the month the row counts in: the remittance line's sale month, else the API's
 * @param line the remittance line's number in its file or import (1 = the first line after the
 *     header), null when there is none
 */
public record ReconciledLine(
    YearMonth month,
    Outcome outcome,
    String source,
    Integer line,
    LocalDate saleDate,
    String orderId,
    String licenseId,
    String customer,
    String app,
    String reference,
    Long remittedSalePrice,
    Long remittedNetRevenue,
    String lineItemId,
    LocalDate apiSaleDate,
    Long expectedSalePrice,
    Long expectedNetRevenue) {

  /** Remitted minus expected net revenue, a missing side counting as zero. */
  public long netDifference() {
    return (remittedNetRevenue == null ? 0 : remittedNetRevenue)
        - (expectedNetRevenue == null ? 0 : expectedNetRevenue);
  }
}
