package dev.marketlens.app;

import dev.marketlens.metrics.report.ReportTable;
import dev.marketlens.model.transaction.TransactionLine;
import dev.marketlens.payouts.remittance.Outcome;
import dev.marketlens.payouts.remittance.RemittanceReconciliation;
import dev.marketlens.payouts.remittance.RemittanceTables;
import dev.marketlens.payouts.remittance.Remitted;
import dev.marketlens.store.Database;
import dev.marketlens.store.RemittanceLines;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.sync.files.RemittanceReader;
import dev.marketlens.sync.stored.StoredRecords;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code marketlens reconcile remittance}: the lines of monthly remittance CSVs (given as files, or
 * imported before) matched to the stored transactions of the same months.
 */
@Command(
    name = "remittance",
    mixinStandardHelpOptions = true,
    description = {
      "Reconciles monthly remittance CSVs (seed 004) with the stored transactions of their months:",
      "matched lines, lines not in the API, transactions not in the remittance, amount and date",
      "differences, cancelled refunds, and ELA, concession and 10k bills, with the variance",
      "(remitted - expected) per month."
    })
final class ReconcileRemittanceCommand implements Callable<Integer> {

  @Spec CommandSpec command;
  @Mixin StoreOptions store;

  @Parameters(arity = "0..*", paramLabel = "FILE", description = "Remittance CSVs.")
  List<Path> files = new ArrayList<>();

  @Option(
      names = "--imported",
      description = "Reconcile the remittance lines imported before instead of files.")
  boolean imported;

  @Option(
      names = "--month",
      paramLabel = "YYYY-MM",
      description = "Only this month (default: the months of the remittance lines' sale dates).")
  String month;

  @Option(names = "--account", paramLabel = "NAME", description = "The vendor account.")
  String accountName;

  @Option(
      names = "--view",
      paramLabel = "months|kinds|lines",
      description =
          "months: per month remitted, expected, variance and lines per outcome; kinds: totals per"
              + " month and outcome; lines: the lines needing attention (default: ${DEFAULT-VALUE}).")
  String view = "months";

  @Option(names = "--all", description = "With --view lines: every line, matched ones too.")
  boolean all;

  @Mixin FormatOption format;

  @Override
  public Integer call() {
    ReportTable.Format output = format.parse(command);
    RemittanceTables.View shown =
        RemittanceTables.View.parse(view)
            .orElseThrow(
                () ->
                    Arguments.bad(
                        command,
                        "unknown view '" + view + "'; expected " + RemittanceTables.View.names()));
    YearMonth only = month == null ? null : Arguments.month(command, "--month", month);
    if (imported == !files.isEmpty()) {
      throw Arguments.bad(
          command,
          imported
              ? "give remittance files or --imported, not both"
              : "give one or more remittance CSV files, or --imported");
    }
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        throw Arguments.bad(command, file + ": no such file");
      }
      if (!Files.isReadable(file)) {
        throw Arguments.bad(command, file + ": cannot be read");
      }
    }
    List<Remitted> remitted = files.isEmpty() ? null : read(files, only);
    RemittanceReconciliation result;
    try (Database database = store.open()) {
      VendorAccount account = StoreOptions.account(StoreOptions.accounts(database), accountName);
      if (remitted == null) {
        remitted = new ArrayList<>();
        for (RemittanceLines.Stored s :
            new RemittanceLines(database).list(Set.of(account.id()), only, only)) {
          remitted.add(new Remitted(s.fileName(), s.lineNumber(), s.line()));
        }
      }
      List<TransactionLine> transactions = new ArrayList<>();
      StoredRecords.transactions(database, account.id(), transactions::add);
      result =
          RemittanceReconciliation.of(
              remitted, transactions, only == null ? List.of() : List.of(only));
    }
    PrintWriter out = command.commandLine().getOut();
    Reports.print(RemittanceTables.of(result, shown, all), output, out);
    out.flush();
    PrintWriter err = command.commandLine().getErr();
    long attention = result.lines().stream().filter(l -> l.outcome() != Outcome.MATCHED).count();
    long variance =
        result.summaries().stream()
            .mapToLong(RemittanceReconciliation.MonthSummary::variance)
            .sum();
    err.printf(
        "%d months, %d lines reconciled, %d not matched; variance %s%n",
        result.months().size(),
        result.lines().size(),
        attention,
        dev.marketlens.model.Money.ofCents(variance));
    err.flush();
    return 0;
  }

  /** Every line of the files (of {@code only}'s month, when given), with the reader's errors. */
  private static List<Remitted> read(List<Path> files, YearMonth only) {
    List<Remitted> lines = new ArrayList<>();
    for (Path file : files) {
      String name = String.valueOf(file.getFileName());
      AtomicInteger number = new AtomicInteger();
      try (RemittanceReader reader = RemittanceReader.open(Files.newInputStream(file), name);
          var stream = reader.lines()) {
        stream.forEach(
            l -> {
              int n = number.incrementAndGet();
              if (only == null || YearMonth.from(l.saleDate()).equals(only)) {
                lines.add(new Remitted(name, n, l));
              }
            });
      } catch (IOException e) {
        throw new UncheckedIOException(name + ": cannot be read", e);
      }
    }
    return lines;
  }
}
