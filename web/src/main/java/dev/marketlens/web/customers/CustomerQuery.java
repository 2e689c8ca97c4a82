package dev.marketlens.web.customers;

import static dev.marketlens.web.Params.bad;
import static dev.marketlens.web.Params.first;
import static dev.marketlens.web.Params.number;

import dev.marketlens.metrics.customers.CustomerMonth;
import dev.marketlens.metrics.customers.MovementKind;
import dev.marketlens.web.Params;
import dev.marketlens.web.revenue.Filters;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request for the customer list: the global filters, the {@code month} (default the filters'
 * last), the {@code movement} to list (new, expansion, contraction, churn, reactivation; none for
 * every customer paying at the month's end), search {@code q} in the customer key, {@code sort} and
 * {@code dir}, {@code page} and {@code size}. A bad value is a 400 naming it.
 */
public record CustomerQuery(
    Filters filters,
    YearMonth month,
    MovementKind movement,
    String q,
    String sort,
    boolean descending,
    int page,
    int size) {

  static final List<String> SORTS =
      List.of("customer", "openingMrr", "closingMrr", "movement", "amount");
  static final List<Integer> SIZES = List.of(25, 50, 100);

  static CustomerQuery of(Filters filters, Map<String, String[]> params) {
    YearMonth month = filters.to();
    String m = first(params, "month");
    if (m != null && !m.isBlank()) {
      try {
        month = YearMonth.parse(m.strip());
      } catch (DateTimeParseException e) {
        throw bad("month must be YYYY-MM, not '" + m + "'");
      }
    }
    MovementKind movement = null;
    String mv = first(params, "movement");
    if (mv != null && !mv.isBlank()) {
      try {
        movement = MovementKind.parse(mv);
      } catch (IllegalArgumentException e) {
        throw bad(e.getMessage());
      }
      if (movement == MovementKind.NONE) {
        throw bad(
            "movement must be new, expansion, contraction, churn or reactivation, not 'none'");
      }
    }
    String sort = first(params, "sort");
    boolean sorted = sort != null && !sort.isBlank();
    if (!sorted) {
      sort = movement == null ? "closingMrr" : "amount";
    } else if (!SORTS.contains(sort.strip())) {
      throw bad("sort must be one of " + String.join(", ", SORTS) + ", not '" + sort + "'");
    }
    String dir = first(params, "dir");
    boolean descending;
    if (dir == null || dir.isBlank()) {
      descending = !sorted || !sort.strip().equals("customer");
    } else if (dir.strip().equalsIgnoreCase("asc") || dir.strip().equalsIgnoreCase("desc")) {
      descending = dir.strip().equalsIgnoreCase("desc");
    } else {
      throw bad("dir must be asc or desc, not '" + dir + "'");
    }
    int page = number(params, "page", 1);
    if (page < 1) {
      throw bad("page must be 1 or more, not '" + first(params, "page") + "'");
    }
    int size = number(params, "size", 50);
    if (!SIZES.contains(size)) {
      throw bad("size must be one of 25, 50, 100, not '" + first(params, "size") + "'");
    }
    String q = first(params, "q");
    return new CustomerQuery(
        filters, month, movement, q == null ? "" : q.strip(), sort.strip(), descending, page, size);
  }

  /** Whether a customer of the month is listed: its movement (or paying), and the search. */
  boolean lists(CustomerMonth c) {
    boolean kind = movement == null ? c.closingMrr() > 0 : c.movement() == movement;
    return kind
        && (q.isEmpty()
            || c.customer().toLowerCase(Locale.ROOT).contains(q.toLowerCase(Locale.ROOT)));
  }

  Comparator<CustomerMonth> order() {
    Comparator<CustomerMonth> by =
        switch (sort) {
          case "customer" -> Comparator.comparing(CustomerMonth::customer);
          case "openingMrr" -> Comparator.comparingLong(CustomerMonth::openingMrr);
          case "closingMrr" -> Comparator.comparingLong(CustomerMonth::closingMrr);
          case "movement" -> Comparator.comparing(CustomerMonth::movement);
          default -> Comparator.comparingLong(CustomerMonth::amount);
        };
    by = descending ? by.reversed() : by;
    return by.thenComparing(CustomerMonth::customer);
  }

  /** This request's query string with some parameters changed (null removes one). */
  String with(Map<String, String> changes) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("from", filters.from().toString());
    p.put("to", filters.to().toString());
    p.putAll(filters.query());
    p.put("month", month.toString());
    if (movement != null) {
      p.put("movement", movement.label());
    }
    if (!q.isEmpty()) {
      p.put("q", q);
    }
    p.put("sort", sort);
    p.put("dir", descending ? "desc" : "asc");
    p.put("page", Integer.toString(page));
    p.put("size", Integer.toString(size));
    return Params.query(p, changes);
  }
}
