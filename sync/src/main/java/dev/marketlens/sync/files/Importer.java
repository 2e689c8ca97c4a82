package dev.marketlens.sync.files;

import dev.marketlens.model.remittance.RemittanceLine;
import dev.marketlens.store.AccountLock;
import dev.marketlens.store.Database;
import dev.marketlens.store.ImportBatches;
import dev.marketlens.store.Licenses;
import dev.marketlens.store.Received;
import dev.marketlens.store.RecordWriter;
import dev.marketlens.store.TransactionLines;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.store.WriteResult;
import dev.marketlens.sync.wire.ExportFormat;
import dev.marketlens.sync.wire.ExportKind;
import dev.marketlens.sync.wire.ExportReader;
import dev.marketlens.sync.wire.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Imports export files (licenses or transactions, CSV or JSON) and monthly remittance CSVs into a
 * vendor account. Each file is one transaction: a bad record anywhere stops it with the file, line,
 * field and value, and nothing of it is stored. A file already imported (same content) is skipped;
 * importing the same records in another file stores nothing new either.
 */
public final class Importer {
  private static final int BATCH = 10_000;

  /**
   * What importing one file did.
   *
   * @param records the records (or remittance lines) the file holds
   * @param written what they changed in the store; {@link WriteResult#NONE} for a remittance or a
   *     file imported before
   * @param alreadyImported true when the same file was imported before, and so skipped
   */
  public record Imported(
      Path file,
      ImportFile.Kind kind,
      ExportFormat format,
      long records,
      WriteResult written,
      boolean alreadyImported) {}

  private final Database database;
  private final Clock clock;
  private final Licenses licenses = new Licenses();
  private final TransactionLines lines = new TransactionLines();
  private final ImportBatches batches = new ImportBatches();

  public Importer(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
  }

  /** Imports one file, all or nothing. */
  public Imported importFile(VendorAccount account, Path file) {
    ImportFile.Detected detected = ImportFile.detect(file);
    byte[] sha256 = sha256(file);
    String name = String.valueOf(file.getFileName());
    try (AccountLock lock =
        AccountLock.acquire(database.dataSource(), account.id(), account.name())) {
      return database.inTransaction(
          "import " + name,
          c -> {
            if (batches.contains(c, account.id(), sha256)) {
              return new Imported(
                  file, detected.kind(), detected.format(), 0, WriteResult.NONE, true);
            }
            Instant at = clock.instant();
            return switch (detected.kind()) {
              case LICENSES ->
                  records(
                      c,
                      account,
                      detected,
                      sha256,
                      at,
                      ExportReader::licenses,
                      l -> new Received<>(l, WireJson.license(l), notCarried(detected)),
                      licenses::write);
              case TRANSACTIONS ->
                  records(
                      c,
                      account,
                      detected,
                      sha256,
                      at,
                      ExportReader::transactions,
                      t -> new Received<>(t, WireJson.transaction(t), notCarried(detected)),
                      lines::write);
              case REMITTANCE -> remittance(c, account, detected, sha256, at);
              case EMPTY ->
                  new Imported(
                      file, detected.kind(), detected.format(), 0, WriteResult.NONE, false);
            };
          });
    }
  }

  private <T> Imported records(
      Connection c,
      VendorAccount account,
      ImportFile.Detected detected,
      byte[] sha256,
      Instant at,
      Function<ExportReader, java.util.stream.Stream<T>> read,
      Function<T, Received<T>> received,
      RecordWriter<T> writer)
      throws SQLException {
    Path file = detected.path();
    String name = String.valueOf(file.getFileName());
    long count = 0;
    WriteResult written = WriteResult.NONE;
    try (ExportReader reader = ExportReader.open(open(file), name);
        var records = read.apply(reader);
        ReadAhead<Received<T>> ahead =
            new ReadAhead<>(records.map(received).iterator(), BATCH, "import " + name)) {
      while (ahead.hasNext()) {
        List<Received<T>> batch = ahead.next();
        count += batch.size();
        written = written.plus(writer.write(c, account.id(), batch, null, at));
      }
    }
    String kind = detected.kind() == ImportFile.Kind.LICENSES ? "licenses" : "transactions";
    batches.record(c, account.id(), name, sha256, kind, Math.toIntExact(count), at);
    lines.linkLicenses(c, account.id());
    return new Imported(file, detected.kind(), detected.format(), count, written, false);
  }

  private Imported remittance(
      Connection c, VendorAccount account, ImportFile.Detected detected, byte[] sha256, Instant at)
      throws SQLException {
    Path file = detected.path();
    String name = String.valueOf(file.getFileName());
    List<RemittanceLine> all;
    try (RemittanceReader reader = RemittanceReader.open(open(file), name);
        var stream = reader.lines()) {
      all = stream.toList();
    }
    long batch = batches.record(c, account.id(), name, sha256, "remittance", all.size(), at);
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO remittance_lines (import_batch_id, line_number, vendor_account_id,"
                + " sale_date, order_id, license_id, customer_name, app_name, sale_price_cents,"
                + " net_revenue_cents, reference) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      int number = 0;
      for (RemittanceLine line : all) {
        insert.setLong(1, batch);
        insert.setInt(2, ++number);
        insert.setLong(3, account.id());
        insert.setObject(4, line.saleDate());
        insert.setString(5, line.orderId());
        insert.setString(6, line.licenseId());
        insert.setString(7, line.customerName());
        insert.setString(8, line.appName());
        insert.setLong(9, line.salePrice().cents());
        insert.setLong(10, line.netRevenue().cents());
        insert.setString(11, line.reference());
        insert.addBatch();
      }
      insert.executeBatch();
    }
    return new Imported(
        file, detected.kind(), detected.format(), all.size(), WriteResult.NONE, false);
  }

  /** The fields the file's format cannot carry: their absence says nothing. */
  private static List<String> notCarried(ImportFile.Detected detected) {
    ExportKind kind =
        detected.kind() == ImportFile.Kind.LICENSES ? ExportKind.LICENSES : ExportKind.TRANSACTIONS;
    return WireJson.fieldsNotCarried(kind, detected.format());
  }

  private static InputStream open(Path file) {
    try {
      return Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException(file + ": no such file", e);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be read", e);
    }
  }

  private static byte[] sha256(Path file) {
    try (DigestInputStream in =
        new DigestInputStream(open(file), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return in.getMessageDigest().digest();
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be read", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }
}
