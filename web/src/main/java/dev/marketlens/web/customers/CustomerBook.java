package dev.marketlens.web.customers;

import dev.marketlens.metrics.Metrics;
import dev.marketlens.metrics.customers.CustomerMonth;
import dev.marketlens.metrics.customers.CustomerMrr;
import dev.marketlens.metrics.customers.CustomerRecords;
import dev.marketlens.model.id.TransactionLineItemId;
import dev.marketlens.store.Database;
import dev.marketlens.store.Licenses;
import dev.marketlens.store.RecordSearch;
import dev.marketlens.store.RecordSearch.Row;
import dev.marketlens.store.RecordSearch.Table;
import dev.marketlens.store.RecordVersion;
import dev.marketlens.store.TransactionLines;
import dev.marketlens.web.revenue.Filters;
import dev.marketlens.web.revenue.RevenueBooks;
import dev.marketlens.web.security.Access;
import dev.marketlens.web.security.SignedIn;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Customers over the accounts a user may see: the customers behind a month's MRR or one of its
 * movements, as the metrics compute them, and one customer's MRR by month with every stored record
 * of it and every version of those records.
 */
@Component
public class CustomerBook {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Database database;
  private final Access access;
  private final RevenueBooks books;

  /**
   * The customers of recent months per metrics instance (a new one comes with new data), so that
   * paging through a list does not run the month-end pass again.
   */
  private final Map<Metrics, Map<String, List<CustomerMonth>>> months =
      java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

  CustomerBook(Database database, Access access, RevenueBooks books) {
    this.database = database;
    this.access = access;
    this.books = books;
  }

  /**
   * The customers a query lists, a page of them, and the sums over all listed.
   *
   * @param movementTotal Σ movement amounts of every listed customer (all pages), in cents
   * @param mrrTotal Σ closing MRR of every listed customer, in cents
   */
  public record Listing(
      List<CustomerMonth> items,
      long total,
      long movementTotal,
      long mrrTotal,
      int page,
      int size) {
    /** How many pages there are (at least one). */
    public int pages() {
      return (int) Math.max(1, (total + size - 1) / size);
    }
  }

  Listing list(Authentication user, CustomerQuery query) {
    Metrics metrics = metrics(user, query.filters());
    List<CustomerMonth> listed =
        new ArrayList<>(customers(metrics, query).stream().filter(query::lists).toList());
    listed.sort(query.order());
    long movementTotal = listed.stream().mapToLong(CustomerMonth::amount).sum();
    long mrrTotal = listed.stream().mapToLong(CustomerMonth::closingMrr).sum();
    int from = (int) Math.min(listed.size(), (long) (query.page() - 1) * query.size());
    int to = Math.min(listed.size(), from + query.size());
    return new Listing(
        List.copyOf(listed.subList(from, to)),
        listed.size(),
        movementTotal,
        mrrTotal,
        query.page(),
        query.size());
  }

  private List<CustomerMonth> customers(Metrics metrics, CustomerQuery query) {
    Map<String, List<CustomerMonth>> cached =
        months.computeIfAbsent(metrics, m -> java.util.Collections.synchronizedMap(new Recent()));
    String key = query.filters().view().where() + "|" + query.month();
    List<CustomerMonth> found = cached.get(key);
    if (found == null) {
      found = List.copyOf(metrics.customers(query.filters().view(), query.month()));
      cached.put(key, found);
    }
    return found;
  }

  /** The last few months asked for. */
  private static final class Recent extends LinkedHashMap<String, List<CustomerMonth>> {
    Recent() {
      super(16, 0.75f, true);
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, List<CustomerMonth>> eldest) {
      return size() > 24;
    }
  }

  /** A field that changed between two versions of a record. */
  public record Change(String field, String from, String to) {}

  /** One version of one of the customer's records, with the fields that changed. */
  public record Version(
      String record,
      String kind,
      int version,
      java.time.Instant seenAt,
      LocalDate lastUpdated,
      List<Change> changes) {}

  /** One entry of the customer's timeline. */
  public record Event(
      LocalDate date, String kind, String title, String detail, List<Change> changes) {}

  /** Everything about one customer. */
  public record Detail(
      String customer,
      List<CustomerMrr> mrr,
      CustomerRecords records,
      List<Map<String, Object>> licenses,
      List<Map<String, Object>> transactions,
      List<Version> versions,
      List<Event> timeline) {}

