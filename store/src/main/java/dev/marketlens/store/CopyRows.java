package dev.marketlens.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows for {@code COPY … FROM STDIN} in PostgreSQL's text format: tab-separated, {@code \N} for an
 * absent value, and a backslash before each backslash, tab, line feed and carriage return of a
 * value, so that an empty string stays an empty string. PostgreSQL reads it faster than CSV, whose
 * quotes a JSON value is full of.
 */
final class CopyRows {
  private static final HexFormat HEX = HexFormat.of();

  private final StringBuilder text = new StringBuilder(1 << 16);
  private boolean lineStarted;
  private int rows;

  CopyRows add(Object value) {
    if (lineStarted) {
      text.append('\t');
    }
    lineStarted = true;
    if (value == null) {
      text.append("\\N");
    } else if (value instanceof Long || value instanceof Integer) {
      text.append(((Number) value).longValue());
    } else if (value instanceof byte[] bytes) {
      // bytea's hex input, \x…, with its backslash escaped for COPY.
      text.append("\\\\x").append(HEX.formatHex(bytes));
    } else {
      escape(value.toString());
    }
    return this;
  }

  private void escape(String s) {
    int from = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      char escaped =
          switch (c) {
            case '\\' -> '\\';
            case '\t' -> 't';
            case '\n' -> 'n';
            case '\r' -> 'r';
            default -> 0;
          };
      if (escaped != 0) {
        text.append(s, from, i).append('\\').append(escaped);
        from = i + 1;
      }
    }
    text.append(s, from, s.length());
  }

  CopyRows endRow() {
    text.append('\n');
    lineStarted = false;
    rows++;
    return this;
  }

  int rows() {
    return rows;
  }

  /** Sends the rows to {@code table (columns)}; nothing is sent when there are none. */
  void copyInto(Connection connection, String table, List<String> columns) throws SQLException {
    if (rows == 0) {
      return;
    }
    String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    try {
      copy.writeToCopy(bytes, 0, bytes.length);
      copy.endCopy();
    } finally {
      if (copy.isActive()) {
        copy.cancelCopy();
      }
    }
  }
}
