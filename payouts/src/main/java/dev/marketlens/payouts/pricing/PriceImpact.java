package dev.marketlens.payouts.pricing;

import dev.marketlens.model.BillingPeriod;
import dev.marketlens.model.Hosting;
import dev.marketlens.model.Tier;
import dev.marketlens.model.transaction.TransactionLine;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The impact of a price change: the subscriptions paying on a day, renewed at each renewal date on
 * the same tier and billing period for 12 months, priced by the current book (baseline) and by the
 * book with the change from its effective date (projection). Existing customers renewing within 60
 * days of the change pay the lower old price (SR-C3). Each renewal keeps the share of the list
 * price the customer paid last time (its discounts, SR-D6).
 */
public final class PriceImpact {

  /** A subscription paying on the day: its latest sale. */
  public record Subscription(
      String license,
      String app,
      Hosting hosting,
      BillingPeriod period,
      Tier tier,
      LocalDate renewal,
      long currentMrr,
      long paid,
      long listed) {}

  /**
   * One month of the projection.
   *
   * @param baselineMrr month-end MRR in cents at the current prices
   * @param projectedMrr month-end MRR in cents with the change
   * @param baselineRevenue renewals billed in the month, cents, at the current prices
   * @param projectedRevenue renewals billed in the month, cents, with the change
   * @param renewals renewals in the month
   * @param overridden renewals in the month at the old price (SR-C3)
   */
  public record Month(
      YearMonth month,
      long baselineMrr,
      long projectedMrr,
      long baselineRevenue,
      long projectedRevenue,
      int renewals,
      int overridden) {}

  private PriceImpact() {}

  /**
   * The subscriptions paying on {@code day}: per license, the latest sale covering it, unrefunded.
   */
  public static List<Subscription> subscriptions(List<TransactionLine> lines, LocalDate day) {
    Map<String, TransactionLine> latest = new LinkedHashMap<>();
    Map<String, LocalDate> refunded = new HashMap<>();
    for (TransactionLine t : lines) {
      if (t.saleType() == null) {
        continue;
      }
      String key = PriceAudit.ids(t.licenseIds()).get(0) + "|" + t.app().value();
      if (t.isRefund()) {
        refunded.merge(key, t.saleDate(), (a, b) -> a.isAfter(b) ? a : b);
        continue;
      }
      TransactionLine known = latest.get(key);
      if (known == null || t.maintenanceEndDate().isAfter(known.maintenanceEndDate())) {
        latest.put(key, t);
      }
    }
    List<Subscription> out = new ArrayList<>();
    latest.forEach(
        (key, t) -> {
          LocalDate refund = refunded.get(key);
          boolean active =
              !t.maintenanceStartDate().isAfter(day)
                  && t.maintenanceEndDate().isAfter(day)
                  && t.purchasePrice().isPositive()
                  && (refund == null || refund.isBefore(t.saleDate()));
          boolean priced =
              t.tier().users().isPresent() || t.tier().kind() == Tier.Kind.UNLIMITED_USERS;
          if (active && priced) {
            out.add(
                new Subscription(
                    key,
                    t.app().value(),
                    t.hosting(),
                    t.billingPeriod(),
                    t.tier(),
                    t.maintenanceEndDate(),
                    monthly(t),
                    t.purchasePrice().cents(),
                    t.listPrice().cents()));
          }
        });
    return out;
  }

  /** The service-intervals N1 rate of a line, in cents a month, rounded half up. */
  static long monthly(TransactionLine t) {
    long days = ChronoUnit.DAYS.between(t.maintenanceStartDate(), t.maintenanceEndDate());
    long amount = t.purchasePrice().cents();
    if (t.billingPeriod() == BillingPeriod.MONTHLY
        && PriceAudit.isWhole(t.maintenanceStartDate(), t.maintenanceEndDate(), 1)) {
      return amount;
    }
    long n = Math.max(1, 12 * ((days * 2 + 365) / 730));
    if (t.billingPeriod() == BillingPeriod.ANNUAL
        && PriceAudit.isWhole(t.maintenanceStartDate(), t.maintenanceEndDate(), (int) n)) {
      return (2 * amount + n) / (2 * n);
    }
    return days <= 0 ? 0 : (amount * 365 * 2 + 12 * days) / (2 * 12 * days);
  }

