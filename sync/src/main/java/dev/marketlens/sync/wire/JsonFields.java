package dev.marketlens.sync.wire;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A JSON record flattened to dotted paths ({@code purchaseDetails.purchasePrice}). */
final class JsonFields extends Fields {
  private final String location;
  private final Map<String, Value> values;
  private final List<RawDiscount> discounts;

  JsonFields(
      String source, String location, Map<String, Value> values, List<RawDiscount> discounts) {
    super(source);
    this.location = location;
    this.values = values;
    this.discounts = discounts;
  }

  @Override
  Value value(String jsonPath, String csvColumn) {
    return jsonPath == null ? null : values.get(jsonPath);
  }

  boolean has(String path) {
    return values.containsKey(path);
  }

  boolean hasPrefix(String prefix) {
    for (String key : values.keySet()) {
      if (key.startsWith(prefix)) {
        return true;
      }
    }
    return !discounts.isEmpty();
  }

  @Override
  List<Fields> objects(String jsonPath, String csvColumn) {
    String prefix = jsonPath + "[";
    TreeMap<Integer, Map<String, Value>> elements = null;
    for (Map.Entry<String, Value> entry : values.entrySet()) {
      String key = entry.getKey();
      if (!key.startsWith(prefix)) {
        continue;
      }
      int close = key.indexOf("].", prefix.length());
      if (close < 0) {
        continue;
      }
      int index;
      try {
        index = Integer.parseInt(key, prefix.length(), close, 10);
      } catch (NumberFormatException e) {
        continue; // a property whose own name holds brackets, not an array element
      }
      if (elements == null) {
        elements = new TreeMap<>();
      }
      elements
          .computeIfAbsent(index, i -> new HashMap<>())
          .put(key.substring(close + 2), entry.getValue());
    }
    if (elements == null) {
      return List.of();
    }
    List<Fields> objects = new ArrayList<>(elements.size());
    for (Map<String, Value> element : elements.values()) {
      objects.add(new JsonFields(source, location, element, List.of()));
    }
    return objects;
  }

  @Override
  List<Value> strings(String jsonPath) {
    List<Value> strings = null;
    for (int i = 0; ; i++) {
      Value value = values.get(jsonPath + "[" + i + "]");
      if (value == null) {
        return strings == null ? List.of() : strings;
      }
      if (strings == null) {
        strings = new ArrayList<>(2);
      }
      strings.add(value);
    }
  }

  @Override
  String recordLocation() {
    return location;
  }

  @Override
  List<RawDiscount> discounts() {
    return discounts;
  }
}
