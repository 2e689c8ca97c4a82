package dev.marketlens.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/** The apps of a vendor account, recorded the first time a license or transaction names them. */
final class Apps {
  private Apps() {}

  /** Adds the apps not yet known, by key, with the name the records give (may be null). */
  static void ensure(Connection connection, long account, Map<String, String> namesByKey)
      throws SQLException {
    if (namesByKey.isEmpty()) {
      return;
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO apps (vendor_account_id, addon_key, name) VALUES (?, ?, ?)"
                + " ON CONFLICT (vendor_account_id, addon_key) DO UPDATE"
                + " SET name = coalesce(apps.name, excluded.name)"
                + " WHERE apps.name IS NULL AND excluded.name IS NOT NULL")) {
      for (var app : namesByKey.entrySet()) {
        insert.setLong(1, account);
        insert.setString(2, app.getKey());
        insert.setString(3, app.getValue());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}
