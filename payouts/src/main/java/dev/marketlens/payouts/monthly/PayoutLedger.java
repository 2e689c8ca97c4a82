package dev.marketlens.payouts.monthly;

import dev.marketlens.model.transaction.TransactionLine;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * A vendor account's payout ledger, month by month (seed 004): the month's sales (MPV) and refunds
 * (MPVCR) from the transaction lines' vendor amounts by sale month, the balance carried over while
 * it is below $500 (SR-M1), and the payment window of each payable month (SR-M2, SR-M3).
 *
 * <p>Every line counts, as Atlassian pays for every invoice: also lines the metrics leave out
 * (Atlassian's own licenses, sandboxes, uncollectible invoices). A refund line (or a line without a
 * sale type and a negative vendor amount) is in the refunds, every other line in the sales. Months
 * without lines still appear between the first month with a line and the as-of month; a negative
 * balance carries over like a positive one.
 */
public final class PayoutLedger {

  /** SR-M1: remittance is owed once the accumulated profit reaches US$500. */
  public static final long THRESHOLD_CENTS = 50_000;

  private PayoutLedger() {}

  /**
   * The ledger of one vendor account's lines as it stood on {@code asOf}: lines sold after it are
   * left out, and the months run from the first line's month to {@code asOf}'s month.
   */
  public static List<PayoutMonth> of(List<TransactionLine> lines, LocalDate asOf) {
    // Months as indexes (year × 12 + month - 1): two passes over the lines, no map per line.
    int last = index(asOf);
    int first = Integer.MAX_VALUE;
    for (TransactionLine t : lines) {
      if (!t.saleDate().isAfter(asOf)) {
        first = Math.min(first, index(t.saleDate()));
      }
    }
    List<PayoutMonth> out = new ArrayList<>();
    if (first == Integer.MAX_VALUE) {
      return out;
    }
    long[][] byMonth = new long[last - first + 1][4];
    for (TransactionLine t : lines) {
      if (t.saleDate().isAfter(asOf)) {
        continue;
      }
      long[] m = byMonth[index(t.saleDate()) - first];
      long cents = t.vendorAmount().cents();
      if (t.isRefund() || (t.saleType() == null && cents < 0)) {
        m[1] = Math.addExact(m[1], cents);
        m[3]++;
      } else {
        m[0] = Math.addExact(m[0], cents);
        m[2]++;
      }
    }
    long carried = 0;
    for (int i = 0; i < byMonth.length; i++) {
      YearMonth m = YearMonth.of((first + i) / 12, (first + i) % 12 + 1);
      long[] s = byMonth[i];
      long balance = Math.addExact(carried, Math.addExact(s[0], s[1]));
      boolean payable = balance >= THRESHOLD_CENTS;
      PayoutMonth.Status status;
      if (asOf.isBefore(m.atEndOfMonth())) {
        status = PayoutMonth.Status.OPEN;
      } else if (!payable) {
        status = PayoutMonth.Status.CARRIED;
      } else if (PaymentCalendar.expectedDate(m).isAfter(asOf)) {
        status = PayoutMonth.Status.DUE;
      } else {
        status = PayoutMonth.Status.PAID;
      }
      out.add(
          new PayoutMonth(
              m,
              s[0],
              s[1],
              (int) s[2],
              (int) s[3],
              carried,
              balance,
              payable ? balance : 0,
              payable ? 0 : balance,
              payable ? PaymentCalendar.windowStart(m) : null,
              payable ? PaymentCalendar.windowEnd(m) : null,
              payable ? PaymentCalendar.expectedDate(m) : null,
              status));
      carried = payable ? 0 : balance;
    }
    return out;
  }

  private static int index(LocalDate day) {
    return day.getYear() * 12 + day.getMonthValue() - 1;
  }
}
