package dev.marketlens.metrics.conversion;

import dev.marketlens.metrics.Basis;
import dev.marketlens.metrics.Parameters;
import dev.marketlens.metrics.Ratio;
import dev.marketlens.metrics.mrr.Book;
import dev.marketlens.metrics.mrr.Months;
import dev.marketlens.metrics.segments.Dimension;
import dev.marketlens.model.SaleType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Trial-to-paid conversion (§5.11). Evaluations of one customer, app and hosting that follow each
 * other within the grace merge into one episode. Each episode is linked to its first positive sale:
 * the lineage that names it as its evaluation license, else a sale on its own lineage (a cloud
 * license keeps its id when it converts), else the customer's first positive New of the same app
 * and hosting within the window; a sale converts at most one episode, the latest that started
 * before it. The day of conversion is the sale date minus the episode's start.
 */
public final class Conversions {

  /** One merged episode and the sale it converted with. */
  public record Episode(
      int customer, int profile, int start, int end, int saleDate, List<Evaluation> parts) {

    public boolean eventuallyConverted() {
      return saleDate != Evaluation.NO_DATE;
    }

    public int day() {
      return saleDate - start;
    }
  }

  private Conversions() {}

  /** The episodes of the evaluations, with their sale dates. */
  public static List<Episode> episodes(
      Book book, List<Evaluation> evaluations, Parameters parameters) {
    List<String[]> profiles = book.profiles();
    int app = Dimension.APP.ordinal();
    int hosting = Dimension.HOSTING.ordinal();
    List<Evaluation> sorted = new ArrayList<>(evaluations);
    sorted.sort(
        Comparator.comparingInt(Evaluation::customer)
            .thenComparing(e -> profiles.get(e.profile())[app])
            .thenComparing(e -> profiles.get(e.profile())[hosting])
            .thenComparingInt(Evaluation::start));
    List<List<Evaluation>> groups = new ArrayList<>();
    for (Evaluation e : sorted) {
      List<Evaluation> last = groups.isEmpty() ? null : groups.get(groups.size() - 1);
      if (last != null && sameUnit(profiles, last.get(0), e)) {
        int lastEnd = last.stream().mapToInt(Evaluation::end).max().orElseThrow();
        if (e.start() - lastEnd <= parameters.graceDays()) {
          last.add(e);
          continue;
        }
      }
      groups.add(new ArrayList<>(List.of(e)));
    }
    // Sales already taken by an episode, by line.
    boolean[] used = new boolean[book.size()];
    List<Episode> episodes = new ArrayList<>();
    // Later episodes first: a sale converts the latest episode that started before it.
    groups.sort(Comparator.comparingInt((List<Evaluation> g) -> g.get(0).start()).reversed());
    for (List<Evaluation> g : groups) {
      Evaluation first = g.get(0);
      int start = first.start();
      int end = g.stream().mapToInt(Evaluation::end).max().orElseThrow();
      int sale = Evaluation.NO_DATE;
      for (Evaluation e : g) {
        if (e.convertedBy() >= 0) {
          sale = firstSale(book, e.convertedBy(), start, used);
          if (sale == Evaluation.NO_DATE && e.saleDate() != Evaluation.NO_DATE) {
            sale = e.saleDate();
          }
        }
        if (sale == Evaluation.NO_DATE && e.license() >= 0) {
          sale = firstSale(book, e.license(), start, used);
        }
        if (sale != Evaluation.NO_DATE) {
          break;
        }
      }
      if (sale == Evaluation.NO_DATE) {
        sale = firstNewOfCustomer(book, first, start, Integer.MAX_VALUE, used);
      }
      episodes.add(
          new Episode(first.customer(), first.profile(), start, end, sale, List.copyOf(g)));
    }
    episodes.sort(Comparator.comparingInt(Episode::start).thenComparingInt(Episode::customer));
    return episodes;
  }

  private static boolean sameUnit(List<String[]> profiles, Evaluation a, Evaluation b) {
    String[] pa = profiles.get(a.profile());
    String[] pb = profiles.get(b.profile());
    return a.customer() == b.customer()
        && pa[Dimension.APP.ordinal()].equals(pb[Dimension.APP.ordinal()])
        && pa[Dimension.HOSTING.ordinal()].equals(pb[Dimension.HOSTING.ordinal()]);
  }

  /** The first positive sale of a lineage on or after {@code from}, marking it used. */
  /**
   * The first positive sale of a lineage, on or after {@code from}, marking it used; nothing when
   * that sale already converted another episode (a later renewal is no conversion).
   */
  private static int firstSale(Book book, int license, int from, boolean[] used) {
    int best = -1;
    for (int k = book.licenseLinesStart(license); k < book.licenseLinesEnd(license); k++) {
      if (isSale(book, k, false)
          && book.saleDate(k) >= from
          && (best < 0 || book.saleDate(k) < book.saleDate(best))) {
        best = k;
      }
    }
    if (best < 0 || used[best]) {
      return Evaluation.NO_DATE;
    }
    used[best] = true;
    return book.saleDate(best);
  }

