package dev.marketlens.sync.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.marketlens.store.Database;
import dev.marketlens.store.Licenses;
import dev.marketlens.store.TokenCipher;
import dev.marketlens.store.TransactionLines;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.store.VendorAccounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Imports into the store: each bad file of the corpus leaves the database as it was. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImporterIT {
  @TempDir static Path home;

  private Database database;
  private Importer importer;
  private VendorAccount account;

  @BeforeAll
  void start() {
    database = Database.embedded(home);
    importer =
        new Importer(database, Clock.fixed(Instant.parse("2026-11-02T06:00:00Z"), ZoneOffset.UTC));
    account =
        new VendorAccounts(database.dataSource(), TokenCipher.forHome(home, null))
            .save(new VendorAccount.New("files", "v2", null, null, null, null, null));
  }

  @AfterAll
  void stop() {
    database.close();
  }

  private String snapshot() {
    return database.inTransaction(
        "snapshot",
        c -> {
          long licenses = new Licenses().count(c, account.id());
          long lines = new TransactionLines().count(c, account.id());
          long other;
          try (var s = c.createStatement();
              var rows =
                  s.executeQuery(
                      "SELECT (SELECT count(*) FROM import_batches)"
                          + " + (SELECT count(*) FROM remittance_lines)"
                          + " + (SELECT count(*) FROM license_versions)"
                          + " + (SELECT count(*) FROM transaction_line_versions)")) {
            rows.next();
            other = rows.getLong(1);
          }
          return licenses + "/" + lines + "/" + other;
        });
  }

  static Stream<Arguments> badFiles() throws IOException {
    return BadImportCorpusTest.expected().entrySet().stream()
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  @DisplayName("a bad file is refused with its message and changes nothing in the database")
  void a_bad_file_changes_nothing(String file, String message) throws IOException {
    importGood();
    String before = snapshot();

    Throwable refused =
        catchThrowable(
            () -> importer.importFile(account, BadImportCorpusTest.corpus().resolve(file)));

    assertThat(refused).hasMessage(message);
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  @DisplayName("the good files import; the same file twice is skipped the second time")
  void good_files_import_once() throws IOException {
    importGood();
    String after = snapshot();
    try (Stream<Path> files = Files.list(Imports.folder("good-imports"))) {
      for (Path file : files.sorted().toList()) {
        assertThat(importer.importFile(account, file).alreadyImported() || isEmpty(file))
            .as("%s again", file)
            .isTrue();
      }
    }
    assertThat(snapshot()).isEqualTo(after);
    assertThat(after).startsWith(distinctLicenses() + "/" + distinctLines() + "/");
  }

  /** The licenses of the good files, by their add-on license id or entitlement id. */
  private static long distinctLicenses() throws IOException {
    return goodRecords(ImportFile.Kind.LICENSES, r -> r.licenses().map(l -> l.ids().toString()));
  }

  private static long distinctLines() throws IOException {
    return goodRecords(
        ImportFile.Kind.TRANSACTIONS, r -> r.transactions().map(t -> t.lineItemId().value()));
  }

  private static long goodRecords(
      ImportFile.Kind kind,
      java.util.function.Function<dev.marketlens.sync.wire.ExportReader, Stream<String>> ids)
      throws IOException {
    java.util.Set<String> distinct = new java.util.HashSet<>();
    try (Stream<Path> files = Files.list(Imports.folder("good-imports"))) {
      for (Path file : files.toList()) {
        if (ImportFile.detect(file).kind() != kind) {
          continue;
        }
        try (var in = Files.newInputStream(file);
            var reader = dev.marketlens.sync.wire.ExportReader.open(in, file.toString());
            var stream = ids.apply(reader)) {
          stream.forEach(distinct::add);
        }
      }
    }
    return distinct.size();
  }

  private static boolean isEmpty(Path file) {
    return ImportFile.detect(file).kind() == ImportFile.Kind.EMPTY;
  }

  /** Imports the good files (once: later calls skip them), so bad files meet a store with data. */
  private void importGood() throws IOException {
    try (Stream<Path> files = Files.list(Imports.folder("good-imports"))) {
      for (Path file : files.sorted().toList()) {
        importer.importFile(account, file);
      }
    }
  }
}
