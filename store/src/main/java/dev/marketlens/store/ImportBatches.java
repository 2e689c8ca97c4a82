package dev.marketlens.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

/** The export files imported by hand, by content hash: the same file is imported once. */
public final class ImportBatches {

  /** True when a file with this SHA-256 was already imported into the account. */
  public boolean contains(Connection connection, long account, byte[] sha256) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT 1 FROM import_batches WHERE vendor_account_id = ? AND sha256 = ?")) {
      select.setLong(1, account);
      select.setBytes(2, sha256);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next();
      }
    }
  }

  /** Records an imported file, in the transaction that imports its records; returns its id. */
  public long record(
      Connection connection,
      long account,
      String fileName,
      byte[] sha256,
      String kind,
      int rows,
      Instant at)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO import_batches (vendor_account_id, file_name, sha256, kind, rows,"
                + " imported_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")) {
      insert.setLong(1, account);
      insert.setString(2, fileName);
      insert.setBytes(3, sha256);
      insert.setString(4, kind);
      insert.setInt(5, rows);
      insert.setTimestamp(6, Timestamp.from(at));
      try (ResultSet ids = insert.executeQuery()) {
        ids.next();
        return ids.getLong(1);
      }
    }
  }
}
