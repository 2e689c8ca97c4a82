package dev.marketlens.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Writes records into a current-state table and its versions table in the caller's transaction: new
 * records are copied in as version 1, which their current row stands for (no version row); a record
 * whose fields differ from the stored one replaces it and adds a version with the field diff, the
 * previous version keeping the record it had (version 1 then gets its row); equal records are only
 * noted as seen, one row per batch in {@code record_sightings}. A change without a new {@code
 * lastUpdated} is drift. A redaction (a contact that now reads {@code RTBF}) is carried into every
 * stored version.
 *
 * @param <T> the model type of the records
 */
final class Versioned<T> {

  /** A typed column and how to read it from a record. */
  record Column<T>(String name, Function<T, Object> value) {}

  /** A record to write, under its key in the table; its label names it in a drift (made lazily). */
  record Pending<T>(
      Object key,
      Supplier<String> label,
      T value,
      String json,
      LocalDate lastUpdated,
      List<String> unknown) {}

  /** A stored record; its JSON is read only when its hash differs from the received one's. */
  private record Stored(
      int version, LocalDate lastUpdated, Instant firstSeen, Long firstSyncRun, byte[] hash) {}

  private final String table;
  private final String versions;
  private final String keyColumn;
  private final String keyType;
  private final boolean versionsHaveAccount;
  private final List<Column<T>> columns;
  private final List<String> currentColumns;
  private final List<String> versionColumns;

  Versioned(
      String table,
      String versions,
      String keyColumn,
      String keyType,
      boolean versionsHaveAccount,
      List<Column<T>> columns) {
    this.table = table;
    this.versions = versions;
    this.keyColumn = keyColumn;
    this.keyType = keyType;
    this.versionsHaveAccount = versionsHaveAccount;
    this.columns = List.copyOf(columns);
    List<String> current = new ArrayList<>(List.of("vendor_account_id", keyColumn));
    columns.forEach(column -> current.add(column.name()));
    current.addAll(
        List.of(
            "version", "record", "record_hash", "first_seen", "first_sync_run_id", "last_seen"));
    this.currentColumns = List.copyOf(current);
    List<String> version = new ArrayList<>();
    if (versionsHaveAccount) {
      version.add("vendor_account_id");
    }
    version.addAll(
        List.of(
            keyColumn, "version", "seen_at", "last_updated", "changed", "record", "sync_run_id"));
    this.versionColumns = List.copyOf(version);
  }

