package dev.marketlens.web.transactions;

import static dev.marketlens.web.Params.bad;
import static dev.marketlens.web.Params.first;
import static dev.marketlens.web.Params.number;

import dev.marketlens.metrics.segments.Dimension;
import dev.marketlens.metrics.segments.Where;
import dev.marketlens.store.RecordSearch;
import dev.marketlens.store.RecordSearch.Table;
import dev.marketlens.web.Params;
import dev.marketlens.web.revenue.Filters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One request for a record table: the global filters (account, the dimensions that are columns, the
 * months as a date range), the search text {@code q}, the table's own filters ({@code saleType};
 * {@code status}, {@code licenseType}), {@code sort} and {@code dir}, {@code page} and {@code
 * size}. A bad value is a 400 that names the parameter and the value.
 */
public record RecordQuery(
    Table table,
    Filters filters,
    String q,
    Map<String, String> own,
    String sort,
    boolean descending,
    int page,
    int size) {

  static final List<Integer> SIZES = List.of(25, 50, 100);

  /** The parameters of the table's own filters. */
  static List<String> ownFilters(Table table) {
    return table == Table.TRANSACTIONS ? List.of("saleType") : List.of("status", "licenseType");
  }

  /** Global dimensions that are columns of the table, by the store's filter name. */
  private static final Map<Dimension, String> DIMENSIONS =
      Map.of(
          Dimension.APP, "app",
          Dimension.HOSTING, "hosting",
          Dimension.TIER, "tier",
          Dimension.COUNTRY, "country",
          Dimension.REGION, "region",
          Dimension.SALE_CHANNEL, "saleChannel",
          Dimension.BILLING_PERIOD, "billingPeriod",
          Dimension.EDITION, "edition");

  static RecordQuery of(Table table, Filters filters, Map<String, String[]> params) {
    String q = first(params, "q");
    Map<String, String> own = new LinkedHashMap<>();
    for (String name : ownFilters(table)) {
      String v = first(params, name);
      if (v != null && !v.isBlank()) {
        own.put(name, v.strip());
      }
    }
    String sort = first(params, "sort");
    if (sort == null || sort.isBlank()) {
      sort = RecordSearch.defaultSort(table);
    } else {
      String wanted = sort.strip();
      if (RecordSearch.columns(table).stream().noneMatch(c -> c.name().equals(wanted))) {
        throw bad(RecordSearch.unknownSort(table, wanted));
      }
      sort = wanted;
    }
    String dir = first(params, "dir");
    boolean descending;
    if (dir == null || dir.isBlank()) {
      descending = first(params, "sort") == null || first(params, "sort").isBlank();
    } else if (dir.strip().equalsIgnoreCase("asc")) {
      descending = false;
    } else if (dir.strip().equalsIgnoreCase("desc")) {
      descending = true;
    } else {
      throw bad("dir must be asc or desc, not '" + dir + "'");
    }
    int page = number(params, "page", 1);
    if (page < 1) {
      throw bad("page must be 1 or more, not '" + first(params, "page") + "'");
    }
    int size = number(params, "size", 25);
    if (!SIZES.contains(size)) {
      throw bad("size must be one of 25, 50, 100, not '" + first(params, "size") + "'");
    }
    return new RecordQuery(
        table, filters, q == null ? "" : q.strip(), Map.copyOf(own), sort, descending, page, size);
  }

  /** The store's criteria over these accounts. */
  RecordSearch.Criteria criteria(Set<Long> accounts) {
    Set<String> known = RecordSearch.filters(table);
    Map<String, String> values = new LinkedHashMap<>();
    for (Where w : filters.where()) {
      String name = DIMENSIONS.get(w.dimension());
      if (name != null && known.contains(name)) {
        values.put(name, w.value());
      }
    }
    values.putAll(own);
    return new RecordSearch.Criteria(
        accounts,
        q,
        values,
        filters.from().atDay(1),
        filters.to().plusMonths(1).atDay(1),
        sort,
        descending);
  }

  /** The global filters this table has no column for (they do not narrow its rows). */
  public List<String> ignored() {
    Set<String> known = RecordSearch.filters(table);
    return filters.where().stream()
        .filter(w -> !known.contains(DIMENSIONS.getOrDefault(w.dimension(), "")))
        .map(w -> w.dimension().cliName())
        .distinct()
        .toList();
  }

  long offset() {
    return (long) (page - 1) * size;
  }

  /** What the rows are filtered by, for the audit log. */
  String describe() {
    return "from="
        + filters.from()
        + " to="
        + filters.to()
        + filters.query().entrySet().stream()
            .map(e -> " " + e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining())
        + own.entrySet().stream()
            .map(e -> " " + e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining())
        + (q.isEmpty() ? "" : " q=" + q)
        + " sort="
        + sort
        + (descending ? " desc" : " asc");
  }

  /** The global filters alone as a query string, for links to other pages. */
  String globalQuery() {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("from", filters.from().toString());
    p.put("to", filters.to().toString());
    p.putAll(filters.query());
    return Params.query(p);
  }

  /**
   * The query string of this request with some parameters changed (null removes one): for the sort
   * headers, the pager and the CSV link.
   */
  String with(Map<String, String> changes) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("from", filters.from().toString());
    p.put("to", filters.to().toString());
    p.putAll(filters.query());
    if (!q.isEmpty()) {
      p.put("q", q);
    }
    p.putAll(own);
    p.put("sort", sort);
    p.put("dir", descending ? "desc" : "asc");
    p.put("page", Integer.toString(page));
    p.put("size", Integer.toString(size));
    return Params.query(p, changes);
  }
}
