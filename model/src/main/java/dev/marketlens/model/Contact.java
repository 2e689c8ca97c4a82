package dev.marketlens.model;

/**
 * A person's name and email as a record carries them; either may be absent (null) or redacted: the
 * API reads {@value #REDACTED} where the person asked to be forgotten (spec §7.3, K20).
 */
public record Contact(String name, String email) {

  /** The text the API puts in place of a forgotten person's details. */
  public static final String REDACTED = "RTBF";

  private static final Contact NONE = new Contact(null, null);

  public Contact {
    name = Text.blankToNull(name);
    email = Text.blankToNull(email);
  }

  /** A contact with neither name nor email, as on free apps (K37) or missing contacts (K32). */
  public static Contact none() {
    return NONE;
  }

  /** A contact whose details were redacted on request. */
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
    return isNameRedacted() || isEmailRedacted();
  }

  public boolean isEmpty() {
    return name == null && email == null;
  }
}
