package dev.marketlens.web.customers;

import dev.marketlens.metrics.customers.CustomerMonth;
import dev.marketlens.web.revenue.Filters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/customers} and {@code GET /api/v1/customers/{key}}: the customers behind a
 * month's MRR and movements, and one customer's MRR by month, licenses, transaction lines and
 * record versions, over the accounts the caller may see. Money in integer cents.
 */
@RestController
@Tag(name = "Customers", description = "Customers as the metrics key them")
class CustomersApi {
  private final CustomerBook customers;
  private final Clock clock;

  CustomersApi(CustomerBook customers, Clock clock) {
    this.customers = customers;
    this.clock = clock;
  }

  @GetMapping("/api/v1/customers")
  @Operation(
      summary = "Customers of a month",
      description =
          "The customers paying at the end of month (default: to), or with movement=new,"
              + " expansion, contraction, churn or reactivation those that made it, with the amount"
              + " (the amounts add up to the movements report's figure). Parameters: month"
              + " (YYYY-MM), movement, q (search in the customer key), sort (customer, openingMrr,"
              + " closingMrr, movement, amount), dir (asc|desc), page, size (25, 50, 100), and the"
              + " global filters (account, app, hosting, tier, …). movementTotal and mrrTotal sum"
              + " every listed customer, not only the page.")
  Map<String, Object> list(HttpServletRequest request, Authentication user) {
    Filters filters = Filters.of(request.getParameterMap(), LocalDate.now(clock));
    CustomerQuery query = CustomerQuery.of(filters, request.getParameterMap());
    CustomerBook.Listing listing = customers.list(user, query);
    List<Map<String, Object>> items = new ArrayList<>();
    for (CustomerMonth c : listing.items()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("customer", c.customer());
      item.put("month", c.month().toString());
      item.put("openingMrr", c.openingMrr());
      item.put("closingMrr", c.closingMrr());
      item.put("movement", c.movement().label());
      item.put("amount", c.amount());
      items.add(item);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("month", query.month().toString());
    body.put("movement", query.movement() == null ? null : query.movement().label());
    body.put("items", items);
    body.put("total", listing.total());
    body.put("page", listing.page());
    body.put("size", listing.size());
    body.put("movementTotal", listing.movementTotal());
    body.put("mrrTotal", listing.mrrTotal());
    return body;
  }

  @GetMapping("/api/v1/customers/{key}")
  @Operation(
      summary = "One customer",
      description =
          "MRR at each month-end from–to with the movement into it, the license lineages and"
              + " ids and counted line item ids the metrics give the customer, its stored licenses"
              + " and transaction lines, and every version of those records with the fields that"
              + " changed. 404 when no account the caller may see has the customer.")
  Map<String, Object> one(
      @PathVariable String key, HttpServletRequest request, Authentication user) {
    Filters filters = Filters.of(request.getParameterMap(), LocalDate.now(clock));
    CustomerBook.Detail d = customers.detail(user, filters, key);
    List<Map<String, Object>> mrr = new ArrayList<>();
    d.mrr()
        .forEach(
            m -> {
              Map<String, Object> row = new LinkedHashMap<>();
              row.put("month", m.month().toString());
              row.put("mrr", m.mrr());
              row.put("movement", m.movement().label());
              mrr.add(row);
            });
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("customer", d.customer());
    body.put("mrr", mrr);
    body.put("lineages", d.records().lineages());
    body.put("licenseIds", d.records().licenseIds());
    body.put("lineItemIds", d.records().lineItemIds());
    body.put("licenses", d.licenses());
    body.put("transactions", d.transactions());
    body.put("versions", d.versions());
    return body;
  }
}
