package dev.marketlens.sync.wire;

import java.util.List;
import java.util.Map;

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
  String recordLocation() {
    return location;
  }

  @Override
  List<RawDiscount> discounts() {
    return discounts;
  }
}
