package dev.marketlens.web.transactions;

import dev.marketlens.metrics.Metrics;
import dev.marketlens.store.AuditLog;
import dev.marketlens.store.Database;
import dev.marketlens.store.RecordSearch;
import dev.marketlens.store.RecordSearch.Column;
import dev.marketlens.store.RecordSearch.Row;
import dev.marketlens.store.RecordSearch.Table;
import dev.marketlens.web.revenue.Filters;
import dev.marketlens.web.revenue.RevenueBooks;
import dev.marketlens.web.security.Access;
import dev.marketlens.web.security.SignedIn;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The record tables over the accounts a user may see: a page of rows with the total, or every
 * matching row as CSV, streamed and written to the audit log. Each row carries the key of the
 * customer its license belongs to, as the metrics report it.
 */
@Component
public class RecordTables {
  private final Database database;
  private final Access access;
  private final RevenueBooks books;
  private final AuditLog audit;
  private final Clock clock;

  RecordTables(Database database, Access access, RevenueBooks books, AuditLog audit, Clock clock) {
    this.database = database;
    this.access = access;
    this.books = books;
    this.audit = audit;
    this.clock = clock;
  }

  /** A page of rows, each row's values with its {@code customer}, and the total. */
  public record Page(List<Map<String, Object>> items, long total, int page, int size) {
    /** How many pages there are (at least one). */
    public int pages() {
      return (int) Math.max(1, (total + size - 1) / size);
    }
  }

  RecordQuery query(Table table, Map<String, String[]> params) {
    return RecordQuery.of(table, Filters.of(params, LocalDate.now(clock)), params);
  }

  Page page(Authentication user, RecordQuery query) {
    Set<Long> scope = access.scope(SignedIn.of(user), query.filters().account());
    RecordSearch search = new RecordSearch(query.table());
    RecordSearch.Criteria criteria = query.criteria(scope);
    record Found(long total, List<Row> rows) {}
    Found found =
        database.inTransaction(
            "search " + query.table().name().toLowerCase(Locale.ROOT),
            c ->
                new Found(
                    search.count(c, criteria),
                    search.page(c, criteria, query.offset(), query.size())));
    Metrics metrics = books.metrics(scope, query.filters().parameters());
    List<Map<String, Object>> items = new ArrayList<>();
    for (Row row : found.rows()) {
      Map<String, Object> item = new LinkedHashMap<>(row.values());
      item.put(
          "customer", metrics.customerOfLicense((String) row.values().get("license")).orElse(null));
      items.add(item);
    }
    return new Page(items, found.total(), query.page(), query.size());
  }

  /**
   * Every matching row as CSV (the table's columns, all pages), streamed when the body is written;
   * the export is audited now.
   */
  StreamingResponseBody csv(Authentication user, RecordQuery query, String remote) {
    SignedIn me = SignedIn.of(user);
    Set<Long> scope = access.scope(me, query.filters().account());
    RecordSearch.Criteria criteria = query.criteria(scope);
    String what = query.table() == Table.TRANSACTIONS ? "transactions" : "licenses";
    audit.add(me.getUsername(), "export", what + " CSV: " + query.describe(), remote);
    return stream -> write(query.table(), criteria, stream);
  }

  private void write(Table table, RecordSearch.Criteria criteria, OutputStream stream)
      throws IOException {
    RecordSearch search = new RecordSearch(table);
    String what = table.name().toLowerCase(Locale.ROOT);
    List<Column> columns = RecordSearch.columns(table);
    Writer out =
        new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    Csv.line(out, columns.stream().map(Column::name).toList());
    try {
      database.inTransaction(
          "export " + what,
          c -> {
            search.forEach(
                c,
                criteria,
                row -> {
                  try {
                    Csv.line(out, new ArrayList<>(row.values().values()));
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
            return null;
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    out.flush();
  }
}
