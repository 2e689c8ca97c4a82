package dev.marketlens.emulator.wire;

/**
 * A customer or partner contact. License records carry all eight fields; transaction records carry
 * only {@code email} and {@code name}. A contact who asked to be forgotten reads {@value #RTBF} in
 * every field.
 */
public record Contact(
    String email,
    String name,
    String phone,
    String address1,
    String address2,
    String city,
    String state,
    String postcode) {

  /** What the API shows instead of a forgotten contact's details. */
  public static final String RTBF = "RTBF";

  /** A contact known only by email and name. */
  public static Contact of(String email, String name) {
    return new Contact(email, name, null, null, null, null, null, null);
  }

  /** The redacted contact of someone who exercised the right to be forgotten. */
  public static Contact redacted() {
    return new Contact(RTBF, RTBF, RTBF, RTBF, RTBF, RTBF, RTBF, RTBF);
  }

  public boolean isRedacted() {
    return RTBF.equals(email);
  }
}
