package dev.marketlens.payouts.refunds;

import dev.marketlens.metrics.Records;
import dev.marketlens.metrics.report.ReportTable;
import dev.marketlens.metrics.report.ReportTable.Column;
import dev.marketlens.metrics.report.ReportTable.Type;
import dev.marketlens.model.LicenseType;
import dev.marketlens.model.SaleType;
import dev.marketlens.model.Tier;
import dev.marketlens.model.license.License;
import dev.marketlens.model.transaction.TransactionLine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Licenses checked against their transactions, lineage by lineage (the metrics' identity rules:
 * every id Atlassian has used for a license joins its records). Each finding names the license and
 * the transaction and the values that disagree.
 *
 * <ul>
 *   <li>{@link Kind#MAINTENANCE_BEYOND_PAID}: a paid license's maintenance ends after the last day
 *       its transactions pay for — the latest end of its sales, cut back by a refund over the end
 *       of that period to the refund's start (or its sale date, when later: the customer had the
 *       license until then).
 *   <li>{@link Kind#MAINTENANCE_GAP}: a renewal, upgrade or downgrade that starts after every
 *       earlier sale of the lineage has ended (a new purchase after a lapse is not a gap).
 *   <li>{@link Kind#TIER_MISMATCH}: the license's tier differs from the tier of its latest sale.
 *   <li>{@link Kind#LICENSE_WITHOUT_TRANSACTIONS}: a paid license (commercial or academic) with no
 *       transaction; evaluations, free licenses, sandboxes and Atlassian's own licenses have none
 *       by design.
 *   <li>{@link Kind#TRANSACTION_WITHOUT_LICENSE}: lines whose lineage has no license record.
 * </ul>
 */
public final class LicenseChecks {

  /** The kinds of finding. */
  public enum Kind {
    MAINTENANCE_BEYOND_PAID,
    MAINTENANCE_GAP,
    TIER_MISMATCH,
    LICENSE_WITHOUT_TRANSACTIONS,
    TRANSACTION_WITHOUT_LICENSE;

    /** The name the command line and the API use: {@code maintenance-beyond-paid}. */
    public String cliName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Kind> parse(String text) {
      if (text == null) {
        return Optional.empty();
      }
      String t = text.strip().replace('-', '_').toUpperCase(Locale.ROOT);
      return Arrays.stream(values()).filter(k -> k.name().equals(t)).findFirst();
    }

    public static String names() {
      return String.join(", ", Arrays.stream(values()).map(Kind::cliName).toList());
    }
  }

  /**
   * One finding.
   *
   * @param license the lineage's key
   * @param licenseType the license record's type, or null without one
   * @param transactionId the transaction concerned, or null
   * @param lineItemId the transaction line concerned, or null
   * @param date the day the finding is about (the license's end, the gap's start, …)
   * @param licenseValue what the license says (an end date, a tier), or null
   * @param transactionValue what the transactions say, or null
   * @param detail the finding in words
   */
  public record Finding(
      Kind kind,
      String license,
      String app,
      LicenseType licenseType,
      String transactionId,
      String lineItemId,
      LocalDate date,
      String licenseValue,
      String transactionValue,
      String detail) {}

  private static final Set<LicenseType> PAID = Set.of(LicenseType.COMMERCIAL, LicenseType.ACADEMIC);

  private final List<Finding> findings;

  private LicenseChecks(List<Finding> findings) {
    this.findings = List.copyOf(findings);
  }

  public static LicenseChecks of(Records.Loaded loaded) {
    return of(loaded.allLines(), loaded.licenses());
  }

  public static LicenseChecks of(List<TransactionLine> lines, List<License> licenses) {
    Lineages lineages = Lineages.of(lines, licenses);
    Map<String, License> licenseOf = new TreeMap<>();
    for (int k = 0; k < licenses.size(); k++) {
      String key = lineages.ofLicense[k];
      if (key == null) {
        continue;
      }
      License l = licenses.get(k);
      License known = licenseOf.get(key);
      if (known == null || l.lastUpdated().isAfter(known.lastUpdated())) {
        licenseOf.put(key, l);
      }
    }
    Map<String, List<TransactionLine>> linesOf = new TreeMap<>();
    for (int k = 0; k < lines.size(); k++) {
      String key = lineages.ofLine[k];
      if (key != null) {
        linesOf.computeIfAbsent(key, x -> new ArrayList<>()).add(lines.get(k));
      }
    }
    List<Finding> out = new ArrayList<>();
    licenseOf.forEach(
        (key, license) -> {
          List<TransactionLine> own = linesOf.getOrDefault(key, List.of());
          if (own.isEmpty()) {
            if (PAID.contains(license.licenseType()) && !freeByDesign(license)) {
              out.add(
                  new Finding(
                      Kind.LICENSE_WITHOUT_TRANSACTIONS,
                      key,
                      license.app().value(),
                      license.licenseType(),
                      null,
                      null,
                      license.maintenanceStartDate(),
                      license.licenseType().wire() + " " + license.tier(),
                      null,
                      "a "
                          + license.licenseType().wire().toLowerCase(Locale.ROOT)
                          + " license from "
                          + license.maintenanceStartDate()
                          + " without any transaction"));
            }
            return;
          }
          check(key, license, own, out);
        });
    linesOf.forEach(
        (key, own) -> {
          if (licenseOf.containsKey(key)) {
            return;
          }
          own.sort(Comparator.comparing(TransactionLine::saleDate));
          TransactionLine first = own.get(0);
          out.add(
              new Finding(
                  Kind.TRANSACTION_WITHOUT_LICENSE,
                  key,
                  first.app().value(),
                  null,
                  first.transactionId().value(),
                  first.lineItemId().value(),
                  first.saleDate(),
                  null,
                  own.size() + " lines",
                  own.size()
                      + (own.size() == 1 ? " line" : " lines")
                      + " from "
                      + first.saleDate()
                      + " to "
                      + own.get(own.size() - 1).saleDate()
                      + " on a license no license record carries"));
        });
    out.sort(
        Comparator.comparing((Finding f) -> f.kind())
            .thenComparing(Finding::license)
            .thenComparing(f -> f.date() == null ? LocalDate.MIN : f.date()));
    return new LicenseChecks(out);
  }

  private static void check(
      String key, License license, List<TransactionLine> own, List<Finding> out) {
    List<TransactionLine> sales = new ArrayList<>();
    List<TransactionLine> refunds = new ArrayList<>();
    for (TransactionLine t : own) {
      if (t.isRefund()) {
        refunds.add(t);
      } else if (t.saleType() != null) {
        sales.add(t);
      }
    }
    sales.sort(
        Comparator.comparing(TransactionLine::maintenanceStartDate)
            .thenComparing(TransactionLine::saleDate)
            .thenComparing(t -> t.lineItemId().value()));
    String app = license.app().value();
    if (sales.isEmpty()) {
      return;
    }
    // Gaps between maintenance periods.
    LocalDate covered = null;
    TransactionLine coveredBy = null;
    for (TransactionLine t : sales) {
      if (covered != null
          && t.maintenanceStartDate().isAfter(covered)
          && t.saleType() != SaleType.NEW) {
        out.add(
            new Finding(
                Kind.MAINTENANCE_GAP,
                key,
                app,
                license.licenseType(),
                t.transactionId().value(),
                t.lineItemId().value(),
                covered,
                null,
                covered + ".." + t.maintenanceStartDate(),
                "no maintenance from "
                    + covered
                    + " (end of "
                    + coveredBy.lineItemId().value()
                    + ") to "
                    + t.maintenanceStartDate()
                    + " (start of the "
                    + t.saleType().wire()
                    + " "
                    + t.lineItemId().value()
                    + ")"));
      }
      if (covered == null || t.maintenanceEndDate().isAfter(covered)) {
        covered = t.maintenanceEndDate();
        coveredBy = t;
      }
    }
    // Maintenance beyond what was paid.
    LocalDate paidThrough = covered;
    TransactionLine last = coveredBy;
    for (TransactionLine r : refunds) {
      if (!r.maintenanceEndDate().isBefore(paidThrough)) {
        LocalDate cut =
            r.saleDate().isAfter(r.maintenanceStartDate())
                ? r.saleDate()
                : r.maintenanceStartDate();
        if (cut.isBefore(paidThrough)) {
          paidThrough = cut;
          last = r;
        }
      }
    }
    if (PAID.contains(license.licenseType())
        && license.maintenanceEndDate() != null
        && license.maintenanceEndDate().isAfter(paidThrough)) {
      out.add(
          new Finding(
              Kind.MAINTENANCE_BEYOND_PAID,
              key,
              app,
              license.licenseType(),
              last.transactionId().value(),
              last.lineItemId().value(),
              license.maintenanceEndDate(),
              license.maintenanceEndDate().toString(),
              paidThrough.toString(),
              "maintenance ends "
                  + license.maintenanceEndDate()
                  + ", paid through "
                  + paidThrough
                  + " ("
                  + (last.isRefund() ? "refund " : "")
                  + last.lineItemId().value()
                  + "): "
                  + java.time.temporal.ChronoUnit.DAYS.between(
                      paidThrough, license.maintenanceEndDate())
                  + " days unpaid"));
    }
    // Tier of the license against its latest sale.
    TransactionLine latest = null;
    for (TransactionLine t : sales) {
      if (t.tier().kind() != Tier.Kind.UNDEFINED
          && t.tier().kind() != Tier.Kind.EVALUATION
          && (latest == null || !t.saleDate().isBefore(latest.saleDate()))) {
        latest = t;
      }
    }
    Tier tier = license.tier();
    if (latest != null
        && !license.isEvaluation()
        && tier.kind() != Tier.Kind.UNDEFINED
        && tier.kind() != Tier.Kind.EVALUATION
        && !tier.equals(latest.tier())) {
      out.add(
          new Finding(
              Kind.TIER_MISMATCH,
              key,
              app,
              license.licenseType(),
              latest.transactionId().value(),
              latest.lineItemId().value(),
              latest.saleDate(),
              tier.toString(),
              latest.tier().toString(),
              "the license's tier is "
                  + tier
                  + ", its latest sale ("
                  + latest.lineItemId().value()
                  + ", "
                  + latest.saleDate()
                  + ") is for "
                  + latest.tier()));
    }
  }

  /**
   * A sandbox (a free copy of a paid cloud license, {@code installedOnSandbox = Yes}) or one of
   * Atlassian's own licenses ({@code licenseSourceType = Atlassian}): paid types without sales.
   */
  private static boolean freeByDesign(License l) {
    return (l.insights() != null && "Yes".equalsIgnoreCase(l.insights().installedOnSandbox()))
        || "Atlassian".equalsIgnoreCase(l.details().licenseSourceType());
  }

  public List<Finding> findings() {
    return findings;
  }

  /** The findings of these kinds (every kind when empty). */
  public List<Finding> findings(Set<Kind> kinds) {
    return kinds.isEmpty()
        ? findings
        : findings.stream().filter(f -> kinds.contains(f.kind())).toList();
  }

  /** The number of findings of each kind, every kind listed. */
  public static Map<Kind, Integer> counts(List<Finding> findings) {
    Map<Kind, Integer> counts = new java.util.EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      counts.put(k, 0);
    }
    for (Finding f : findings) {
      counts.merge(f.kind(), 1, Integer::sum);
    }
    return counts;
  }

  public static final List<Column> COLUMNS =
      List.of(
          new Column("kind", Type.TEXT),
          new Column("license", Type.TEXT),
          new Column("app", Type.TEXT),
          new Column("licenseType", Type.TEXT),
          new Column("transactionId", Type.TEXT),
          new Column("transactionLineItemId", Type.TEXT),
          new Column("date", Type.TEXT),
          new Column("licenseValue", Type.TEXT),
          new Column("transactionValue", Type.TEXT),
          new Column("detail", Type.TEXT));

  public static ReportTable table(List<Finding> findings) {
    List<Object[]> rows = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      rows.add(
          new Object[] {
            f.kind().cliName(),
            f.license(),
            f.app(),
            f.licenseType() == null ? null : f.licenseType().wire(),
            f.transactionId(),
            f.lineItemId(),
            f.date() == null ? null : f.date().toString(),
            f.licenseValue(),
            f.transactionValue(),
            f.detail()
          });
    }
    return ReportTable.of(COLUMNS, rows);
  }
}
