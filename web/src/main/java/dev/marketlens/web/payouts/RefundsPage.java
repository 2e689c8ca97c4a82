package dev.marketlens.web.payouts;

import dev.marketlens.payouts.refunds.RefundRule;
import dev.marketlens.web.Page;
import dev.marketlens.web.Params;
import dev.marketlens.web.revenue.Filters;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /payouts/refunds}: the refunds of the filters' months by rule of seed 004's refund policy
 * (SR-F1…F4) per month, as a chart and a table, and each refund with its rule, linking to its
 * customer and its transactions; {@code rule} keeps one rule. The numbers are the rows {@code GET
 * /api/v1/refunds} returns.
 */
@Page
class RefundsPage {
  private final RefundTables tables;
  private final JsonMapper json;

  RefundsPage(RefundTables tables, JsonMapper json) {
    this.tables = tables;
    this.json = json;
  }

  @GetMapping("/payouts/refunds")
  String refunds(
      @ModelAttribute("filters") Filters filters,
      HttpServletRequest request,
      Authentication user,
      Model model) {
    Map<String, String[]> params = new LinkedHashMap<>(request.getParameterMap());
    params.remove("summary");
    Set<RefundRule> rules = RefundTables.rules(params);
    List<Map<String, Object>> months = tables.summary(user, filters);
    List<Map<String, Object>> rows = tables.refunds(user, params).objects();
    String keep = filters.keep();
    List<Map<String, Object>> refunds = new ArrayList<>(rows.size());
    for (Map<String, Object> r : rows) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("values", r);
      Object customer = r.get("customer");
      row.put(
          "customerHref",
          customer == null
              ? null
              : "/customers/"
                  + UriUtils.encodePathSegment(customer.toString(), StandardCharsets.UTF_8)
                  + "?"
                  + keep);
      row.put("transactionHref", transaction(r.get("transactionId"), r.get("saleDate"), filters));
      row.put(
          "refundedHref",
          transaction(r.get("refundedTransactionId"), r.get("refundedSaleDate"), filters));
      refunds.add(row);
    }
    List<Object> x = new ArrayList<>();
    List<Map<String, Object>> series = new ArrayList<>();
    for (Map<String, Object> m : months) {
      x.add(m.get("month"));
    }
    for (RefundRule rule : RefundRule.values()) {
      List<Object> values = new ArrayList<>();
      for (Map<String, Object> m : months) {
        values.add(m.get(rule.field()));
      }
      series.add(series(label(rule), values));
    }
    List<Object> upgrades = new ArrayList<>();
    for (Map<String, Object> m : months) {
      upgrades.add(m.get("reallocatedUpgrades"));
    }
    series.add(series("Upgrades reallocated (no refund)", upgrades));
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("x", x);
    chart.put("series", series);
    chart.put("money", false);
    List<Map<String, Object>> ruleLinks = new ArrayList<>();
    for (RefundRule rule : RefundRule.values()) {
      Map<String, Object> link = new LinkedHashMap<>();
      link.put("name", rule.cliName());
      link.put("label", label(rule));
      link.put("href", "/payouts/refunds?rule=" + rule.cliName() + "&" + keep);
      link.put("active", rules.contains(rule));
      ruleLinks.add(link);
    }
    long count = 0;
    for (Map<String, Object> m : months) {
      count +=
          ((Number) m.get("refunds")).longValue()
              + ((Number) m.get("reallocatedUpgrades")).longValue();
    }
    model.addAttribute("months", months);
    model.addAttribute("refunds", refunds);
    model.addAttribute("rules", RefundRule.values());
    model.addAttribute("ruleLinks", ruleLinks);
    model.addAttribute("filtered", !rules.isEmpty());
    model.addAttribute("empty", count == 0);
    model.addAttribute("chart", json.writeValueAsString(chart));
    model.addAttribute("csvUrl", "/api/v1/refunds?format=csv&" + query(params));
    return "payouts/refunds";
  }

  /** The transactions page searching for a transaction id in its sale's month. */
  private static String transaction(Object id, Object saleDate, Filters filters) {
    if (id == null || saleDate == null) {
      return null;
    }
    String month = saleDate.toString().substring(0, 7);
    Map<String, String> q = new LinkedHashMap<>();
    q.put("q", id.toString());
    q.put("from", month);
    q.put("to", month);
    q.putAll(filters.query());
    return "/transactions?" + Params.query(q);
  }

  private static String query(Map<String, String[]> params) {
    List<String> parts = new ArrayList<>();
    params.forEach(
        (k, values) -> {
          if (k.equals("format")) {
            return;
          }
          for (String v : values) {
            parts.add(Params.query(Map.of(k, v)));
          }
        });
    return String.join("&", parts);
  }

  private static Map<String, Object> series(String name, List<Object> values) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("name", name);
    s.put("values", values);
    s.put("stack", "refunds");
    return s;
  }

  /** A rule as people read it, with its seed id. */
  static String label(RefundRule rule) {
    return switch (rule) {
      case FULL_WITHIN_30_DAYS -> "Full, days 0–30 (SR-F1)";
      case DISCRETIONARY_31_TO_60_DAYS -> "Discretionary, days 31–60 (SR-F2)";
      case PARTNER_APPROVAL_31_TO_60_DAYS -> "Partner approval, days 31–60 (SR-F2)";
      case UPGRADE_REALLOCATION_31_TO_90_DAYS -> "Upgrade reallocation, days 31–90 (SR-F3)";
      case OUTSIDE_POLICY -> "Outside the policy (SR-F4)";
      case UNLINKED -> "Unlinked";
    };
  }
}
