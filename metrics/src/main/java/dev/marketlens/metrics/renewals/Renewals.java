package dev.marketlens.metrics.renewals;

import dev.marketlens.metrics.Parameters;
import dev.marketlens.metrics.Ratio;
import dev.marketlens.metrics.mrr.Book;
import dev.marketlens.metrics.mrr.Fixed;
import dev.marketlens.metrics.mrr.Intervals;
import dev.marketlens.metrics.mrr.Months;
import dev.marketlens.metrics.segments.Dimension;
import dev.marketlens.model.SaleType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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

  /** One opportunity and its outcome. */
  record Opportunity(
      int line, int end, boolean renewed, long rate, long renewalRate, boolean renewedUnpaid) {}

  private final Book book;
  private final Intervals intervals;
  private final Parameters parameters;
  private final boolean[] voided;
  private final List<Opportunity> opportunities = new ArrayList<>();

  private Renewals(Intervals intervals, Parameters parameters) {
    this.book = intervals.book();
    this.intervals = intervals;
    this.parameters = parameters;
    this.voided = voided(book, intervals);
    int app = Dimension.APP.ordinal();
    int[] candidates = new int[16];
    int[] zero = new int[16];
    String[] appOf = book.profiles().stream().map(p -> p[app]).toArray(String[]::new);
    for (int c = 0; c < book.customerCount(); c++) {
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
          candidates[n++] = k;
        } else if (book.end(k) > book.start(k)) {
          // Not paying: a $0 term, or one refunded in full.
          if (zeros == zero.length) {
            zero = Arrays.copyOf(zero, zeros * 2);
          }
          zero[zeros++] = k;
        }
      }
      for (int i = 0; i < book.customerLineCount(c); i++) {
        int k = book.customerLine(c, i);
        if (!isOpportunity(k)) {
          continue;
        }
        int e = book.end(k);
        int from = Math.max(e - Parameters.EARLY_RENEWAL_DAYS, book.start(k) + 1);
        int to = e + parameters.graceDays();
        int found = first(candidates, n, k, from, to, appOf);
        boolean unpaid = found < 0 && first(zero, zeros, k, from, to, appOf) >= 0;
        opportunities.add(
            new Opportunity(
                k,
                e,
                found >= 0,
                intervals.rate(k),
                found >= 0 ? intervals.rate(found) : 0,
                unpaid));
      }
    }
    opportunities.sort(
        Comparator.comparingInt(Opportunity::end).thenComparingInt(Opportunity::line));
  }

  /** The earliest of {@code lines} of the same app as {@code k} starting in {@code [from, to]}. */
  private int first(int[] lines, int n, int k, int from, int to, String[] appOf) {
    int found = -1;
    for (int j = 0; j < n; j++) {
      int r = lines[j];
      int s = book.start(r);
      if (r != k
          && s >= from
          && s <= to
          && appOf[book.profileOf(r)].equals(appOf[book.profileOf(k)])
          && (found < 0 || s < book.start(found))) {
        found = r;
      }
    }
    return found;
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
    for (int l = 0; l < book.licenseCount(); l++) {
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
    for (int k = 0; k < book.size(); k++) {
      voided[k] |= intervals.isVoided(k);
    }
    return voided;
  }

  /**
   * The renewal report for months {@code [firstMonth, firstMonth + months)}: opportunities by the
   * month their term ends.
   */
  public List<RenewalMonth> months(
      int firstMonth, int months, boolean[] keep, int[] segmentOfProfile, List<String> names) {
    int segments = segmentOfProfile == null ? 1 : names.size();
    long[][][] sums = new long[segments][months][7];
    long asOf = parameters.asOf().toEpochDay();
    for (Opportunity o : opportunities) {
      int profile = book.profileOf(o.line());
      if (!keep[profile]) {
        continue;
      }
      int k = Months.ofEpochDay(o.end()) - firstMonth;
      if (k < 0 || k >= months) {
        continue;
      }
      long[] s = sums[segmentOfProfile == null ? 0 : segmentOfProfile[profile]][k];
      if (!o.renewed() && o.end() + parameters.graceDays() >= asOf) {
        s[5]++;
        continue;
      }
      s[0]++;
      s[2] += o.rate();
      if (o.renewed()) {
        s[1]++;
        s[3] += o.rate();
        s[4] += o.renewalRate();
      }
      if (o.renewedUnpaid()) {
        s[6]++;
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
   * Terms ending within {@code days} after {@code asOf}, or ended less than the grace before it,
   * not renewed yet; soonest first.
   */
  public List<UpcomingRenewal> upcoming(int days, boolean[] keep) {
    long asOf = parameters.asOf().toEpochDay();
    List<UpcomingRenewal> out = new ArrayList<>();
    for (Opportunity o : opportunities) {
      int profile = book.profileOf(o.line());
      long until = o.end() - asOf;
      if (o.renewed() || !keep[profile] || until > days || until < -parameters.graceDays()) {
        continue;
      }
      String[] p = book.profiles().get(profile);
      out.add(
          new UpcomingRenewal(
              book.licenseKey(book.licenseOf(o.line())),
              book.customerKey(book.customerOf(o.line())),
              p[Dimension.APP.ordinal()],
              p[Dimension.HOSTING.ordinal()],
              p[Dimension.BILLING_PERIOD.ordinal()],
              LocalDate.ofEpochDay(o.end()),
              until,
              Fixed.cents(o.rate())));
    }
    return out;
  }
}
