package dev.marketlens.metrics.mrr;

import dev.marketlens.metrics.Basis;
import dev.marketlens.metrics.Parameters;
import dev.marketlens.model.SaleType;

/**
 * Every line of a {@link Book} as a service interval {@code [start, effectiveEnd)} with a monthly
 * rate in millionths of a cent, on one basis (metrics spec §2):
 *
 * <ul>
 *   <li>N1 — a whole monthly or annual term is divided by its months, anything else is a prorated
 *       piece at {@code amount × 365 / (12 × days)};
 *   <li>N2 — an upgrade or downgrade truncates the license's intervals active on its start and
 *       takes their remaining value as credit: {@code (amount + credit) × 365 / (12 × days)};
 *   <li>N3 — a refund is an additive negative interval on its own period; a refund without a period
 *       voids the line it refunds when it returns all but at most a dollar of it.
 * </ul>
 *
 * A line without a period (start on or after its end) has no rate and covers nothing.
 */
public final class Intervals {

  /** A refund returns the whole sale when it falls short of it by at most this many cents. */
  public static final long VOID_TOLERANCE_CENTS = 100;

  private final Book book;
  private final Basis basis;
  final long[] rate;
  final int[] effectiveEnd;
  private final boolean[] voided;

  private Intervals(Book book, Basis basis) {
    this.book = book;
    this.basis = basis;
    this.rate = new long[book.size];
    this.effectiveEnd = book.end.clone();
    this.voided = new boolean[book.size];
  }

  /** The intervals of every line of a book on a basis. */
  public static Intervals of(Book book, Basis basis) {
    Intervals intervals = new Intervals(book, basis);
    long[] amounts = book.amounts(basis);
    // Licenses are independent: each line's rate depends on its own license's lines only.
    Parallel.ranges(
        book.licenseCount(),
        (from, to) -> {
          for (int l = from; l < to; l++) {
            intervals.license(book.licenseStart[l], book.licenseStart[l + 1], amounts);
          }
        });
    intervals.voidRefunded(amounts);
    return intervals;
  }

  public Book book() {
    return book;
  }

  public Basis basis() {
    return basis;
  }

  /** A line's monthly rate in millionths of a cent. */
  public long rate(int line) {
    return rate[line];
  }

  /** The first day a line no longer covers, after upgrades truncated it. */
  public int effectiveEnd(int line) {
    return effectiveEnd[line];
  }

  /** Whether a refund without a period voided the line (it counts as never sold). */
  public boolean isVoided(int line) {
    return voided[line];
  }

  /** Whether a line covers at least one day. */
  public boolean hasLength(int line) {
    return effectiveEnd[line] > book.start[line];
  }

  private void license(int from, int to, long[] amounts) {
    for (int k = from; k < to; k++) {
      int s = book.start[k];
      int e = book.end[k];
      long days = (long) e - s;
      if (days <= 0) {
        effectiveEnd[k] = s;
        continue;
      }
      long amount = Math.multiplyExact(amounts[k], Fixed.UNITS);
      SaleType type = book.saleType(k);
      if (type == SaleType.UPGRADE || type == SaleType.DOWNGRADE) {
        long credit = 0;
        for (int p = from; p < k; p++) {
          if (book.start[p] <= s && s < effectiveEnd[p]) {
            long overlap = Math.min(effectiveEnd[p], e) - (long) s;
            credit += Fixed.divide(Math.multiplyExact(rate[p], 12 * overlap), 365);
            effectiveEnd[p] = s;
          }
        }
        rate[k] = Fixed.divide(Math.multiplyExact(amount + credit, 365), 12 * days);
      } else {
        int months = wholeTermMonths(book.billing[k], s, e);
        rate[k] =
            months > 0
                ? Fixed.divide(amount, months)
                : Fixed.divide(Math.multiplyExact(amount, 365), 12 * days);
      }
    }
  }

  /** §2.5: a refund without a period voids what it refunds when it returns all of it. */
  private void voidRefunded(long[] amounts) {
    for (int k = 0; k < book.size; k++) {
      int original = book.refundOf[k];
      if (original >= 0
          && book.end[k] <= book.start[k]
          && Math.abs(amounts[k]) >= Math.abs(amounts[original]) - VOID_TOLERANCE_CENTS) {
        rate[original] = 0;
        effectiveEnd[original] = book.start[original];
        voided[original] = true;
      }
    }
  }

  /**
   * §2.3: the months of a whole term, or 0 for a prorated piece. Monthly: one month. Annual: 12·k
   * months, k the period in years rounded (at least one). The period must end within {@value
   * Parameters#SNAP_TOLERANCE_DAYS} days of {@code start.plusMonths(n)}.
   */
  static int wholeTermMonths(byte billing, int start, int end) {
    long days = (long) end - start;
    int n;
    if (billing == Book.MONTHLY) {
      n = 1;
    } else if (billing == Book.ANNUAL) {
      long years = (2 * days + 365) / 730;
      if (years < 1) {
        return 0;
      }
      n = Math.toIntExact(12 * years);
    } else {
      return 0;
    }
    long snapped = Months.plusMonths(start, n);
    return Math.abs(snapped - end) <= Parameters.SNAP_TOLERANCE_DAYS ? n : 0;
  }
}
