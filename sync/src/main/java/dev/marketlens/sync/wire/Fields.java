package dev.marketlens.sync.wire;

import java.util.List;

/**
 * One export record as read, before mapping: the same field is looked up by its JSON path or its
 * CSV column, whichever the format uses. Absent, null and empty values all read as null.
 */
abstract class Fields {

  /** A discount as read: from {@code discounts[]} in JSON, from the flattened columns in CSV. */
  record RawDiscount(String type, Value amount, Value code, Value reason) {}

  /** A value and where it was read; {@code field} is named as the format names it. */
  record Value(String text, String location, String field) {}

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
