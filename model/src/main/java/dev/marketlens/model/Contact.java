package dev.marketlens.model;

/**
 * A person's details as a record carries them: name and email on every record, and on licenses also
 * phone and postal address (spec §7.3 {@code technicalContact.{email,name,phone,address1,
 * address2,city,state,postcode}}). Each may be absent (null) or redacted: the API reads {@value
 * #REDACTED} where the person asked to be forgotten (spec §7.3, K20).
 */
public record Contact(
    String name,
    String email,
    String phone,
    String address1,
    String address2,
    String city,
    String state,
    String postcode) {

  /** The text the API puts in place of a forgotten person's details. */
  public static final String REDACTED = "RTBF";

  private static final Contact NONE = new Contact(null, null);

  public Contact {
    name = Text.blankToNull(name);
    email = Text.blankToNull(email);
    phone = Text.blankToNull(phone);
    address1 = Text.blankToNull(address1);
    address2 = Text.blankToNull(address2);
    city = Text.blankToNull(city);
    state = Text.blankToNull(state);
    postcode = Text.blankToNull(postcode);
  }

  /** A contact known by name and email only, as transactions carry them (spec §8.3). */
  public Contact(String name, String email) {
    this(name, email, null, null, null, null, null, null);
  }

  /** A contact with no details at all, as on free apps (K37) or missing contacts (K32). */
  public static Contact none() {
    return NONE;
  }

  /** A contact whose name and email were redacted on request. */
  public static Contact redacted() {
    return new Contact(REDACTED, REDACTED);
  }

  public boolean isNameRedacted() {
    return REDACTED.equals(name);
  }

  public boolean isEmailRedacted() {
    return REDACTED.equals(email);
  }

  /** True when any detail reads {@value #REDACTED}: the person asked to be forgotten. */
  public boolean isRedacted() {
    return isNameRedacted()
        || isEmailRedacted()
        || REDACTED.equals(phone)
        || REDACTED.equals(address1)
        || REDACTED.equals(address2)
        || REDACTED.equals(city)
        || REDACTED.equals(state)
        || REDACTED.equals(postcode);
  }

  /** True when the contact has no detail at all. */
  public boolean isEmpty() {
    return name == null
        && email == null
        && phone == null
        && address1 == null
        && address2 == null
        && city == null
        && state == null
        && postcode == null;
  }
}
