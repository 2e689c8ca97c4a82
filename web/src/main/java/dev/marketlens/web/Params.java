package dev.marketlens.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Reading a request's query parameters and writing them back into links. */
public final class Params {
  private Params() {}

  /** The first value of a parameter, or null. */
  public static String first(Map<String, String[]> params, String name) {
    String[] values = params.get(name);
    return values == null || values.length == 0 ? null : values[0];
  }

  /** A whole-number parameter, or {@code otherwise} when absent; a 400 naming it when not one. */
  public static int number(Map<String, String[]> params, String name, int otherwise) {
    String text = first(params, name);
    if (text == null || text.isBlank()) {
      return otherwise;
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw bad(name + " must be a whole number, not '" + text + "'");
    }
  }

  /** A 400 with a message that names the parameter and the value. */
  public static ResponseStatusException bad(String message) {
    return new ResponseStatusException(HttpStatus.BAD_REQUEST, message);
  }

  /**
   * Parameters with some changed — a null value removes one — as a URL-encoded query string: the
   * link to the same table with another page, sort or search.
   */
  public static String query(Map<String, String> params, Map<String, String> changes) {
    Map<String, String> changed = new LinkedHashMap<>(params);
    changes.forEach(
        (k, v) -> {
          if (v == null) {
            changed.remove(k);
          } else {
            changed.put(k, v);
          }
        });
    return query(changed);
  }

  /** Parameters as a URL-encoded query string, in their order ({@code a=1&b=x%20y}). */
  public static String query(Map<String, String> params) {
    return params.entrySet().stream()
        .map(
            e ->
                URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
