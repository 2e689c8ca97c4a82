package dev.marketlens.app;

import dev.marketlens.metrics.Records;
import dev.marketlens.metrics.report.ReportTable;
import dev.marketlens.metrics.segments.Where;
import dev.marketlens.payouts.refunds.RefundRule;
import dev.marketlens.payouts.refunds.Refunds;
import dev.marketlens.store.Database;
import dev.marketlens.sync.files.CustomerOverrides;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code marketlens refunds}: each refund of the stored records with the rule of seed 004's refund
 * policy it falls under (SR-F1…F4), or with {@code --summary} one row per month counting the
 * refunds by rule.
 */
@Command(
    name = "refunds",
    mixinStandardHelpOptions = true,
    description = {
      "Classifies each refund by seed 004's refund windows (SR-F1…F4), from the stored records.",
      "Rules: full-within-30-days, discretionary-31-to-60-days, partner-approval-31-to-60-days,"
          + " upgrade-reallocation-31-to-90-days, outside-policy, unlinked."
    })
final class RefundsCommand implements Callable<Integer> {

  @Spec CommandSpec command;
  @Mixin StoreOptions store;

  @Option(
      names = "--from",
      paramLabel = "YYYY-MM",
      description = "First month of refund sales (default: eleven months before --to).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "YYYY-MM",
      description = "Last month (default: the month of --as-of).")
  String to;

  @Option(
      names = "--as-of",
      paramLabel = "YYYY-MM-DD",
      description = "The day whose month is the default --to (default: today, UTC).")
  String asOf;

  @Option(
      names = "--summary",
      description = "One row per month: refunds, amounts and the count of each rule.")
  boolean summary;

  @Option(
      names = "--rule",
      paramLabel = "RULE",
      description = "Only refunds under this rule (repeatable; not with --summary).")
  List<String> rules = new ArrayList<>();

  @Option(
      names = "--where",
      paramLabel = "DIMENSION=VALUE",
      description =
          "Only refunds whose line has this value (repeatable): app, hosting, tier,"
              + " parent-product, billing-period, country, region, sale-channel.")
  List<String> where = new ArrayList<>();

  @Mixin FormatOption format;

  @Option(
      names = "--account",
      paramLabel = "NAME",
      description = "Only this vendor account (default: every account in the store).")
  String accountName;

  @Override
  public Integer call() {
    LocalDate day = Arguments.asOf(command, asOf);
    Arguments.Months months = Arguments.twelveMonthsUpTo(command, from, to, day);
    YearMonth first = months.first();
    YearMonth last = months.last();
    ReportTable.Format output = format.parse(command);
    Set<RefundRule> only = EnumSet.noneOf(RefundRule.class);
    for (String r : rules) {
      only.add(
          RefundRule.parse(r)
              .orElseThrow(
                  () ->
                      Arguments.bad(
                          command,
                          "unknown --rule '" + r + "'; expected one of " + RefundRule.names())));
    }
    if (summary && !only.isEmpty()) {
      throw Arguments.bad(
          command,
          "--rule filters the refund lines; --summary counts every rule, drop one of them");
    }
    List<Where> filters = new ArrayList<>();
    try {
      for (String w : where) {
        filters.add(Where.parse(w));
      }
    } catch (IllegalArgumentException e) {
      throw Arguments.bad(command, e.getMessage());
    }
    Records records;
    try (Database database = store.open()) {
      records = Reports.forMetrics(database, accountName);
    }
    Refunds refunds;
    try {
      refunds =
          Refunds.of(records.load(CustomerOverrides.load(Settings.home()), Set.of()))
              .where(filters);
    } catch (IllegalArgumentException e) {
      throw Arguments.bad(command, e.getMessage());
    }
    ReportTable table =
        summary
            ? Refunds.summary(refunds.months(first, last))
            : Refunds.table(refunds.rows(first, last, only));
    PrintWriter out = command.commandLine().getOut();
    Reports.print(table, output, out);
    out.flush();
    return 0;
  }
}
