package dev.marketlens.emulator.reporting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A request's query parameters, read the way the live API reads them (spec §4.1): multi-valued
 * parameters repeat the key (a comma-joined value is one literal value), dates are strict {@code
 * YYYY-MM-DD}, booleans are {@code true}/{@code false}, unknown parameters are ignored. Every
 * malformed value becomes a 400 {@link ApiException} naming the parameter.
 */
public final class Params {

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  private final Map<String, List<String>> values;

  /** Parameters in the order they were sent; each with its values in order. */
  public Params(Map<String, List<String>> values) {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    values.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    this.values = Collections.unmodifiableMap(copy);
  }

  public static Params of(String... keyValues) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.computeIfAbsent(keyValues[i], k -> new ArrayList<>()).add(keyValues[i + 1]);
    }
    return new Params(map);
  }

  /**
   * The parameters as one canonical string, in name order, without {@code drop}: two requests with
   * the same result have the same string.
   */
  public String canonical(java.util.Set<String> drop) {
    StringBuilder b = new StringBuilder();
    new java.util.TreeMap<>(values)
        .forEach(
            (k, v) -> {
              if (!drop.contains(k)) {
                b.append(k).append('=').append(v).append('&');
              }
            });
    return b.toString();
  }

  /** Every parameter as sent, in order. */
  public Map<String, List<String>> asMap() {
    return values;
  }

  public boolean has(String name) {
    List<String> v = values.get(name);
    return v != null && !v.isEmpty();
  }

  /** The parameter's first value, or null when absent. */
  public String single(String name) {
    List<String> v = values.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  /** Every value of a repeated parameter (empty values dropped). */
  public List<String> all(String name) {
    List<String> v = values.getOrDefault(name, List.of());
    return v.stream().filter(s -> !s.isEmpty()).toList();
  }

  /** A strict {@code YYYY-MM-DD} date, or null when absent. */
  public LocalDate date(String name) {
    String v = single(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    if (!DATE.matcher(v).matches()) {
      throw ApiException.badParam(name, "Must be a date (YYYY-MM-DD), got '" + v + "'");
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw ApiException.badParam(name, "Must be a date (YYYY-MM-DD), got '" + v + "'");
    }
  }

  /**
   * A date or an ISO date-time ({@code lastUpdated}, spec §4.1): a date-time counts by its UTC
   * date; null when absent.
   */
  public LocalDate dateOrDateTime(String name) {
    String v = single(name);
    if (v == null || v.isEmpty()) {
      return null;
    }
    if (DATE.matcher(v).matches()) {
      return date(name);
    }
    try {
      return OffsetDateTime.parse(v).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
    } catch (DateTimeParseException e) {
      try {
        return java.time.LocalDateTime.parse(v).toLocalDate();
      } catch (DateTimeParseException e2) {
        throw ApiException.badParam(
            name, "Must be a date (YYYY-MM-DD) or a date-time (ISO 8601), got '" + v + "'");
      }
    }
  }

  /** {@code true} or {@code false}; {@code fallback} when absent. */
  public boolean bool(String name, boolean fallback) {
    String v = single(name);
    if (v == null || v.isEmpty()) {
      return fallback;
    }
    return switch (v) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw ApiException.badParam(
              name, "Type mismatch: expected true or false, got '" + v + "'");
    };
  }

  /** Every value of a repeated integer parameter ({@code tier}). */
  public Set<Integer> integers(String name) {
    Set<Integer> out = new LinkedHashSet<>();
    for (String v : all(name)) {
      try {
        out.add(Integer.parseInt(v.trim()));
      } catch (NumberFormatException e) {
        throw ApiException.badParam(name, "Must be a list of valid integer, got '" + v + "'");
      }
    }
    return out;
  }

  /** A non-negative integer ({@code offset}), or {@code fallback} when absent. */
  public int integer(String name, int fallback, int min) {
    String v = single(name);
    if (v == null || v.isEmpty()) {
      return fallback;
    }
    int n;
    try {
      // Beyond the int range counts as the largest int: a huge limit is clamped like any other.
      n = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, Long.parseLong(v.trim())));
    } catch (NumberFormatException e) {
      throw ApiException.badParam(name, "Type mismatch: expected an integer, got '" + v + "'");
    }
    if (n < min) {
      throw ApiException.badParam(name, "Must be at least " + min + ", got " + n);
    }
    return n;
  }

  /**
   * Every value of a repeated enumerated parameter, each looked up case-insensitively in {@code
   * allowed} (keys lowercase); an unknown value is a 400 listing the allowed ones.
   */
  public <E> Set<E> choices(String name, Map<String, E> allowed) {
    Set<E> out = new LinkedHashSet<>();
    for (String v : all(name)) {
      E e = allowed.get(v.toLowerCase(Locale.ROOT));
      if (e == null) {
        throw ApiException.badParam(name, allowable(allowed.keySet(), v));
      }
      out.add(e);
    }
    return out;
  }

  /** A single enumerated value looked up exactly (case-sensitive), or {@code fallback}. */
  public <E> E choice(String name, Map<String, E> allowed, E fallback) {
    String v = single(name);
    if (v == null || v.isEmpty()) {
      return fallback;
    }
    E e = allowed.get(v);
    if (e == null) {
      throw ApiException.badParam(name, allowable(allowed.keySet(), v));
    }
    return e;
  }

  private static String allowable(Set<String> allowed, String got) {
    return "allowable values are "
        + String.join(",", allowed.stream().sorted().map(a -> "'" + a + "'").toList())
        + ", got '"
        + got
        + "'";
  }
}
