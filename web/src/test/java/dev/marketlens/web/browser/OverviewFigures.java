package dev.marketlens.web.browser;

import dev.marketlens.metrics.Metrics;
import dev.marketlens.metrics.churn.ChurnMonth;
import dev.marketlens.metrics.conversion.ConversionMonth;
import dev.marketlens.metrics.ledger.LedgerLine;
import dev.marketlens.metrics.movements.MrrMonth;
import dev.marketlens.metrics.retention.RetentionMonth;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The numbers the overview's tiles must show, by tile id, worked out twice: from the REST API (the
 * calls the overview's own figures come from: MRR over the months, churn, NRR, conversion and the
 * ledger of the last month), and from the revenue engine directly. Numbers are compared as decimals
 * written plainly ({@code 0.0500} = {@code 0.05}); a missing value is {@code none}.
 */
final class OverviewFigures {
  static final String NONE = "none";

  private OverviewFigures() {}

  /**
   * The API's figures, fetched from inside the page's session; {@code filters} is a query string of
   * the other filters ({@code ""} or {@code "&hosting=Cloud"}).
   */
  static Map<String, String> fromApi(
      Browser browser, YearMonth from, YearMonth to, String filters) {
    String months = "?from=" + from + "&to=" + to + filters;
    String month = "?from=" + to + "&to=" + to + filters;
    JsonNode mrr = last(browser.fetchJson("/api/v1/reports/mrr" + months));
    JsonNode churn = last(browser.fetchJson("/api/v1/reports/churn" + month));
    JsonNode nrr = last(browser.fetchJson("/api/v1/reports/nrr" + month));
    JsonNode conversion = last(browser.fetchJson("/api/v1/reports/conversion" + month));
    long refunded = 0;
    for (JsonNode line : browser.fetchJson("/api/v1/reports/ledger" + month)) {
      if ("Refund".equalsIgnoreCase(line.get("saleType").asString())) {
        refunded += line.get("vendorAmount").asLong();
      }
    }
    Map<String, String> f = new LinkedHashMap<>();
    f.put("tile-mrr", number(mrr.get("mrr")));
    f.put("tile-arr", number(mrr.get("arr")));
    f.put("tile-customers", number(mrr.get("customers")));
    f.put("tile-arpc", number(mrr.get("arpa")));
    f.put("tile-churn", number(churn.get("logoChurnRate")));
    f.put("tile-nrr", number(nrr.get("nrr12")));
    f.put("tile-conversion", number(conversion.get("conversionRate")));
    f.put("tile-refunds", number(refunded));
    return f;
  }

  /** The engine's figures for the same months and filters. */
  static Map<String, String> fromEngine(Metrics metrics, Metrics.View months) {
    Metrics.View month = new Metrics.View(months.to(), months.to(), months.by(), months.where());
    MrrMonth mrr = lastOf(metrics.mrr(months));
    ChurnMonth churn = lastOf(metrics.churn(month));
    RetentionMonth nrr = lastOf(metrics.retention(month));
    ConversionMonth conversion = lastOf(metrics.conversion(month));
    long refunded = 0;
    for (LedgerLine line : metrics.ledger(month)) {
      if ("Refund".equalsIgnoreCase(line.saleType())) {
        refunded += line.vendorAmount();
      }
    }
    Map<String, String> f = new LinkedHashMap<>();
    f.put("tile-mrr", number(mrr == null ? null : mrr.mrr()));
    f.put("tile-arr", number(mrr == null ? null : mrr.arr()));
    f.put("tile-customers", number(mrr == null ? null : mrr.customers()));
    f.put("tile-arpc", number(mrr == null ? null : mrr.arpa()));
    f.put("tile-churn", number(churn == null ? null : churn.logoChurnRate()));
    f.put("tile-nrr", number(nrr == null ? null : nrr.nrr12()));
    f.put("tile-conversion", number(conversion == null ? null : conversion.conversionRate()));
    f.put("tile-refunds", number(refunded));
    return f;
  }

  /** The tiles' own values ({@code data-value}), written as the two others are. */
  static Map<String, String> fromPage(OverviewPage page) {
    Map<String, String> f = new LinkedHashMap<>();
    page.values().forEach((tile, value) -> f.put(tile, number(value)));
    return f;
  }

  /** A number written plainly without trailing zeros, or {@link #NONE}. */
  static String number(Object value) {
    if (value instanceof JsonNode node) {
      value = node.isNull() || node.isMissingNode() ? null : node.toString();
    }
    if (value == null || value.toString().isBlank()) {
      return NONE;
    }
    BigDecimal d = new BigDecimal(value.toString());
    return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
  }

  private static JsonNode last(JsonNode rows) {
    return rows.isEmpty()
        ? tools.jackson.databind.node.MissingNode.getInstance()
        : rows.get(rows.size() - 1);
  }

  private static <T> T lastOf(List<T> rows) {
    return rows.isEmpty() ? null : rows.get(rows.size() - 1);
  }
}
