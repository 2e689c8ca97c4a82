package dev.marketlens.payouts.remittance;

import dev.marketlens.metrics.report.ReportTable;
import dev.marketlens.metrics.report.ReportTable.Column;
import dev.marketlens.metrics.report.ReportTable.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A remittance reconciliation as report tables, the same rows for the CLI ({@code reconcile
 * remittance --view …}), the REST API and the page: money in cents, dates ISO, null where a side
 * has no value.
 */
public final class RemittanceTables {

  /** The tables, by their name on the command line and in the API. */
  public enum View {
    /** One row per month: remitted, expected, variance and the lines of each outcome. */
    MONTHS,
    /** One row per month and outcome: lines, remitted, expected, difference. */
    KINDS,
    /** One row per line that needs attention (every line with {@code all}). */
    LINES;

    public static Optional<View> parse(String text) {
      return Arrays.stream(values()).filter(v -> v.name().equalsIgnoreCase(text)).findFirst();
    }

    public static String names() {
      return String.join(
          "|", Arrays.stream(values()).map(v -> v.name().toLowerCase(Locale.ROOT)).toList());
    }
  }

  private RemittanceTables() {}

  /** The table of a view; {@code all} keeps matched lines in {@link View#LINES}. */
  public static ReportTable of(RemittanceReconciliation r, View view, boolean all) {
    return switch (view) {
      case MONTHS -> months(r);
      case KINDS -> kinds(r);
      case LINES -> lines(r, all);
    };
  }

  /** Per month: remitted, expected, variance, and how many lines of each outcome. */
  public static ReportTable months(RemittanceReconciliation r) {
    List<Column> columns = new ArrayList<>();
    columns.add(new Column("month", Type.TEXT));
    columns.add(new Column("remittanceLines", Type.COUNT));
    columns.add(new Column("transactionLines", Type.COUNT));
    columns.add(new Column("remitted", Type.MONEY));
    columns.add(new Column("expected", Type.MONEY));
    columns.add(new Column("variance", Type.MONEY));
    for (Outcome o : Outcome.values()) {
      columns.add(new Column(camel(o), Type.COUNT));
    }
    List<Object[]> rows = new ArrayList<>();
    for (RemittanceReconciliation.MonthSummary m : r.summaries()) {
      List<Object> row = new ArrayList<>();
      row.add(m.month().toString());
      row.add(m.remittanceLines());
      row.add(m.transactionLines());
      row.add(m.remitted());
      row.add(m.expected());
      row.add(m.variance());
      for (Outcome o : Outcome.values()) {
        row.add(m.count(o));
      }
      rows.add(row.toArray());
    }
    return ReportTable.of(columns, rows);
  }

  /** Per month and outcome: lines, remitted and expected net revenue, and their difference. */
  public static ReportTable kinds(RemittanceReconciliation r) {
    List<Column> columns =
        List.of(
            new Column("month", Type.TEXT),
            new Column("outcome", Type.TEXT),
            new Column("lines", Type.COUNT),
            new Column("remitted", Type.MONEY),
            new Column("expected", Type.MONEY),
            new Column("difference", Type.MONEY));
    List<Object[]> rows = new ArrayList<>();
    for (RemittanceReconciliation.Total t : r.totals()) {
      rows.add(
          new Object[] {
            t.month().toString(),
            t.outcome().label(),
            t.lines(),
            t.remittedNetRevenue(),
            t.expectedNetRevenue(),
            t.difference()
          });
    }
    return ReportTable.of(columns, rows);
  }

  /** The lines that are not plainly matched, or every line with {@code all}. */
  public static ReportTable lines(RemittanceReconciliation r, boolean all) {
    List<Column> columns =
        List.of(
            new Column("month", Type.TEXT),
            new Column("outcome", Type.TEXT),
            new Column("source", Type.TEXT),
            new Column("line", Type.COUNT),
            new Column("saleDate", Type.TEXT),
            new Column("orderId", Type.TEXT),
            new Column("licenseId", Type.TEXT),
            new Column("customer", Type.TEXT),
            new Column("app", Type.TEXT),
            new Column("reference", Type.TEXT),
            new Column("remittedSalePrice", Type.MONEY),
            new Column("remittedNetRevenue", Type.MONEY),
            new Column("lineItemId", Type.TEXT),
            new Column("apiSaleDate", Type.TEXT),
            new Column("expectedSalePrice", Type.MONEY),
            new Column("expectedNetRevenue", Type.MONEY),
            new Column("netDifference", Type.MONEY));
    List<Object[]> rows = new ArrayList<>();
    for (ReconciledLine l : r.lines()) {
      if (!all && l.outcome() == Outcome.MATCHED) {
        continue;
      }
      rows.add(
          new Object[] {
            l.month().toString(),
            l.outcome().label(),
            l.source(),
            l.line(),
            l.saleDate() == null ? null : l.saleDate().toString(),
            l.orderId(),
            l.licenseId(),
            l.customer(),
            l.app(),
            l.reference(),
            l.remittedSalePrice(),
            l.remittedNetRevenue(),
            l.lineItemId(),
            l.apiSaleDate() == null ? null : l.apiSaleDate().toString(),
            l.expectedSalePrice(),
            l.expectedNetRevenue(),
            l.netDifference()
          });
    }
    return ReportTable.of(columns, rows);
  }

  /** {@code NOT_IN_API} → {@code notInApi}. */
  static String camel(Outcome o) {
    StringBuilder sb = new StringBuilder();
    boolean upper = false;
    for (char c : o.name().toLowerCase(Locale.ROOT).toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        sb.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return sb.toString();
  }
}
