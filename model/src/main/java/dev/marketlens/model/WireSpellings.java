package dev.marketlens.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads an enumeration from the live API's text, whatever its case, spaces, underscores or hyphens:
 * {@code Data Center}, {@code Data center}, {@code DataCenter} and {@code datacenter} are one
 * value.
 */
final class WireSpellings {

  /**
   * Per enum type, built once: every spelling as written, and every normalised spelling, to its
   * constant. Most texts are spelled as written, and are found without normalising them.
   */
  private static final ClassValue<Index> INDEX =
      new ClassValue<>() {
        @Override
        protected Index computeValue(Class<?> type) {
          Map<String, Object> exact = new HashMap<>();
          Map<String, Object> normalised = new HashMap<>();
          for (Object constant : type.getEnumConstants()) {
            Spelled spelled = (Spelled) constant;
            exact.put(spelled.wire(), constant);
            normalised.put(normalise(spelled.wire()), constant);
            for (String alias : spelled.aliases()) {
              exact.put(alias, constant);
              normalised.put(normalise(alias), constant);
            }
          }
          return new Index(Map.copyOf(exact), Map.copyOf(normalised));
        }
      };

  private record Index(Map<String, Object> exact, Map<String, Object> normalised) {
    Object find(String text) {
      Object constant = exact.get(text);
      return constant != null ? constant : normalised.get(normalise(text));
    }
  }

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
    Object constant = INDEX.get(type).find(text);
    if (constant == null) {
      throw new ModelException(field, text, "is not one of " + allowed(type));
    }
    return type.cast(constant);
  }

  /** Lower case without whitespace, underscores or hyphens. */
  static String normalise(String text) {
    StringBuilder key = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && c != '_' && c != '-') {
        key.append(c);
      }
    }
    return key.toString().toLowerCase(Locale.ROOT);
  }

  private static <E extends Enum<E> & Spelled> String allowed(Class<E> type) {
    return Arrays.stream(type.getEnumConstants())
        .map(Spelled::wire)
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