  WriteResult write(
      Connection connection, long account, List<Pending<T>> batch, Long syncRun, Instant seenAt)
      throws SQLException {
    if (batch.isEmpty()) {
      return WriteResult.NONE;
    }
    if (connection.getAutoCommit()) {
      throw new IllegalStateException("records are written inside a transaction");
    }
    Map<Object, Pending<T>> byKey = new LinkedHashMap<>();
    for (Pending<T> pending : batch) {
      byKey.put(pending.key(), pending);
    }
    Map<Object, Stored> stored = load(connection, account, byKey.keySet());
    Map<Object, byte[]> hashes = new HashMap<>();
    List<Object> toCompare = new ArrayList<>();
    for (Pending<T> pending : byKey.values()) {
      byte[] hash = RecordJson.sha256(pending.json());
      hashes.put(pending.key(), hash);
      Stored before = stored.get(pending.key());
      if (before != null && !Arrays.equals(before.hash(), hash)) {
        toCompare.add(pending.key());
      }
    }
    Map<Object, String> storedJson = loadRecords(connection, account, toCompare);

    CopyRows created = CopyRows.streaming(connection, table, currentColumns);
    CopyRows changed = new CopyRows();
    CopyRows newVersions = new CopyRows();
    List<Object> unchanged = new ArrayList<>();
    List<Object[]> superseded = new ArrayList<>();
    Map<Object, Set<String>> redactions = new LinkedHashMap<>();
    List<WriteResult.Drift> drifts = new ArrayList<>();
    try {
      for (Pending<T> pending : byKey.values()) {
        Stored before = stored.get(pending.key());
        if (before == null) {
          row(created, account, pending, hashes.get(pending.key()), 1, seenAt, syncRun);
          continue;
        }
        String beforeJson = storedJson.get(pending.key());
        if (beforeJson == null) {
          // The same JSON text as stored.
          unchanged.add(pending.key());
          continue;
        }
        var oldFields = RecordJson.flatten(beforeJson);
        var newFields = RecordJson.flatten(pending.json());
        byte[] hash = hashes.get(pending.key());
        if (RecordJson.keepUnknown(oldFields, newFields, pending.unknown())) {
          pending =
              new Pending<>(
                  pending.key(),
                  pending.label(),
                  pending.value(),
                  RecordJson.unflatten(newFields),
                  pending.lastUpdated(),
                  pending.unknown());
          hash = RecordJson.sha256(pending.json());
        }
        String diff = RecordJson.diff(oldFields, newFields);
        if (diff == null) {
          unchanged.add(pending.key());
          continue;
        }
        int version = before.version() + 1;
        row(changed, account, pending, hash, version, seenAt, null);
        if (before.version() == 1) {
          // Version 1 was the current row alone; it gets its row now, with the record it had.
          versionRow(
              newVersions,
              account,
              pending.key(),
              1,
              before.firstSeen(),
              before.lastUpdated(),
              "{}",
              beforeJson,
              before.firstSyncRun());
        } else {
          superseded.add(new Object[] {pending.key(), before.version(), beforeJson});
        }
        versionRow(
            newVersions,
            account,
            pending.key(),
            version,
            seenAt,
            pending.lastUpdated(),
            diff,
            null,
            syncRun);
        if (before.lastUpdated() != null && before.lastUpdated().equals(pending.lastUpdated())) {
          drifts.add(
              new WriteResult.Drift(pending.label().get(), changedFields(oldFields, newFields)));
        }
        Set<String> redacted = RecordJson.redactedPaths(newFields);
        redacted.removeAll(RecordJson.redactedPaths(oldFields));
        if (!redacted.isEmpty()) {
          redactions.put(pending.key(), redacted);
        }
      }
      created.finish();
    } finally {
      created.close();
    }
    if (created.rows() > 0) {
      analyzeWhenGrown(connection);
    }
    updateChanged(connection, changed);
    keepSupersededRecords(connection, account, superseded);
    newVersions.copyInto(connection, versions, versionColumns);
    if (syncRun != null) {
      // Only a sync's full pass asks what it has not seen; an import has no pass.
      touch(connection, account, unchanged, seenAt);
    }
    for (var redaction : redactions.entrySet()) {
      redactVersions(connection, account, redaction.getKey(), redaction.getValue());
    }
    return new WriteResult(
        created.rows(), changed.rows(), unchanged.size(), redactions.size(), drifts);
  }

