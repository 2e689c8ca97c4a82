package dev.marketlens.sync.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 rows, one at a time: comma separated, fields optionally double-quoted, quotes doubled
 * inside quoted fields, quoted fields may span lines; rows end with CRLF, LF or CR. Counts physical
 * lines so that errors point at the line a row starts on.
 */
public final class CsvTokenizer {
  private final Reader reader;
  private final String source;
  private final Failures failures;
  private int line;
  private int rowLine;
  private int pushedBack = -2;

  /**
   * @param firstLine the number of the line the reader starts on
   */
  public CsvTokenizer(Reader reader, String source, int firstLine, Failures failures) {
    this.reader = reader;
    this.source = source;
    this.failures = failures;
    this.line = firstLine;
  }

  /** The physical line the last row returned starts on. */
  public int rowLine() {
    return rowLine;
  }

  /** The next row, or null at the end; blank lines are skipped. */
  public List<String> next() {
    int c = read();
    while (c == '\r' || c == '\n') {
      newline(c);
      c = read();
    }
    if (c == -1) {
      return null;
    }
    rowLine = line;
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    while (true) {
      if (c == '"' && field.length() == 0) {
        int quoteLine = line;
        while (true) {
          c = read();
          if (c == -1) {
            throw failures.at(
                "line " + quoteLine,
                "has a quoted value that never closes: the file ends inside it (truncated?)");
          }
          if (c == '"') {
            c = read();
            if (c != '"') {
              break;
            }
            field.append('"');
          } else {
            if (c == '\n' || c == '\r') {
              int next = read();
              if (c == '\r' && next == '\n') {
                field.append('\r');
                c = '\n';
              } else {
                unread(next);
              }
              line++;
            }
            field.append((char) c);
          }
        }
        if (c != ',' && c != '\n' && c != '\r' && c != -1) {
          throw failures.at(
              "line " + line,
              "has "
                  + describe(c)
                  + " after a closing quote (expected a comma or the end of the row)");
        }
      }
      if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
        c = read();
        continue;
      }
      if (c == '\n' || c == '\r' || c == -1) {
        row.add(field.toString());
        if (c != -1) {
          newline(c);
        }
        return row;
      }
      field.append((char) c);
      c = read();
    }
  }

  private static String describe(int c) {
    return "the character '" + (char) c + "'";
  }

  private void newline(int c) {
    if (c == '\r') {
      int next = read();
      if (next != '\n') {
        unread(next);
      }
    }
    line++;
  }

  private void unread(int c) {
    pushedBack = c;
  }

  private int read() {
    if (pushedBack != -2) {
      int c = pushedBack;
      pushedBack = -2;
      return c;
    }
    try {
      return reader.read();
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": cannot be read", e);
    }
  }
}
