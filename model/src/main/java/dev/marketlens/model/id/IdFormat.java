package dev.marketlens.model.id;

import dev.marketlens.model.ModelException;
import java.util.function.Predicate;

/**
 * The formats of the Marketplace's identifiers (spec §1.2) and the check they share. Each format is
 * a plain scan of the text: identifiers are checked for every record read, and a regular expression
 * per identifier cost more than the rest of the record's mapping.
 */
final class IdFormat {

  /** {@code \d+}: ASCII digits. */
  static final Predicate<String> NUMERIC = IdFormat::numeric;

  /** {@code 8-4-4-4-12} hexadecimal digits, either case. */
  static final Predicate<String> UUID = IdFormat::uuid;

  static final Predicate<String> NUMERIC_OR_UUID = s -> numeric(s) || uuid(s);

  /** {@code SEN-} then letters and digits in groups joined by single hyphens. */
  static final Predicate<String> SEN = s -> s.startsWith("SEN-") && groups(s, 4);

  /** {@code E-} then letters and digits in groups joined by single hyphens. */
  static final Predicate<String> ENTITLEMENT_NUMBER = s -> s.startsWith("E-") && groups(s, 2);

  /** Letters, then one or more groups of a hyphen and letters and digits ({@code AT-123}). */
  static final Predicate<String> TRANSACTION = IdFormat::transaction;

  /** No whitespace ({@code \S+}: space, tab, line breaks, vertical tab and form feed). */
  static final Predicate<String> NO_WHITESPACE = IdFormat::noWhitespace;

  private IdFormat() {}

  static String check(String field, String value, Predicate<String> format, String expected) {
    if (value == null || value.isBlank()) {
      throw new ModelException(field, value, "is required: expected " + expected);
    }
    if (!format.test(value)) {
      throw new ModelException(field, value, "is not " + expected);
    }
    return value;
  }

  private static boolean numeric(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!digit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean uuid(String s) {
    if (s.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = s.charAt(i);
      boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-' : hex(c);
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * From {@code start}: one or more runs of letters and digits, each run after the first led by one
   * hyphen.
   */
  private static boolean groups(String s, int start) {
    boolean inRun = false;
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (alphanumeric(c)) {
        inRun = true;
      } else if (c == '-' && inRun) {
        inRun = false;
      } else {
        return false;
      }
    }
    return inRun;
  }

  private static boolean transaction(String s) {
    int i = 0;
    while (i < s.length() && letter(s.charAt(i))) {
      i++;
    }
    return i > 0 && i < s.length() && s.charAt(i) == '-' && groups(s, i + 1);
  }

  private static boolean noWhitespace(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r') {
        return false;
      }
    }
    return true;
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean alphanumeric(char c) {
    return letter(c) || digit(c);
  }

  private static boolean hex(char c) {
    return digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }
}
