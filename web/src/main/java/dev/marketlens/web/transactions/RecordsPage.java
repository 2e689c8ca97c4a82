package dev.marketlens.web.transactions;

import dev.marketlens.model.LicenseStatus;
import dev.marketlens.model.LicenseType;
import dev.marketlens.model.SaleType;
import dev.marketlens.store.RecordSearch;
import dev.marketlens.store.RecordSearch.Table;
import dev.marketlens.web.Page;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.util.UriUtils;

/**
 * {@code /transactions} and {@code /licenses}: the stored records as a table with search, the
 * global and the table's own filters, sort by any column, pages and a CSV of all matching rows.
 * With htmx the table is replaced in place ({@code HX-Request}: only its fragment is sent); plain
 * links work the same.
 */
@Page
class RecordsPage {
  private final RecordTables tables;

  RecordsPage(RecordTables tables) {
    this.tables = tables;
  }

  @GetMapping("/transactions")
  String transactions(HttpServletRequest request, Authentication user, Model model) {
    return show(Table.TRANSACTIONS, request, user, model);
  }

  @GetMapping("/licenses")
  String licenses(HttpServletRequest request, Authentication user, Model model) {
    return show(Table.LICENSES, request, user, model);
  }

  private String show(Table table, HttpServletRequest request, Authentication user, Model model) {
    RecordQuery query = tables.query(table, request.getParameterMap());
    RecordTables.Page page = tables.page(user, query);
    String keep = query.globalQuery();
    List<Map<String, Object>> rows =
        page.items().stream()
            .map(
                item -> {
                  Map<String, Object> row = new HashMap<>(item);
                  Object customer = item.get("customer");
                  row.put(
                      "customerUrl",
                      customer == null
                          ? null
                          : "/customers/"
                              + UriUtils.encodePathSegment(customer.toString(), "UTF-8")
                              + "?"
                              + keep);
                  return row;
                })
            .toList();
    String name = table == Table.TRANSACTIONS ? "transactions" : "licenses";
    model.addAttribute("table", name);
    model.addAttribute("title", table == Table.TRANSACTIONS ? "Transactions" : "Licenses");
    model.addAttribute("columns", RecordSearch.columns(table));
    model.addAttribute("rows", rows);
    model.addAttribute("result", page);
    model.addAttribute("query", query);
    model.addAttribute("sizes", RecordQuery.SIZES);
    model.addAttribute("hidden", hidden(query));
    model.addAttribute("own", own(table));
    model.addAttribute("sortLinks", sortLinks(query));
    model.addAttribute(
        "csvUrl",
        "/api/v1/" + name + "?" + query.with(mapOf("format", "csv", "page", null, "size", null)));
    model.addAttribute(
        "previousUrl",
        page.page() > 1
            ? "/" + name + "?" + query.with(Map.of("page", Integer.toString(page.page() - 1)))
            : null);
    model.addAttribute(
        "nextUrl",
        page.page() < page.pages()
            ? "/" + name + "?" + query.with(Map.of("page", Integer.toString(page.page() + 1)))
            : null);
    model.addAttribute("idColumn", table == Table.TRANSACTIONS ? "lineItemId" : "license");
    return "true".equals(request.getHeader("HX-Request")) ? "records :: table" : "records";
  }

  /** The global filters as hidden fields of the search form, so a search keeps them. */
  private static Map<String, String> hidden(RecordQuery query) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("from", query.filters().from().toString());
    h.put("to", query.filters().to().toString());
    h.putAll(query.filters().query());
    h.put("sort", query.sort());
    h.put("dir", query.descending() ? "desc" : "asc");
    return h;
  }

  /** Each own filter with its choices. */
  private static Map<String, List<String>> own(Table table) {
    Map<String, List<String>> own = new LinkedHashMap<>();
    if (table == Table.TRANSACTIONS) {
      own.put("saleType", Arrays.stream(SaleType.values()).map(SaleType::wire).toList());
    } else {
      own.put("status", Arrays.stream(LicenseStatus.values()).map(LicenseStatus::wire).toList());
      own.put("licenseType", Arrays.stream(LicenseType.values()).map(LicenseType::wire).toList());
    }
    return own;
  }

  /** Each column's header link: sorted by it, ascending first, or the other way when it is. */
  private static Map<String, String> sortLinks(RecordQuery query) {
    Map<String, String> links = new LinkedHashMap<>();
    String path = query.table() == Table.TRANSACTIONS ? "/transactions?" : "/licenses?";
    for (RecordSearch.Column c : RecordSearch.columns(query.table())) {
      boolean current = c.name().equals(query.sort());
      String dir = current && !query.descending() ? "desc" : "asc";
      links.put(c.name(), path + query.with(Map.of("sort", c.name(), "dir", dir, "page", "1")));
    }
    return links;
  }

  private static Map<String, String> mapOf(String... pairs) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }
}
