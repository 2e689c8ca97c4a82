package dev.marketlens.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows for {@code COPY … FROM STDIN (FORMAT csv)}: every value quoted, so that an empty string
 * stays an empty string and only an absent value (an empty field) reads as NULL.
 */
final class CopyRows {
  private final StringBuilder text = new StringBuilder(1 << 16);
  private boolean lineStarted;
  private int rows;

  CopyRows add(Object value) {
    if (lineStarted) {
      text.append(',');
    }
    lineStarted = true;
    if (value instanceof Long || value instanceof Integer) {
      // A number needs no quotes: it is never empty and holds no quote or comma.
      text.append(((Number) value).longValue());
    } else if (value != null) {
      String s = value.toString();
      text.append('"');
      int from = 0;
      for (int quote = s.indexOf('"'); quote >= 0; quote = s.indexOf('"', quote + 1)) {
        text.append(s, from, quote + 1).append('"');
        from = quote + 1;
      }
      text.append(s, from, s.length()).append('"');
    }
    return this;
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
    String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN (FORMAT csv)";
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
