package dev.marketlens.app;

import dev.marketlens.metrics.Metrics;
import dev.marketlens.metrics.Parameters;
import dev.marketlens.metrics.reconciliation.Difference;
import dev.marketlens.metrics.reconciliation.Reconciliation;
import dev.marketlens.metrics.report.ReportTable;
import dev.marketlens.store.Database;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.store.VendorAccounts;
import dev.marketlens.sync.client.ApiAccount;
import dev.marketlens.sync.client.ReportingClient;
import dev.marketlens.sync.files.CustomerOverrides;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code marketlens reconcile}: our metrics against the figures the reporting API publishes for the
 * same months (partner metrics, cloud renewals and conversion), each difference explained as far as
 * a known difference of definition goes.
 */
@Command(
    name = "reconcile",
    mixinStandardHelpOptions = true,
    description =
        "Compares our MRR movements, cloud renewals and conversion with the reporting API's own"
            + " figures for the same months, and explains the differences. With the subcommand"
            + " remittance: reconciles monthly remittance CSVs with the stored transactions.",
    subcommands = ReconcileRemittanceCommand.class)
final class ReconcileCommand implements Callable<Integer> {

  @Spec CommandSpec command;
  @Mixin StoreOptions store;

  // Required, but checked in call(): picocli would demand a parent's required options even when
  // the remittance subcommand is given.
  @Option(names = "--from", paramLabel = "YYYY-MM", description = "First month (required).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "YYYY-MM",
      description = "Last month (ended on the API's side; required).")
  String to;

  @Option(
      names = "--as-of",
      paramLabel = "YYYY-MM-DD",
      description = "The day the data describes (default: today, UTC).")
  String asOf;

  @Mixin FormatOption format;

  @Option(names = "--all", description = "List every figure, not only those that differ.")
  boolean all;

  @Option(names = "--account", paramLabel = "NAME", description = "The vendor account.")
  String accountName;

  @Override
  public Integer call() {
    List<String> missing = new ArrayList<>();
    if (from == null) {
      missing.add("'--from=YYYY-MM'");
    }
    if (to == null) {
      missing.add("'--to=YYYY-MM'");
    }
    if (!missing.isEmpty()) {
      throw Arguments.bad(
          command,
          "Missing required option"
              + (missing.size() == 1 ? ": " : "s: ")
              + String.join(", ", missing));
    }
    YearMonth first = Arguments.month(command, "--from", from);
    YearMonth last = Arguments.month(command, "--to", to);
    Arguments.months(command, first, last);
    ReportTable.Format output = format.parse(command);
    LocalDate day = Arguments.asOf(command, asOf);
    Metrics metrics;
    ApiAccount api;
    try (Database database = store.open()) {
      VendorAccounts accounts = StoreOptions.accounts(database);
      VendorAccount account = StoreOptions.account(accounts, accountName);
      api = StoreOptions.api(accounts, account);
      metrics =
          Metrics.of(
              Reports.forMetrics(database, account.name())
                  .load(CustomerOverrides.load(Settings.home()), Set.of()),
              Parameters.defaults(day));
    }
    ReportingClient client = ReportingClient.builder(api).build();
    List<Difference> differences = new ArrayList<>();
    differences.addAll(Reconciliation.mrr(metrics, client.partnerMetrics(first, last)));
    differences.addAll(
        Reconciliation.renewals(metrics, first, last, client.cloudMetric("renewal", first, last)));
    differences.addAll(
        Reconciliation.conversion(
            metrics, first, last, client.cloudMetric("conversion", first, last)));
    List<Difference> shown =
        all ? differences : differences.stream().filter(d -> d.difference() != 0).toList();
    PrintWriter out = command.commandLine().getOut();
    Reports.print(ReportTable.reconciliation(shown), output, out);
    long unexplained = differences.stream().filter(d -> d.unexplained() != 0).count();
    out.flush();
    PrintWriter err = command.commandLine().getErr();
    err.printf(
        "%d figures compared, %d differ, %d with a difference no definition explains%n",
        differences.size(),
        differences.stream().filter(d -> d.difference() != 0).count(),
        unexplained);
    err.flush();
    return 0;
  }
}