  /**
   * Analyzes the current table when it has more than doubled since it was last analyzed (or never
   * was). The foreign key check of each new version looks its record up in the current table with a
   * plan made from these statistics; planned for an empty table, it scans every row of the account,
   * and a first import or sync becomes quadratic. Doubling keeps the cost to a few analyses per
   * load.
   */
  private void analyzeWhenGrown(Connection connection) throws SQLException {
    boolean grown;
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT relpages, reltuples, pg_relation_size(oid)"
                + " / current_setting('block_size')::bigint FROM pg_class WHERE oid = ?::regclass")) {
      select.setString(1, table);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        long analyzedPages = rows.getLong(1);
        grown = rows.getDouble(2) < 0 || rows.getLong(3) > 2 * Math.max(analyzedPages, 8);
      }
    }
    if (grown) {
      try (Statement statement = connection.createStatement()) {
        // The key columns only: quick (no jsonb to sort), and autovacuum still analyzes the rest.
        statement.execute("ANALYZE " + table + " (vendor_account_id, " + keyColumn + ")");
      }
    }
  }

  private static List<String> changedFields(
      Map<String, RecordJson.Scalar> before, Map<String, RecordJson.Scalar> after) {
    Set<String> paths = new TreeSet<>(before.keySet());
    paths.addAll(after.keySet());
    List<String> changed = new ArrayList<>();
    for (String path : paths) {
      if (!Objects.equals(before.get(path), after.get(path))) {
        changed.add(path);
      }
    }
    return changed;
  }

  private Map<Object, Stored> load(Connection connection, long account, Set<Object> keys)
      throws SQLException {
    Map<Object, Stored> stored = new HashMap<>();
    String sql =
        "SELECT "
            + keyColumn
            + ", version, last_updated, first_seen, first_sync_run_id, record_hash FROM "
            + table
            + " WHERE vendor_account_id = ? AND "
            + keyColumn
            + " = ANY(?)";
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, account);
      select.setArray(2, keyArray(connection, keys));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          long firstSyncRun = rows.getLong(5);
          Long run = rows.wasNull() ? null : firstSyncRun;
          stored.put(
              rows.getObject(1),
              new Stored(
                  rows.getInt(2),
                  rows.getObject(3, LocalDate.class),
                  rows.getObject(4, OffsetDateTime.class).toInstant(),
                  run,
                  rows.getBytes(6)));
        }
      }
    }
    return stored;
  }

  /** The stored JSON of some records, by key. */
  private Map<Object, String> loadRecords(Connection connection, long account, List<Object> keys)
      throws SQLException {
    Map<Object, String> records = new HashMap<>();
    if (keys.isEmpty()) {
      return records;
    }
    String sql =
        "SELECT "
            + keyColumn
            + ", record::text FROM "
            + table
            + " WHERE vendor_account_id = ? AND "
            + keyColumn
            + " = ANY(?)";
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, account);
      select.setArray(2, keyArray(connection, keys));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          records.put(rows.getObject(1), rows.getString(2));
        }
      }
    }
    return records;
  }

  private Array keyArray(Connection connection, Iterable<Object> keys) throws SQLException {
    List<Object> list = new ArrayList<>();
    keys.forEach(list::add);
    return connection.createArrayOf(keyType, list.toArray());
  }

  /** A current row; {@code firstSyncRun} only matters for a new record (first_seen too). */
  private void row(
      CopyRows rows,
      long account,
      Pending<T> pending,
      byte[] hash,
      int version,
      Instant seenAt,
      Long firstSyncRun)
      throws SQLException {
    rows.add(account).add(pending.key());
    for (Column<T> column : columns) {
      rows.add(column.value().apply(pending.value()));
    }
    rows.add(version)
        .add(pending.json())
        .add(hash)
        .add(seenAt)
        .add(firstSyncRun)
        .add(seenAt)
        .endRow();
  }

  private void versionRow(
      CopyRows rows,
      long account,
      Object key,
      int version,
      Instant seenAt,
      LocalDate lastUpdated,
      String changed,
      String record,
      Long syncRun)
      throws SQLException {
    if (versionsHaveAccount) {
      rows.add(account);
    }
    rows.add(key)
        .add(version)
        .add(seenAt)
        .add(lastUpdated)
        .add(changed)
        .add(record)
        .add(syncRun)
        .endRow();
  }

  private void updateChanged(Connection connection, CopyRows changed) throws SQLException {
    if (changed.rows() == 0) {
      return;
    }
    String staging = "staging_" + table;
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TEMP TABLE IF NOT EXISTS "
              + staging
              + " (LIKE "
              + table
              + ") ON COMMIT DELETE ROWS");
      statement.execute("TRUNCATE " + staging);
    }
    changed.copyInto(connection, staging, currentColumns);
    List<String> updated =
        currentColumns.stream()
            .filter(c -> !c.equals("vendor_account_id") && !c.equals(keyColumn))
            .filter(c -> !c.equals("first_seen") && !c.equals("first_sync_run_id"))
            .toList();
    String sql =
        "UPDATE "
            + table
            + " t SET ("
            + String.join(", ", updated)
            + ") = ("
            + String.join(", ", updated.stream().map(c -> "s." + c).toList())
            + ") FROM "
            + staging
            + " s WHERE t.vendor_account_id = s.vendor_account_id AND t."
            + keyColumn
            + " = s."
            + keyColumn;
    try (Statement statement = connection.createStatement()) {
      statement.executeUpdate(sql);
    }
  }

  /** The version a change supersedes keeps the record it had; the current one lives in table. */
  private void keepSupersededRecords(Connection connection, long account, List<Object[]> superseded)
      throws SQLException {
    if (superseded.isEmpty()) {
      return;
    }
    String sql =
        "UPDATE "
            + versions
            + " SET record = ?::jsonb WHERE "
            + keyColumn
            + " = ? AND version = ?"
            + (versionsHaveAccount ? " AND vendor_account_id = ?" : "");
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      for (Object[] row : superseded) {
        update.setString(1, (String) row[2]);
        update.setObject(2, row[0]);
        update.setInt(3, (Integer) row[1]);
        if (versionsHaveAccount) {
          update.setLong(4, account);
        }
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  /**
   * Records that unchanged records were seen again: one row for the batch in record_sightings,
   * rather than a new last_seen (a new tuple and index entries) for each of them.
   */
  private void touch(Connection connection, long account, List<Object> keys, Instant seenAt)
      throws SQLException {
    if (keys.isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO record_sightings (vendor_account_id, record_table, seen_at, keys)"
                + " VALUES (?, ?, ?, ?)")) {
      insert.setLong(1, account);
      insert.setString(2, table);
      insert.setObject(3, Timestamp.from(seenAt));
      insert.setArray(
          4, connection.createArrayOf("text", keys.stream().map(String::valueOf).toArray()));
      insert.executeUpdate();
    }
  }

  /**
   * Forgets the sightings older than a time: once a full pass has asked {@link #notSeenSince} for
   * its start, no later question looks further back.
   */
  int forgetSightingsBefore(Connection connection, long account, Instant before)
      throws SQLException {
    try (PreparedStatement delete =
        connection.prepareStatement(
            "DELETE FROM record_sightings WHERE vendor_account_id = ? AND record_table = ?"
                + " AND seen_at < ?")) {
      delete.setLong(1, account);
      delete.setString(2, table);
      delete.setTimestamp(3, Timestamp.from(before));
      return delete.executeUpdate();
    }
  }

  /**
   * The records of an account neither written nor seen since a time, each as {@code expression}
   * over the table's columns, in its order.
   */
  List<String> notSeenSince(Connection connection, long account, Instant since, String expression)
      throws SQLException {
    String sql =
        "SELECT "
            + expression
            + " FROM "
            + table
            + " t WHERE t.vendor_account_id = ? AND t.last_seen < ? AND NOT EXISTS (SELECT 1"
            + " FROM record_sightings s CROSS JOIN unnest(s.keys) k (key)"
            + " WHERE s.vendor_account_id = t.vendor_account_id AND s.record_table = ?"
            + " AND s.seen_at >= ? AND k.key = t."
            + keyColumn
            + "::text) ORDER BY 1";
    List<String> found = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      Timestamp at = Timestamp.from(since);
      select.setLong(1, account);
      select.setTimestamp(2, at);
      select.setString(3, table);
      select.setTimestamp(4, at);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          found.add(rows.getString(1));
        }
      }
    }
    return found;
  }

  private void redactVersions(Connection connection, long account, Object key, Set<String> paths)
      throws SQLException {
    String where =
        " WHERE " + keyColumn + " = ?" + (versionsHaveAccount ? " AND vendor_account_id = ?" : "");
    List<Object[]> rewritten = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT version, record::text, changed::text FROM " + versions + where)) {
      select.setObject(1, key);
      if (versionsHaveAccount) {
        select.setLong(2, account);
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          String record = rows.getString(2);
          rewritten.add(
              new Object[] {
                rows.getInt(1),
                record == null ? null : RecordJson.redact(record, paths),
                RecordJson.redact(rows.getString(3), paths)
              });
        }
      }
    }
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE "
                + versions
                + " SET record = ?::jsonb, changed = ?::jsonb"
                + where
                + " AND version = ?")) {
      for (Object[] row : rewritten) {
        update.setString(1, (String) row[1]);
        update.setString(2, (String) row[2]);
        update.setObject(3, key);
        int next = 4;
        if (versionsHaveAccount) {
          update.setLong(next++, account);
        }
        update.setInt(next, (Integer) row[0]);
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  /**
   * Each stored record of an account, in key order, as JSON; read with a cursor, so the caller's
   * connection must be in a transaction.
   */
  void forEachRecord(Connection connection, long account, RecordVisitor visitor)
      throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT record::text FROM "
                + table
                + " WHERE vendor_account_id = ? ORDER BY "
                + keyColumn)) {
      select.setFetchSize(2_000);
      select.setLong(1, account);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          visitor.visit(rows.getString(1));
        }
      }
    }
  }

  /**
   * Every version of one record, oldest first, each with the record as it was. A record never
   * changed has no version rows: its version 1 is read from its current row.
   */
  List<RecordVersion> history(Connection connection, long account, Object key) throws SQLException {
    String sql =
        "SELECT v.version, v.seen_at, v.last_updated, v.changed::text,"
            + " coalesce(v.record, t.record)::text, v.sync_run_id FROM "
            + versions
            + " v JOIN "
            + table
            + " t ON t."
            + keyColumn
            + " = v."
            + keyColumn
            + (versionsHaveAccount ? " AND t.vendor_account_id = v.vendor_account_id" : "")
            + " WHERE t.vendor_account_id = ? AND t."
            + keyColumn
            + " = ?"
            + " UNION ALL SELECT 1, first_seen, last_updated, '{}', record::text, first_sync_run_id"
            + " FROM "
            + table
            + " WHERE vendor_account_id = ? AND "
            + keyColumn
            + " = ? AND version = 1 ORDER BY 1";
    List<RecordVersion> history = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setLong(1, account);
      select.setObject(2, key);
      select.setLong(3, account);
      select.setObject(4, key);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          long run = rows.getLong(6);
          history.add(
              new RecordVersion(
                  rows.getInt(1),
                  rows.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                  rows.getObject(3, LocalDate.class),
                  rows.getString(4),
                  rows.getString(5),
                  rows.wasNull() ? null : run));
        }
      }
    }
    return history;
  }
}
