package dev.marketlens.app;

import dev.marketlens.store.Database;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.sync.stored.StoredRecords;
import dev.marketlens.sync.wire.ExportFormat;
import dev.marketlens.sync.wire.ExportKind;
import dev.marketlens.sync.wire.ExportWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code marketlens export licenses|transactions}: the stored current records in Atlassian's export
 * format, so that an export imported and exported again gives back its records.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Writes the stored licenses or transactions in Atlassian's export format (CSV or JSON).")
final class ExportCommand implements Callable<Integer> {
  enum What {
    licenses,
    transactions
  }

  enum Format {
    csv,
    json
  }

  @Spec CommandSpec command;
  @Mixin StoreOptions store;

  @Parameters(index = "0", paramLabel = "licenses|transactions")
  What what;

  @Option(
      names = "--format",
      paramLabel = "csv|json",
      description = "The format (default: ${DEFAULT-VALUE}).")
  Format format = Format.csv;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Where to write (default: standard output).")
  Path out;

  @Option(names = "--account", paramLabel = "NAME", description = "The vendor account.")
  String accountName;

  @Override
  public Integer call() throws IOException {
    ExportKind kind = what == What.licenses ? ExportKind.LICENSES : ExportKind.TRANSACTIONS;
    ExportFormat wire = format == Format.csv ? ExportFormat.CSV : ExportFormat.JSON;
    try (Database database = store.open()) {
      VendorAccount account = StoreOptions.account(StoreOptions.accounts(database), accountName);
      if (out == null) {
        OutputStream stdout = new BufferedOutputStream(System.out);
        write(database, account, kind, wire, stdout);
        stdout.flush();
        return 0;
      }
      // Written beside the target and moved into place: a failed export leaves no half file.
      Path target = out.toAbsolutePath();
      Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
      try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial))) {
        write(database, account, kind, wire, file);
      } catch (RuntimeException | IOException e) {
        Files.deleteIfExists(partial);
        throw e;
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    }
    return 0;
  }

  private static void write(
      Database database,
      VendorAccount account,
      ExportKind kind,
      ExportFormat format,
      OutputStream target) {
    try (ExportWriter writer = ExportWriter.open(target, kind, format)) {
      if (kind == ExportKind.LICENSES) {
        StoredRecords.licenses(database, account.id(), writer::write);
      } else {
        StoredRecords.transactions(database, account.id(), writer::write);
      }
    }
  }
}
