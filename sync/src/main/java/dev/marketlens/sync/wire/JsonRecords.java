package dev.marketlens.sync.wire;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.UnexpectedEndOfInputException;

/**
 * The records of a JSON export, one at a time, with Jackson's streaming parser: only the current
 * record is held in memory. Nested objects are flattened to dotted paths; {@code discounts[]} is
 * kept as a list; other arrays are flattened by index ({@code dunningStatus[0].attemptCount}).
 */
final class JsonRecords {
  private static final int MAX_CACHED_PATHS = 10_000;
  private final JsonParser parser;
  private final String source;
  private boolean done;
  private final Map<String, Container> containers = new HashMap<>();
  private final Map<String, Map<String, String>> paths = new HashMap<>();
  private int pathsCached;

  /**
   * An object or array met in the last record, by path: {@code what} is "an object" or "an array".
   */
  private record Container(String what, TokenStreamLocation at) {
    String location() {
      return where(at);
    }
  }

  JsonRecords(JsonParser parser, String source) {
    this.parser = parser;
    this.source = source;
    JsonToken first = next();
    if (first != JsonToken.START_ARRAY) {
      throw new WireFormatException(
          source,
          where(parser.currentTokenLocation()),
          "is not an array of export records (expected the JSON to start with [)");
    }
  }

  /** The next record, or null after the closing bracket. */
  JsonFields next(RecordCheck check) {
    if (done) {
      return null;
    }
    JsonToken token = next();
    if (token == JsonToken.END_ARRAY) {
      done = true;
      if (next() != null) {
        throw new WireFormatException(
            source,
            where(parser.currentTokenLocation()),
            "has content after the closing ] of the export array");
      }
      return null;
    }
    if (token == null) {
      throw truncated();
    }
    String location = where(parser.currentTokenLocation());
    if (token != JsonToken.START_OBJECT) {
      throw new WireFormatException(
          source,
          location,
          null,
          text(),
          "is not an export record (expected a JSON object in the top-level array)",
          null);
    }
    containers.clear();
    Map<String, Fields.Value> values = new HashMap<>(128);
    List<Fields.RawDiscount> discounts = new ArrayList<>(0);
    readObject("", values, discounts);
    JsonFields fields = new JsonFields(source, location, values, discounts);
    check.check(fields);
    return fields;
  }

  /**
   * When a field of the last record read is required but absent, the object or array that stood in
   * its place, if any: a value of the wrong JSON type. Null when there was none.
   */
  WireFormatException wrongType(String field, WireFormatException absent) {
    for (Map.Entry<String, Container> entry : containers.entrySet()) {
      String path = entry.getKey();
      if (path.equals(field) || path.endsWith("." + field)) {
        Container container = entry.getValue();
        return new WireFormatException(
            source,
            container.location(),
            "field " + path,
            null,
            "is " + container.what() + " (expected a single value: text, a number or a date)",
            absent);
      }
    }
    return null;
  }

  /** Checks a record's kind as soon as it is read. */
  interface RecordCheck {
    void check(JsonFields fields);
  }

  private void readObject(
      String prefix, Map<String, Fields.Value> values, List<Fields.RawDiscount> discounts) {
    while (true) {
      JsonToken token = next();
      if (token == JsonToken.END_OBJECT) {
        return;
      }
      if (token == null) {
        throw truncated();
      }
      String path = path(prefix, parser.currentName());
      token = next();
      if (token == null) {
        throw truncated();
      }
      switch (token) {
        case START_OBJECT -> {
          containers.put(path, new Container("an object", parser.currentTokenLocation()));
          readObject(path(path, "."), values, discounts);
        }
        case START_ARRAY -> {
          if (path.endsWith("discounts")) {
            readDiscounts(path, discounts);
          } else {
            containers.put(path, new Container("an array", parser.currentTokenLocation()));
            readArray(path, values);
          }
        }
        case VALUE_NULL -> {}
        default -> {
          String text = text();
          if (!text.isBlank()) {
            values.put(path, value(text, path));
          }
        }
      }
    }
  }

