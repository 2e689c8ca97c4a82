package dev.marketlens.web.revenue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The data-series JSON shapes app.js draws: categories on x and named series of values. */
final class Charts {
  private Charts() {}

  /** A chart over categories {@code x}; money in cents when {@code money}. */
  static Map<String, Object> chart(List<?> x, boolean money, List<Map<String, Object>> series) {
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("x", x);
    chart.put("series", series);
    chart.put("money", money);
    return chart;
  }

  static Map<String, Object> series(String name, List<?> values) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("name", name);
    s.put("values", values);
    return s;
  }

  /** One field of each row. */
  static List<Object> column(List<Map<String, Object>> rows, String field) {
    return column(rows, r -> r.get(field));
  }

  static List<Object> column(
      List<Map<String, Object>> rows, Function<Map<String, Object>, Object> value) {
    List<Object> out = new ArrayList<>(rows.size());
    for (Map<String, Object> r : rows) {
      out.add(value.apply(r));
    }
    return out;
  }

  /** A field as a long (0 when missing). */
  static long number(Map<String, Object> row, String field) {
    return row.get(field) instanceof Number n ? n.longValue() : 0L;
  }

  /** The sum of a field over rows. */
  static long sum(List<Map<String, Object>> rows, String field) {
    long total = 0;
    for (Map<String, Object> r : rows) {
      total += number(r, field);
    }
    return total;
  }
}
