package dev.marketlens.app;

import dev.marketlens.metrics.report.ReportTable;
import dev.marketlens.model.transaction.TransactionLine;
import dev.marketlens.payouts.monthly.PayoutTables;
import dev.marketlens.payouts.monthly.RevenueShare;
import dev.marketlens.payouts.monthly.ShareCheck;
import dev.marketlens.store.Database;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.store.VendorAccounts;
import dev.marketlens.sync.stored.StoredRecords;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code marketlens payouts}: what Atlassian owes each vendor account month by month (seed 004):
 * the sales (MPV) and refunds (MPVCR) of each month, the balance carried while below $500, the
 * payment window; with {@code --forecast} the coming payouts, with {@code --check-share} the lines
 * whose vendor amount is not the expected revenue share.
 */
@Command(
    name = "payouts",
    mixinStandardHelpOptions = true,
    description = {
      "The monthly payout ledger per vendor account: sales (MPV), refunds (MPVCR), the balance"
          + " carried over until it reaches $500, and the payment window (17th-20th of the next"
          + " month).",
      "--forecast: the coming payouts from what is sold up to --as-of.",
      "--check-share: the lines whose vendor amount is not the expected revenue share"
          + " ($MARKETLENS_HOME/"
          + RevenueShare.FILE
          + " configures the schedule and the apps)."
    })
final class PayoutsCommand implements Callable<Integer> {

  @Spec CommandSpec command;
  @Mixin StoreOptions store;

  @Option(
      names = "--from",
      paramLabel = "YYYY-MM",
      description = "First month shown (default: eleven months before --to).")
  String from;

  @Option(
      names = "--to",
      paramLabel = "YYYY-MM",
      description = "Last month shown (default: the month of --as-of).")
  String to;

  @Mixin FormatOption format;

  @Option(
      names = "--account",
      paramLabel = "NAME",
      description = "Only this vendor account (default: every account, each its own ledger).")
  String accountName;

  @Option(
      names = "--as-of",
      paramLabel = "YYYY-MM-DD",
      description =
          "The day the ledger stands on: later sales are left out, months are paid, due or open"
              + " as of it (default: today, UTC).")
  String asOf;

  @ArgGroup(exclusive = true)
  View view;

  static final class View {
    @Option(
        names = "--forecast",
        description = "The coming payouts: due, expected, or the balance below $500.")
    boolean forecast;

    @Option(
        names = "--check-share",
        description =
            "The lines sold in --from..--to whose vendor amount is not the expected share.")
    boolean checkShare;
  }

  @Override
  public Integer call() {
    LocalDate day = Arguments.asOf(command, asOf);
    boolean forecast = view != null && view.forecast;
    boolean checkShare = view != null && view.checkShare;
    if (forecast && (from != null || to != null)) {
      throw Arguments.bad(
          command, "--forecast looks ahead from --as-of; it takes no --from or --to");
    }
    Arguments.Months months = Arguments.twelveMonthsUpTo(command, from, to, day);
    YearMonth first = months.first();
    YearMonth last = months.last();
    ReportTable.Format output = format.parse(command);
    RevenueShare share = null;
    if (checkShare) {
      try {
        share = revenueShare(Settings.home());
      } catch (IllegalArgumentException e) {
        command.commandLine().getErr().println("marketlens: " + e.getMessage());
        return Main.USAGE;
      }
    }
    Map<String, List<TransactionLine>> accounts = new LinkedHashMap<>();
    try (Database database = store.open()) {
      VendorAccounts all = StoreOptions.accounts(database);
      List<VendorAccount> chosen;
      if (accountName == null) {
        chosen = all.list();
      } else {
        chosen =
            List.of(
                all.find(accountName)
                    .orElseThrow(
                        () ->
                            Arguments.bad(
                                command,
                                "--account: no account named '"
                                    + accountName
                                    + "' (see ./marketlens accounts list)")));
      }
      for (VendorAccount account : chosen) {
        List<TransactionLine> lines = new ArrayList<>();
        StoredRecords.transactions(database, account.id(), lines::add);
        accounts.put(account.name(), lines);
      }
    }
    ReportTable table;
    if (forecast) {
      table = PayoutTables.forecast(accounts, day);
    } else if (checkShare) {
      table = PayoutTables.shareCheck(accounts, share, day, first, last);
    } else {
      table = PayoutTables.ledger(accounts, day, first, last);
    }
    PrintWriter out = command.commandLine().getOut();
    Reports.print(table, output, out);
    if (checkShare && output == ReportTable.Format.TABLE) {
      ShareCheck.Summary s = PayoutTables.shareSummary(accounts, share, day, first, last);
      out.println(
          s.lines()
              + " lines sold "
              + first
              + " – "
              + last
              + ": "
              + s.matching()
              + " at the expected share, "
              + s.differing()
              + " differing, "
              + s.uncovered()
              + " without a revenue-share period");
    }
    out.flush();
    return 0;
  }

  /**
   * The revenue-share schedule: {@code $MARKETLENS_HOME/revenue-share.csv} when it exists, else the
   * defaults.
   *
   * @throws IllegalArgumentException naming the file, line, field and value of a bad entry
   */
  static RevenueShare revenueShare(Path home) {
    Path file = home.resolve(RevenueShare.FILE);
    if (!Files.exists(file)) {
      return RevenueShare.defaults();
    }
    try {
      return RevenueShare.parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
