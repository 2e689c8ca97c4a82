package dev.marketlens.app;

import dev.marketlens.store.Database;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.store.VendorAccounts;
import dev.marketlens.store.WriteResult;
import dev.marketlens.sync.files.ImportFile;
import dev.marketlens.sync.files.Importer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code marketlens import FILE...}: license and transaction exports (CSV or JSON) and monthly
 * remittance CSVs, each file all or nothing.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Imports license and transaction exports (CSV or JSON, told apart by content) and monthly"
          + " remittance CSVs into an account.",
      "Each file is imported whole or not at all; a file imported before is skipped. A bad file"
          + " is reported with its line, field and value, and the other files are still imported."
    })
final class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec command;
  @Mixin StoreOptions store;

  @Parameters(arity = "1..*", paramLabel = "FILE")
  List<Path> files;

  @Option(
      names = "--account",
      paramLabel = "NAME",
      description =
          "The account to import into, created when absent (default: the only account, or"
              + " \"default\" when there is none).")
  String accountName;

  @Override
  public Integer call() {
    PrintWriter out = command.commandLine().getOut();
    PrintWriter err = command.commandLine().getErr();
    int failed = 0;
    try (Database database = store.open()) {
      VendorAccount account = account(StoreOptions.accounts(database));
      Importer importer = new Importer(database, Clock.systemUTC());
      for (Path file : files) {
        try {
          Importer.Imported imported = importer.importFile(account, file);
          out.println(describe(imported));
        } catch (RuntimeException e) {
          failed++;
          err.println("marketlens: " + Main.describe(e) + " — nothing of this file was imported");
        }
        out.flush();
        err.flush();
      }
    }
    if (failed > 0 && files.size() > 1) {
      err.printf("marketlens: %d of %d files not imported%n", failed, files.size());
      err.flush();
    }
    return failed == 0 ? 0 : 1;
  }

  private VendorAccount account(VendorAccounts accounts) {
    String name = accountName;
    if (name == null) {
      List<VendorAccount> all = accounts.list();
      if (!all.isEmpty()) {
        return StoreOptions.account(accounts, null);
      }
      name = "default";
    }
    String wanted = name;
    return accounts
        .find(wanted)
        .orElseGet(
            () -> accounts.save(new VendorAccount.New(wanted, "v2", null, null, null, null, null)));
  }

  private static String describe(Importer.Imported imported) {
    String file = String.valueOf(imported.file());
    if (imported.alreadyImported()) {
      return file + ": imported before, skipped";
    }
    if (imported.kind() == ImportFile.Kind.EMPTY) {
      return file + ": no records";
    }
    String what =
        switch (imported.kind()) {
          case LICENSES -> "licenses";
          case TRANSACTIONS -> "transaction lines";
          default -> "remittance lines";
        };
    WriteResult w = imported.written();
    String counts =
        imported.kind() == ImportFile.Kind.REMITTANCE
            ? ""
            : String.format(
                Locale.ROOT,
                ": %,d new, %,d changed, %,d unchanged, %,d drifted",
                w.created(),
                w.changed(),
                w.unchanged(),
                w.drifted());
    return String.format(
        Locale.ROOT,
        "%s: %,d %s (%s)%s",
        file,
        imported.records(),
        what,
        imported.format(),
        counts);
  }
}
