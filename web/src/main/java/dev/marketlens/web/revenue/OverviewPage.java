package dev.marketlens.web.revenue;

import dev.marketlens.metrics.report.ReportTable;
import dev.marketlens.web.Page;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /}: how the business is doing in the filters' last month — MRR and ARR with their trend,
 * the month's movements as a waterfall, customers, ARPC, churn, NRR/GRR, evaluations and
 * conversion, refunds — each tile linking to its detail.
 */
@Page
class OverviewPage {
  private final Reports reports;
  private final JsonMapper json;

  OverviewPage(Reports reports, JsonMapper json) {
    this.reports = reports;
    this.json = json;
  }

  @GetMapping("/")
  String overview(@ModelAttribute("filters") Filters filters, Authentication user, Model model) {
    YearMonth month = filters.to();
    Filters unsegmented =
        new Filters(
            filters.from(),
            filters.to(),
            filters.account(),
            filters.basis(),
            filters.graceDays(),
            java.util.Optional.empty(),
            filters.where(),
            filters.asOf());
    List<Map<String, Object>> mrr = reports.rows(user, unsegmented, ReportTable.Kind.MRR);
    Filters thisMonth = unsegmented.months(month, month);
    Map<String, Object> movements =
        Reports.last(reports.rows(user, thisMonth, ReportTable.Kind.MOVEMENTS));
    Map<String, Object> churn = Reports.last(reports.rows(user, thisMonth, ReportTable.Kind.CHURN));
    Map<String, Object> nrr = Reports.last(reports.rows(user, thisMonth, ReportTable.Kind.NRR));
    Map<String, Object> conversion =
        Reports.last(reports.rows(user, thisMonth, ReportTable.Kind.CONVERSION));
    long refunds = 0;
    long refunded = 0;
    for (Map<String, Object> line : reports.rows(user, thisMonth, ReportTable.Kind.LEDGER)) {
      if ("Refund".equalsIgnoreCase(String.valueOf(line.get("saleType")))) {
        refunds++;
        refunded += ((Number) line.get("vendorAmount")).longValue();
      }
    }
    Map<String, Object> current = Reports.last(mrr);
    Map<String, Object> previous = mrr.size() < 2 ? Map.of() : mrr.get(mrr.size() - 2);
    model.addAttribute("month", month);
    model.addAttribute("mrr", current);
    model.addAttribute("previousMrr", previous.get("mrr"));
    model.addAttribute("movements", movements);
    model.addAttribute("churn", churn);
    model.addAttribute("nrr", nrr);
    model.addAttribute("conversion", conversion);
    model.addAttribute("refunds", refunds);
    model.addAttribute("refunded", refunded);
    model.addAttribute("trend", json.writeValueAsString(trend(mrr)));
    model.addAttribute("waterfall", json.writeValueAsString(waterfall(movements)));
    return "overview";
  }

  /** MRR by month, for the trend line. */
  private static Map<String, Object> trend(List<Map<String, Object>> mrr) {
    List<Object> months = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    for (Map<String, Object> row : mrr) {
      months.add(row.get("month"));
      values.add(row.get("mrr"));
    }
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("x", months);
    chart.put("series", List.of(Map.of("name", "MRR", "values", values)));
    chart.put("money", true);
    return chart;
  }

  /** Opening, each movement and closing MRR of one month, for the waterfall. */
  private static Map<String, Object> waterfall(Map<String, Object> m) {
    List<Map<String, Object>> steps = new ArrayList<>();
    if (!m.isEmpty()) {
      steps.add(step("Opening", m.get("openingMrr"), "total"));
      steps.add(step("New", m.get("newMrr"), "up"));
      steps.add(step("Expansion", m.get("expansionMrr"), "up"));
      steps.add(step("Reactivation", m.get("reactivationMrr"), "up"));
      steps.add(step("Contraction", m.get("contractionMrr"), "down"));
      steps.add(step("Churn", m.get("churnedMrr"), "down"));
      steps.add(step("Closing", m.get("closingMrr"), "total"));
    }
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("steps", steps);
    chart.put("money", true);
    return chart;
  }

  private static Map<String, Object> step(String label, Object cents, String kind) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("label", label);
    s.put("value", cents);
    s.put("kind", kind);
    return s;
  }
}
