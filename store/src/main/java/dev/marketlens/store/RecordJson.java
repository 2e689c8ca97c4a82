package dev.marketlens.store;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The JSON of a stored record seen as fields: every scalar by its path ({@code
 * purchaseDetails.vendorAmount}, {@code purchaseDetails.discounts[0].amount}), so that two versions
 * can be compared field by field, and a redaction can be carried into older versions.
 */
final class RecordJson {
  private static final JsonFactory JSON = new JsonFactory();

  /** The text that replaces a forgotten person's details (spec §7.3, K20). */
  static final String REDACTED = "RTBF";

  private RecordJson() {}

  /**
   * The SHA-256 of a record's JSON text (UTF-8): equal hashes, equal texts, and so equal records
   * without comparing fields.
   */
  static byte[] sha256(String json) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JDK", e);
    }
  }

  /** A scalar value: its token kind and its text exactly as in the JSON. */
  record Scalar(JsonToken kind, String text) {
    void write(JsonGenerator out) {
      switch (kind) {
        case VALUE_STRING -> out.writeString(text);
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> out.writeNumber(text);
        case VALUE_TRUE -> out.writeBoolean(true);
        case VALUE_FALSE -> out.writeBoolean(false);
        default -> out.writeNull();
      }
    }

    boolean isRedacted() {
      return kind == JsonToken.VALUE_STRING && REDACTED.equals(text);
    }
  }

  /** Every scalar of a JSON object by its path, in path order; nulls are left out. */
  static Map<String, Scalar> flatten(String json) {
    Map<String, Scalar> fields = new TreeMap<>();
    try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json)) {
      parser.nextToken();
      flatten(parser, "", fields);
    }
    return fields;
  }

  private static void flatten(JsonParser parser, String path, Map<String, Scalar> into) {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        flatten(parser, path.isEmpty() ? name : path + "." + name, into);
      }
    } else if (token == JsonToken.START_ARRAY) {
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        flatten(parser, path + "[" + index++ + "]", into);
      }
    } else if (token != JsonToken.VALUE_NULL) {
      into.put(path, new Scalar(token, parser.getString()));
    }
  }

  /**
   * The fields that differ between two versions as {@code {"path": {"from": …, "to": …}}}, a side
   * absent where the field is; null when the records are equal field for field.
   */
  static String diff(Map<String, Scalar> before, Map<String, Scalar> after) {
    if (before.equals(after)) {
      return null;
    }
    Set<String> paths = new TreeSet<>(before.keySet());
    paths.addAll(after.keySet());
    StringWriter text = new StringWriter();
    boolean any = false;
    try (JsonGenerator out = JSON.createGenerator(ObjectWriteContext.empty(), text)) {
      out.writeStartObject();
      for (String path : paths) {
        Scalar from = before.get(path);
        Scalar to = after.get(path);
        if (from == null ? to == null : from.equals(to)) {
          continue;
        }
        any = true;
        out.writeName(path);
        out.writeStartObject();
        if (from != null) {
          out.writeName("from");
          from.write(out);
        }
        if (to != null) {
          out.writeName("to");
          to.write(out);
        }
        out.writeEndObject();
      }
      out.writeEndObject();
    }
    return any ? text.toString() : null;
  }

  /**
   * Adds to {@code after} the fields of {@code before} under the {@code unknown} paths that {@code
   * after} lacks: the new record's format cannot carry them. True when any was added.
   */
  static boolean keepUnknown(
      Map<String, Scalar> before, Map<String, Scalar> after, List<String> unknown) {
    boolean added = false;
    for (Map.Entry<String, Scalar> field : before.entrySet()) {
      String path = field.getKey();
      if (!after.containsKey(path) && under(path, unknown)) {
        after.put(path, field.getValue());
        added = true;
      }
    }
    return added;
  }

  private static boolean under(String path, List<String> prefixes) {
    for (String prefix : prefixes) {
      if (path.startsWith(prefix)
          && (path.length() == prefix.length()
              || path.charAt(prefix.length()) == '.'
              || path.charAt(prefix.length()) == '[')) {
        return true;
      }
    }
    return false;
  }

  /** The JSON object whose scalars are {@code fields}, by path: the inverse of {@link #flatten}. */
  static String unflatten(Map<String, Scalar> fields) {
    Map<String, Object> root = new LinkedHashMap<>();
    for (Map.Entry<String, Scalar> field : fields.entrySet()) {
      put(root, field.getKey(), field.getValue());
    }
    StringWriter text = new StringWriter();
    try (JsonGenerator out = JSON.createGenerator(ObjectWriteContext.empty(), text)) {
      write(out, root);
    }
    return text.toString();
  }

  /** Places a scalar at a path such as {@code a.b[2].c} in a tree of maps and index maps. */
  @SuppressWarnings("unchecked")
  private static void put(Map<String, Object> root, String path, Scalar value) {
    Object node = root;
    int i = 0;
    while (i < path.length()) {
      int end = i;
      while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
        end++;
      }
      String key;
      if (path.charAt(i) == '[') {
        int close = path.indexOf(']', i);
        key = "[" + path.substring(i + 1, close);
        end = close + 1;
      } else {
        key = path.substring(i, end);
      }
      boolean last = end >= path.length();
      Map<String, Object> map = (Map<String, Object>) node;
      if (last) {
        map.put(key, value);
      } else {
        node = map.computeIfAbsent(key, k -> new TreeMap<String, Object>(RecordJson::byIndex));
      }
      i = end < path.length() && path.charAt(end) == '.' ? end + 1 : end;
    }
  }

  /** Array elements ("[3") in numeric order; names in insertion order do not reach here. */
  private static int byIndex(String a, String b) {
    boolean ia = a.startsWith("[");
    boolean ib = b.startsWith("[");
    if (ia && ib) {
      return Integer.compare(Integer.parseInt(a.substring(1)), Integer.parseInt(b.substring(1)));
    }
    return a.compareTo(b);
  }

  @SuppressWarnings("unchecked")
  private static void write(JsonGenerator out, Object node) {
    if (node instanceof Scalar scalar) {
      scalar.write(out);
      return;
    }
    Map<String, Object> map = (Map<String, Object>) node;
    boolean array = !map.isEmpty() && map.keySet().iterator().next().startsWith("[");
    if (array) {
      out.writeStartArray();
      for (Object element : map.values()) {
        write(out, element);
      }
      out.writeEndArray();
    } else {
      out.writeStartObject();
      for (Map.Entry<String, Object> entry : map.entrySet()) {
        out.writeName(entry.getKey());
        write(out, entry.getValue());
      }
      out.writeEndObject();
    }
  }

  /** The paths whose value is {@value #REDACTED}. */
  static Set<String> redactedPaths(Map<String, Scalar> fields) {
    Set<String> paths = new TreeSet<>();
    fields.forEach(
        (path, value) -> {
          if (value.isRedacted()) {
            paths.add(path);
          }
        });
    return paths;
  }

  /**
   * {@code json} with the string at each of {@code paths} replaced by {@value #REDACTED}; a {@code
   * changed} diff is redacted the same way, by replacing the {@code from} and {@code to} of the
   * entries named by a path.
   */
  static String redact(String json, Set<String> paths) {
    StringWriter text = new StringWriter();
    try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), json);
        JsonGenerator out = JSON.createGenerator(ObjectWriteContext.empty(), text)) {
      parser.nextToken();
      copy(parser, out, "", paths, false);
    }
    return text.toString();
  }

  private static void copy(
      JsonParser parser, JsonGenerator out, String path, Set<String> paths, boolean redact) {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      out.writeStartObject();
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        out.writeName(name);
        parser.nextToken();
        // A diff entry {"contactDetails.technicalContact.email": {"from":…,"to":…}}: its key is a
        // path, and everything inside it is redacted.
        boolean entry = redact || (path.isEmpty() && paths.contains(name));
        copy(parser, out, path.isEmpty() ? name : path + "." + name, paths, entry);
      }
      out.writeEndObject();
    } else if (token == JsonToken.START_ARRAY) {
      out.writeStartArray();
      int index = 0;
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        copy(parser, out, path + "[" + index++ + "]", paths, redact);
      }
      out.writeEndArray();
    } else if (token == JsonToken.VALUE_STRING && (redact || paths.contains(path))) {
      out.writeString(REDACTED);
    } else if (token == JsonToken.VALUE_NULL) {
      out.writeNull();
    } else {
      new Scalar(token, parser.getString()).write(out);
    }
  }
}
