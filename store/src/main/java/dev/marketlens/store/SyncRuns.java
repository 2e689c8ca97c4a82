package dev.marketlens.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The record of sync runs. Counts are added batch by batch in the batch's own transaction, so a run
 * killed half-way still says truly what it wrote; the next run of the account marks it interrupted.
 */
public final class SyncRuns {
  private static final String COLUMNS =
      "id, vendor_account_id, kind, started_at, finished_at, status, new_count, changed_count,"
          + " unchanged_count, drifted_count, error";

  /** Starts a run, marking the account's runs left running by a killed process interrupted. */
  public long start(Connection connection, long account, String kind, Instant at)
      throws SQLException {
    try (PreparedStatement interrupt =
        connection.prepareStatement(
            "UPDATE sync_runs SET status = 'interrupted', finished_at = greatest(?, started_at)"
                + " WHERE vendor_account_id = ? AND status = 'running'")) {
      interrupt.setTimestamp(1, Timestamp.from(at));
      interrupt.setLong(2, account);
      interrupt.executeUpdate();
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO sync_runs (vendor_account_id, kind, started_at) VALUES (?, ?, ?)"
                + " RETURNING id")) {
      insert.setLong(1, account);
      insert.setString(2, kind);
      insert.setTimestamp(3, Timestamp.from(at));
      try (ResultSet rows = insert.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /** Adds what a batch did to its run's counts. */
  public void add(Connection connection, long run, WriteResult result) throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE sync_runs SET new_count = new_count + ?, changed_count = changed_count + ?,"
                + " unchanged_count = unchanged_count + ?, drifted_count = drifted_count + ?"
                + " WHERE id = ?")) {
      update.setInt(1, result.created());
      update.setInt(2, result.changed());
      update.setInt(3, result.unchanged());
      update.setInt(4, result.drifted());
      update.setLong(5, run);
      update.executeUpdate();
    }
  }

  /** Ends a run: {@code succeeded}, or {@code failed} with the error a user reads. */
  public void finish(Connection connection, long run, String status, String error, Instant at)
      throws SQLException {
    try (PreparedStatement update =
        connection.prepareStatement(
            "UPDATE sync_runs SET status = ?, error = ?, finished_at = greatest(?, started_at)"
                + " WHERE id = ?")) {
      update.setString(1, status);
      update.setString(2, error);
      update.setTimestamp(3, Timestamp.from(at));
      update.setLong(4, run);
      update.executeUpdate();
    }
  }

  public Optional<SyncRun> find(Connection connection, long run) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement("SELECT " + COLUMNS + " FROM sync_runs WHERE id = ?")) {
      select.setLong(1, run);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(read(rows)) : Optional.empty();
      }
    }
  }

  /** The latest runs of an account, newest first. */
  public List<SyncRun> recent(Connection connection, long account, int limit) throws SQLException {
    List<SyncRun> runs = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM sync_runs WHERE vendor_account_id = ? ORDER BY started_at DESC, id DESC"
                + " LIMIT ?")) {
      select.setLong(1, account);
      select.setInt(2, limit);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          runs.add(read(rows));
        }
      }
    }
    return runs;
  }

  private static SyncRun read(ResultSet rows) throws SQLException {
    OffsetDateTime finished = rows.getObject(5, OffsetDateTime.class);
    return new SyncRun(
        rows.getLong(1),
        rows.getLong(2),
        rows.getString(3),
        rows.getObject(4, OffsetDateTime.class).toInstant(),
        finished == null ? null : finished.toInstant(),
        rows.getString(6),
        rows.getInt(7),
        rows.getInt(8),
        rows.getInt(9),
        rows.getInt(10),
        rows.getString(11));
  }
}
