package dev.marketlens.emulator.wire;

/** An enumeration value with the exact spelling Atlassian uses on the wire. */
public interface WireValue {

  /** The value as it appears in records (JSON and CSV). */
  String wire();

  /**
   * Looks up a constant by its wire spelling.
   *
   * @throws IllegalArgumentException naming the value and the allowed spellings
   */
  static <E extends Enum<E> & WireValue> E parse(Class<E> type, String value) {
    for (E e : type.getEnumConstants()) {
      if (e.wire().equals(value)) {
        return e;
      }
    }
    StringBuilder allowed = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      allowed.append(allowed.length() == 0 ? "" : ", ").append('\'').append(e.wire()).append('\'');
    }
    throw new IllegalArgumentException(
        type.getSimpleName() + ": '" + value + "' is not one of " + allowed);
  }
}
