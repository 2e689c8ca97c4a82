package dev.marketlens.app;

import dev.marketlens.metrics.Records;
import dev.marketlens.metrics.report.ReportTable;
import dev.marketlens.payouts.pricing.PriceAudit;
import dev.marketlens.payouts.pricing.PriceBook;
import dev.marketlens.payouts.pricing.PriceBookCsv;
import dev.marketlens.payouts.pricing.PriceBookException;
import dev.marketlens.payouts.pricing.PriceGuidance;
import dev.marketlens.payouts.pricing.PriceImpact;
import dev.marketlens.payouts.pricing.PricingTables;
import dev.marketlens.store.Database;
import dev.marketlens.store.PriceBooks;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.sync.files.CustomerOverrides;
import dev.marketlens.web.payouts.StoredPriceBooks;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code marketlens pricing}: the account's price book (import from CSV, print), the price audit of
 * every transaction line, seed 004's price guidance and the impact of a price change.
 */
@Command(
    name = "pricing",
    mixinStandardHelpOptions = true,
    description =
        "Price books, the price audit of the transactions, price guidance and the impact of a"
            + " price change.",
    subcommands = {
      PricingCommand.Import.class,
      PricingCommand.Book.class,
      PricingCommand.Audit.class,
      PricingCommand.Guidance.class,
      PricingCommand.Impact.class
    })
