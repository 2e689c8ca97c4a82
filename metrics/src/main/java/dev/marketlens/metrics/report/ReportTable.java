package dev.marketlens.metrics.report;

import dev.marketlens.metrics.Metrics;
import dev.marketlens.metrics.churn.ChurnMonth;
import dev.marketlens.metrics.cohorts.Cohort;
import dev.marketlens.metrics.conversion.ConversionMonth;
import dev.marketlens.metrics.conversion.DaysToConvert;
import dev.marketlens.metrics.ledger.LedgerLine;
import dev.marketlens.metrics.movements.GrowthMonth;
import dev.marketlens.metrics.movements.Movements;
import dev.marketlens.metrics.movements.MrrMonth;
import dev.marketlens.metrics.reconciliation.Difference;
import dev.marketlens.metrics.renewals.RenewalMonth;
import dev.marketlens.metrics.renewals.UpcomingRenewal;
import dev.marketlens.metrics.retention.RetentionMonth;
import dev.marketlens.model.DiscountType;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One report as rows of named, typed columns, printed as a table for people, or as JSON or CSV for
 * scripts (callers turn {@link #objects()} into JSON). The JSON shapes are a contract: one object
 * per month (and segment, with a {@code segment} field when segmented), money in integer cents,
 * rates as decimals, null where undefined.
 */
public final class ReportTable {

  /** The reports, by their name on the command line. */
  public enum Kind {
    MOVEMENTS,
    MRR,
    CHURN,
    NRR,
    COHORTS,
    RENEWALS,
    CONVERSION,
    GROWTH,
    UPCOMING,
    LEDGER;

    public static Optional<Kind> parse(String text) {
      return Arrays.stream(values()).filter(k -> k.name().equalsIgnoreCase(text)).findFirst();
    }

    public static String names() {
      return Arrays.stream(values())
          .map(k -> k.name().toLowerCase(Locale.ROOT))
          .collect(Collectors.joining(", "));
    }
  }

  public enum Format {
    TABLE,
    JSON,
    CSV;

    public static Optional<Format> parse(String text) {
      return Arrays.stream(values()).filter(f -> f.name().equalsIgnoreCase(text)).findFirst();
    }
  }

  /** How a column's values read: cents and fractions are shown as dollars and percentages. */
  public enum Type {
    TEXT,
    COUNT,
    MONEY,
    RATE,
    /** A list of rates (cohort retention) or a map of money by name (ledger discounts). */
    NESTED
  }

  public record Column(String name, Type type) {}

  private final List<Column> columns;
  private final List<Object[]> rows;

  private ReportTable(List<Column> columns, List<Object[]> rows) {
    this.columns = columns;
    this.rows = rows;
  }

  /**
   * A table of other reports (payouts, reconciliations, checks): each row has one value per column,
   * in order — text, whole numbers, cents for {@link Type#MONEY}, decimals for {@link Type#RATE}.
   */
  public static ReportTable of(List<Column> columns, List<Object[]> rows) {
    for (Object[] row : rows) {
      if (row.length != columns.size()) {
        throw new IllegalArgumentException(row.length + " values for " + columns);
      }
    }
    return new ReportTable(List.copyOf(columns), List.copyOf(rows));
  }

  public static ReportTable of(
      Kind kind, Metrics metrics, Metrics.View view, Cohort.Measure measure, int days) {
    boolean segmented = view.by().isPresent();
    Builder b = new Builder(segmented);
    if (metrics.isEmpty()) {
      // An empty store has nothing to report: no rows, not a row of zeros per month.
      b.empty = true;
    }
    switch (kind) {
      case MOVEMENTS -> {
        b.month().money("openingMrr").money("newMrr").money("expansionMrr");
        b.money("contractionMrr").money("churnedMrr").money("reactivationMrr");
        if (segmented) {
          b.money("segmentInMrr").money("segmentOutMrr");
        }
        b.money("closingMrr").count("customers");
        for (Movements m : metrics.movements(view)) {
          List<Object> r = b.row(m.month(), m.segment());
          r.addAll(
              List.of(
                  m.openingMrr(),
                  m.newMrr(),
                  m.expansionMrr(),
                  m.contractionMrr(),
                  m.churnedMrr(),
                  m.reactivationMrr()));
          if (segmented) {
            r.addAll(List.of(m.segmentInMrr(), m.segmentOutMrr()));
          }
          r.addAll(List.of(m.closingMrr(), m.customers()));
          b.add(r);
        }
      }
      case MRR -> {
        b.month().money("mrr").money("arr").count("customers").money("arpa");
        for (MrrMonth m : metrics.mrr(view)) {
          b.add(b.row(m.month(), m.segment(), m.mrr(), m.arr(), m.customers(), m.arpa()));
        }
      }
      case CHURN -> {
        b.month().count("customersOpening").count("customersChurned");
        b.rate("logoChurnRate").rate("grossRevenueChurnRate").rate("netRevenueChurnRate");
        for (ChurnMonth m : metrics.churn(view)) {
          b.add(
              b.row(
                  m.month(),
                  m.segment(),
                  m.customersOpening(),
                  m.customersChurned(),
                  m.logoChurnRate(),
                  m.grossRevenueChurnRate(),
                  m.netRevenueChurnRate()));
        }
      }
      case NRR -> {
        b.month().rate("nrr").rate("grr").rate("nrr12").rate("grr12");
        for (RetentionMonth m : metrics.retention(view)) {
          b.add(b.row(m.month(), m.segment(), m.nrr(), m.grr(), m.nrr12(), m.grr12()));
        }
      }
      case COHORTS -> {
        b.column("cohort", Type.TEXT);
        b.segment().count("size").column("retention", Type.NESTED);
        for (Cohort c : metrics.cohorts(view, measure)) {
          b.add(b.row(c.cohort(), c.segment(), c.size(), c.retention()));
        }
      }
      case RENEWALS -> {
        b.month().count("opportunities").count("renewed").rate("logoRenewalRate");
        b.rate("revenueRenewalRate").rate("netRenewalRate").count("pending");
        b.count("renewedUnpaid");
        for (RenewalMonth m : metrics.renewals(view)) {
          b.add(
              b.row(
                  m.month(),
                  m.segment(),
                  m.opportunities(),
                  m.renewed(),
                  m.logoRenewalRate(),
                  m.revenueRenewalRate(),
                  m.netRenewalRate(),
                  m.pending(),
                  m.renewedUnpaid()));
        }
      }
      case CONVERSION -> {
        b.month().count("evaluations").count("converted").rate("conversionRate");
        b.count("eventualConversions").count("medianDaysToConvert");
        b.count("evaluationsEnding").count("convertedEnding").rate("atlassianConversionRate");
        for (ConversionMonth m : metrics.conversion(view)) {
          b.add(
              b.row(
                  m.month(),
                  m.segment(),
                  m.evaluations(),
                  m.converted(),
                  m.conversionRate(),
                  m.eventualConversions(),
                  m.medianDaysToConvert(),
                  m.evaluationsEnding(),
                  m.convertedEnding(),
                  m.atlassianConversionRate()));
        }
      }
      case GROWTH -> {
        b.month().money("netNewMrr").rate("mrrGrowth").rate("expansionRate");
        b.column("quickRatio", Type.TEXT).column("quickRatioWithoutReactivation", Type.TEXT);
        b.rate("meanLogoChurn12").column("averageLifetimeMonths", Type.TEXT).money("ltv");
        for (GrowthMonth m : metrics.growth(view)) {
          b.add(
              b.row(
                  m.month(),
                  m.segment(),
                  m.netNewMrr(),
                  m.mrrGrowth(),
                  m.expansionRate(),
                  m.quickRatio(),
                  m.quickRatioWithoutReactivation(),
                  m.meanLogoChurn12(),
                  m.averageLifetimeMonths(),
                  m.ltv()));
        }
      }
      case UPCOMING -> {
        Builder u = new Builder(false);
        u.column("license", Type.TEXT).column("customer", Type.TEXT).column("app", Type.TEXT);
        u.column("hosting", Type.TEXT).column("billingPeriod", Type.TEXT);
        u.column("endDate", Type.TEXT).count("daysUntil").money("mrr");
        for (UpcomingRenewal r : metrics.upcoming(days, view.where())) {
          u.add(
              new ArrayList<>(
                  Arrays.asList(
                      r.license(),
                      r.customer(),
                      r.app(),
                      r.hosting(),
                      r.billingPeriod(),
                      r.endDate(),
                      r.daysUntil(),
                      r.mrr())));
        }
        return u.table();
      }
      case LEDGER -> {
        Builder l = new Builder(false);
        for (String text :
            List.of(
                "transactionLineItemId",
                "transactionId",
                "license",
                "customer",
                "app",
                "saleDate",
                "saleType",
                "hosting",
                "billingPeriod",
                "maintenanceStartDate",
                "maintenanceEndDate")) {
          l.column(text, Type.TEXT);
        }
        l.money("listPrice").column("discounts", Type.NESTED).money("purchasePrice");
        l.money("vendorAmount").money("atlassianShare").column("refundOf", Type.TEXT);
        l.column("zeroDollar", Type.TEXT).money("mrr");
        for (LedgerLine x : metrics.ledger(view)) {
          l.add(
              new ArrayList<>(
                  Arrays.asList(
                      x.transactionLineItemId(),
                      x.transactionId(),
                      x.license(),
                      x.customer(),
                      x.app(),
                      x.saleDate(),
                      x.saleType(),
                      x.hosting(),
                      x.billingPeriod(),
                      x.maintenanceStartDate(),
                      x.maintenanceEndDate(),
                      x.listPrice(),
                      x.discounts(),
                      x.purchasePrice(),
                      x.vendorAmount(),
                      x.atlassianShare(),
                      x.refundOf(),
                      x.zeroDollar(),
                      x.mrr())));
        }
        return l.table();
      }
      default -> throw new IllegalStateException(kind.name());
    }
    return b.table();
  }

  /**
   * The days-to-convert distribution: per month (and segment) of the episodes' start, the
   * conversions at any time, those within the window and their median day, and the conversions per
   * bucket of days ({@code days0to7} … {@code days91plus}). No rows for an empty store.
   */
  public static ReportTable daysToConvert(Metrics metrics, Metrics.View view) {
    boolean segmented = view.by().isPresent();
    Builder b = new Builder(segmented);
    b.empty = metrics.isEmpty();
    b.month().count("eventualConversions").count("converted").count("medianDaysToConvert");
    for (DaysToConvert.Bucket bucket : DaysToConvert.BUCKETS) {
      b.count(bucket.field());
    }
    for (DaysToConvert d : metrics.daysToConvert(view)) {
      List<Object> r =
          b.row(
              d.month(),
              d.segment(),
              d.eventualConversions(),
              d.converted(),
              d.medianDaysToConvert());
      r.addAll(d.counts());
      b.add(r);
    }
    return b.table();
  }

  /** The differences of a reconciliation, one row each. */
  public static ReportTable reconciliation(List<Difference> differences) {
    Builder b = new Builder(false);
    b.column("month", Type.TEXT).column("metric", Type.TEXT).column("field", Type.TEXT);
    b.column("ours", Type.TEXT).column("published", Type.TEXT).column("difference", Type.TEXT);
    b.column("explained", Type.TEXT).column("unexplained", Type.TEXT);
    b.column("explanation", Type.TEXT);
    for (Difference d : differences) {
      b.add(
          new ArrayList<>(
              Arrays.asList(
                  d.month(),
                  d.metric(),
                  d.field(),
                  d.ours(),
                  d.published(),
                  d.difference(),
                  d.explained(),
                  d.unexplained(),
                  d.explanation())));
    }
    return b.table();
  }

  /** Accumulates columns and rows; the month and segment columns lead. */
  private static final class Builder {
    final boolean segmented;
    final List<Column> columns = new ArrayList<>();
    final List<Object[]> rows = new ArrayList<>();
    boolean empty;

    Builder(boolean segmented) {
      this.segmented = segmented;
    }

    Builder month() {
      column("month", Type.TEXT);
      return segment();
    }

    Builder segment() {
      if (segmented) {
        column("segment", Type.TEXT);
      }
      return this;
    }

    Builder column(String name, Type type) {
      columns.add(new Column(name, type));
      return this;
    }

    Builder money(String name) {
      return column(name, Type.MONEY);
    }

    Builder rate(String name) {
      return column(name, Type.RATE);
    }

    Builder count(String name) {
      return column(name, Type.COUNT);
    }

    /** A row's leading month (or cohort) and segment, then the values. */
    List<Object> row(Object month, String segment, Object... values) {
      List<Object> r = new ArrayList<>();
      r.add(month);
      if (segmented) {
        r.add(segment);
      }
      r.addAll(Arrays.asList(values));
      return r;
    }

    void add(List<Object> row) {
      if (row.size() != columns.size()) {
        throw new IllegalStateException(row.size() + " values for " + columns);
      }
      if (!empty) {
        rows.add(row.toArray());
      }
    }

    ReportTable table() {
      return new ReportTable(List.copyOf(columns), rows);
    }
  }

  public List<Column> columns() {
    return columns;
  }

  /**
   * Prints the table as CSV or as text for people; JSON is the caller's, from {@link #objects()}.
   */
  public void print(Format format, PrintWriter out) {
    switch (format) {
      case CSV -> csv(out);
      case TABLE -> table(out);
      case JSON -> throw new IllegalArgumentException("JSON is written from objects()");
    }
  }

  /** The rows as objects with the columns' names, for JSON. */
  public List<Map<String, Object>> objects() {
    List<Map<String, Object>> out = new ArrayList<>(rows.size());
    for (Object[] row : rows) {
      Map<String, Object> o = new LinkedHashMap<>();
      for (int c = 0; c < columns.size(); c++) {
        Object v = row[c];
        o.put(
            columns.get(c).name(),
            v == null
                    || v instanceof Number
                    || v instanceof Boolean
                    || v instanceof List
                    || v instanceof Map
                ? v
                : v.toString());
      }
      out.add(o);
    }
    return out;
  }

  /** Nested values spread over columns: retention by month offset, discounts by type. */
  private List<String> flatHeader() {
    List<String> header = new ArrayList<>();
    for (Column c : columns) {
      if (c.type() != Type.NESTED) {
        header.add(c.name());
      } else if (c.name().equals("retention")) {
        int longest =
            rows.stream().mapToInt(r -> ((List<?>) r[columns.indexOf(c)]).size()).max().orElse(0);
        for (int k = 0; k < longest; k++) {
          header.add("m" + k);
        }
      } else {
        for (DiscountType t : DiscountType.values()) {
          header.add(t.wire());
        }
      }
    }
    return header;
  }

  private List<List<String>> flatRows(boolean forPeople) {
    int width = flatHeader().size();
    List<List<String>> out = new ArrayList<>();
    for (Object[] row : rows) {
      List<String> cells = new ArrayList<>(width);
      for (int c = 0; c < columns.size(); c++) {
        Column column = columns.get(c);
        Object v = row[c];
        if (column.type() != Type.NESTED) {
          cells.add(cell(column.type(), v, forPeople));
        } else if (v instanceof List<?> list) {
          for (Object x : list) {
            cells.add(cell(Type.RATE, x, forPeople));
          }
          int longest = width - (columns.size() - 1);
          while (cells.size() < c + longest) {
            cells.add("");
          }
        } else {
          Map<?, ?> byType = (Map<?, ?>) v;
          for (DiscountType t : DiscountType.values()) {
            Object amount = byType.get(t.wire());
            cells.add(cell(Type.MONEY, amount == null ? 0L : amount, forPeople));
          }
        }
      }
      out.add(cells);
    }
    return out;
  }

  private static String cell(Type type, Object v, boolean forPeople) {
    if (v == null) {
      return forPeople ? "-" : "";
    }
    if (!forPeople) {
      return v.toString();
    }
    return switch (type) {
      case MONEY -> dollars(((Number) v).longValue());
      case RATE ->
          ((BigDecimal) v).movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString()
              + "%";
      default -> v.toString();
    };
  }

  private static String dollars(long cents) {
    BigDecimal d = BigDecimal.valueOf(cents).movePointLeft(2);
    return String.format(Locale.ROOT, "%,.2f", d);
  }

  private void csv(PrintWriter out) {
    out.println(String.join(",", flatHeader().stream().map(ReportTable::quoted).toList()));
    for (List<String> row : flatRows(false)) {
      out.println(String.join(",", row.stream().map(ReportTable::quoted).toList()));
    }
  }

  /** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
  private static String quoted(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  private void table(PrintWriter out) {
    List<String> header = flatHeader();
    List<List<String>> cells = flatRows(true);
    if (cells.isEmpty()) {
      out.println("(no rows)");
      return;
    }
    int[] width = new int[header.size()];
    for (int c = 0; c < header.size(); c++) {
      width[c] = header.get(c).length();
      for (List<String> row : cells) {
        width[c] = Math.max(width[c], row.get(c).length());
      }
    }
    out.println(line(header, width, false));
    for (List<String> row : cells) {
      out.println(line(row, width, true));
    }
  }

  private static String line(List<String> cells, int[] width, boolean alignNumbers) {
    StringBuilder s = new StringBuilder();
    for (int c = 0; c < cells.size(); c++) {
      String v = cells.get(c);
      boolean number =
          alignNumbers
              && !v.isEmpty()
              && (Character.isDigit(v.charAt(0)) || v.charAt(0) == '-')
              && !v.matches("\\d{4}-\\d{2}.*");
      String pad = " ".repeat(width[c] - v.length());
      s.append(c == 0 ? "" : "  ").append(number ? pad + v : v + pad);
    }
    return s.toString().stripTrailing();
  }
}
