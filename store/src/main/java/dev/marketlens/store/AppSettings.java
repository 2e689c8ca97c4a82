package dev.marketlens.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/** Settings changed in the web application, by key (e.g. {@code sync.interval-minutes}). */
public final class AppSettings {
  private final DataSource dataSource;

  public AppSettings(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Optional<String> get(String key) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement select =
            c.prepareStatement("SELECT value FROM app_settings WHERE key = ?")) {
      select.setString(1, key);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("cannot read setting " + key + ": " + e.getMessage(), e);
    }
  }

  public void put(String key, String value) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement upsert =
            c.prepareStatement(
                "INSERT INTO app_settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE"
                    + " SET value = excluded.value, updated_at = now()")) {
      upsert.setString(1, key);
      upsert.setString(2, value);
      upsert.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("cannot save setting " + key + ": " + e.getMessage(), e);
    }
  }
}
