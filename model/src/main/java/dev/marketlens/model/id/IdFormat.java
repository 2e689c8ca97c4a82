package dev.marketlens.model.id;

import dev.marketlens.model.ModelException;
import java.util.regex.Pattern;

/** The formats of the Marketplace's identifiers (spec §1.2) and the check they share. */
final class IdFormat {

  static final Pattern NUMERIC = Pattern.compile("\\d+");
  static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  static final Pattern NUMERIC_OR_UUID = Pattern.compile(NUMERIC.pattern() + "|" + UUID.pattern());
  static final Pattern SEN = Pattern.compile("SEN-[A-Za-z0-9]+(-[A-Za-z0-9]+)*");
  static final Pattern ENTITLEMENT_NUMBER = Pattern.compile("E-[A-Za-z0-9]+(-[A-Za-z0-9]+)*");
  static final Pattern TRANSACTION = Pattern.compile("[A-Za-z]+(-[A-Za-z0-9]+)+");
  static final Pattern NO_WHITESPACE = Pattern.compile("\\S+");

  private IdFormat() {}

  static String check(String field, String value, Pattern format, String expected) {
    if (value == null || value.isBlank()) {
      throw new ModelException(field, value, "is required: expected " + expected);
    }
    if (!format.matcher(value).matches()) {
      throw new ModelException(field, value, "is not " + expected);
    }
    return value;
  }
}