  private static int firstNewOfCustomer(Book book, Evaluation e, int from, int to, boolean[] used) {
    String[] wanted = book.profiles().get(e.profile());
    int best = -1;
    for (int i = 0; i < book.customerLineCount(e.customer()); i++) {
      int k = book.customerLine(e.customer(), i);
      if (!isSale(book, k, true) || used[k]) {
        continue;
      }
      String[] p = book.profiles().get(book.profileOf(k));
      if (!p[Dimension.APP.ordinal()].equals(wanted[Dimension.APP.ordinal()])
          || !p[Dimension.HOSTING.ordinal()].equals(wanted[Dimension.HOSTING.ordinal()])) {
        continue;
      }
      int d = book.saleDate(k);
      if (d >= from && d <= to && (best < 0 || d < book.saleDate(best))) {
        best = k;
      }
    }
    if (best < 0) {
      return Evaluation.NO_DATE;
    }
    used[best] = true;
    return book.saleDate(best);
  }

  private static boolean isSale(Book book, int line, boolean newOnly) {
    SaleType t = book.saleType(line);
    boolean type = newOnly ? t == SaleType.NEW : t != SaleType.REFUND;
    return type && book.amount(line, Basis.GROSS) > 0;
  }

  /**
   * The conversion report for months {@code [firstMonth, firstMonth + months)}.
   *
   * @param segmentOfProfile each profile's segment, or null
   */
  public static List<ConversionMonth> months(
      List<Episode> episodes,
      Parameters parameters,
      int firstMonth,
      int months,
      int[] segmentOfProfile,
      List<String> segmentNames,
      boolean[] keep) {
    int segments = segmentOfProfile == null ? 1 : segmentNames.size();
    int[][][] counts = new int[segments][months][5];
    List<List<List<Integer>>> days = new ArrayList<>();
    for (int g = 0; g < segments; g++) {
      List<List<Integer>> perMonth = new ArrayList<>();
      for (int k = 0; k < months; k++) {
        perMonth.add(new ArrayList<>());
      }
      days.add(perMonth);
    }
    int window = parameters.conversionWindowDays();
    for (Episode e : episodes) {
      if (!keep[e.profile()]) {
        continue;
      }
      int g = segmentOfProfile == null ? 0 : segmentOfProfile[e.profile()];
      boolean converted = e.eventuallyConverted() && e.day() >= 0 && e.day() <= window;
      int k = Months.ofEpochDay(e.start()) - firstMonth;
      if (k >= 0 && k < months) {
        counts[g][k][0]++;
        if (converted) {
          counts[g][k][1]++;
          days.get(g).get(k).add(e.day());
        }
        if (e.eventuallyConverted() && e.day() >= 0) {
          counts[g][k][2]++;
        }
      }
      // Atlassian counts an evaluation in the month its evaluationEndDate falls in.
      int ending = Months.ofEpochDay(e.end()) - firstMonth;
      if (ending >= 0 && ending < months) {
        counts[g][ending][3]++;
        if (converted) {
          counts[g][ending][4]++;
        }
      }
    }
    List<ConversionMonth> out = new ArrayList<>();
    for (int k = 0; k < months; k++) {
      for (int g = 0; g < segments; g++) {
        int[] c = counts[g][k];
        Integer median = median(days.get(g).get(k).stream().mapToInt(Integer::intValue).toArray());
        out.add(
            new ConversionMonth(
                Months.toYearMonth(firstMonth + k),
                segmentOfProfile == null ? null : segmentNames.get(g),
                c[0],
                c[1],
                Ratio.of(c[1], c[0]),
                c[2],
                median,
                c[3],
                c[4],
                Ratio.of(c[4], c[3])));
      }
    }
    return out;
  }

  /**
   * The days of conversion of the episodes started in months {@code [firstMonth, firstMonth +
   * months)} that converted at any time, per month (and segment), for the days-to-convert
   * histogram.
   *
   * @param segmentOfProfile each profile's segment, or null
   */
  public static List<DaysToConvert> days(
      List<Episode> episodes,
      Parameters parameters,
      int firstMonth,
      int months,
      int[] segmentOfProfile,
      List<String> segmentNames,
      boolean[] keep) {
    int segments = segmentOfProfile == null ? 1 : segmentNames.size();
    List<List<List<Integer>>> days = new ArrayList<>();
    for (int g = 0; g < segments; g++) {
      List<List<Integer>> perMonth = new ArrayList<>();
      for (int k = 0; k < months; k++) {
        perMonth.add(new ArrayList<>());
      }
      days.add(perMonth);
    }
    for (Episode e : episodes) {
      int k = Months.ofEpochDay(e.start()) - firstMonth;
      if (!keep[e.profile()] || k < 0 || k >= months) {
        continue;
      }
      if (e.eventuallyConverted() && e.day() >= 0) {
        int g = segmentOfProfile == null ? 0 : segmentOfProfile[e.profile()];
        days.get(g).get(k).add(e.day());
      }
    }
    List<DaysToConvert> out = new ArrayList<>();
    for (int k = 0; k < months; k++) {
      for (int g = 0; g < segments; g++) {
        List<Integer> d = days.get(g).get(k);
        d.sort(null);
        out.add(
            new DaysToConvert(
                Months.toYearMonth(firstMonth + k),
                segmentOfProfile == null ? null : segmentNames.get(g),
                parameters.conversionWindowDays(),
                d));
      }
    }
    return out;
  }

  /** The middle value, or the mean of the middle two rounded down; null for none. */
  static Integer median(int[] days) {
    int[] d = days.clone();
    Arrays.sort(d);
    if (d.length == 0) {
      return null;
    }
    return d.length % 2 == 1
        ? d[d.length / 2]
        : Math.floorDiv(d[d.length / 2 - 1] + d[d.length / 2], 2);
  }
}
