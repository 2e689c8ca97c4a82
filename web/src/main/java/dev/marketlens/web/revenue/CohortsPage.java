package dev.marketlens.web.revenue;

import dev.marketlens.metrics.cohorts.Cohort;
import dev.marketlens.metrics.report.ReportTable;
import dev.marketlens.web.Page;
import dev.marketlens.web.Params;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /revenue/cohorts}: retention of the cohorts of units by first paying month, {@code
 * measure=logos} (the share still paying) or {@code revenue} (the share of their first month's
 * MRR), as a heatmap and a table of the same numbers.
 */
@Page
class CohortsPage {
  private final Reports reports;
  private final JsonMapper json;

  CohortsPage(Reports reports, JsonMapper json) {
    this.reports = reports;
    this.json = json;
  }

  @GetMapping("/revenue/cohorts")
  String cohorts(
      @ModelAttribute("filters") Filters filters,
      @RequestParam(defaultValue = "logos") String measure,
      Authentication user,
      Model model) {
    Cohort.Measure m;
    try {
      m = Cohort.Measure.parse(measure.strip());
    } catch (IllegalArgumentException e) {
      throw Params.bad("measure: " + e.getMessage());
    }
    List<Map<String, Object>> rows = reports.rows(user, filters, ReportTable.Kind.COHORTS, m, 90);
    int offsets = 0;
    boolean empty = true;
    for (Map<String, Object> r : rows) {
      offsets = Math.max(offsets, retention(r).size());
      empty &= Charts.number(r, "size") == 0;
    }
    List<Integer> columns = new ArrayList<>();
    for (int k = 0; k < offsets; k++) {
      columns.add(k);
    }
    model.addAttribute("measure", m.name().toLowerCase(Locale.ROOT));
    model.addAttribute("rows", rows);
    model.addAttribute("offsets", columns);
    model.addAttribute("segmented", filters.by().isPresent());
    model.addAttribute("empty", empty);
    model.addAttribute("chart", json.writeValueAsString(heatmap(rows, columns)));
    return "revenue/cohorts";
  }

  static List<?> retention(Map<String, Object> row) {
    return row.get("retention") instanceof List<?> l ? l : List.of();
  }

  /** Cohorts down, months since the first payment across, the rate in each cell. */
  private static Map<String, Object> heatmap(
      List<Map<String, Object>> rows, List<Integer> offsets) {
    List<String> y = new ArrayList<>();
    List<List<Object>> cells = new ArrayList<>();
    BigDecimal max = BigDecimal.ONE;
    for (int i = 0; i < rows.size(); i++) {
      Map<String, Object> r = rows.get(i);
      Object segment = r.get("segment");
      y.add(r.get("cohort") + (segment == null ? "" : " · " + segment));
      List<?> retention = retention(r);
      for (int k = 0; k < retention.size(); k++) {
        if (retention.get(k) instanceof BigDecimal rate) {
          cells.add(List.of(k, i, rate));
          max = max.max(rate);
        }
      }
    }
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("x", offsets.stream().map(String::valueOf).toList());
    chart.put("y", y);
    chart.put("cells", cells);
    chart.put("max", max);
    return chart;
  }
}
