package dev.marketlens.web.revenue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.web.HttpSession;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The numbers a page shows, read from its HTML: a table's rows (keyed by their {@code data-month}
 * and {@code data-segment}) with the {@code data-value} of each {@code data-field} cell, compared
 * with the REST API's rows for the same filters.
 */
final class PageNumbers {
  static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
  private static final Pattern ROW_KEY =
      Pattern.compile("data-month=\"([^\"]*)\"(?:\\s+data-segment=\"([^\"]*)\")?");
  private static final Pattern CELL =
      Pattern.compile("data-field=\"([^\"]*)\"(?:\\s+data-value=\"([^\"]*)\")?");

  private PageNumbers() {}

  /** A page's body, asserting status 200. */
  static String page(HttpSession session, String path) {
    HttpResponse<String> r = session.get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return r.body();
  }

  /** The API's rows, asserting status 200. */
  static JsonNode api(HttpSession session, String path) {
    HttpResponse<String> r = session.get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /** The rows of the table with this id: row key → field → raw value. */
  static Map<String, Map<String, String>> table(String html, String id) {
    int at = html.indexOf("id=\"" + id + "\"");
    assertThat(at).as("table " + id).isGreaterThanOrEqualTo(0);
    int end = html.indexOf("</table>", at);
    String body = html.substring(at, end);
    int tbody = body.indexOf("<tbody");
    Map<String, Map<String, String>> rows = new LinkedHashMap<>();
    for (String tr : body.substring(Math.max(0, tbody)).split("<tr")) {
      int close = tr.indexOf('>');
      if (close < 0) {
        continue;
      }
      Matcher key = ROW_KEY.matcher(tr.substring(0, close));
      if (!key.find()) {
        continue;
      }
      Map<String, String> cells = new LinkedHashMap<>();
      Matcher cell = CELL.matcher(tr);
      while (cell.find()) {
        // Thymeleaf leaves out an attribute whose value is empty: the API's null.
        cells.put(cell.group(1), cell.group(2) == null ? "" : unescape(cell.group(2)));
      }
      rows.put(
          key(unescape(key.group(1)), key.group(2) == null ? "" : unescape(key.group(2))), cells);
    }
    return rows;
  }

  static String key(String month, String segment) {
    return month + "|" + segment;
  }

  /** The key of an API row: its month (or cohort, or license) and segment. */
  static String key(JsonNode row, String keyField) {
    JsonNode segment = row.get("segment");
    return key(
        row.get(keyField).asString(),
        segment == null || segment.isNull() ? "" : segment.asString());
  }

  /**
   * Asserts that the table shows exactly the API's rows, in the same order, each field the API
   * returns (but those in {@code skip}) equal to the page's cell.
   */
  static void assertSameRows(
      Map<String, Map<String, String>> table, JsonNode api, String keyField, String... skip) {
    List<String> keys = new ArrayList<>();
    for (JsonNode row : api) {
      keys.add(key(row, keyField));
    }
    assertThat(table.keySet()).containsExactlyElementsOf(keys);
    List<String> skipped = List.of(skip);
    for (JsonNode row : api) {
      String k = key(row, keyField);
      Map<String, String> cells = table.get(k);
      for (String field : row.propertyNames()) {
        if (field.equals(keyField) || field.equals("segment") || skipped.contains(field)) {
          continue;
        }
        assertThat(cells).as(k + " has " + field).containsKey(field);
        assertThat(normal(cells.get(field))).as(k + " " + field).isEqualTo(normal(row.get(field)));
      }
    }
  }

  /** A JSON value as text comparable with a page's: numbers without trailing zeros, null empty. */
  static String normal(JsonNode v) {
    if (v == null || v.isNull()) {
      return "";
    }
    if (v.isNumber()) {
      return v.decimalValue().stripTrailingZeros().toPlainString();
    }
    return v.asString();
  }

  static String normal(String v) {
    try {
      return new BigDecimal(v).stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      return v;
    }
  }

  /** The JSON of a chart's {@code data-series} attribute on the element with this id. */
  static JsonNode chart(String html, String id) {
    return JSON.readTree(unescape(attribute(html, id, "data-series")));
  }

  /** An attribute of the element with this id, as written (entities decoded). */
  static String attribute(String html, String id, String name) {
    int at = html.indexOf("id=\"" + id + "\"");
    assertThat(at).as("element " + id).isGreaterThanOrEqualTo(0);
    int start = html.lastIndexOf('<', at);
    int end = html.indexOf('>', at);
    Matcher m = Pattern.compile(name + "=\"([^\"]*)\"").matcher(html.substring(start, end));
    assertThat(m.find()).as(id + " has " + name).isTrue();
    return unescape(m.group(1));
  }

  static String unescape(String s) {
    return s.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  /** A sum of one field over the API's rows. */
  static long sum(JsonNode rows, String field) {
    long total = 0;
    for (JsonNode r : rows) {
      total += r.get(field).asLong();
    }
    return total;
  }
}
