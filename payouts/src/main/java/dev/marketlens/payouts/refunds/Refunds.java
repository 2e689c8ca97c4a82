package dev.marketlens.payouts.refunds;

import dev.marketlens.metrics.Records;
import dev.marketlens.metrics.report.ReportTable;
import dev.marketlens.metrics.report.ReportTable.Column;
import dev.marketlens.metrics.report.ReportTable.Type;
import dev.marketlens.metrics.segments.Dimension;
import dev.marketlens.metrics.segments.Where;
import dev.marketlens.model.SaleType;
import dev.marketlens.model.id.LicenseIds;
import dev.marketlens.model.license.License;
import dev.marketlens.model.transaction.TransactionLine;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A vendor's refunds classified by seed 004's refund policy (SR-F1…F4), and the upgrades the policy
 * treats as reallocations (SR-F3).
 *
 * <p>Each refund line is linked to the line it refunds: a line of its original transaction on the
 * same license lineage, else — when the refund names no original transaction — the line of the same
 * lineage sold before it whose maintenance overlaps the refund's period most (metrics spec §2.5). A
 * refund naming a transaction the records do not hold, or whose period matches two lines equally,
 * is {@link RefundRule#UNLINKED}: its days are not guessed. The days run from the refunded line's
 * sale date to the refund's sale date.
 *
 * <p>The partner's refund total (SR-F2) is what the refund's transaction returns for the vendor's
 * apps: the purchase prices of the refund lines with the same transaction id, sale date and
 * customer.
 *
 * <p>An upgrade supersedes the paid line of its lineage whose maintenance it starts inside. When a
 * refund of the same lineage is sold the same day over a period starting on the upgrade's start (a
 * refund-plus-upgrade pair, {@code docs/metrics/service-intervals.md}), the refund is part of the
 * upgrade: in days 31–90 it is {@link RefundRule#UPGRADE_REALLOCATION_31_TO_90_DAYS}. An upgrade
 * without a refund 31–90 days after the superseded line's sale is listed as a reallocation too.
 */
public final class Refunds {

  /** What a row is: a refund line, or an upgrade reallocating a paid line without a refund. */
  public enum Kind {
    REFUND,
    UPGRADE
  }

  /** How the refunded (or superseded) line was found. */
  public enum Link {
    /** A line of the refund's original transaction, on the same lineage. */
    TRANSACTION,
    /** The refund names no transaction: the line of its lineage its period overlaps most. */
    PERIOD,
    /** The paid line an upgrade starts inside. */
    SUPERSEDED,
    /** Not found. */
    NONE
  }

  /**
   * One refund or reallocating upgrade.
   *
   * @param license the lineage's key
   * @param customer the customer's key as the metrics assign it, or null
   * @param refunded the refunded (or superseded) line, or null when unlinked
   * @param days days from the refunded line's sale to this line's sale, or null when unlinked
   * @param partnerRefundTotalCents the partner's refund total (positive), 0 for upgrades
   * @param upgrade the upgrade a refund is paired with, or null
   */
  public record Row(
      TransactionLine line,
      Kind kind,
      String license,
      String customer,
      TransactionLine refunded,
      Link link,
      Integer days,
      long partnerRefundTotalCents,
      TransactionLine upgrade,
      RefundRule rule) {

    public YearMonth month() {
      return YearMonth.from(line.saleDate());
    }
  }

  /**
   * One month of refunds: refund lines, their amounts (negative cents), their count by rule, and
   * the upgrades without a refund that reallocate a paid line.
   */
  public record Month(
      YearMonth month,
      int refunds,
      long purchaseCents,
      long vendorCents,
      Map<RefundRule, Integer> byRule,
      int reallocatedUpgrades) {}

  private final List<Row> rows;

  private Refunds(List<Row> rows) {
    this.rows = List.copyOf(rows);
  }

  /** The refunds of loaded records: every line (kept by the metrics or not) and license. */
  public static Refunds of(Records.Loaded loaded) {
    return of(loaded.allLines(), loaded.licenses(), loaded.customerOfId());
  }

  /**
   * The refunds of these lines.
   *
   * @param customerOfId the customer key of each license id (may be empty)
   */
  public static Refunds of(
      List<TransactionLine> lines, List<License> licenses, Map<String, String> customerOfId) {
    Lineages lineages = Lineages.of(lines, licenses);
    String[] lineage = lineages.ofLine;
    Map<String, List<Integer>> byTransaction = new HashMap<>();
    Map<String, List<Integer>> byLineage = new HashMap<>();
    Map<String, Long> refundTotals = new HashMap<>();
    Map<String, List<Integer>> refundsByStart = new HashMap<>();
    String[] customer = new String[lines.size()];
    for (int k = 0; k < lines.size(); k++) {
      TransactionLine t = lines.get(k);
      byTransaction.computeIfAbsent(t.transactionId().value(), x -> new ArrayList<>()).add(k);
      if (lineage[k] != null) {
        byLineage.computeIfAbsent(lineage[k], x -> new ArrayList<>()).add(k);
      }
      if (t.isRefund()) {
        customer[k] = customer(t.licenseIds(), customerOfId);
        refundTotals.merge(refundKey(t, customer[k]), -t.purchasePrice().cents(), Long::sum);
        if (lineage[k] != null) {
          refundsByStart
              .computeIfAbsent(pairKey(lineage[k], t.saleDate(), t), x -> new ArrayList<>())
              .add(k);
        }
      }
    }
    // Upgrades and the paid lines they supersede; refunds paired with them.
    Map<Integer, Integer> upgradeOfRefund = new HashMap<>();
    List<Row> out = new ArrayList<>();
    for (int k = 0; k < lines.size(); k++) {
      TransactionLine u = lines.get(k);
      if (u.saleType() != SaleType.UPGRADE || lineage[k] == null) {
        continue;
      }
      List<Integer> paired = refundsByStart.get(pairKey(lineage[k], u.saleDate(), u));
      if (paired != null) {
        for (int r : paired) {
          upgradeOfRefund.putIfAbsent(r, k);
        }
        continue;
      }
      int superseded = superseded(lines, k, byLineage.get(lineage[k]));
      if (superseded >= 0) {
        TransactionLine p = lines.get(superseded);
        if (RefundPolicy.reallocation(p.saleDate(), u.saleDate())) {
          out.add(
              new Row(
                  u,
                  Kind.UPGRADE,
                  lineage[k],
                  customer(u.licenseIds(), customerOfId),
                  p,
                  Link.SUPERSEDED,
                  (int) RefundPolicy.days(p.saleDate(), u.saleDate()),
                  0,
                  null,
                  RefundRule.UPGRADE_REALLOCATION_31_TO_90_DAYS));
        }
      }
    }
    for (int k = 0; k < lines.size(); k++) {
      TransactionLine r = lines.get(k);
      if (!r.isRefund()) {
        continue;
      }
      long total = refundTotals.get(refundKey(r, customer[k]));
      Integer upgradeIndex = upgradeOfRefund.get(k);
      TransactionLine upgrade = upgradeIndex == null ? null : lines.get(upgradeIndex);
      int original = -1;
      Link link = Link.NONE;
      if (lineage[k] != null) {
        if (r.originalTransaction() != null) {
          original =
              inTransaction(
                  lines,
                  k,
                  lineage,
                  byTransaction.get(r.originalTransaction().transactionId().value()));
          link = original >= 0 ? Link.TRANSACTION : Link.NONE;
        } else {
          original = byPeriod(lines, k, byLineage.get(lineage[k]));
          link = original >= 0 ? Link.PERIOD : Link.NONE;
        }
      }
      if (original < 0) {
        out.add(
            new Row(
                r,
                Kind.REFUND,
                lineage[k],
                customer[k],
                null,
                Link.NONE,
                null,
                total,
                upgrade,
                RefundRule.UNLINKED));
        continue;
      }
      TransactionLine o = lines.get(original);
      out.add(
          new Row(
              r,
              Kind.REFUND,
              lineage[k],
              customer[k],
              o,
              link,
              (int) RefundPolicy.days(o.saleDate(), r.saleDate()),
              total,
              upgrade,
              RefundPolicy.classify(o.saleDate(), r.saleDate(), total, upgrade != null)));
    }
    out.sort(
        Comparator.comparing((Row row) -> row.line().saleDate())
            .thenComparing(row -> row.line().lineItemId().value()));
    return new Refunds(out);
  }

  /**
   * The rows whose line passes the filters (metrics dimensions, values without regard to case). A
   * line carries its app, hosting, tier, parent product, billing period, customer's country and
   * region and sale channel; edition and attribution are the license's, so filtering on them is an
   * error.
   *
   * @throws IllegalArgumentException for a filter on edition or attribution
   */
  public Refunds where(List<Where> filters) {
    if (filters.isEmpty()) {
      return this;
    }
    for (Where w : filters) {
      if (w.dimension() == Dimension.EDITION || w.dimension() == Dimension.ATTRIBUTION) {
        throw new IllegalArgumentException(
            "refunds cannot be filtered by "
                + w.dimension().cliName()
                + ": a transaction line does not carry it");
      }
    }
    List<Row> kept = new ArrayList<>();
    for (Row row : rows) {
      if (Where.allMatch(filters, values(row.line()))) {
        kept.add(row);
      }
    }
    return new Refunds(kept);
  }

  /** A line's value of each dimension, in {@link Dimension} order ("" where it has none). */
  private static String[] values(TransactionLine t) {
    String[] v = new String[Dimension.values().length];
    java.util.Arrays.fill(v, "");
    v[Dimension.APP.ordinal()] = t.app().value();
    v[Dimension.HOSTING.ordinal()] = t.hosting().wire();
    v[Dimension.TIER.ordinal()] = t.tier().toString();
    v[Dimension.PARENT_PRODUCT.ordinal()] =
        t.parentProduct() == null || t.parentProduct().name() == null
            ? ""
            : t.parentProduct().name();
    v[Dimension.BILLING_PERIOD.ordinal()] = t.billingPeriod().wire();
    v[Dimension.COUNTRY.ordinal()] = t.customer().country() == null ? "" : t.customer().country();
    v[Dimension.REGION.ordinal()] = t.customer().region() == null ? "" : t.customer().region();
    v[Dimension.SALE_CHANNEL.ordinal()] = t.partner() == null ? "Direct" : "Solution Partner";
    return v;
  }

  /** Every row, by sale date, then line item id. */
  public List<Row> rows() {
    return rows;
  }

  /** The rows sold in these months, of these rules (every rule when empty). */
  public List<Row> rows(YearMonth from, YearMonth to, Set<RefundRule> rules) {
    List<Row> out = new ArrayList<>();
    for (Row row : rows) {
      YearMonth m = row.month();
      if (!m.isBefore(from) && !m.isAfter(to) && (rules.isEmpty() || rules.contains(row.rule()))) {
        out.add(row);
      }
    }
    return out;
  }

  /** Each month from {@code from} to {@code to}, months without refunds included. */
  public List<Month> months(YearMonth from, YearMonth to) {
    Map<YearMonth, long[]> sums = new HashMap<>();
    RefundRule[] rules = RefundRule.values();
    for (Row row : rows(from, to, Set.of())) {
      long[] s = sums.computeIfAbsent(row.month(), m -> new long[4 + rules.length]);
      if (row.kind() == Kind.UPGRADE) {
        s[3]++;
        continue;
      }
      s[0]++;
      s[1] += row.line().purchasePrice().cents();
      s[2] += row.line().vendorAmount().cents();
      s[4 + row.rule().ordinal()]++;
    }
    List<Month> out = new ArrayList<>();
    for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
      long[] s = sums.getOrDefault(m, new long[4 + rules.length]);
      Map<RefundRule, Integer> byRule = new EnumMap<>(RefundRule.class);
      for (RefundRule rule : rules) {
        byRule.put(rule, (int) s[4 + rule.ordinal()]);
      }
      out.add(new Month(m, (int) s[0], s[1], s[2], byRule, (int) s[3]));
    }
    return out;
  }

  /** The columns of {@link #table}. */
  public static final List<Column> COLUMNS =
      List.of(
          new Column("saleDate", Type.TEXT),
          new Column("kind", Type.TEXT),
          new Column("rule", Type.TEXT),
          new Column("seedRule", Type.TEXT),
          new Column("days", Type.COUNT),
          new Column("transactionId", Type.TEXT),
          new Column("transactionLineItemId", Type.TEXT),
          new Column("license", Type.TEXT),
          new Column("customer", Type.TEXT),
          new Column("app", Type.TEXT),
          new Column("hosting", Type.TEXT),
          new Column("purchasePrice", Type.MONEY),
          new Column("vendorAmount", Type.MONEY),
          new Column("partnerRefundTotal", Type.MONEY),
          new Column("refundedTransactionId", Type.TEXT),
          new Column("refundedLineItemId", Type.TEXT),
          new Column("refundedSaleDate", Type.TEXT),
          new Column("originalSaleDate", Type.TEXT),
          new Column("link", Type.TEXT),
          new Column("upgradeLineItemId", Type.TEXT));

  /** One row per refund or reallocating upgrade. */
  public static ReportTable table(List<Row> rows) {
    List<Object[]> out = new ArrayList<>(rows.size());
    for (Row row : rows) {
      TransactionLine t = row.line();
      TransactionLine o = row.refunded();
      out.add(
          new Object[] {
            t.saleDate().toString(),
            row.kind().name().toLowerCase(java.util.Locale.ROOT),
            row.rule().cliName(),
            row.rule().seedRule(),
            row.days(),
            t.transactionId().value(),
            t.lineItemId().value(),
            row.license(),
            row.customer(),
            t.app().value(),
            t.hosting().wire(),
            t.purchasePrice().cents(),
            t.vendorAmount().cents(),
            row.kind() == Kind.REFUND ? row.partnerRefundTotalCents() : null,
            o == null ? null : o.transactionId().value(),
            o == null ? null : o.lineItemId().value(),
            o == null ? null : o.saleDate().toString(),
            t.originalTransaction() == null || t.originalTransaction().saleDate() == null
                ? null
                : t.originalTransaction().saleDate().toString(),
            row.link().name().toLowerCase(java.util.Locale.ROOT),
            row.upgrade() == null ? null : row.upgrade().lineItemId().value()
          });
    }
    return ReportTable.of(COLUMNS, out);
  }

  /** The columns of {@link #summary}: month, refunds, amounts, one count per rule, upgrades. */
  public static List<Column> summaryColumns() {
    List<Column> columns = new ArrayList<>();
    columns.add(new Column("month", Type.TEXT));
    columns.add(new Column("refunds", Type.COUNT));
    columns.add(new Column("purchasePrice", Type.MONEY));
    columns.add(new Column("vendorAmount", Type.MONEY));
    for (RefundRule rule : RefundRule.values()) {
      columns.add(new Column(rule.field(), Type.COUNT));
    }
    columns.add(new Column("reallocatedUpgrades", Type.COUNT));
    return columns;
  }

  /** One row per month: refund lines, amounts, refund lines by rule, upgrades without a refund. */
  public static ReportTable summary(List<Month> months) {
    List<Object[]> out = new ArrayList<>(months.size());
    for (Month m : months) {
      List<Object> row = new ArrayList<>();
      row.add(m.month().toString());
      row.add(m.refunds());
      row.add(m.purchaseCents());
      row.add(m.vendorCents());
      for (RefundRule rule : RefundRule.values()) {
        row.add(m.byRule().getOrDefault(rule, 0));
      }
      row.add(m.reallocatedUpgrades());
      out.add(row.toArray());
    }
    return ReportTable.of(summaryColumns(), out);
  }

  // ---------------------------------------------------------------- links

  /** A line of the original transaction on the refund's lineage, sold on or before the refund. */
  private static int inTransaction(
      List<TransactionLine> lines, int refund, String[] lineage, List<Integer> candidates) {
    if (candidates == null) {
      return -1;
    }
    TransactionLine r = lines.get(refund);
    LocalDate originalSale = r.originalTransaction().saleDate();
    List<Integer> found = new ArrayList<>();
    List<Integer> sameDay = new ArrayList<>();
    for (int k : candidates) {
      TransactionLine t = lines.get(k);
      if (k != refund
          && !t.isRefund()
          && t.saleType() != null
          && lineage[refund].equals(lineage[k])
          && !t.saleDate().isAfter(r.saleDate())) {
        found.add(k);
        if (t.saleDate().equals(originalSale)) {
          sameDay.add(k);
        }
      }
    }
    List<Integer> chosen = sameDay.isEmpty() ? found : sameDay;
    return chosen.size() == 1 ? chosen.get(0) : best(lines, refund, chosen);
  }

  /** §2.5 without an original transaction: the lineage's line sold before with the best overlap. */
  private static int byPeriod(List<TransactionLine> lines, int refund, List<Integer> lineage) {
    TransactionLine r = lines.get(refund);
    List<Integer> found = new ArrayList<>();
    for (int k : lineage) {
      TransactionLine t = lines.get(k);
      if (!t.isRefund() && t.saleType() != null && !t.saleDate().isAfter(r.saleDate())) {
        found.add(k);
      }
    }
    return best(lines, refund, found);
  }

  /** The candidate whose maintenance overlaps the refund's period most; -1 if none or a tie. */
  private static int best(List<TransactionLine> lines, int refund, List<Integer> candidates) {
    TransactionLine r = lines.get(refund);
    long s = r.maintenanceStartDate().toEpochDay();
    long e = Math.max(r.maintenanceEndDate().toEpochDay(), s + 1);
    int best = -1;
    long bestOverlap = 0;
    boolean tie = false;
    for (int k : candidates) {
      TransactionLine t = lines.get(k);
      long overlap =
          Math.min(e, t.maintenanceEndDate().toEpochDay())
              - Math.max(s, t.maintenanceStartDate().toEpochDay());
      if (overlap > bestOverlap) {
        best = k;
        bestOverlap = overlap;
        tie = false;
      } else if (overlap == bestOverlap && overlap > 0) {
        tie = true;
      }
    }
    return tie ? -1 : best;
  }

  /** The paid line of the lineage an upgrade starts inside, sold before it (latest sold first). */
  private static int superseded(List<TransactionLine> lines, int upgrade, List<Integer> lineage) {
    TransactionLine u = lines.get(upgrade);
    int best = -1;
    for (int k : lineage) {
      TransactionLine t = lines.get(k);
      if (k == upgrade
          || t.isRefund()
          || t.saleType() == null
          || !t.purchasePrice().isPositive()
          || t.saleDate().isAfter(u.saleDate())
          || t.maintenanceStartDate().isAfter(u.maintenanceStartDate())
          || !t.maintenanceEndDate().isAfter(u.maintenanceStartDate())) {
        continue;
      }
      if (best < 0 || later(t, lines.get(best))) {
        best = k;
      }
    }
    return best;
  }

  private static boolean later(TransactionLine a, TransactionLine b) {
    int bySale = a.saleDate().compareTo(b.saleDate());
    if (bySale != 0) {
      return bySale > 0;
    }
    int byStart = a.maintenanceStartDate().compareTo(b.maintenanceStartDate());
    return byStart != 0
        ? byStart > 0
        : a.lineItemId().value().compareTo(b.lineItemId().value()) > 0;
  }

  private static String refundKey(TransactionLine t, String customer) {
    return t.transactionId().value() + "|" + t.saleDate() + "|" + customer;
  }

  private static String pairKey(String lineage, LocalDate saleDate, TransactionLine t) {
    return lineage + "|" + saleDate + "|" + t.maintenanceStartDate();
  }

  /** The customer the metrics gave any of a line's ids. */
  static String customer(LicenseIds ids, Map<String, String> customerOfId) {
    for (Object id :
        new Object[] {
          ids.appEntitlementNumber() == null ? null : ids.appEntitlementNumber().value(),
          ids.licenseId() == null ? null : ids.licenseId().value(),
          ids.addonLicenseId() == null ? null : ids.addonLicenseId().value(),
          ids.appEntitlementId() == null ? null : ids.appEntitlementId().value()
        }) {
      if (id != null) {
        String c = customerOfId.get((String) id);
        if (c != null) {
          return c;
        }
      }
    }
    return null;
  }
}
