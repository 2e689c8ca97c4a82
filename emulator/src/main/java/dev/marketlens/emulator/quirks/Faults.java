package dev.marketlens.emulator.quirks;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Faults for testing clients, all off by default: a share of requests (in parts per million) gets
 * one of the enabled kinds, chosen from a random number the caller supplies.
 *
 * @param ppm requests that fail, per million
 * @param kinds the kinds of failure to choose from
 */
public record Faults(int ppm, Set<Fault> kinds) {

  /** What can go wrong with a response. */
  public enum Fault {
    /** 500 Internal Server Error. */
    ERROR_500("500", 500),
    /** 502 "Temporarily unable to retrieve … information" (declared on every reporting op). */
    ERROR_502("502", 502),
    /** 503 Service Unavailable. */
    ERROR_503("503", 503),
    /** The response starts only after a delay of several seconds. */
    SLOW("slow", 200),
    /** The connection is closed before any response. */
    RESET("reset", 0),
    /** The body stops half way, then the connection closes. */
    TRUNCATED("truncated", 200),
    /** The body is not valid JSON (or CSV). */
    MALFORMED("malformed", 200);

    private final String switchName;
    private final int status;

    Fault(String switchName, int status) {
      this.switchName = switchName;
      this.status = status;
    }

    public String switchName() {
      return switchName;
    }

    /** The status code answered, or 0 when there is no answer at all. */
    public int status() {
      return status;
    }
  }

  public static final Faults NONE = new Faults(0, EnumSet.noneOf(Fault.class));

  /** Every kind: what {@code --faults RATE} enables without {@code --fault-kinds}. */
  public static final Set<Fault> ALL = EnumSet.allOf(Fault.class);

  public Faults {
    if (ppm < 0 || ppm > 1_000_000) {
      throw new IllegalArgumentException("fault rate must be between 0 and 1, got " + ppm + " ppm");
    }
    kinds = kinds.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(kinds);
    if (ppm > 0 && kinds.isEmpty()) {
      throw new IllegalArgumentException("a fault rate needs at least one kind of fault");
    }
  }

  /**
   * Reads a rate such as {@code 0.05} or {@code 5%}.
   *
   * @throws IllegalArgumentException when it is not a number between 0 and 1 (0 % and 100 %)
   */
  public static int parseRate(String text) {
    String t = text.trim();
    boolean percent = t.endsWith("%");
    try {
      java.math.BigDecimal value =
          new java.math.BigDecimal(percent ? t.substring(0, t.length() - 1).trim() : t);
      if (percent) {
        value = value.movePointLeft(2);
      }
      if (value.signum() < 0 || value.compareTo(java.math.BigDecimal.ONE) > 0) {
        throw new IllegalArgumentException(
            "fault rate must be between 0 and 1 (or 0% and 100%), got '" + text + "'");
      }
      return value.movePointRight(6).intValue();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "fault rate must be a number such as 0.05 or 5%, got '" + text + "'");
    }
  }

  /**
   * Reads a comma-separated list of fault kinds.
   *
   * @throws IllegalArgumentException naming the unknown kind and listing the known ones
   */
  public static Set<Fault> parseKinds(String list) {
    Set<Fault> out = EnumSet.noneOf(Fault.class);
    for (String name : list.split(",")) {
      String n = name.trim();
      if (n.isEmpty()) {
        continue;
      }
      out.add(
          Arrays.stream(Fault.values())
              .filter(f -> f.switchName.equalsIgnoreCase(n))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown fault '"
                              + n
                              + "'; known faults: "
                              + Arrays.stream(Fault.values())
                                  .map(Fault::switchName)
                                  .collect(Collectors.joining(", ")))));
    }
    return out;
  }

  /**
   * The fault for a request, or null when it is served normally.
   *
   * @param random a uniformly random non-negative number supplied by the caller
   */
  public Fault pick(long random) {
    if (ppm == 0) {
      return null;
    }
    long r = Math.floorMod(random, 1_000_000L);
    if (r >= ppm) {
      return null;
    }
    List<Fault> list = List.copyOf(kinds);
    return list.get((int) Math.floorMod(random / 1_000_000L, (long) list.size()));
  }
}
