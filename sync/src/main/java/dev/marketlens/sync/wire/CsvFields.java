package dev.marketlens.sync.wire;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/** A CSV row, looked up by header name, never by position. */
final class CsvFields extends Fields {
  private static final String[][] DISCOUNT_COLUMNS = {
    {"LOYALTY_DISCOUNT", "loyaltyDiscountAmount", null, "loyaltyDiscountReason"},
    {
      "MARKETPLACE_PROMOTION",
      "marketplacePromotionDiscountAmount",
      "marketplacePromotionDiscountCode",
      "marketplacePromotionDiscountReason"
    },
    {"EXPERT", "expertDiscountAmount", null, "expertDiscountReason"},
    {"MANUAL", "manualDiscountAmount", null, "manualDiscountReason"},
  };

  private static final JsonFactory JSON = new JsonFactory();

  private final Map<String, Integer> columns;
  private final List<String> row;
  private final int line;
  private final Map<String, Value> element;

  CsvFields(String source, Map<String, Integer> columns, List<String> row, int line) {
    super(source);
    this.columns = columns;
    this.row = row;
    this.line = line;
    this.element = null;
  }

  /** One object of a JSON array held in a cell, its fields looked up by name. */
  private CsvFields(String source, Map<String, Value> element, int line) {
    super(source);
    this.columns = Map.of();
    this.row = List.of();
    this.line = line;
    this.element = element;
  }

  @Override
  Value value(String jsonPath, String csvColumn) {
    if (csvColumn == null) {
      return null;
    }
    if (element != null) {
      return element.get(csvColumn);
    }
    Integer index = columns.get(csvColumn);
    if (index == null) {
      return null;
    }
    String text = row.get(index);
    if (text.isBlank()) {
      return null;
    }
    return Value.csv(text, line, csvColumn);
  }

  /**
   * A column that holds a JSON array of flat objects, as {@code dunningStatus} does in the
   * emulator's export (spec §8.3 [EMU]).
   */
  @Override
  List<Fields> objects(String jsonPath, String csvColumn) {
    Value cell = value(null, csvColumn);
    if (cell == null) {
      return List.of();
    }
    List<Fields> objects = new ArrayList<>(2);
    try (JsonParser parser = JSON.createParser(ObjectReadContext.empty(), cell.text())) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        throw notArray(cell, null);
      }
      JsonToken token;
      while ((token = parser.nextToken()) == JsonToken.START_OBJECT) {
        Map<String, Value> element = new HashMap<>();
        String at = csvColumn + "[" + objects.size() + "].";
        while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
          String name = parser.currentName();
          token = parser.nextToken();
          if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            throw notArray(cell, null);
          }
          if (token != JsonToken.VALUE_NULL) {
            String text = parser.getString();
            if (!text.isBlank()) {
              element.put(name, new Value(text, cell.location(), "column " + at + name));
            }
          }
        }
        objects.add(new CsvFields(source, element, line));
      }
      if (token != JsonToken.END_ARRAY || parser.nextToken() != null) {
        throw notArray(cell, null);
      }
    } catch (JacksonException e) {
      throw notArray(cell, e);
    }
    return objects;
  }

  @Override
  List<Value> strings(String jsonPath) {
    return List.of();
  }

  private WireFormatException notArray(Value cell, Throwable cause) {
    return new WireFormatException(
        source,
        cell.location(),
        cell.field(),
        cell.text(),
        "is not a JSON array of flat objects (expected e.g."
            + " [{\"attemptCount\":1,\"paymentAttemptDate\":\"2024-01-31\"}])",
        cause);
  }

  @Override
  String recordLocation() {
    return "line " + line;
  }

  @Override
  List<RawDiscount> discounts() {
    List<RawDiscount> discounts = new ArrayList<>(2);
    for (String[] columns : DISCOUNT_COLUMNS) {
      Value amount = value(null, columns[1]);
      Value code = value(null, columns[2]);
      Value reason = value(null, columns[3]);
      if (amount == null) {
        if (code != null || reason != null) {
          Value given = code != null ? code : reason;
          throw new WireFormatException(
              source,
              given.location(),
              "column " + columns[1],
              null,
              "is empty although " + given.field() + " is \"" + given.text() + "\"",
              null);
        }
        continue;
      }
      if (isZero(amount.text())) {
        continue; // a zero amount is no discount of that type (the CSV flattens by type, §8.3)
      }
      discounts.add(new RawDiscount(columns[0], amount, code, reason));
    }
    return discounts;
  }

  private static boolean isZero(String text) {
    try {
      return new java.math.BigDecimal(text.trim()).signum() == 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
