package dev.marketlens.web.revenue;

import dev.marketlens.metrics.Metrics;
import dev.marketlens.metrics.Parameters;
import dev.marketlens.metrics.Records;
import dev.marketlens.metrics.cohorts.Cohort;
import dev.marketlens.metrics.report.ReportTable;
import dev.marketlens.metrics.segments.Dimension;
import dev.marketlens.store.Database;
import dev.marketlens.sync.files.CustomerOverrides;
import dev.marketlens.sync.stored.StoredRecords;
import dev.marketlens.web.WebSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The revenue engine in memory: for each set of vendor accounts someone looks at, their records
 * loaded once into the metrics' columnar book, and the metrics and reports computed from it kept
 * until the data changes. Whether it changed — a sync run started or finished, a file imported, an
 * account added or removed, {@code customers.csv} edited — is checked at most every two seconds
 * with one small query, so syncs and imports by the command line are seen too.
 */
@Component
public class RevenueBooks {
  private static final Logger LOG = LoggerFactory.getLogger(RevenueBooks.class);
  private static final Duration RECHECK = Duration.ofSeconds(2);
  private static final int REPORTS_KEPT = 512;
  private static final int METRICS_KEPT = 16;

  private final Database database;
  private final Path home;
  private final Clock clock;
  private final Map<Set<Long>, Book> books = new ConcurrentHashMap<>();
  private volatile String fingerprint = "";
  private volatile Instant checked = Instant.EPOCH;

  /** One account set's loaded records and what was computed from them. */
  private static final class Book {
    final Records.Loaded loaded;
    final Map<Parameters, Metrics> metrics =
        Collections.synchronizedMap(new Bounded<Parameters, Metrics>(METRICS_KEPT));
    final Map<String, ReportTable> reports =
        Collections.synchronizedMap(new Bounded<String, ReportTable>(REPORTS_KEPT));
    final Map<Object, Object> derived =
        Collections.synchronizedMap(new Bounded<Object, Object>(REPORTS_KEPT));

    Map<Dimension, SortedSet<String>> values;

    Book(Records.Loaded loaded) {
      this.loaded = loaded;
    }
  }

  /** A map that forgets its least recently used entry beyond a size. */
  private static final class Bounded<K, V> extends LinkedHashMap<K, V> {
    private final int size;

    Bounded(int size) {
      super(16, 0.75f, true);
      this.size = size;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
      return size() > size;
    }
  }

  RevenueBooks(WebSettings settings) {
    this.database = settings.database();
    this.home = settings.home();
    this.clock = Clock.systemUTC();
  }

  /** The metrics of these accounts' records under these parameters. */
  public Metrics metrics(Set<Long> accounts, Parameters parameters) {
    Book book = book(accounts);
    return book.metrics.computeIfAbsent(parameters, p -> Metrics.of(book.loaded, p));
  }

  /**
   * These accounts' loaded records: every transaction line and license, and the engine's book
   * (payouts, refunds and pricing read them from here, so a page loads the store once).
   */
  public Records.Loaded loaded(Set<Long> accounts) {
    return book(accounts).loaded;
  }

  /**
   * A value computed from these accounts' loaded records (refunds, license checks, a price audit),
   * kept with the records until the data changes. {@code key} names the computation and whatever
   * else it depends on; equal keys must mean equal results.
   */
  @SuppressWarnings("unchecked")
  public <T> T derived(Set<Long> accounts, Object key, Function<Records.Loaded, T> compute) {
    Book book = book(accounts);
    return (T) book.derived.computeIfAbsent(key, k -> compute.apply(book.loaded));
  }

  /** A report, as the command line's {@code report KIND --format json} would print it. */
  public ReportTable report(
      Set<Long> accounts,
      Filters filters,
      ReportTable.Kind kind,
      Cohort.Measure measure,
      int days) {
    Book book = book(accounts);
    String key =
        kind + "|" + filters.parameters() + "|" + filters.view() + "|" + measure + "|" + days;
    ReportTable cached = book.reports.get(key);
    if (cached != null) {
      return cached;
    }
    ReportTable table =
        ReportTable.of(
            kind, metrics(accounts, filters.parameters()), filters.view(), measure, days);
    book.reports.put(key, table);
    return table;
  }

  /** The values each dimension takes in these accounts' lines, for the filters' choices. */
  public Map<Dimension, SortedSet<String>> values(Set<Long> accounts) {
    Book book = book(accounts);
    synchronized (book) {
      if (book.values == null) {
        Map<Dimension, SortedSet<String>> values = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
          values.put(d, new TreeSet<>(String.CASE_INSENSITIVE_ORDER));
        }
        for (String[] profile : book.loaded.book().profiles()) {
          for (Dimension d : Dimension.values()) {
            values.get(d).add(profile[d.ordinal()]);
          }
        }
        book.values = values;
      }
      return book.values;
    }
  }

  /** Forgets everything computed: the next request loads the records again. */
  public void invalidate() {
    books.clear();
    checked = Instant.EPOCH;
  }

  private Book book(Set<Long> accounts) {
    refreshIfChanged();
    Set<Long> key = Set.copyOf(new TreeSet<>(accounts));
    return books.computeIfAbsent(key, this::load);
  }

  private Book load(Set<Long> accounts) {
    long started = System.nanoTime();
    Records records = new Records();
    for (long account : new TreeSet<>(accounts)) {
      StoredRecords.read(database, account, records::add, records::add);
    }
    Records.Loaded loaded = records.load(CustomerOverrides.load(home), Set.of());
    LOG.info(
        "loaded {} transaction lines of accounts {} in {} ms",
        loaded.book().size(),
        accounts,
        (System.nanoTime() - started) / 1_000_000);
    return new Book(loaded);
  }

  private void refreshIfChanged() {
    Instant now = clock.instant();
    if (Duration.between(checked, now).compareTo(RECHECK) < 0 && !checked.isAfter(now)) {
      return;
    }
    synchronized (this) {
      if (Duration.between(checked, now).compareTo(RECHECK) < 0 && !checked.isAfter(now)) {
        return;
      }
      String current = currentFingerprint();
      if (!current.equals(fingerprint)) {
        books.clear();
        fingerprint = current;
      }
      checked = now;
    }
  }

  private String currentFingerprint() {
    String data =
        database.inTransaction(
            "check whether the data changed",
            c -> {
              try (PreparedStatement s =
                      c.prepareStatement(
                          "SELECT (SELECT count(*) || '/' || coalesce(max(id), 0) || '/'"
                              + " || coalesce(max(coalesce(finished_at, started_at))::text, '')"
                              + " FROM sync_runs),"
                              + " (SELECT count(*) || '/' || coalesce(max(id), 0)"
                              + " FROM import_batches),"
                              + " (SELECT count(*) || '/' || coalesce(max(id), 0)"
                              + " FROM vendor_accounts)");
                  ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1) + "|" + r.getString(2) + "|" + r.getString(3);
              }
            });
    Path overrides = home.resolve(CustomerOverrides.FILE);
    String file = "";
    try {
      if (Files.exists(overrides)) {
        file = Files.getLastModifiedTime(overrides) + "/" + Files.size(overrides);
      }
    } catch (java.io.IOException e) {
      file = "unreadable";
    }
    return data + "|" + file;
  }
}
