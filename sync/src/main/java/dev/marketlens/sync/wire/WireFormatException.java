package dev.marketlens.sync.wire;

/**
 * An export or import file that cannot be read: the message names the source (a file name or
 * "response"), where in it (a CSV physical line, a JSON line:column), the field, the value and what
 * was expected.
 */
public final class WireFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final String location;
  private final String field;
  private final String value;

  /**
   * For sync's readers: the message is built from the parts, any of which but source may be null.
   */
  public WireFormatException(
      String source,
      String location,
      String field,
      String value,
      String expected,
      Throwable cause) {
    super(message(source, location, field, value, expected), cause);
    this.source = source;
    this.location = location;
    this.field = field;
    this.value = value;
  }

  public WireFormatException(String source, String location, String expected) {
    this(source, location, null, null, expected, null);
  }

  public WireFormatException(String source, String location, String expected, Throwable cause) {
    this(source, location, null, null, expected, cause);
  }

  private static String message(
      String source, String location, String field, String value, String expected) {
    StringBuilder text = new StringBuilder(source);
    if (location != null) {
      text.append(' ').append(location);
    }
    if (field != null) {
      text.append(", ").append(field);
    }
    text.append(": ");
    if (value != null) {
      text.append('"').append(value).append("\" ");
    }
    return text.append(expected).toString();
  }

  /** The file name, or "response" for an HTTP body. */
  public String source() {
    return source;
  }

  /** Where in the source: {@code line 42} for CSV, {@code line 3:17} for JSON; may be null. */
  public String location() {
    return location;
  }

  /** The field as named in the format ({@code column purchasePrice}); null if none. */
  public String field() {
    return field;
  }

  /** The offending value as read; null if none. */
  public String value() {
    return value;
  }
}
