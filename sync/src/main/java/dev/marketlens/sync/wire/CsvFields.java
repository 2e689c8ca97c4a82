package dev.marketlens.sync.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

  private final Map<String, Integer> columns;
  private final List<String> row;
  private final int line;

  CsvFields(String source, Map<String, Integer> columns, List<String> row, int line) {
    super(source);
    this.columns = columns;
    this.row = row;
    this.line = line;
  }

  @Override
  Value value(String jsonPath, String csvColumn) {
    if (csvColumn == null) {
      return null;
    }
    Integer index = columns.get(csvColumn);
    if (index == null) {
      return null;
    }
    String text = row.get(index);
    if (text.isBlank()) {
      return null;
    }
    return new Value(text, "line " + line, "column " + csvColumn);
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
