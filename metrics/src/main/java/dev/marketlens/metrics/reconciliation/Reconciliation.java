package dev.marketlens.metrics.reconciliation;

import dev.marketlens.metrics.Metrics;
import dev.marketlens.metrics.conversion.ConversionMonth;
import dev.marketlens.metrics.movements.Movements;
import dev.marketlens.metrics.renewals.RenewalMonth;
import dev.marketlens.metrics.segments.Dimension;
import dev.marketlens.metrics.segments.Where;
import dev.marketlens.model.published.Published;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reconciles our metrics with the reporting API's own figures for the same months (metrics spec
 * §4.5, §5.10, §5.11):
 *
 * <ul>
 *   <li>partner metrics (MRR movements): the API computes with its own grace ({@code
 *       GRACE_PERIOD_IN_DAYS}, 0 on the emulator); our figures with that grace explain the
 *       difference our grace makes, the rest is unexplained;
 *   <li>cloud renewals: the API counts opportunities whose renewal window is still open; we hold
 *       them out as pending, which explains that part;
 *   <li>cloud conversion: the API counts a conversion at any time after the evaluation (eventual);
 *       ours is within the window, and the eventual count explains the difference.
 * </ul>
 */
public final class Reconciliation {

  private Reconciliation() {}

  /** MRR movements per month against partner metrics. */
  public static List<Difference> mrr(Metrics metrics, List<Published.Mrr> published) {
    List<Difference> out = new ArrayList<>();
    if (published.isEmpty()) {
      return out;
    }
    YearMonth from = published.get(0).month();
    YearMonth to = published.get(published.size() - 1).month();
    int grace = published.get(0).graceDays();
    Metrics.View view = Metrics.View.of(from, to);
    Map<YearMonth, Movements> ours = byMonth(metrics.movements(view));
    Map<YearMonth, Movements> theirs =
        byMonth(metrics.with(metrics.parameters().withGraceDays(grace)).movements(view));
    String why =
        "grace: we bridge coverage gaps of up to "
            + metrics.parameters().graceDays()
            + " days; the API uses "
            + grace;
    for (Published.Mrr p : published) {
      Movements o = ours.get(p.month());
      Movements t = theirs.get(p.month());
      if (o == null || t == null) {
        continue;
      }
      out.add(
          Difference.of(
              p.month(), "mrr", "openingMrr", o.openingMrr(), p.opening(), t.openingMrr(), why));
      out.add(Difference.of(p.month(), "mrr", "newMrr", o.newMrr(), p.newMrr(), t.newMrr(), why));
      out.add(
          Difference.of(
              p.month(),
              "mrr",
              "expansionMrr",
              o.expansionMrr(),
              p.expansion(),
              t.expansionMrr(),
              why));
      out.add(
          Difference.of(
              p.month(),
              "mrr",
              "contractionMrr",
              o.contractionMrr(),
              p.contraction(),
              t.contractionMrr(),
              why));
      out.add(
          Difference.of(
              p.month(), "mrr", "churnedMrr", o.churnedMrr(), p.expired(), t.churnedMrr(), why));
      out.add(
          Difference.of(
              p.month(),
              "mrr",
              "reactivationMrr",
              o.reactivationMrr(),
              p.reactivated(),
              t.reactivationMrr(),
              why));
      out.add(
          Difference.of(
              p.month(), "mrr", "closingMrr", o.closingMrr(), p.closing(), t.closingMrr(), why));
    }
    return out;
  }

  /**
   * Cloud renewal opportunities and renewals per billing period against the API's renewal metric.
   */
  public static List<Difference> renewals(
      Metrics metrics, YearMonth from, YearMonth to, List<Published.Count> published) {
    Metrics.View view =
        Metrics.View.of(from, to)
            .where(new Where(Dimension.HOSTING, "Cloud"))
            .by(Dimension.BILLING_PERIOD);
    Map<String, RenewalMonth> ours = new HashMap<>();
    for (RenewalMonth m : metrics.renewals(view)) {
      ours.put(m.month() + "|" + m.segment(), m);
    }
    String pending = "pending: the API counts terms whose renewal window is still open";
    String zero =
        "unpaid renewals: the API counts a term renewed by a $0 term, or one refunded in full";
    List<Difference> out = new ArrayList<>();
    for (Published.Count c : published) {
      RenewalMonth o = ours.get(c.month() + "|" + c.dataset());
      int opportunities = o == null ? 0 : o.opportunities();
      int renewed = o == null ? 0 : o.renewed();
      int open = o == null ? 0 : o.pending();
      int unpaid = o == null ? 0 : o.renewedUnpaid();
      if (c.series().equals("Renewal opportunities")) {
        out.add(
            Difference.of(
                c.month(),
                "renewals",
                c.dataset() + " opportunities",
                opportunities,
                c.count(),
                opportunities + open,
                pending));
      } else if (c.series().equals("Renewals")) {
        out.add(
            Difference.of(
                c.month(),
                "renewals",
                c.dataset() + " renewals",
                renewed,
                c.count(),
                renewed + unpaid,
                zero));
      }
    }
    return out;
  }

  /** Cloud evaluations and conversions by evaluation-start month against the API's. */
  public static List<Difference> conversion(
      Metrics metrics, YearMonth from, YearMonth to, List<Published.Count> published) {
    Metrics.View view = Metrics.View.of(from, to).where(new Where(Dimension.HOSTING, "Cloud"));
    Map<YearMonth, ConversionMonth> ours = new HashMap<>();
    for (ConversionMonth m : metrics.conversion(view)) {
      ours.put(m.month(), m);
    }
    String window =
        "window: we count conversions within "
            + metrics.parameters().conversionWindowDays()
            + " days of the evaluation's start; the API at any time";
    List<Difference> out = new ArrayList<>();
    for (Published.Count c : published) {
      ConversionMonth o = ours.get(c.month());
      if (c.series().equals("Evaluations")) {
        long n = o == null ? 0 : o.evaluations();
        out.add(Difference.of(c.month(), "conversion", "evaluations", n, c.count(), n, ""));
      } else if (c.series().equals("Conversions")) {
        long converted = o == null ? 0 : o.converted();
        long eventual = o == null ? 0 : o.eventualConversions();
        out.add(
            Difference.of(
                c.month(), "conversion", "conversions", converted, c.count(), eventual, window));
      }
    }
    return out;
  }

  private static Map<YearMonth, Movements> byMonth(List<Movements> months) {
    Map<YearMonth, Movements> out = new HashMap<>();
    for (Movements m : months) {
      out.put(m.month(), m);
    }
    return out;
  }
}