  /**
   * {@code prefix + name}, made once for each field of the export: every record has the same paths,
   * and the records' maps are looked up by them, so their hash codes are computed once. A file with
   * ever new names stops being cached after {@value #MAX_CACHED_PATHS} of them.
   */
  private String path(String prefix, String name) {
    Map<String, String> byName = paths.get(prefix);
    if (byName == null) {
      if (pathsCached >= MAX_CACHED_PATHS) {
        return prefix + name;
      }
      byName = new HashMap<>();
      paths.put(prefix, byName);
    }
    String path = byName.get(name);
    if (path == null) {
      path = prefix + name;
      if (pathsCached < MAX_CACHED_PATHS) {
        byName.put(name, path);
        pathsCached++;
      }
    }
    return path;
  }

  /**
   * Any other array, flattened by index: {@code dunningStatus[0].attemptCount}, {@code
   * cloudComplianceBoundaries[1]}; arrays within its elements are skipped.
   */
  private void readArray(String path, Map<String, Fields.Value> values) {
    int index = 0;
    while (true) {
      JsonToken token = next();
      if (token == JsonToken.END_ARRAY) {
        return;
      }
      if (token == null) {
        throw truncated();
      }
      String element = path + "[" + index++ + "]";
      switch (token) {
        case START_OBJECT -> readObject(element + ".", values, new ArrayList<>(0));
        case START_ARRAY -> skipChildren();
        case VALUE_NULL -> {}
        default -> {
          String text = text();
          if (!text.isBlank()) {
            values.put(element, value(text, element));
          }
        }
      }
    }
  }

  private void readDiscounts(String path, List<Fields.RawDiscount> discounts) {
    while (true) {
      JsonToken token = next();
      if (token == JsonToken.END_ARRAY) {
        return;
      }
      if (token == null) {
        throw truncated();
      }
      String location = where(parser.currentTokenLocation());
      if (token != JsonToken.START_OBJECT) {
        throw new WireFormatException(
            source,
            location,
            "field " + path,
            text(),
            "is not a discount (expected an object {type, amount, code?, reason?})",
            null);
      }
      Map<String, Fields.Value> discount = new HashMap<>();
      readObject(path + "[].", discount, new ArrayList<>(0));
      Fields.Value type = discount.get(path + "[].type");
      Fields.Value amount = discount.get(path + "[].amount");
      if (amount == null) {
        throw new WireFormatException(
            source,
            location,
            "field " + path + "[].amount",
            null,
            "is required on every discount",
            null);
      }
      discounts.add(
          new Fields.RawDiscount(
              type == null ? null : type.text(),
              amount,
              discount.get(path + "[].code"),
              discount.get(path + "[].reason")));
    }
  }

  private WireFormatException truncated() {
    return new WireFormatException(
        source,
        where(parser.currentLocation()),
        "ends before the export is complete: an array or object is not closed (truncated?)");
  }

  private JsonToken next() {
    try {
      return parser.nextToken();
    } catch (JacksonException e) {
      throw translate(e);
    }
  }

  /** The current token's text; strings are decoded lazily, so this too can meet the end. */
  private String text() {
    try {
      return parser.getString();
    } catch (JacksonException e) {
      throw translate(e);
    }
  }

  private void skipChildren() {
    try {
      parser.skipChildren();
    } catch (JacksonException e) {
      throw translate(e);
    }
  }

  private WireFormatException translate(JacksonException e) {
    if (e instanceof UnexpectedEndOfInputException
        || String.valueOf(e.getOriginalMessage()).startsWith("Unexpected end-of-input")) {
      return new WireFormatException(
          source,
          where(e.getLocation()),
          "ends before the export is complete: an array or object is not closed (truncated?)",
          e);
    }
    return new WireFormatException(
        source, where(e.getLocation()), "is not valid JSON: " + firstLine(e), e);
  }

  private static String firstLine(JacksonException e) {
    String message = e.getOriginalMessage();
    if (message == null) {
      return e.getClass().getSimpleName();
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private Fields.Value value(String text, String path) {
    TokenStreamLocation location = parser.currentTokenLocation();
    return location == null
        ? Fields.Value.json(text, -1, -1, path)
        : Fields.Value.json(text, location.getLineNr(), location.getColumnNr(), path);
  }

  static String where(TokenStreamLocation location) {
    if (location == null || location.getLineNr() < 0) {
      return null;
    }
    return "line " + location.getLineNr() + ":" + location.getColumnNr();
  }
}
