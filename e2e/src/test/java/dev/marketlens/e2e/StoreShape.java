package dev.marketlens.e2e;

import dev.marketlens.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the store holds for one account beyond the current records: row counts of each table, and
 * the version chains, which must run 1..n without a gap and end at the current row's version.
 */
final class StoreShape {

  private StoreShape() {}

  /** Rows per table for the account: current rows, ids and versions. */
  static Map<String, Long> counts(Database database, long account) {
    return database.inTransaction(
        "count the stored rows",
        c -> {
          Map<String, Long> counts = new LinkedHashMap<>();
          counts.put(
              "licenses",
              count(c, "SELECT count(*) FROM licenses WHERE vendor_account_id = ?", account));
          counts.put(
              "license_ids",
              count(c, "SELECT count(*) FROM license_ids WHERE vendor_account_id = ?", account));
          counts.put(
              "license_versions",
              count(
                  c,
                  "SELECT count(*) FROM license_versions v JOIN licenses l USING (license_key)"
                      + " WHERE l.vendor_account_id = ?",
                  account));
          counts.put(
              "transaction_lines",
              count(
                  c,
                  "SELECT count(*) FROM transaction_lines WHERE vendor_account_id = ?",
                  account));
          counts.put(
              "transaction_line_versions",
              count(
                  c,
                  "SELECT count(*) FROM transaction_line_versions WHERE vendor_account_id = ?",
                  account));
          return counts;
        });
  }

  /**
   * The records whose versions do not run 1..n, or whose current row's version is not n; empty when
   * every chain is whole. A record still at version 1 has no version row: its current row is it.
   */
  static List<String> brokenVersionChains(Database database, long account) {
    return database.inTransaction(
        "check the version chains",
        c -> {
          List<String> broken = new ArrayList<>();
          collect(
              c,
              "SELECT 'license ' || l.license_key || ': current version ' || l.version || ', versions '"
                  + " || coalesce(string_agg(v.version::text, ',' ORDER BY v.version), 'none')"
                  + " FROM licenses l LEFT JOIN license_versions v USING (license_key)"
                  + " WHERE l.vendor_account_id = ? GROUP BY l.license_key, l.version"
                  + " HAVING NOT (l.version = 1 AND count(v.version) = 0)"
                  + " AND (count(v.version) <> l.version OR min(v.version) IS DISTINCT FROM 1"
                  + " OR max(v.version) IS DISTINCT FROM l.version"
                  + " OR count(DISTINCT v.version) <> count(v.version))",
              account,
              broken);
          collect(
              c,
              "SELECT 'line ' || t.transaction_line_item_id || ': current version ' || t.version"
                  + " || ', versions ' || coalesce(string_agg(v.version::text, ',' ORDER BY"
                  + " v.version), 'none') FROM transaction_lines t LEFT JOIN"
                  + " transaction_line_versions v ON v.vendor_account_id = t.vendor_account_id AND"
                  + " v.transaction_line_item_id = t.transaction_line_item_id WHERE"
                  + " t.vendor_account_id = ? GROUP BY t.transaction_line_item_id, t.version"
                  + " HAVING NOT (t.version = 1 AND count(v.version) = 0)"
                  + " AND (count(v.version) <> t.version OR min(v.version) IS DISTINCT FROM 1"
                  + " OR max(v.version) IS DISTINCT FROM t.version"
                  + " OR count(DISTINCT v.version) <> count(v.version))",
              account,
              broken);
          return broken;
        });
  }

  private static long count(Connection c, String sql, long account) throws SQLException {
    try (PreparedStatement select = c.prepareStatement(sql)) {
      select.setLong(1, account);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static void collect(Connection c, String sql, long account, List<String> into)
      throws SQLException {
    try (PreparedStatement select = c.prepareStatement(sql)) {
      select.setLong(1, account);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          into.add(rows.getString(1));
        }
      }
    }
  }
}
