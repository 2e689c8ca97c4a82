package dev.marketlens.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads an enumeration from the live API's text, whatever its case, spaces, underscores or hyphens:
 * {@code Data Center}, {@code Data center}, {@code DataCenter} and {@code datacenter} are one
 * value.
 */
final class WireSpellings {

  private WireSpellings() {}

  /** A constant with its canonical wire text and the other spellings the API is known to send. */
  interface Spelled {
    String wire();

    default String[] aliases() {
      return new String[0];
    }
  }

  static <E extends Enum<E> & Spelled> E parse(Class<E> type, String field, String text) {
    if (text == null || text.isBlank()) {
      throw new ModelException(field, text, "is required: expected one of " + allowed(type));
    }
    String key = normalise(text);
    for (E constant : type.getEnumConstants()) {
      if (normalise(constant.wire()).equals(key)
          || Arrays.stream(constant.aliases())
              .map(WireSpellings::normalise)
              .anyMatch(key::equals)) {
        return constant;
      }
    }
    throw new ModelException(field, text, "is not one of " + allowed(type));
  }

  static String normalise(String text) {
    return text.strip().replaceAll("[\\s_\\-]", "").toLowerCase(Locale.ROOT);
  }

  private static <E extends Enum<E> & Spelled> String allowed(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(Spelled::wire)
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
