package dev.marketlens.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Where the next sync of each stream ({@code licenses}, {@code transactions}) of an account
 * resumes. A checkpoint is written in the same transaction as the batch it follows, so a killed run
 * resumes exactly after the last batch it committed.
 */
public final class SyncCheckpoints {

  /**
   * @param lastUpdated the highest {@code lastUpdated} of a completed pass, the cursor of the next
   *     incremental one; null before the first
   * @param exportId the export a run in progress reads (an async export id or a description of the
   *     query), null when none is in progress
   * @param exportOffset how many records of that export are already stored
   */
  public record Checkpoint(LocalDate lastUpdated, String exportId, long exportOffset) {
    public static final Checkpoint NONE = new Checkpoint(null, null, 0);
  }

  public Checkpoint get(Connection connection, long account, String stream) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT last_updated, export_id, export_offset FROM sync_checkpoints"
                + " WHERE vendor_account_id = ? AND stream = ?")) {
      select.setLong(1, account);
      select.setString(2, stream);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next()
            ? new Checkpoint(rows.getObject(1, LocalDate.class), rows.getString(2), rows.getLong(3))
            : Checkpoint.NONE;
      }
    }
  }

  public void put(Connection connection, long account, String stream, Checkpoint checkpoint)
      throws SQLException {
    try (PreparedStatement upsert =
        connection.prepareStatement(
            "INSERT INTO sync_checkpoints (vendor_account_id, stream, last_updated, export_id,"
                + " export_offset, updated_at) VALUES (?, ?, ?, ?, ?, now())"
                + " ON CONFLICT (vendor_account_id, stream) DO UPDATE SET"
                + " last_updated = excluded.last_updated, export_id = excluded.export_id,"
                + " export_offset = excluded.export_offset, updated_at = excluded.updated_at")) {
      upsert.setLong(1, account);
      upsert.setString(2, stream);
      upsert.setObject(3, checkpoint.lastUpdated());
      upsert.setString(4, checkpoint.exportId());
      upsert.setLong(5, checkpoint.exportOffset());
      upsert.executeUpdate();
    }
  }

  /** Optional view of {@link #get} for callers that treat "none" specially. */
  public Optional<Checkpoint> find(Connection connection, long account, String stream)
      throws SQLException {
    Checkpoint checkpoint = get(connection, account, stream);
    return checkpoint.equals(Checkpoint.NONE) ? Optional.empty() : Optional.of(checkpoint);
  }
}
