package dev.marketlens.store;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;

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
    if (value != null) {
      String s = value.toString();
      text.append('"');
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '"') {
          text.append('"');
        }
        text.append(c);
      }
      text.append('"');
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
    try {
      connection
          .unwrap(PGConnection.class)
          .getCopyAPI()
          .copyIn(sql, new StringReader(text.toString()));
    } catch (IOException e) {
      throw new SQLException("COPY into " + table + " failed: " + e.getMessage(), e);
    }
  }
}
