package dev.marketlens.model;

/** Where a licensed app runs (spec §7.3 {@code hosting}). */
public enum Hosting implements WireSpellings.Spelled {
  SERVER("Server"),
  DATA_CENTER("Data Center"),
  CLOUD("Cloud");

  private final String wire;
  private final String[] aliases;

  Hosting(String wire, String... aliases) {
    this.wire = wire;
    this.aliases = aliases;
  }

  /**
   * Reads the API's text in any case, with or without spaces and underscores; throws a {@link
   * ModelException} naming the value and the allowed ones otherwise.
   */
  public static Hosting fromWire(String text) {
    return WireSpellings.parse(Hosting.class, "hosting", text);
  }

  /** The canonical spelling the API sends. */
  @Override
  public String wire() {
    return wire;
  }

  @Override
  public String[] aliases() {
    return aliases.clone();
  }
}
