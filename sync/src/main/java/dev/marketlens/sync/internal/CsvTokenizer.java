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
  private final char[] buffer = new char[16 * 1024];
  private int position;
  private int limit;
  private final StringBuilder quoted = new StringBuilder();
  private int width = 16;
  private int line;
  private int rowLine;

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
    List<String> row = new ArrayList<>(width);
    while (true) {
      String value;
      if (c == '"') {
        c = quoted();
        if (c != ',' && c != '\n' && c != '\r' && c != -1) {
          throw failures.at(
              "line " + line,
              "has "
                  + describe(c)
                  + " after a closing quote (expected a comma or the end of the row)");
        }
        value = quoted.toString();
      } else if (c == ',' || c == '\n' || c == '\r') {
        value = "";
      } else {
        value = unquoted();
        c = read();
      }
      row.add(value);
      if (c == ',') {
        c = read();
        continue;
      }
      if (c != -1) {
        newline(c);
      }
      width = row.size();
      return row;
    }
  }

  /**
   * The rest of an unquoted field whose first character was just read, up to (not including) the
   * comma or line break that ends it; a quote inside it is an ordinary character.
   */
  private String unquoted() {
    int start = position - 1;
    StringBuilder spilled = null;
    while (true) {
      while (position < limit) {
        char c = buffer[position];
        if (c == ',' || c == '\n' || c == '\r') {
          return spilled == null
              ? new String(buffer, start, position - start)
              : spilled.append(buffer, start, position - start).toString();
        }
        position++;
      }
      if (spilled == null) {
        spilled = new StringBuilder(2 * (position - start));
      }
      spilled.append(buffer, start, position - start);
      if (!fill()) {
        return spilled.toString();
      }
      start = 0;
    }
  }

  /**
   * A quoted field whose opening quote was just read, into {@link #quoted}: doubled quotes read as
   * one, line breaks are kept. Returns the character after the closing quote.
   */
  private int quoted() {
    quoted.setLength(0);
    int quoteLine = line;
    while (true) {
      int c = read();
      if (c == -1) {
        throw failures.at(
            "line " + quoteLine,
            "has a quoted value that never closes: the file ends inside it (truncated?)");
      }
      if (c == '"') {
        c = read();
        if (c != '"') {
          return c;
        }
        quoted.append('"');
      } else {
        if (c == '\n' || c == '\r') {
          int next = read();
          if (c == '\r' && next == '\n') {
            quoted.append('\r');
            c = '\n';
          } else {
            unread(next);
          }
          line++;
        }
        quoted.append((char) c);
      }
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

  /** Steps back over the character just read (nothing at the end of the input). */
  private void unread(int c) {
    if (c != -1) {
      position--;
    }
  }

  private int read() {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position++];
  }

  /** Reads the next chunk into the buffer; false at the end of the input. */
  private boolean fill() {
    try {
      int n = reader.read(buffer, 0, buffer.length);
      if (n <= 0) {
        return false;
      }
      position = 0;
      limit = n;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": cannot be read", e);
    }
  }
}
