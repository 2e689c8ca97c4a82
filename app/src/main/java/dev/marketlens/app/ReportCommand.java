package dev.marketlens.app;

import dev.marketlens.metrics.Basis;
import dev.marketlens.metrics.Metrics;
import dev.marketlens.metrics.Records;
import dev.marketlens.metrics.cohorts.Cohort;
import dev.marketlens.metrics.report.ReportTable;
import dev.marketlens.metrics.segments.Dimension;
import dev.marketlens.metrics.segments.Where;
import dev.marketlens.store.Database;
import dev.marketlens.sync.files.CustomerOverrides;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code marketlens report KIND}: a metric per month (and segment) computed from the stored
 * records, as a table, JSON or CSV — the shapes {@link ReportTable} defines.
 */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Computes a metric per month from the stored records.",
      "KIND: movements, mrr, churn, nrr, cohorts, renewals, conversion, growth, upcoming, ledger."
    })
final class ReportCommand implements Callable<Integer> {

  @Spec CommandSpec command;
  @Mixin StoreOptions store;

  @Parameters(index = "0", paramLabel = "KIND", description = "What to report.")
  String kind;

  @Option(
      names = "--from",
      paramLabel = "YYYY-MM",
      description = "First month (default: eleven months before --to).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "YYYY-MM",
      description = "Last month (default: the month of --as-of).")
  String to;

  @Mixin FormatOption format;

  @ArgGroup(exclusive = true)
  BasisChoice basis;

  static final class BasisChoice {
    @Option(names = "--gross", description = "MRR from purchase prices instead of vendor amounts.")
    boolean gross;

    @Option(names = "--list", description = "MRR from list prices (purchase price + discounts).")
    boolean list;
  }

  @Option(
      names = "--grace-days",
      paramLabel = "N",
      description = "Days a coverage gap may last without churn (default: ${DEFAULT-VALUE}).")
  int graceDays = dev.marketlens.metrics.Parameters.DEFAULT_GRACE_DAYS;

  @Option(
      names = "--window-days",
      paramLabel = "N",
      description =
          "conversion: days from an evaluation's start to a sale (default: ${DEFAULT-VALUE}).")
  int windowDays = dev.marketlens.metrics.Parameters.DEFAULT_CONVERSION_WINDOW_DAYS;

  @Option(
      names = "--as-of",
      paramLabel = "YYYY-MM-DD",
      description = "The day the data describes (default: today, UTC).")
  String asOf;

  @Option(
      names = "--by",
      paramLabel = "DIMENSION",
      description = "Segment by: ${COMPLETION-CANDIDATES}.")
  String by;

  @Option(
      names = "--where",
      paramLabel = "DIMENSION=VALUE",
      description = "Only lines with this value (repeatable).")
  List<String> where = new ArrayList<>();

  @Option(
      names = "--measure",
      paramLabel = "logos|revenue",
      description = "cohorts: what retention measures (default: ${DEFAULT-VALUE}).")
  String measure = "logos";

  @Option(
      names = "--days",
      paramLabel = "N",
      description = "upcoming: how many days ahead (default: ${DEFAULT-VALUE}).")
  int days = 90;

  @Option(
      names = "--account",
      paramLabel = "NAME",
      description = "Only this vendor account (default: every account in the store).")
  String accountName;

  @Override
  public Integer call() {
    ReportTable.Kind report =
        ReportTable.Kind.parse(kind)
            .orElseThrow(
                () ->
                    Arguments.bad(
                        command,
                        "unknown report '"
                            + kind
                            + "'; expected one of "
                            + ReportTable.Kind.names()));
    LocalDate day = Arguments.asOf(command, asOf);
    Arguments.Months months = Arguments.twelveMonthsUpTo(command, from, to, day);
    YearMonth first = months.first();
    YearMonth last = months.last();
    ReportTable.Format output = format.parse(command);
    Cohort.Measure cohortMeasure;
    dev.marketlens.metrics.Parameters parameters;
    Metrics.View view;
    try {
      cohortMeasure = Cohort.Measure.parse(measure);
      parameters =
          new dev.marketlens.metrics.Parameters(
              basis == null ? Basis.NET : basis.gross ? Basis.GROSS : Basis.LIST,
              graceDays,
              windowDays,
              day);
      view =
          new Metrics.View(
              first,
              last,
              by == null ? Optional.empty() : Optional.of(Dimension.parse(by)),
              where.stream().map(Where::parse).toList());
    } catch (IllegalArgumentException e) {
      throw Arguments.bad(command, e.getMessage());
    }
    if (days < 0 || days > 3650) {
      throw Arguments.bad(command, "--days must be 0–3650, not " + days);
    }
    Records records;
    try (Database database = store.open()) {
      records = Reports.forMetrics(database, accountName);
    }
    Metrics metrics =
        Metrics.of(records.load(CustomerOverrides.load(Settings.home()), Set.of()), parameters);
    ReportTable table = ReportTable.of(report, metrics, view, cohortMeasure, days);
    PrintWriter out = command.commandLine().getOut();
    Reports.print(table, output, out);
    out.flush();
    return 0;
  }
}
