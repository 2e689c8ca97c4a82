package dev.marketlens.web.payouts;

import dev.marketlens.payouts.refunds.LicenseChecks;
import dev.marketlens.web.Page;
import dev.marketlens.web.revenue.Filters;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /payouts/license-checks}: the findings of checking licenses against their transactions,
 * counted by kind (a chart and links that keep one kind) and listed; the rows {@code GET
 * /api/v1/license-checks} returns.
 */
@Page
class LicenseChecksPage {
  private final RefundTables tables;
  private final JsonMapper json;

  LicenseChecksPage(RefundTables tables, JsonMapper json) {
    this.tables = tables;
    this.json = json;
  }

  @GetMapping("/payouts/license-checks")
  String licenseChecks(
      @ModelAttribute("filters") Filters filters,
      HttpServletRequest request,
      Authentication user,
      Model model) {
    Map<String, String[]> params = request.getParameterMap();
    Set<LicenseChecks.Kind> kinds = RefundTables.kinds(params);
    List<Map<String, Object>> rows = tables.licenseChecks(user, params).objects();
    Map<LicenseChecks.Kind, Integer> counts = tables.counts(user, filters);
    String keep = filters.keep();
    List<Map<String, Object>> kindLinks = new ArrayList<>();
    List<Object> x = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    counts.forEach(
        (kind, n) -> {
          Map<String, Object> link = new LinkedHashMap<>();
          link.put("name", kind.cliName());
          link.put("label", label(kind));
          link.put("count", n);
          link.put("href", "/payouts/license-checks?kind=" + kind.cliName() + "&" + keep);
          link.put("active", kinds.contains(kind));
          kindLinks.add(link);
          x.add(label(kind));
          values.add(n);
        });
    Map<String, Object> series = new LinkedHashMap<>();
    series.put("name", "Findings");
    series.put("values", values);
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("x", x);
    chart.put("series", List.of(series));
    chart.put("money", false);
    List<Map<String, Object>> findings = new ArrayList<>(rows.size());
    for (Map<String, Object> r : rows) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("values", r);
      f.put("key", key(r));
      f.put("licenseHref", "/licenses?q=" + encode(r.get("license")));
      f.put(
          "transactionHref",
          r.get("transactionId") == null
              ? null
              : "/transactions?q=" + encode(r.get("transactionId")) + "&from=2010-01");
      findings.add(f);
    }
    model.addAttribute("findings", findings);
    model.addAttribute("kindLinks", kindLinks);
    model.addAttribute("filtered", !kinds.isEmpty());
    model.addAttribute("total", counts.values().stream().mapToInt(Integer::intValue).sum());
    model.addAttribute("chart", json.writeValueAsString(chart));
    model.addAttribute(
        "csvUrl",
        "/api/v1/license-checks?format=csv"
            + (filters.account() == null ? "" : "&account=" + encode(filters.account()))
            + kinds.stream().map(k -> "&kind=" + k.cliName()).reduce("", String::concat));
    return "payouts/license-checks";
  }

  /** A finding's key: kind, license, line and date (the same license can have several). */
  static String key(Map<String, Object> row) {
    return row.get("kind")
        + "|"
        + row.get("license")
        + "|"
        + (row.get("transactionLineItemId") == null ? "" : row.get("transactionLineItemId"))
        + "|"
        + (row.get("date") == null ? "" : row.get("date"));
  }

  private static String encode(Object value) {
    return java.net.URLEncoder.encode(
        String.valueOf(value), java.nio.charset.StandardCharsets.UTF_8);
  }

  static String label(LicenseChecks.Kind kind) {
    return switch (kind) {
      case MAINTENANCE_BEYOND_PAID -> "Maintenance beyond what was paid";
      case MAINTENANCE_GAP -> "Gap between maintenance periods";
      case TIER_MISMATCH -> "Tier differs from the latest sale";
      case LICENSE_WITHOUT_TRANSACTIONS -> "Paid license without transactions";
      case TRANSACTION_WITHOUT_LICENSE -> "Transactions without a license";
    };
  }
}
