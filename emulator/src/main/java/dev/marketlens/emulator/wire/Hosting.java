package dev.marketlens.emulator.wire;

/** Where an app runs. Records say {@code Cloud}; filters say {@code cloud}. */
public enum Hosting implements WireValue {
  SERVER("Server", "server"),
  DATA_CENTER("Data Center", "datacenter"),
  CLOUD("Cloud", "cloud");

  private final String wire;
  private final String filter;

  Hosting(String wire, String filter) {
    this.wire = wire;
    this.filter = filter;
  }

  @Override
  public String wire() {
    return wire;
  }

  /** The lowercase spelling the API accepts in the {@code hosting} query parameter. */
  public String filter() {
    return filter;
  }

  public boolean isOnPremise() {
    return this != CLOUD;
  }
}