  /**
   * Projects 12 months from the month of {@code effective}.
   *
   * @param current the book in force (the baseline)
   * @param change the new prices: each app and hosting's latest plan applies from {@code effective}
   * @param subscriptions the subscriptions paying now, e.g. {@link #subscriptions}
   */
  public static List<Month> project(
      PriceBook current, PriceBook change, LocalDate effective, List<Subscription> subscriptions) {
    PriceBook changed = current.changedFrom(change, effective);
    YearMonth first = YearMonth.from(effective);
    long[] baseMrr = new long[12];
    long[] newMrr = new long[12];
    long[] baseRevenue = new long[12];
    long[] newRevenue = new long[12];
    int[] renewals = new int[12];
    int[] overridden = new int[12];
    LocalDate horizon = first.plusMonths(12).atDay(1);
    for (Subscription s : subscriptions) {
      int months = s.period() == BillingPeriod.MONTHLY ? 1 : 12;
      // Month-ends before the first renewal keep the current rate.
      for (int m = 0; m < 12; m++) {
        LocalDate end = first.plusMonths(m).atEndOfMonth();
        if (end.isBefore(s.renewal())) {
          baseMrr[m] += s.currentMrr();
          newMrr[m] += s.currentMrr();
        }
      }
      LocalDate renewal = s.renewal();
      int k = 0;
      while (renewal.isBefore(horizon)) {
        if (s.hosting() == Hosting.SERVER) {
          break;
        }
        LocalDate next = s.renewal().plusMonths((long) months * (k + 1));
        OptionalLong base = price(current, s, renewal);
        OptionalLong projected = price(changed, s, renewal);
        if (base.isEmpty() || projected.isEmpty()) {
          break;
        }
        long p = projected.getAsLong();
        boolean override = false;
        var plan = changed.planOn(s.app(), s.hosting(), renewal);
        if (plan.isPresent()
            && !plan.get().effectiveFrom().isBefore(effective)
            && renewal.isBefore(plan.get().effectiveFrom().plusDays(PriceAudit.OVERRIDE_DAYS))) {
          var old = current.planOn(s.app(), s.hosting(), plan.get().effectiveFrom().minusDays(1));
          OptionalLong oldPrice =
              old.isPresent()
                  ? old.get().termPrice(s.tier(), s.period(), true)
                  : OptionalLong.empty();
          if (oldPrice.isPresent() && oldPrice.getAsLong() < p) {
            p = oldPrice.getAsLong();
            override = true;
          }
        }
        long baseNet = net(s, base.getAsLong());
        long newNet = net(s, p);
        if (!renewal.isBefore(first.atDay(1))) {
          int m = (int) ChronoUnit.MONTHS.between(first, YearMonth.from(renewal));
          baseRevenue[m] += baseNet;
          newRevenue[m] += newNet;
          renewals[m]++;
          if (override) {
            overridden[m]++;
          }
        }
        for (int m = 0; m < 12; m++) {
          LocalDate end = first.plusMonths(m).atEndOfMonth();
          if (!end.isBefore(renewal) && end.isBefore(next)) {
            baseMrr[m] += (2 * baseNet + months) / (2L * months);
            newMrr[m] += (2 * newNet + months) / (2L * months);
          }
        }
        renewal = next;
        k++;
      }
    }
    List<Month> out = new ArrayList<>();
    for (int m = 0; m < 12; m++) {
      out.add(
          new Month(
              first.plusMonths(m),
              baseMrr[m],
              newMrr[m],
              baseRevenue[m],
              newRevenue[m],
              renewals[m],
              overridden[m]));
    }
    return out;
  }

  private static OptionalLong price(PriceBook book, Subscription s, LocalDate day) {
    return book.planOn(s.app(), s.hosting(), day)
        .map(p -> p.termPrice(s.tier(), s.period(), true))
        .orElse(OptionalLong.empty());
  }

  /** The list price less the share the customer's discounts took last time. */
  private static long net(Subscription s, long list) {
    if (s.listed() <= 0) {
      return list;
    }
    return (2 * list * s.paid() + s.listed()) / (2 * s.listed());
  }
}