final class PricingCommand implements Runnable {
  @Spec CommandSpec command;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        command.commandLine(),
        "say what to do: pricing import, pricing book, pricing audit, pricing guidance or pricing"
            + " impact");
  }

  /** Options every pricing command shares. */
  static class Common {
    @Mixin StoreOptions store;

    @Option(names = "--account", paramLabel = "NAME", description = "The vendor account.")
    String accountName;
  }

  /** Options of the commands that print a table. */
  static class Output extends Common {
    @Mixin FormatOption format;
  }

  /** A CSV file's text, or a usage error naming the option and the file. */
  static String readText(CommandSpec command, String what, Path file) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file)))
          .toString();
    } catch (CharacterCodingException e) {
      throw Arguments.bad(command, what + " " + file + " is not UTF-8 text");
    } catch (IOException e) {
      throw Arguments.bad(command, what + " " + file + " cannot be read (" + e + ")");
    }
  }

  static PriceBook readBook(CommandSpec command, String what, Path file) {
    try {
      return PriceBookCsv.read(readText(command, what, file), file.toString());
    } catch (PriceBookException e) {
      throw Arguments.bad(command, e.getMessage());
    }
  }

  /** The account's stored price book. */
  static PriceBook stored(Database database, VendorAccount account) {
    return StoredPriceBooks.read(new PriceBooks(database), account.id());
  }

  /** Imports a generated world's price book, if it wrote one, into the account (the demo). */
  static void importWorldBook(Database database, VendorAccount account, Path dir)
      throws IOException {
    Path file = dir.resolve("ground-truth/price-book.csv");
    if (Files.isRegularFile(file)) {
      PriceBook book = PriceBookCsv.read(Files.readString(file), file.toString());
      new PriceBooks(database).importPlans(account.id(), StoredPriceBooks.prices(book));
    }
  }

  static Records.Loaded records(Database database, VendorAccount account) {
    return Reports.forMetrics(database, account.name())
        .load(CustomerOverrides.load(Settings.home()), Set.of());
  }

  static LocalDate day(CommandSpec command, String option, String text) {
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw Arguments.bad(command, option + " must be a day as YYYY-MM-DD, not '" + text + "'");
    }
  }

  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = {
        "Imports a price book CSV (App Key, Hosting, Effective From, Tier, Price, Renewal Price)"
            + " into the account, all or nothing.",
        "Each plan (app, hosting, effective date) in the file replaces the stored plan of the same"
            + " app, hosting and date; other plans stay."
      })
  static final class Import extends Common implements Callable<Integer> {
    @Spec CommandSpec command;

    @Parameters(paramLabel = "FILE", description = "The price book CSV.")
    Path file;

    @Override
    public Integer call() {
      PriceBook book = readBook(command, "price book", file);
      try (Database database = store.open()) {
        VendorAccount account = StoreOptions.account(StoreOptions.accounts(database), accountName);
        int plans =
            new PriceBooks(database).importPlans(account.id(), StoredPriceBooks.prices(book));
        PrintWriter out = command.commandLine().getOut();
        out.printf(
            "%s: %d prices in %d plans imported into account %s%n",
            file, book.rows().size(), plans, account.name());
        out.flush();
      }
      return 0;
    }
  }

  @Command(name = "book", mixinStandardHelpOptions = true, description = "Prints the price book.")
  static final class Book extends Output implements Callable<Integer> {
    @Spec CommandSpec command;

    @Override
    public Integer call() {
      ReportTable.Format output = format.parse(command);
      try (Database database = store.open()) {
        VendorAccount account = StoreOptions.account(StoreOptions.accounts(database), accountName);
        PrintWriter out = command.commandLine().getOut();
        Reports.print(PricingTables.book(stored(database, account)), output, out);
        out.flush();
      }
      return 0;
    }
  }

  @Command(
      name = "audit",
      mixinStandardHelpOptions = true,
      description = {
        "Prices every transaction line from the price book and lists the lines it does not"
            + " explain, with the arithmetic.",
        "--all lists every line; --by-rule counts the lines by the rule that priced them."
      })
  static final class Audit extends Output implements Callable<Integer> {
    @Spec CommandSpec command;

    @Option(names = "--all", description = "List every line, not only the unexplained ones.")
    boolean all;

    @Option(names = "--by-rule", description = "Count the lines by rule instead.")
    boolean byRule;

    @Override
    public Integer call() {
      ReportTable.Format output = format.parse(command);
      PriceAudit.Result result;
      try (Database database = store.open()) {
        VendorAccount account = StoreOptions.account(StoreOptions.accounts(database), accountName);
        PriceBook book = stored(database, account);
        if (book.isEmpty()) {
          throw Arguments.bad(
              command,
              "account "
                  + account.name()
                  + " has no price book yet: import one with ./marketlens pricing import FILE");
        }
        Records.Loaded loaded = records(database, account);
        result = PriceAudit.audit(book, loaded.allLines(), loaded.licenses());
      }
      PrintWriter out = command.commandLine().getOut();
      ReportTable table =
          byRule
              ? PricingTables.auditByRule(result)
              : PricingTables.audit(all ? result.lines() : result.unexplained());
      Reports.print(table, output, out);
      out.flush();
      PrintWriter err = command.commandLine().getErr();
      err.printf(
          "%d lines audited, %d explained by the price book, %d not; %d without a sale type"
              + " skipped%n",
          result.lines().size(),
          result.lines().size() - result.unexplained().size(),
          result.unexplained().size(),
          result.skipped());
      err.flush();
      return 0;
    }
  }

  @Command(
      name = "guidance",
      mixinStandardHelpOptions = true,
      description = {
        "Seed 004's price guidance from the price book: the cloud-server price ratio per tier;"
            + " with --reference, the normalised price ratio against the average Data Center"
            + " prices in that CSV (Users, Average Annual Price; a row for 100 users needed)."
      })
  static final class Guidance extends Output implements Callable<Integer> {
    @Spec CommandSpec command;

    @Option(
        names = "--reference",
        paramLabel = "FILE",
        description = "Average Data Center prices: CSV with Users, Average Annual Price.")
    Path reference;

    @Option(
        names = "--as-of",
        paramLabel = "YYYY-MM-DD",
        description = "The day whose plans are compared (default: today, UTC).")
    String asOf;

    @Override
    public Integer call() {
      ReportTable.Format output = format.parse(command);
      LocalDate day = Arguments.asOf(command, asOf);
      List<PriceGuidance.Reference> averages = null;
      if (reference != null) {
        try {
          averages =
              PriceGuidance.readReference(
                  readText(command, "--reference", reference), reference.toString());
        } catch (PriceBookException e) {
          throw Arguments.bad(command, e.getMessage());
        }
      }
      PriceBook book;
      try (Database database = store.open()) {
        book = stored(database, StoreOptions.account(StoreOptions.accounts(database), accountName));
      }
      ReportTable table =
          averages == null
              ? PricingTables.cloudServer(PriceGuidance.cloudServer(book, day))
              : PricingTables.normalised(PriceGuidance.normalised(book, averages, day));
      PrintWriter out = command.commandLine().getOut();
      Reports.print(table, output, out);
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "impact",
      mixinStandardHelpOptions = true,
      description = {
        "Projects MRR and renewal revenue for the 12 months from --effective, at today's prices"
            + " and with the prices of --book from that day: each paying subscription renews on"
            + " its renewal date on the same tier; existing customers renewing within 60 days of"
            + " the change pay the old price if it is lower (SR-C3)."
      })
  static final class Impact extends Output implements Callable<Integer> {
    @Spec CommandSpec command;

    @Option(
        names = "--book",
        paramLabel = "FILE",
        required = true,
        description = "The new prices: a price book CSV; each app and hosting's latest plan.")
    Path newBook;

    @Option(
        names = "--effective",
        paramLabel = "YYYY-MM-DD",
        required = true,
        description = "The first day of the new prices.")
    String effective;

    @Option(
        names = "--as-of",
        paramLabel = "YYYY-MM-DD",
        description = "The day whose paying subscriptions are projected (default: today, UTC).")
    String asOf;

    @Override
    public Integer call() {
      ReportTable.Format output = format.parse(command);
      LocalDate from = day(command, "--effective", effective);
      LocalDate day = Arguments.asOf(command, asOf);
      PriceBook change = readBook(command, "--book", newBook);
      List<PriceImpact.Month> months;
      try (Database database = store.open()) {
        VendorAccount account = StoreOptions.account(StoreOptions.accounts(database), accountName);
        PriceBook current = stored(database, account);
        Records.Loaded loaded = records(database, account);
        months =
            PriceImpact.project(
                current, change, from, PriceImpact.subscriptions(loaded.allLines(), day));
      }
      PrintWriter out = command.commandLine().getOut();
      Reports.print(PricingTables.impact(months), output, out);
      out.flush();
      return 0;
    }
  }
}
