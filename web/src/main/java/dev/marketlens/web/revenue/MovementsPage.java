package dev.marketlens.web.revenue;

import dev.marketlens.metrics.report.ReportTable;
import dev.marketlens.metrics.segments.Dimension;
import dev.marketlens.web.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * {@code /revenue/movements}: MRR movements over time — new, expansion and reactivation above zero,
 * contraction and churn below, the closing MRR as a line — and per month (and segment, with {@code
 * by}) the movements, churn rates and NRR/GRR, each movement linking to the customers behind it.
 */
@Page
class MovementsPage {
  /** The movements: their parameter on {@code /customers}, label, report field and sign. */
  record Movement(String key, String label, String field, int sign) {}

  static final List<Movement> MOVEMENTS =
      List.of(
          new Movement("new", "New", "newMrr", 1),
          new Movement("expansion", "Expansion", "expansionMrr", 1),
          new Movement("reactivation", "Reactivation", "reactivationMrr", 1),
          new Movement("contraction", "Contraction", "contractionMrr", -1),
          new Movement("churn", "Churn", "churnedMrr", -1));

  private final Reports reports;
  private final JsonMapper json;

  MovementsPage(Reports reports, JsonMapper json) {
    this.reports = reports;
    this.json = json;
  }

  @GetMapping("/revenue/movements")
  String movements(@ModelAttribute("filters") Filters filters, Authentication user, Model model) {
    List<Map<String, Object>> movements = reports.rows(user, filters, ReportTable.Kind.MOVEMENTS);
    List<Map<String, Object>> churn = reports.rows(user, filters, ReportTable.Kind.CHURN);
    List<Map<String, Object>> nrr = reports.rows(user, filters, ReportTable.Kind.NRR);
    List<Map<String, Object>> whole =
        filters.by().isPresent()
            ? reports.rows(user, filters.unsegmented(), ReportTable.Kind.MOVEMENTS)
            : movements;
    // Each table row: the report values by field, and each movement's drill-down link.
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = 0; i < movements.size(); i++) {
      Map<String, Object> values = new LinkedHashMap<>(movements.get(i));
      if (i < churn.size()) {
        values.putAll(churn.get(i));
      }
      if (i < nrr.size()) {
        values.putAll(nrr.get(i));
      }
      rows.add(Map.of("values", values, "links", links(filters, values)));
    }
    model.addAttribute("empty", isEmpty(whole));
    model.addAttribute("rows", rows);
    List<Map<String, Object>> columns = new ArrayList<>();
    for (Movement m : MOVEMENTS) {
      columns.add(Map.of("key", m.key(), "label", m.label(), "field", m.field()));
    }
    model.addAttribute("movements", columns);
    model.addAttribute("segmented", filters.by().isPresent());
    model.addAttribute("by", filters.by().map(Dimension::cliName).orElse(""));
    model.addAttribute("dimensions", Dimension.values());
    model.addAttribute("chart", json.writeValueAsString(chart(whole)));
    model.addAttribute("drill", "/customers?month={x}&movement={series}&" + filters.keep());
    return "revenue/movements";
  }

  /** No MRR and no movement in any month: nothing to show. */
  static boolean isEmpty(List<Map<String, Object>> movements) {
    for (Map<String, Object> r : movements) {
      if (Charts.number(r, "openingMrr") != 0 || Charts.number(r, "closingMrr") != 0) {
        return false;
      }
      for (Movement m : MOVEMENTS) {
        if (Charts.number(r, m.field()) != 0) {
          return false;
        }
      }
    }
    return true;
  }

  /** Each movement's customers: {@code /customers?month=…&movement=…} with the filters. */
  private static Map<String, String> links(Filters filters, Map<String, Object> row) {
    String segment = "";
    Object s = row.get("segment");
    if (filters.by().isPresent() && s != null) {
      segment =
          "&"
              + filters.by().get().cliName()
              + "="
              + URLEncoder.encode(s.toString(), StandardCharsets.UTF_8);
    }
    Map<String, String> links = new LinkedHashMap<>();
    for (Movement m : MOVEMENTS) {
      links.put(
          m.key(),
          "/customers?month="
              + row.get("month")
              + "&movement="
              + m.key()
              + segment
              + "&"
              + filters.keep());
    }
    return links;
  }

  /** Stacked movements per month (losses negative) and the closing MRR as a line. */
  private static Map<String, Object> chart(List<Map<String, Object>> rows) {
    List<Map<String, Object>> series = new ArrayList<>();
    Map<String, String> labels = new LinkedHashMap<>();
    for (Movement m : MOVEMENTS) {
      series.add(
          Charts.series(m.key(), Charts.column(rows, r -> m.sign() * Charts.number(r, m.field()))));
      labels.put(m.key(), m.label());
    }
    Map<String, Object> chart = Charts.chart(Charts.column(rows, "month"), true, series);
    chart.put("line", Charts.series("Closing MRR", Charts.column(rows, "closingMrr")));
    chart.put("labels", labels);
    return chart;
  }
}
