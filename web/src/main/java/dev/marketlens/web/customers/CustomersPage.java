package dev.marketlens.web.customers;

import dev.marketlens.metrics.customers.CustomerMonth;
import dev.marketlens.metrics.customers.CustomerMrr;
import dev.marketlens.metrics.customers.MovementKind;
import dev.marketlens.web.Page;
import dev.marketlens.web.revenue.Filters;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /customers}: the customers paying at a month's end, or those behind one of the month's
 * movements with its amount, their total equal to the movements report's; {@code /customers/{key}}:
 * one customer's MRR over time and the timeline of its records and versions.
 */
@Page
class CustomersPage {
  private final CustomerBook customers;
  private final JsonMapper json;
  private final Clock clock;

  CustomersPage(CustomerBook customers, JsonMapper json, Clock clock) {
    this.customers = customers;
    this.json = json;
    this.clock = clock;
  }

  @GetMapping("/customers")
  String list(HttpServletRequest request, Authentication user, Model model) {
    Filters filters = Filters.of(request.getParameterMap(), LocalDate.now(clock));
    CustomerQuery query = CustomerQuery.of(filters, request.getParameterMap());
    CustomerBook.Listing listing = customers.list(user, query);
    String keep = keep(query);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (CustomerMonth c : listing.items()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("customer", c.customer());
      row.put("url", url(c.customer(), keep));
      row.put("openingMrr", c.openingMrr());
      row.put("closingMrr", c.closingMrr());
      row.put("movement", c.movement().label());
      row.put("amount", c.amount());
      rows.add(row);
    }
    Map<String, String> sortLinks = new LinkedHashMap<>();
    for (String s : CustomerQuery.SORTS) {
      boolean current = s.equals(query.sort());
      sortLinks.put(
          s,
          "/customers?"
              + query.with(
                  Map.of(
                      "sort",
                      s,
                      "dir",
                      current && query.descending() ? "asc" : "desc",
                      "page",
                      "1")));
    }
    Map<String, String> hidden = new LinkedHashMap<>();
    hidden.put("from", filters.from().toString());
    hidden.put("to", filters.to().toString());
    hidden.putAll(filters.query());
    model.addAttribute("query", query);
    model.addAttribute("listing", listing);
    model.addAttribute("rows", rows);
    model.addAttribute("sortLinks", sortLinks);
    model.addAttribute("hidden", hidden);
    model.addAttribute("sizes", CustomerQuery.SIZES);
    model.addAttribute(
        "movements",
        Arrays.stream(MovementKind.values())
            .filter(k -> k != MovementKind.NONE)
            .map(MovementKind::label)
            .toList());
    model.addAttribute(
        "previousUrl",
        listing.page() > 1
            ? "/customers?" + query.with(Map.of("page", Integer.toString(listing.page() - 1)))
            : null);
    model.addAttribute(
        "nextUrl",
        listing.page() < listing.pages()
            ? "/customers?" + query.with(Map.of("page", Integer.toString(listing.page() + 1)))
            : null);
    return "true".equals(request.getHeader("HX-Request")) ? "customers :: table" : "customers";
  }

  @GetMapping("/customers/{key}")
  String customer(
      @PathVariable String key, HttpServletRequest request, Authentication user, Model model) {
    Filters filters = Filters.of(request.getParameterMap(), LocalDate.now(clock));
    CustomerBook.Detail detail = customers.detail(user, filters, key);
    List<Object> months = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    for (CustomerMrr m : detail.mrr()) {
      months.add(m.month().toString());
      values.add(m.mrr());
    }
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("x", months);
    chart.put("series", List.of(Map.of("name", "MRR", "values", values)));
    chart.put("money", true);
    model.addAttribute("detail", detail);
    model.addAttribute(
        "current", detail.mrr().isEmpty() ? null : detail.mrr().get(detail.mrr().size() - 1));
    model.addAttribute("chart", json.writeValueAsString(chart));
    return "customer";
  }

  private static String keep(CustomerQuery query) {
    return query.with(Map.of()).replaceAll("&(month|movement|q|sort|dir|page|size)=[^&]*", "");
  }

  static String url(String customer, String keep) {
    return "/customers/" + UriUtils.encodePathSegment(customer, "UTF-8") + "?" + keep;
  }
}
