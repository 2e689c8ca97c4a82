package dev.marketlens.payouts.pricing;

import dev.marketlens.metrics.report.ReportTable;
import dev.marketlens.metrics.report.ReportTable.Column;
import dev.marketlens.metrics.report.ReportTable.Type;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The pricing results as report tables, shared by the CLI and the REST API. */
public final class PricingTables {

  private PricingTables() {}

  private static Column text(String name) {
    return new Column(name, Type.TEXT);
  }

  private static Column money(String name) {
    return new Column(name, Type.MONEY);
  }

  private static Column count(String name) {
    return new Column(name, Type.COUNT);
  }

  private static Column rate(String name) {
    return new Column(name, Type.RATE);
  }

  /** The price book, one row per tier price. */
  public static ReportTable book(PriceBook book) {
    List<Object[]> rows = new ArrayList<>();
    for (PriceBook.Row r : book.rows()) {
      rows.add(
          new Object[] {
            r.app(),
            r.hosting().wire(),
            r.effectiveFrom().toString(),
            r.tier().toString(),
            r.price(),
            r.renewalPrice()
          });
    }
    return ReportTable.of(
        List.of(
            text("app"),
            text("hosting"),
            text("effectiveFrom"),
            text("tier"),
            money("price"),
            money("renewalPrice")),
        rows);
  }

  /** Audited lines: all of them, or only those the book does not explain. */
  public static ReportTable audit(List<PriceAudit.Line> lines) {
    List<Object[]> rows = new ArrayList<>();
    for (PriceAudit.Line l : lines) {
      rows.add(
          new Object[] {
            l.saleDate().toString(),
            l.transactionId(),
            l.lineItemId(),
            l.app(),
            l.hosting().wire(),
            l.billingPeriod().wire(),
            l.tier(),
            l.saleType().wire(),
            l.termPrice(),
            l.expectedList(),
            l.discounts(),
            l.expectedPurchase(),
            l.actual(),
            l.difference(),
            l.rule().name(),
            l.explained() ? "yes" : "no",
            l.tried(),
            l.arithmetic()
          });
    }
    return ReportTable.of(
        List.of(
            text("saleDate"),
            text("transactionId"),
            text("lineItemId"),
            text("app"),
            text("hosting"),
            text("billingPeriod"),
            text("tier"),
            text("saleType"),
            money("termPrice"),
            money("expectedList"),
            money("discounts"),
            money("expectedPurchase"),
            money("actual"),
            money("difference"),
            text("rule"),
            text("explained"),
            text("tried"),
            text("arithmetic")),
        rows);
  }

  /** Lines by rule: explained and unexplained counts. */
  public static ReportTable auditByRule(PriceAudit.Result result) {
    List<Object[]> rows = new ArrayList<>();
    for (Map.Entry<PriceAudit.Rule, long[]> e : result.byRule().entrySet()) {
      rows.add(
          new Object[] {e.getKey().name(), e.getKey().label(), e.getValue()[0], e.getValue()[1]});
    }
    return ReportTable.of(
        List.of(text("rule"), text("label"), count("explained"), count("unexplained")), rows);
  }

  /** The cloud–server price ratio per tier. */
  public static ReportTable cloudServer(List<PriceGuidance.CloudServer> rows) {
    List<Object[]> out = new ArrayList<>();
    for (PriceGuidance.CloudServer r : rows) {
      out.add(
          new Object[] {
            r.app(),
            (long) r.users(),
            r.serverTier(),
            r.cloudMonthly(),
            r.serverAnnual(),
            cents(r.serverMonthly()),
            cents(r.cloudPerUser()),
            cents(r.serverPerUser()),
            r.ratio()
          });
    }
    return ReportTable.of(
        List.of(
            text("app"),
            count("users"),
            text("serverTier"),
            money("cloudMonthly"),
            money("serverAnnual"),
            money("serverMonthly"),
            money("cloudPerUser"),
            money("serverPerUser"),
            rate("ratio")),
        out);
  }

  /** The normalised guidance per tier. */
  public static ReportTable normalised(List<PriceGuidance.Normalised> rows) {
    List<Object[]> out = new ArrayList<>();
    for (PriceGuidance.Normalised r : rows) {
      out.add(
          new Object[] {
            r.app(),
            r.fromUsers() + "-" + r.toUsers(),
            (long) r.toUsers(),
            r.dcAnnual(),
            cents(r.dcMonthly()),
            cents(r.dcPerUser()),
            cents(r.guidancePerUser()),
            r.appMonthly(),
            cents(r.appPerUser()),
            r.ratio()
          });
    }
    return ReportTable.of(
        List.of(
            text("app"),
            text("tier"),
            count("users"),
            money("dcAverageAnnual"),
            money("dcAverageMonthly"),
            money("dcPerUser"),
            money("guidancePerUser"),
            money("appMonthly"),
            money("appPerUser"),
            rate("ratio")),
        out);
  }

  /** The projection of a price change, month by month. */
  public static ReportTable impact(List<PriceImpact.Month> months) {
    List<Object[]> out = new ArrayList<>();
    for (PriceImpact.Month m : months) {
      out.add(
          new Object[] {
            m.month().toString(),
            m.baselineMrr(),
            m.projectedMrr(),
            m.projectedMrr() - m.baselineMrr(),
            m.baselineRevenue(),
            m.projectedRevenue(),
            m.projectedRevenue() - m.baselineRevenue(),
            (long) m.renewals(),
            (long) m.overridden()
          });
    }
    return ReportTable.of(
        List.of(
            text("month"),
            money("baselineMrr"),
            money("projectedMrr"),
            money("mrrChange"),
            money("baselineRevenue"),
            money("projectedRevenue"),
            money("revenueChange"),
            count("renewals"),
            count("renewalsAtOldPrice")),
        out);
  }

  /** Cents with a fraction, rounded half up to whole cents; null stays null. */
  static Long cents(BigDecimal value) {
    return value == null ? null : value.setScale(0, RoundingMode.HALF_UP).longValueExact();
  }
}
