package dev.marketlens.metrics.renewals;

import dev.marketlens.metrics.Parameters;
import dev.marketlens.metrics.Ratio;
import dev.marketlens.metrics.mrr.Book;
import dev.marketlens.metrics.mrr.Fixed;
import dev.marketlens.metrics.mrr.Intervals;
import dev.marketlens.metrics.mrr.Months;
import dev.marketlens.metrics.mrr.Parallel;
import dev.marketlens.metrics.segments.Dimension;
import dev.marketlens.model.SaleType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Renewal opportunities (§5.10). An opportunity is a paid term: a New, Renewal, Upgrade or
 * Downgrade interval with MRR above half a cent, not voided by a refund of its whole period, and
 * not cut short by a later upgrade (the upgrade's term takes its place). It ends on its original
 * end date {@code e}. It renewed when a positive, not voided sale of the same customer and app
 * starts in {@code [e − 7 days, e + grace]}: a Renewal, or a New (a new license), or a Downgrade or
 * Upgrade (the world and the live API record a renewal to a lower tier as a Downgrade). A
 * cancellation refund leaves the opportunity standing: the term simply does not renew.
 */
public final class Renewals {

  private final Book book;
  private final Intervals intervals;
  private final Parameters parameters;
  private final boolean[] voided;

  /**
   * Per line: {@link #NOT_AN_OPPORTUNITY}, {@link #NOT_RENEWED}, {@link #RENEWED_UNPAID} (only a $0
   * or fully refunded term followed) or the line that renewed it.
   */
  private final int[] renewalOf;

  private static final int NOT_AN_OPPORTUNITY = -3;
  private static final int RENEWED_UNPAID = -2;
  private static final int NOT_RENEWED = -1;

  private Renewals(Intervals intervals, Parameters parameters) {
    this.book = intervals.book();
    this.intervals = intervals;
    this.parameters = parameters;
    this.voided = voided(book, intervals);
    this.renewalOf = new int[book.size()];
    Arrays.fill(renewalOf, NOT_AN_OPPORTUNITY);
    int[] appOf = appOfProfile(book);
    // Customers are independent: each finds the renewals of its own lines.
    Parallel.ranges(book.customerCount(), (from, to) -> outcomes(from, to, appOf));
  }

  /** Marks the opportunities of customers {@code [from, to)} and what renewed them. */
  private void outcomes(int from, int to, int[] appOf) {
    // A customer's candidates, by start then line: {@code start << 32 | line}, sorted.
    long[] candidates = new long[16];
    long[] unpaid = new long[4];
    for (int c = from; c < to; c++) {
      int n = 0;
      int zeros = 0;
      for (int i = 0; i < book.customerLineCount(c); i++) {
        int k = book.customerLine(c, i);
        if (book.saleType(k) == SaleType.REFUND) {
          continue;
        }
        if (Fixed.positive(intervals.rate(k)) && !voided[k]) {
          if (n == candidates.length) {
            candidates = Arrays.copyOf(candidates, n * 2);
          }
          candidates[n++] = pack(book.start(k), k);
        } else if (book.end(k) > book.start(k)) {
          // Not paying: a $0 term, or one refunded in full.
          if (zeros == unpaid.length) {
            unpaid = Arrays.copyOf(unpaid, zeros * 2);
          }
          unpaid[zeros++] = pack(book.start(k), k);
        }
      }
      Arrays.sort(candidates, 0, n);
      for (int i = 0; i < book.customerLineCount(c); i++) {
        int k = book.customerLine(c, i);
        if (!isOpportunity(k)) {
          continue;
        }
        renewalOf[k] = NOT_RENEWED;
        int e = book.end(k);
        int earliest = Math.max(e - Parameters.EARLY_RENEWAL_DAYS, book.start(k) + 1);
        int latest = e + parameters.graceDays();
        // The earliest start in [earliest, latest] of the same app, the lowest line among equal
        // starts.
        int j = Arrays.binarySearch(candidates, 0, n, pack(earliest, 0));
        for (j = j < 0 ? -j - 1 : j; j < n && (int) (candidates[j] >> 32) <= latest; j++) {
          int r = (int) candidates[j];
          if (r != k && appOf[book.profileOf(r)] == appOf[book.profileOf(k)]) {
            renewalOf[k] = r;
            break;
          }
        }
        if (renewalOf[k] == NOT_RENEWED && any(unpaid, zeros, k, earliest, latest, appOf)) {
          renewalOf[k] = RENEWED_UNPAID;
        }
      }
    }
  }

  private static long pack(int day, int line) {
    return (long) day << 32 | line;
  }

  /** Each profile's app, as a number. */
  private static int[] appOfProfile(Book book) {
    int app = Dimension.APP.ordinal();
    List<String> apps = new ArrayList<>();
    int[] appOf = new int[book.profiles().size()];
    for (int p = 0; p < appOf.length; p++) {
      String name = book.profiles().get(p)[app];
      int a = apps.indexOf(name);
      if (a < 0) {
        a = apps.size();
        apps.add(name);
      }
      appOf[p] = a;
    }
    return appOf;
  }

  /** Whether any of a customer's lines (packed, unsorted) of {@code k}'s app starts in range. */
  private boolean any(long[] lines, int n, int k, int from, int to, int[] appOf) {
    for (int j = 0; j < n; j++) {
      int r = (int) lines[j];
      int start = (int) (lines[j] >> 32);
      if (r != k
          && start >= from
          && start <= to
          && appOf[book.profileOf(r)] == appOf[book.profileOf(k)]) {
        return true;
      }
    }
    return false;
  }

  /** The opportunities of a book's intervals. */
  public static Renewals of(Intervals intervals, Parameters parameters) {
    return new Renewals(intervals, parameters);
  }

  private boolean isOpportunity(int k) {
    SaleType t = book.saleType(k);
    return t != SaleType.REFUND
        && Fixed.positive(intervals.rate(k))
        && !voided[k]
        && intervals.effectiveEnd(k) == book.end(k);
  }

  /**
   * Lines whose whole period a refund returned: a refund on the same license over the same period
   * returning all but at most a dollar, or a refund without a period that voided its original.
   */
  private static boolean[] voided(Book book, Intervals intervals) {
    boolean[] voided = new boolean[book.size()];
    Parallel.ranges(
        book.licenseCount(), (first, last) -> voided(book, intervals, first, last, voided));
    for (int k = 0; k < book.size(); k++) {
      voided[k] |= intervals.isVoided(k);
    }
    return voided;
  }

  /** Marks the lines of licenses {@code [first, last)} that a same-period refund returned. */
  private static void voided(
      Book book, Intervals intervals, int first, int last, boolean[] voided) {
    for (int l = first; l < last; l++) {
      int from = book.licenseLinesStart(l);
      int to = book.licenseLinesEnd(l);
      for (int r = from; r < to; r++) {
        if (book.saleType(r) != SaleType.REFUND) {
          continue;
        }
        for (int k = from; k < to; k++) {
          if (k != r
              && !voided[k]
              && book.saleType(k) != SaleType.REFUND
              && book.start(k) == book.start(r)
              && book.end(k) == book.end(r)
              && book.end(k) > book.start(k)
              && Math.abs(book.amount(r, intervals.basis()))
                  >= book.amount(k, intervals.basis()) - Intervals.VOID_TOLERANCE_CENTS) {
            voided[k] = true;
            break;
          }
        }
      }
    }
  }

  /**
   * The renewal report for months {@code [firstMonth, firstMonth + months)}: opportunities by the
   * month their term ends.
   */
  public List<RenewalMonth> months(
      int firstMonth, int months, boolean[] keep, int[] segmentOfProfile, List<String> names) {
    int segments = segmentOfProfile == null ? 1 : names.size();
    // Lines are independent: each range sums its own, then the sums add up.
    List<long[][][]> parts =
        Parallel.map(
            renewalOf.length,
            (from, to) -> sums(from, to, firstMonth, months, keep, segmentOfProfile, segments));
    long[][][] sums = parts.get(0);
    for (long[][][] part : parts.subList(1, parts.size())) {
      for (int g = 0; g < segments; g++) {
        for (int k = 0; k < months; k++) {
          for (int i = 0; i < 7; i++) {
            sums[g][k][i] += part[g][k][i];
          }
        }
      }
    }
    List<RenewalMonth> out = new ArrayList<>();
    for (int k = 0; k < months; k++) {
      for (int g = 0; g < segments; g++) {
        long[] s = sums[g][k];
        out.add(
            new RenewalMonth(
                Months.toYearMonth(firstMonth + k),
                segmentOfProfile == null ? null : names.get(g),
                (int) s[0],
                (int) s[1],
                Ratio.of(s[1], s[0]),
                Ratio.of(s[3], s[2]),
                Ratio.of(s[4], s[2]),
                (int) s[5],
                (int) s[6]));
      }
    }
    return out;
  }

  /**
   * Per segment and month of the term's end, over lines {@code [from, to)}: opportunities, renewed,
   * their rates, the renewals' rates, pending and renewed unpaid.
   */
  private long[][][] sums(
      int from,
      int to,
      int firstMonth,
      int months,
      boolean[] keep,
      int[] segmentOfProfile,
      int segments) {
    long[][][] sums = new long[segments][months][7];
    long asOf = parameters.asOf().toEpochDay();
    for (int line = from; line < to; line++) {
      int renewal = renewalOf[line];
      if (renewal == NOT_AN_OPPORTUNITY) {
        continue;
      }
      int end = book.end(line);
      int profile = book.profileOf(line);
      if (!keep[profile]) {
        continue;
      }
      int k = Months.ofEpochDay(end) - firstMonth;
      if (k < 0 || k >= months) {
        continue;
      }
      long[] s = sums[segmentOfProfile == null ? 0 : segmentOfProfile[profile]][k];
      if (renewal == NOT_RENEWED && end + parameters.graceDays() >= asOf) {
        s[5]++;
        continue;
      }
      long rate = intervals.rate(line);
      s[0]++;
      s[2] += rate;
      if (renewal >= 0) {
        s[1]++;
        s[3] += rate;
        s[4] += intervals.rate(renewal);
      }
      if (renewal == RENEWED_UNPAID) {
        s[6]++;
      }
    }
    return sums;
  }

  /**
   * Terms ending within {@code days} after {@code asOf}, or ended less than the grace before it,
   * not renewed yet; soonest first.
   */
  public List<UpcomingRenewal> upcoming(int days, boolean[] keep) {
    long asOf = parameters.asOf().toEpochDay();
    List<Long> due = new ArrayList<>();
    for (int line = 0; line < renewalOf.length; line++) {
      long until = book.end(line) - asOf;
      if (renewalOf[line] == NOT_RENEWED
          && keep[book.profileOf(line)]
          && until <= days
          && until >= -parameters.graceDays()) {
        due.add(pack(book.end(line), line));
      }
    }
    due.sort(null); // soonest end first, then by line
    List<UpcomingRenewal> out = new ArrayList<>();
    for (long o : due) {
      int line = (int) o;
      int end = (int) (o >> 32);
      int profile = book.profileOf(line);
      long until = end - asOf;
      String[] p = book.profiles().get(profile);
      out.add(
          new UpcomingRenewal(
              book.licenseKey(book.licenseOf(line)),
              book.customerKey(book.customerOf(line)),
              p[Dimension.APP.ordinal()],
              p[Dimension.HOSTING.ordinal()],
              p[Dimension.BILLING_PERIOD.ordinal()],
              LocalDate.ofEpochDay(end),
              until,
              Fixed.cents(intervals.rate(line))));
    }
    return out;
  }
}