  /** One customer, or a 404 when no account the user may see (in the filters' scope) has it. */
  Detail detail(Authentication user, Filters filters, String customer) {
    Set<Long> scope = access.scope(SignedIn.of(user), filters.account());
    Metrics metrics = books.metrics(scope, filters.parameters());
    CustomerRecords records =
        metrics
            .customerRecords(customer)
            .orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no customer " + customer));
    List<CustomerMrr> mrr = metrics.customerMrr(filters.view(), customer).orElseThrow();
    Licenses licenseTable = new Licenses();
    TransactionLines lineTable = new TransactionLines();
    record Found(List<Row> licenses, List<Row> lines, List<Version> versions) {}
    Found found =
        database.inTransaction(
            "read customer " + customer,
            c -> {
              List<Row> licenses =
                  new RecordSearch(Table.LICENSES).withLicenseIds(c, scope, records.licenseIds());
              List<Row> lines =
                  new RecordSearch(Table.TRANSACTIONS)
                      .withLicenseIds(c, scope, records.licenseIds());
              List<Version> versions = new ArrayList<>();
              for (Row l : licenses) {
                String name = "license " + l.values().get("license");
                for (RecordVersion v :
                    licenseTable.history(c, l.account(), Long.parseLong(l.key()))) {
                  versions.add(version(name, "license", v));
                }
              }
              for (Row t : lines) {
                String name = "transaction line " + t.key();
                for (RecordVersion v :
                    lineTable.history(c, t.account(), TransactionLineItemId.of(t.key()))) {
                  versions.add(version(name, "transaction", v));
                }
              }
              return new Found(licenses, lines, versions);
            });
    List<Event> timeline = new ArrayList<>();
    for (Row l : found.licenses()) {
      Map<String, Object> v = l.values();
      boolean evaluation = "EVALUATION".equalsIgnoreCase(String.valueOf(v.get("licenseType")));
      timeline.add(
          new Event(
              (LocalDate) v.get("maintenanceStart"),
              evaluation ? "evaluation" : "license",
              (evaluation ? "Evaluation " : "License ") + v.get("license"),
              v.get("appName")
                  + " · "
                  + v.get("hosting")
                  + " · "
                  + v.get("tier")
                  + " · until "
                  + v.get("maintenanceEnd")
                  + " · "
                  + v.get("status"),
              List.of()));
    }
    for (Row t : found.lines()) {
      Map<String, Object> v = t.values();
      boolean refund = "Refund".equalsIgnoreCase(String.valueOf(v.get("saleType")));
      timeline.add(
          new Event(
              (LocalDate) v.get("saleDate"),
              refund ? "refund" : "transaction",
              v.get("saleType") + " " + v.get("transactionId") + " (" + t.key() + ")",
              v.get("appName") + " · " + v.get("tier") + " · license " + v.get("license"),
              List.of()));
    }
    // A record's first version is the record itself, already on the timeline: only changes follow.
    for (Version v : found.versions()) {
      if (v.version() == 1) {
        continue;
      }
      timeline.add(
          new Event(
              LocalDate.ofInstant(v.seenAt(), ZoneOffset.UTC),
              "version",
              v.record() + " version " + v.version(),
              v.changes().size() + (v.changes().size() == 1 ? " field changed" : " fields changed"),
              v.changes()));
    }
    timeline.sort(
        Comparator.comparing(
                Event::date, Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()))
            .reversed());
    return new Detail(
        customer,
        mrr,
        records,
        found.licenses().stream().map(CustomerBook::values).toList(),
        found.lines().stream().map(CustomerBook::values).toList(),
        found.versions(),
        timeline);
  }

  private Metrics metrics(Authentication user, Filters filters) {
    return books.metrics(access.scope(SignedIn.of(user), filters.account()), filters.parameters());
  }

  private static Map<String, Object> values(Row row) {
    return new LinkedHashMap<>(row.values());
  }

  private static Version version(String record, String kind, RecordVersion v) {
    List<Change> changes = new ArrayList<>();
    JsonNode changed = JSON.readTree(v.changed() == null ? "{}" : v.changed());
    for (Map.Entry<String, JsonNode> field : changed.properties()) {
      changes.add(
          new Change(
              field.getKey(),
              text(field.getValue().get("from")),
              text(field.getValue().get("to"))));
    }
    return new Version(record, kind, v.version(), v.seenAt(), v.lastUpdated(), changes);
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull()
        ? null
        : node.isString() ? node.asString() : node.toString();
  }
}
