package dev.marketlens.app;

import dev.marketlens.metrics.Records;
import dev.marketlens.metrics.report.ReportTable;
import dev.marketlens.payouts.refunds.LicenseChecks;
import dev.marketlens.store.Database;
import dev.marketlens.sync.files.CustomerOverrides;
import java.io.PrintWriter;
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
 * {@code marketlens license-checks}: the stored licenses checked against their transactions, one
 * row per finding naming the license, the transaction and the values that disagree.
 */
@Command(
    name = "license-checks",
    mixinStandardHelpOptions = true,
    description = {
      "Checks the stored licenses against their transactions.",
      "Kinds: maintenance-beyond-paid, maintenance-gap, tier-mismatch,"
          + " license-without-transactions, transaction-without-license."
    })
final class LicenseChecksCommand implements Callable<Integer> {

  @Spec CommandSpec command;
  @Mixin StoreOptions store;

  @Option(
      names = "--kind",
      paramLabel = "KIND",
      description = "Only findings of this kind (repeatable).")
  List<String> kinds = new ArrayList<>();

  @Mixin FormatOption format;

  @Option(
      names = "--account",
      paramLabel = "NAME",
      description = "Only this vendor account (default: every account in the store).")
  String accountName;

  @Override
  public Integer call() {
    ReportTable.Format output = format.parse(command);
    Set<LicenseChecks.Kind> only = EnumSet.noneOf(LicenseChecks.Kind.class);
    for (String k : kinds) {
      only.add(
          LicenseChecks.Kind.parse(k)
              .orElseThrow(
                  () ->
                      Arguments.bad(
                          command,
                          "unknown --kind '"
                              + k
                              + "'; expected one of "
                              + LicenseChecks.Kind.names())));
    }
    Records records;
    try (Database database = store.open()) {
      records = Reports.forMetrics(database, accountName);
    }
    LicenseChecks checks =
        LicenseChecks.of(records.load(CustomerOverrides.load(Settings.home()), Set.of()));
    PrintWriter out = command.commandLine().getOut();
    Reports.print(LicenseChecks.table(checks.findings(only)), output, out);
    out.flush();
    return 0;
  }
}
