package dev.marketlens.web.transactions;

import dev.marketlens.web.TestSite;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/** Plain SQL against the test site's store, to check what the pages and API answer. */
final class Db {
  private Db() {}

  static long count(TestSite site, String sql, Object... parameters) {
    return site.database()
        .inTransaction(
            "count",
            c -> {
              try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(s, parameters);
                try (ResultSet r = s.executeQuery()) {
                  r.next();
                  return r.getLong(1);
                }
              }
            });
  }

  static List<String> strings(TestSite site, String sql, Object... parameters) {
    return site.database()
        .inTransaction(
            "query",
            c -> {
              List<String> out = new ArrayList<>();
              try (PreparedStatement s = c.prepareStatement(sql)) {
                bind(s, parameters);
                try (ResultSet r = s.executeQuery()) {
                  while (r.next()) {
                    out.add(r.getString(1));
                  }
                }
              }
              return out;
            });
  }

  private static void bind(PreparedStatement s, Object... parameters) throws java.sql.SQLException {
    for (int i = 0; i < parameters.length; i++) {
      s.setObject(i + 1, parameters[i]);
    }
  }
}
