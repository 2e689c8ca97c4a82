package dev.marketlens.metrics.customers;

import dev.marketlens.metrics.mrr.Book;
import dev.marketlens.metrics.mrr.Intervals;
import dev.marketlens.metrics.mrr.MonthEnds;
import dev.marketlens.metrics.mrr.Months;
import dev.marketlens.metrics.mrr.Parallel;
import java.util.ArrayList;
import java.util.List;

/**
 * Customers' month-end MRR from the same month-end pass ({@link MonthEnds}) the movements report
 * sums, so that each customer's movement in a month adds up to the report's figure for it.
 */
public final class CustomerMonths {
  private final Intervals intervals;
  private final Book book;
  private final boolean[] keep;
  private final long asOf;
  private final int graceDays;

  /**
   * @param keep which profiles count (the view's filters)
   * @param asOf the as-of day, epoch day
   */
  public CustomerMonths(Intervals intervals, boolean[] keep, long asOf, int graceDays) {
    this.intervals = intervals;
    this.book = intervals.book();
    this.keep = keep.clone();
    this.asOf = asOf;
    this.graceDays = graceDays;
  }

  /**
   * Every customer with MRR at the end of {@code month} or of the month before, with both and the
   * movement between them, in customer order.
   *
   * @param month the month ({@link Months#of})
   */
  public List<CustomerMonth> month(int month) {
    int first = Math.min(month, book.firstMonth().orElse(month));
    int months = month - first + 1;
    MonthEnds monthEnds = new MonthEnds(intervals, first, months, asOf, graceDays);
    List<List<CustomerMonth>> parts =
        Parallel.map(
            book.customerCount(),
            (lo, hi) -> {
              List<CustomerMonth> out = new ArrayList<>();
              monthEnds.forEachUnit(
                  keep,
                  null,
                  lo,
                  hi,
                  (customer, total, start, last, segments, count, bySegment) -> {
                    int k = months - 1;
                    long closing = k < start ? 0 : total[Math.min(k, last)];
                    long opening = k - 1 < start ? 0 : total[Math.min(k - 1, last)];
                    if (opening == 0 && closing == 0) {
                      return;
                    }
                    boolean paidBefore = false;
                    for (int j = start; j < k - 1 && !paidBefore; j++) {
                      paidBefore = total[Math.min(j, last)] > 0;
                    }
                    out.add(
                        new CustomerMonth(
                            book.customerKey(customer),
                            Months.toYearMonth(month),
                            opening,
                            closing,
                            MovementKind.of(opening, closing, paidBefore)));
                  });
              return out;
            });
    List<CustomerMonth> all = new ArrayList<>();
    parts.forEach(all::addAll);
    return all;
  }

  /**
   * One customer's MRR at the end of every month {@code from}–{@code to}, with the movement into
   * each.
   *
   * @param customer the customer's number in the book
   */
  public List<CustomerMrr> series(int customer, int from, int to) {
    int first = Math.min(from, book.firstMonth().orElse(from));
    int months = to - first + 1;
    long[] series = new long[months];
    MonthEnds monthEnds = new MonthEnds(intervals, first, months, asOf, graceDays);
    monthEnds.forEachUnit(
        keep,
        null,
        customer,
        customer + 1,
        (c, total, start, last, segments, count, bySegment) -> {
          for (int k = start; k < months; k++) {
            series[k] = total[Math.min(k, last)];
          }
        });
    List<CustomerMrr> out = new ArrayList<>();
    boolean paidBefore = false;
    for (int k = 0; k < months; k++) {
      long opening = k > 0 ? series[k - 1] : 0;
      if (first + k >= from) {
        out.add(
            new CustomerMrr(
                Months.toYearMonth(first + k),
                series[k],
                MovementKind.of(opening, series[k], paidBefore)));
      }
      if (k > 0 && series[k - 1] > 0) {
        paidBefore = true;
      }
    }
    return out;
  }
}
