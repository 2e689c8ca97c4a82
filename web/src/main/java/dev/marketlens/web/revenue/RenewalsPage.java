package dev.marketlens.web.revenue;

import dev.marketlens.metrics.cohorts.Cohort;
import dev.marketlens.metrics.report.ReportTable;
import dev.marketlens.web.Page;
import dev.marketlens.web.Params;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /revenue/renewals}: the terms ending in each month and whether they renewed (logo, revenue
 * and net renewal rates; opportunities, renewed, pending), and the paid terms ending in the next
 * {@code days} days (30, 60, 90 or 180; default 90) not renewed yet, each linking to its customer.
 */
@Page
class RenewalsPage {
  static final List<Integer> DAYS = List.of(30, 60, 90, 180);

  private final Reports reports;
  private final JsonMapper json;

  RenewalsPage(Reports reports, JsonMapper json) {
    this.reports = reports;
    this.json = json;
  }

  @GetMapping("/revenue/renewals")
  String renewals(
      @ModelAttribute("filters") Filters filters,
      @RequestParam(defaultValue = "90") String days,
      Authentication user,
      Model model) {
    int ahead;
    try {
      ahead = Integer.parseInt(days.strip());
    } catch (NumberFormatException e) {
      throw Params.bad("days must be a number of days (30, 60, 90 or 180), not '" + days + "'");
    }
    if (ahead < 0 || ahead > 3650) {
      throw Params.bad("days must be 0–3650, not " + ahead);
    }
    List<Map<String, Object>> rows = reports.rows(user, filters, ReportTable.Kind.RENEWALS);
    List<Map<String, Object>> monthly =
        filters.by().isPresent()
            ? reports.rows(user, filters.unsegmented(), ReportTable.Kind.RENEWALS)
            : rows;
    List<Map<String, Object>> upcoming =
        reports.rows(user, filters, ReportTable.Kind.UPCOMING, Cohort.Measure.LOGOS, ahead);
    String keep = filters.keep();
    List<Map<String, Object>> due = new ArrayList<>();
    for (Map<String, Object> r : upcoming) {
      String customer = String.valueOf(r.get("customer"));
      due.add(
          Map.of(
              "values",
              r,
              "href",
              "/customers/"
                  + UriUtils.encodePathSegment(customer, StandardCharsets.UTF_8)
                  + "?"
                  + keep));
    }
    Map<String, Object> rates =
        Charts.chart(
            Charts.column(monthly, "month"),
            false,
            List.of(
                Charts.series("Logo renewal rate", Charts.column(monthly, "logoRenewalRate")),
                Charts.series("Revenue renewal rate", Charts.column(monthly, "revenueRenewalRate")),
                Charts.series("Net renewal rate", Charts.column(monthly, "netRenewalRate"))));
    Map<String, Object> counts =
        Charts.chart(
            Charts.column(monthly, "month"),
            false,
            List.of(
                Charts.series("Opportunities", Charts.column(monthly, "opportunities")),
                Charts.series("Renewed", Charts.column(monthly, "renewed")),
                Charts.series("Pending", Charts.column(monthly, "pending"))));
    Map<String, Object> totals = new LinkedHashMap<>();
    totals.put("terms", upcoming.size());
    totals.put("mrr", Charts.sum(upcoming, "mrr"));
    model.addAttribute("rows", rows);
    model.addAttribute("upcoming", due);
    model.addAttribute("upcomingTotals", totals);
    model.addAttribute("days", ahead);
    model.addAttribute("dayChoices", DAYS);
    model.addAttribute("segmented", filters.by().isPresent());
    model.addAttribute("empty", Charts.sum(monthly, "opportunities") == 0 && upcoming.isEmpty());
    model.addAttribute("rates", json.writeValueAsString(rates));
    model.addAttribute("counts", json.writeValueAsString(counts));
    return "revenue/renewals";
  }
}
