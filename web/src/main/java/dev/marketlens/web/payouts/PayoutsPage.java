package dev.marketlens.web.payouts;

import dev.marketlens.payouts.monthly.ShareCheck;
import dev.marketlens.web.Page;
import dev.marketlens.web.revenue.Filters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /payouts}: the payouts calendar of the accounts in view — each month's sales, refunds and
 * the amount paid with its payment date as a chart, the next payment, the balance waiting for $500,
 * and the ledger table — from the rows {@code GET /api/v1/payouts} and {@code
 * /api/v1/payouts/forecast} return. The months, account and as-of filters apply; the dimension
 * filters (app, hosting …) do not, since a payout is per vendor account.
 */
@Page
class PayoutsPage {
  private final MonthlyPayouts payouts;
  private final JsonMapper json;

  PayoutsPage(MonthlyPayouts payouts, JsonMapper json) {
    this.payouts = payouts;
    this.json = json;
  }

  @GetMapping("/payouts")
  String payouts(@ModelAttribute("filters") Filters filters, Authentication user, Model model) {
    List<Map<String, Object>> rows = payouts.ledger(user, filters).objects();
    List<Map<String, Object>> forecast = payouts.forecast(user, filters).objects();
    ShareCheck.Summary share = payouts.shareSummary(user, filters);

    // The chart sums the accounts month by month; a month's payment date is the same for all.
    Map<String, long[]> byMonth = new TreeMap<>();
    Map<String, Object> dates = new TreeMap<>();
    for (Map<String, Object> r : rows) {
      String month = (String) r.get("month");
      long[] m = byMonth.computeIfAbsent(month, k -> new long[4]);
      m[0] += number(r, "sales");
      m[1] += number(r, "refunds");
      m[2] += number(r, "paid");
      m[3] += number(r, "carriedOut");
      if (r.get("expectedPaymentDate") != null) {
        dates.put(month, r.get("expectedPaymentDate"));
      }
    }
    List<Object> x = new ArrayList<>(byMonth.keySet());
    List<Object> sales = new ArrayList<>();
    List<Object> refunds = new ArrayList<>();
    List<Object> paid = new ArrayList<>();
    List<Object> carried = new ArrayList<>();
    List<Object> paymentDates = new ArrayList<>();
    byMonth.forEach(
        (month, m) -> {
          sales.add(m[0]);
          refunds.add(m[1]);
          paid.add(m[2]);
          carried.add(m[3]);
          paymentDates.add(dates.get(month));
        });
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("x", x);
    chart.put("money", true);
    chart.put(
        "series",
        List.of(
            series("Sales (MPV)", sales, "bar", "flow"),
            series("Refunds (MPVCR)", refunds, "bar", "flow"),
            series("Paid", paid, "bar", null),
            series("Carried over", carried, "line", null)));
    chart.put("dates", paymentDates);

    // Tiles: the next payment (the earliest coming date), the balance below $500, the months'
    // payments made and refunds.
    Object nextDate = null;
    long nextAmount = 0;
    long waiting = 0;
    for (Map<String, Object> f : forecast) {
      Object date = f.get("expectedPaymentDate");
      if (date == null) {
        waiting += number(f, "amount");
      } else if (nextDate == null || date.toString().compareTo(nextDate.toString()) < 0) {
        nextDate = date;
        nextAmount = number(f, "amount");
      } else if (date.equals(nextDate)) {
        nextAmount += number(f, "amount");
      }
    }
    long paidTotal = 0;
    long refundsTotal = 0;
    for (Map<String, Object> r : rows) {
      if ("paid".equals(r.get("status"))) {
        paidTotal += number(r, "paid");
      }
      refundsTotal += number(r, "refunds");
    }
    model.addAttribute("rows", rows);
    model.addAttribute("forecast", forecast);
    model.addAttribute("nextDate", nextDate);
    model.addAttribute("nextAmount", nextDate == null ? null : nextAmount);
    model.addAttribute("waiting", waiting);
    model.addAttribute("paidTotal", paidTotal);
    model.addAttribute("refundsTotal", refundsTotal);
    model.addAttribute("share", share);
    model.addAttribute("dimensionFilters", !filters.where().isEmpty() || filters.by().isPresent());
    model.addAttribute("empty", rows.isEmpty() && forecast.isEmpty());
    model.addAttribute("calendar", json.writeValueAsString(chart));
    return "payouts/monthly";
  }

  private static Map<String, Object> series(
      String name, List<Object> values, String type, String stack) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("name", name);
    s.put("values", values);
    s.put("type", type);
    if (stack != null) {
      s.put("stack", stack);
    }
    return s;
  }

  private static long number(Map<String, Object> row, String field) {
    return row.get(field) instanceof Number n ? n.longValue() : 0L;
  }
}
