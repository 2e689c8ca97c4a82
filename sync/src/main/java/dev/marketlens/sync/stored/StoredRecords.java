package dev.marketlens.sync.stored;

import dev.marketlens.model.license.License;
import dev.marketlens.model.transaction.TransactionLine;
import dev.marketlens.store.Database;
import dev.marketlens.store.Licenses;
import dev.marketlens.store.RecordVisitor;
import dev.marketlens.store.TransactionLines;
import dev.marketlens.sync.wire.ExportReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An account's current records read back from the store into the model, a thousand at a time: the
 * store keeps each as JSON in the export's shape, which {@code sync.wire} parses.
 */
public final class StoredRecords {
  private static final int CHUNK = 1_000;

  private StoredRecords() {}

  /** Every current license, then every current transaction line, of an account. */
  public static void read(
      Database database,
      long account,
      Consumer<License> licenses,
      Consumer<TransactionLine> transactions) {
    licenses(database, account, licenses);
    transactions(database, account, transactions);
  }

  /** Every current license of an account, read in one transaction. */
  public static void licenses(Database database, long account, Consumer<License> each) {
    read(database, "licenses", each, true, account);
  }

  /** Every current transaction line of an account, in line item id order. */
  public static void transactions(Database database, long account, Consumer<TransactionLine> each) {
    read(database, "transactions", each, false, account);
  }

  @SuppressWarnings("unchecked")
  private static <T> void read(
      Database database, String what, Consumer<T> each, boolean licenses, long account) {
    List<String> chunk = new ArrayList<>(CHUNK);
    RecordVisitor visitor =
        json -> {
          chunk.add(json);
          if (chunk.size() == CHUNK) {
            parse(chunk, licenses, (Consumer<Object>) each);
          }
        };
    database.inTransaction(
        "read the stored " + what,
        c -> {
          if (licenses) {
            new Licenses().forEachRecord(c, account, visitor);
          } else {
            new TransactionLines().forEachRecord(c, account, visitor);
          }
          return null;
        });
    parse(chunk, licenses, (Consumer<Object>) each);
  }

  private static void parse(List<String> chunk, boolean licenses, Consumer<Object> each) {
    if (chunk.isEmpty()) {
      return;
    }
    byte[] array = ("[" + String.join(",", chunk) + "]").getBytes(StandardCharsets.UTF_8);
    try (ExportReader reader =
        ExportReader.open(new ByteArrayInputStream(array), "stored records")) {
      if (licenses) {
        reader.licenses().forEach(each);
      } else {
        reader.transactions().forEach(each);
      }
    }
    chunk.clear();
  }
}
