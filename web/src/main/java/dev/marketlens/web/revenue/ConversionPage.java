package dev.marketlens.web.revenue;

import dev.marketlens.metrics.Ratio;
import dev.marketlens.metrics.conversion.DaysToConvert;
import dev.marketlens.metrics.report.ReportTable;
import dev.marketlens.web.Page;
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
 * {@code /revenue/conversion}: the evaluations started in the filters' months as a funnel
 * (evaluations, converted within the window, converted eventually), the conversion rate by month,
 * and how many days the conversions took, as a histogram and tables of the same numbers.
 */
@Page
class ConversionPage {
  private final Reports reports;
  private final JsonMapper json;

  ConversionPage(Reports reports, JsonMapper json) {
    this.reports = reports;
    this.json = json;
  }

  @GetMapping("/revenue/conversion")
  String conversion(@ModelAttribute("filters") Filters filters, Authentication user, Model model) {
    List<Map<String, Object>> rows = reports.rows(user, filters, ReportTable.Kind.CONVERSION);
    List<Map<String, Object>> days = reports.daysToConvert(user, filters);
    Filters whole = filters.unsegmented();
    List<Map<String, Object>> monthly =
        filters.by().isPresent() ? reports.rows(user, whole, ReportTable.Kind.CONVERSION) : rows;
    List<Map<String, Object>> daysMonthly =
        filters.by().isPresent() ? reports.daysToConvert(user, whole) : days;
    int window = filters.parameters().conversionWindowDays();

    long evaluations = Charts.sum(monthly, "evaluations");
    long converted = Charts.sum(monthly, "converted");
    long eventually = Charts.sum(monthly, "eventualConversions");
    Map<String, Object> totals = new LinkedHashMap<>();
    totals.put("evaluations", evaluations);
    totals.put("converted", converted);
    totals.put("eventualConversions", eventually);
    totals.put("conversionRate", Ratio.of(converted, evaluations));

    List<Map<String, Object>> steps = new ArrayList<>();
    steps.add(step("Evaluations", evaluations));
    steps.add(step("Converted within " + window + " days", converted));
    steps.add(step("Converted eventually", eventually));
    Map<String, Object> funnel = new LinkedHashMap<>();
    funnel.put("steps", steps);

    Map<String, Object> rate =
        Charts.chart(
            Charts.column(monthly, "month"),
            false,
            List.of(
                Charts.series("Conversion rate", Charts.column(monthly, "conversionRate")),
                Charts.series(
                    "Atlassian's rate (by evaluation end)",
                    Charts.column(monthly, "atlassianConversionRate"))));

    List<Map<String, Object>> buckets = new ArrayList<>();
    List<Object> labels = new ArrayList<>();
    List<Object> counts = new ArrayList<>();
    for (DaysToConvert.Bucket b : DaysToConvert.BUCKETS) {
      long count = Charts.sum(daysMonthly, b.field());
      buckets.add(Map.of("label", b.label(), "field", b.field(), "count", count));
      labels.add(b.label());
      counts.add(count);
    }
    Map<String, Object> histogram =
        Charts.chart(labels, false, List.of(Charts.series("Conversions", counts)));

    model.addAttribute("window", window);
    model.addAttribute("empty", evaluations == 0 && eventually == 0);
    model.addAttribute("totals", totals);
    model.addAttribute("rows", rows);
    model.addAttribute("days", days);
    model.addAttribute("buckets", buckets);
    model.addAttribute("segmented", filters.by().isPresent());
    model.addAttribute("funnel", json.writeValueAsString(funnel));
    model.addAttribute("rate", json.writeValueAsString(rate));
    model.addAttribute("histogram", json.writeValueAsString(histogram));
    return "revenue/conversion";
  }

  private static Map<String, Object> step(String name, long value) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("name", name);
    s.put("value", value);
    return s;
  }
}
