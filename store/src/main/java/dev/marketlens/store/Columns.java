package dev.marketlens.store;

import dev.marketlens.model.CustomerDetails;
import dev.marketlens.model.Discount;
import dev.marketlens.model.Money;
import dev.marketlens.model.Partner;
import java.io.StringWriter;
import java.util.List;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/** How model values become column values: wire spellings, cents, ids as text. */
final class Columns {
  private static final JsonFactory JSON = new JsonFactory();

  private Columns() {}

  static String text(Object value) {
    return value == null ? null : value.toString();
  }

  /** An enumeration's wire spelling; null when absent. */
  static <E> String wire(E value, Function<E, String> spelling) {
    return value == null ? null : spelling.apply(value);
  }

  static Long cents(Money money) {
    return money == null ? null : money.cents();
  }

  static String partnerName(Partner partner) {
    return partner == null ? null : partner.name();
  }

  static String partnerType(Partner partner) {
    return partner == null || partner.type() == null ? null : partner.type().wire();
  }

  static String company(CustomerDetails customer) {
    return customer.company();
  }

  /** The discounts as {@code [{"type", "amountCents", "code", "reason"}]}. */
  static String discounts(List<Discount> discounts) {
    if (discounts.isEmpty()) {
      return "[]";
    }
    StringWriter text = new StringWriter();
    try (JsonGenerator out = JSON.createGenerator(ObjectWriteContext.empty(), text)) {
      out.writeStartArray();
      for (Discount discount : discounts) {
        out.writeStartObject();
        out.writeStringProperty("type", discount.type().wire());
        out.writeNumberProperty("amountCents", discount.amount().cents());
        if (discount.code() != null) {
          out.writeStringProperty("code", discount.code());
        }
        if (discount.reason() != null) {
          out.writeStringProperty("reason", discount.reason());
        }
        out.writeEndObject();
      }
      out.writeEndArray();
    }
    return text.toString();
  }
}
