package dev.marketlens.model;

/**
 * A value that the platform's model does not accept: the message names the field, the value and
 * what was expected.
 */
public final class ModelException extends IllegalArgumentException {

  private final String field;
  private final String value;

  public ModelException(String field, Object value, String expected) {
    super(field + ": " + quoted(value) + " " + expected);
    this.field = field;
    this.value = value == null ? null : String.valueOf(value);
  }

  public ModelException(String field, Object value, String expected, Throwable cause) {
    this(field, value, expected);
    initCause(cause);
  }

  /** The field whose value was rejected. */
  public String field() {
    return field;
  }

  /** The rejected value as text, or null when it was absent. */
  public String value() {
    return value;
  }

  /** Throws when {@code value} is null; returns it otherwise. */
  public static <T> T required(String field, T value) {
    if (value == null) {
      throw new ModelException(field, null, "is required");
    }
    return value;
  }

  private static String quoted(Object value) {
    return value == null ? "null" : "\"" + value + "\"";
  }
}
