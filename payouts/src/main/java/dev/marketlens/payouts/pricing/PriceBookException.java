package dev.marketlens.payouts.pricing;

/**
 * A price book or reference table that cannot be read: the message names the file, the line, the
 * column, the value and what was expected.
 */
public final class PriceBookException extends IllegalArgumentException {

  private final String source;
  private final int line;
  private final String column;
  private final String value;

  public PriceBookException(String source, int line, String column, String value, String problem) {
    super(describe(source, line, column, value, problem));
    this.source = source;
    this.line = line;
    this.column = column;
    this.value = value;
  }

  private static String describe(
      String source, int line, String column, String value, String problem) {
    StringBuilder b = new StringBuilder(source);
    if (line > 0) {
      b.append(": line ").append(line);
    }
    if (column != null) {
      b.append(", column \"").append(column).append('"');
    }
    if (value != null) {
      b.append(": value \"").append(value).append('"');
    }
    return b.append(line > 0 || column != null || value != null ? " " : ": ")
        .append(problem)
        .toString();
  }

  public String source() {
    return source;
  }

  /** The 1-based line, or 0 when the problem is the whole file. */
  public int line() {
    return line;
  }

  /** The column's header name, or null. */
  public String column() {
    return column;
  }

  /** The rejected value, or null. */
  public String value() {
    return value;
  }
}
