package dev.marketlens.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** What people did in the web application: never a secret, only who, what and from where. */
public final class AuditLog {

  /** One entry; {@code username} is null when nobody signed in did it. */
  public record Entry(
      long id, Instant at, String username, String action, String detail, String remote) {}

  private final DataSource dataSource;

  public AuditLog(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public void add(String username, String action, String detail, String remote) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO audit_log (username, action, detail, remote) VALUES (?, ?, ?, ?)")) {
      insert.setString(1, username);
      insert.setString(2, action);
      insert.setString(3, detail);
      insert.setString(4, remote);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot write the audit log: " + e.getMessage(), e);
    }
  }

  /** The latest entries, newest first. */
  public List<Entry> latest(int limit) {
    List<Entry> entries = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement(
                "SELECT id, at, username, action, detail, remote FROM audit_log"
                    + " ORDER BY at DESC, id DESC LIMIT ?")) {
      select.setInt(1, limit);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          entries.add(
              new Entry(
                  rows.getLong(1),
                  rows.getTimestamp(2).toInstant(),
                  rows.getString(3),
                  rows.getString(4),
                  rows.getString(5),
                  rows.getString(6)));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read the audit log: " + e.getMessage(), e);
    }
    return entries;
  }
}
