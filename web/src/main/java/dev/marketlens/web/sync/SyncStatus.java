package dev.marketlens.web.sync;

import dev.marketlens.store.Database;
import dev.marketlens.store.SyncRun;
import dev.marketlens.store.SyncRuns;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What the store says about an account's data: its sync runs, the files imported into it and the
 * records that drifted (changed without a new {@code lastUpdated}), read from the version tables.
 */
@Component
class SyncStatus {
  private static final String DRIFTED_LICENSES =
      "FROM license_versions v JOIN license_versions p ON p.license_key = v.license_key"
          + " AND p.version = v.version - 1 JOIN licenses l ON l.license_key = v.license_key"
          + " WHERE l.vendor_account_id = ? AND v.last_updated = p.last_updated";
  private static final String DRIFTED_LINES =
      "FROM transaction_line_versions v JOIN transaction_line_versions p"
          + " ON p.vendor_account_id = v.vendor_account_id"
          + " AND p.transaction_line_item_id = v.transaction_line_item_id"
          + " AND p.version = v.version - 1"
          + " WHERE v.vendor_account_id = ? AND v.last_updated = p.last_updated";

  /** A file imported by hand. */
  record ImportBatch(String file, String kind, int rows, Instant at) {}

  /** A record that changed without a new lastUpdated: what it is, its id, when, which fields. */
  record Drifted(String kind, String id, Instant seenAt, String fields) {
    /** Where the record can be looked up, or null. */
    public String link() {
      return kind.equals("transaction line") ? "/transactions?q=" + id : null;
    }
  }

  private final Database database;
  private final SyncRuns runs = new SyncRuns();

  SyncStatus(Database database) {
    this.database = database;
  }

  List<SyncRun> runs(long account, int limit) {
    return database.inTransaction("read the sync runs", c -> runs.recent(c, account, limit));
  }

  /** When the account's latest sync run started. */
  Optional<Instant> lastStart(long account) {
    return runs(account, 1).stream().findFirst().map(SyncRun::startedAt);
  }

  List<ImportBatch> imports(long account, int limit) {
    return database.inTransaction(
        "read the imported files",
        c -> {
          List<ImportBatch> batches = new ArrayList<>();
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT file_name, kind, rows, imported_at FROM import_batches"
                      + " WHERE vendor_account_id = ? ORDER BY imported_at DESC, id DESC"
                      + " LIMIT ?")) {
            select.setLong(1, account);
            select.setInt(2, limit);
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                batches.add(
                    new ImportBatch(
                        rows.getString(1),
                        rows.getString(2),
                        rows.getInt(3),
                        rows.getObject(4, OffsetDateTime.class).toInstant()));
              }
            }
          }
          return batches;
        });
  }

  /** How many record versions of the account are drift. */
  long driftCount(long account) {
    return database.inTransaction(
        "count the drifted records",
        c -> {
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT (SELECT count(*) "
                      + DRIFTED_LICENSES
                      + ") + (SELECT count(*) "
                      + DRIFTED_LINES
                      + ")")) {
            select.setLong(1, account);
            select.setLong(2, account);
            try (ResultSet rows = select.executeQuery()) {
              rows.next();
              return rows.getLong(1);
            }
          }
        });
  }

  /** The latest drifted record versions of the account, newest first. */
  List<Drifted> drift(long account, int limit) {
    String fields = "(SELECT string_agg(k, ', ' ORDER BY k) FROM jsonb_object_keys(v.changed) k)";
    return database.inTransaction(
        "read the drifted records",
        c -> {
          List<Drifted> drifted = new ArrayList<>();
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT * FROM (SELECT 'license' AS kind,"
                      + " coalesce(l.license_id, l.addon_license_id, l.license_key::text) AS id,"
                      + " v.seen_at, "
                      + fields
                      + " AS fields "
                      + DRIFTED_LICENSES
                      + " UNION ALL SELECT 'transaction line', v.transaction_line_item_id,"
                      + " v.seen_at, "
                      + fields
                      + " "
                      + DRIFTED_LINES
                      + ") d ORDER BY seen_at DESC, id LIMIT ?")) {
            select.setLong(1, account);
            select.setLong(2, account);
            select.setInt(3, limit);
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                drifted.add(
                    new Drifted(
                        rows.getString(1),
                        rows.getString(2),
                        rows.getObject(3, OffsetDateTime.class).toInstant(),
                        rows.getString(4)));
              }
            }
          }
          return drifted;
        });
  }
}
