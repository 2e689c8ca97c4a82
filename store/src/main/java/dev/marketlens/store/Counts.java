package dev.marketlens.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Row counts per vendor account. */
final class Counts {
  private Counts() {}

  static long of(Connection connection, String table, long account) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT count(*) FROM " + table + " WHERE vendor_account_id = ?")) {
      select.setLong(1, account);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }
}
