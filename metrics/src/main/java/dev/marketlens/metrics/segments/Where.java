package dev.marketlens.metrics.segments;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A filter: only lines whose dimension has one of the given values count. Several filters on one
 * dimension are alternatives; filters on different dimensions must all hold. Values compare without
 * regard to case.
 */
public record Where(Dimension dimension, String value) {

  public Where {
    Objects.requireNonNull(dimension, "dimension");
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a filter on " + dimension.cliName() + " needs a value");
    }
  }

  /** Parses {@code DIMENSION=VALUE}. */
  public static Where parse(String text) {
    int eq = text.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException(
          "a filter is DIMENSION=VALUE (e.g. hosting=Cloud), not '" + text + "'");
    }
    return new Where(Dimension.parse(text.substring(0, eq).trim()), text.substring(eq + 1).trim());
  }

  /** Whether values (in {@link Dimension} order) pass every filter. */
  public static boolean allMatch(List<Where> filters, String[] values) {
    Map<Dimension, Set<String>> wanted = byDimension(filters);
    for (Map.Entry<Dimension, Set<String>> e : wanted.entrySet()) {
      if (!e.getValue().contains(values[e.getKey().ordinal()].toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }

  private static Map<Dimension, Set<String>> byDimension(List<Where> filters) {
    Map<Dimension, Set<String>> wanted = new EnumMap<>(Dimension.class);
    for (Where w : filters) {
      wanted
          .computeIfAbsent(w.dimension, d -> new TreeSet<>())
          .add(w.value.toLowerCase(Locale.ROOT));
    }
    return wanted;
  }

  /** A stable text for caching: the filters, sorted. */
  public static String key(List<Where> filters) {
    List<String> parts = new ArrayList<>();
    byDimension(filters).forEach((d, v) -> parts.add(d.cliName() + "=" + v));
    return String.join("&", parts);
  }
}
