package dev.marketlens.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows for {@code COPY … FROM STDIN} in PostgreSQL's text format: tab-separated, {@code \N} for an
 * absent value, and a backslash before each backslash, tab, line feed and carriage return of a
 * value, so that an empty string stays an empty string. PostgreSQL reads it faster than CSV, whose
 * quotes a JSON value is full of.
 *
 * <p>Rows are kept until {@link #copyInto}, or, {@link #streaming}, sent in chunks as they are
 * made, so that PostgreSQL reads them meanwhile.
 */
final class CopyRows implements AutoCloseable {
  private static final HexFormat HEX = HexFormat.of();
  private static final int CHUNK = 1 << 16;

  private final StringBuilder text = new StringBuilder(CHUNK + (CHUNK >> 2));
  private final Connection connection;
  private final String sql;
  private CopyIn copy;
  private boolean lineStarted;
  private int rows;
  private Instant lastInstant;
  private String lastInstantText;

  /** Rows kept until {@link #copyInto}. */
  CopyRows() {
    this(null, null);
  }

  private CopyRows(Connection connection, String sql) {
    this.connection = connection;
    this.sql = sql;
  }

  /**
   * Rows sent to {@code table (columns)} in chunks as they are made; {@link #finish} ends the
   * {@code COPY} (none is started for no rows), {@link #close} abandons one a failure left open.
   */
  static CopyRows streaming(Connection connection, String table, List<String> columns) {
    return new CopyRows(connection, copySql(table, columns));
  }

  private static String copySql(String table, List<String> columns) {
    return "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
  }

  CopyRows add(Object value) {
    if (lineStarted) {
      text.append('\t');
    }
    lineStarted = true;
    if (value == null) {
      text.append("\\N");
    } else if (value instanceof Long || value instanceof Integer) {
      text.append(((Number) value).longValue());
    } else if (value instanceof Instant instant) {
      // A batch's rows share their instants (seen at, first seen): formatted once.
      if (!instant.equals(lastInstant)) {
        lastInstant = instant;
        lastInstantText = instant.toString();
      }
      text.append(lastInstantText);
    } else if (value instanceof byte[] bytes) {
      // bytea's hex input, \x…, with its backslash escaped for COPY.
      text.append("\\\\x").append(HEX.formatHex(bytes));
    } else {
      escape(value.toString());
    }
    return this;
  }

  private void escape(String s) {
    if (s.indexOf('\\') < 0 && s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      text.append(s); // the common case, found by String's fast searches
      return;
    }
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

  CopyRows endRow() throws SQLException {
    text.append('\n');
    lineStarted = false;
    rows++;
    if (connection != null && text.length() >= CHUNK) {
      send();
    }
    return this;
  }

  private void send() throws SQLException {
    if (copy == null) {
      copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    copy.writeToCopy(bytes, 0, bytes.length);
    text.setLength(0);
  }

  /** Sends what is left of streamed rows and ends their {@code COPY}. */
  void finish() throws SQLException {
    if (rows > 0) {
      send();
      copy.endCopy();
    }
  }

  @Override
  public void close() throws SQLException {
    if (copy != null && copy.isActive()) {
      copy.cancelCopy();
    }
  }

  int rows() {
    return rows;
  }

  /** Sends the rows to {@code table (columns)}; nothing is sent when there are none. */
  void copyInto(Connection connection, String table, List<String> columns) throws SQLException {
    if (rows == 0) {
      return;
    }
    String sql = copySql(table, columns);
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
