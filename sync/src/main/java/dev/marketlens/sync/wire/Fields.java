package dev.marketlens.sync.wire;

import java.util.List;

/**
 * One export record as read, before mapping: the same field is looked up by its JSON path or its
 * CSV column, whichever the format uses. Absent, null and empty values all read as null.
 */
abstract class Fields {

  /** A discount as read: from {@code discounts[]} in JSON, from the flattened columns in CSV. */
  record RawDiscount(String type, Value amount, Value code, Value reason) {}

  /**
   * A value and where it was read; {@code field} is named as the format names it. The location and
   * the field's name are only needed for an error message, so a JSON value keeps their parts and
   * makes the text when asked.
   */
  static final class Value {
    private final String text;
    private final String location;
    private final String field;
    private final char kind; // ' ' as given, 'j' JSON line:column and path, 'c' CSV line and column
    private final int line;
    private final int column;

    Value(String text, String location, String field) {
      this(text, location, field, ' ', -1, -1);
    }

    private Value(String text, String location, String field, char kind, int line, int column) {
      this.text = text;
      this.location = location;
      this.field = field;
      this.kind = kind;
      this.line = line;
      this.column = column;
    }

    /** A JSON value at {@code line:column} (no location when line is negative) of {@code path}. */
    static Value json(String text, int line, int column, String path) {
      return new Value(text, null, path, 'j', line, column);
    }

    /** A CSV value of the row starting on {@code line}, in {@code column}. */
    static Value csv(String text, int line, String column) {
      return new Value(text, null, column, 'c', line, -1);
    }

    String text() {
      return text;
    }

    String location() {
      return switch (kind) {
        case 'j' -> line < 0 ? null : "line " + line + ":" + column;
        case 'c' -> "line " + line;
        default -> location;
      };
    }

    String field() {
      return switch (kind) {
        case 'j' -> "field " + field;
        case 'c' -> "column " + field;
        default -> field;
      };
    }

    @Override
    public String toString() {
      return "Value[text=" + text + ", location=" + location() + ", field=" + field() + "]";
    }
  }

  final String source;

  Fields(String source) {
    this.source = source;
  }

  /** The value of a field, or null if absent, null or blank. */
  abstract Value value(String jsonPath, String csvColumn);

  /** Where the record starts. */
  abstract String recordLocation();

  /** The discounts of a transaction line. */
  abstract List<RawDiscount> discounts();

  /**
   * The objects of an array ({@code dunningStatus[]}, {@code purchaseDetails.proratedDetails[]}),
   * in order; each element's fields are named relative to it ({@code attemptCount}). Empty when the
   * array is absent or the format has no such field ({@code csvColumn} null).
   */
  abstract List<Fields> objects(String jsonPath, String csvColumn);

  /** The texts of an array of strings ({@code cloudComplianceBoundaries}); JSON only. */
  abstract List<Value> strings(String jsonPath);

  /** Whether any of the fields is present. */
  boolean anyPresent(String[][] jsonAndCsvNames) {
    for (String[] names : jsonAndCsvNames) {
      if (value(names[0], names[1]) != null) {
        return true;
      }
    }
    return false;
  }
}
