package dev.marketlens.emulator.reporting;

import dev.marketlens.emulator.commerce.App;
import dev.marketlens.emulator.commerce.Vendor;
import dev.marketlens.emulator.wire.License;
import dev.marketlens.emulator.wire.Transaction;
import dev.marketlens.emulator.world.FreeStarterEntitlement;
import dev.marketlens.emulator.world.RecordHistory;
import dev.marketlens.emulator.world.Versioned;
import dev.marketlens.emulator.world.World;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * What one vendor's reporting API serves on one day: its licenses and transaction lines as they
 * were then, and its free-starter-tier entitlements. Immutable: an async export keeps the view it
 * was started on (spec §9.2, snapshot). Sorted orders are computed once per view and shared by
 * every request.
 */
public final class VendorView {

  /**
   * The day the reporting API started serving $0 transactions, backfilled to 2019-07-01 with their
   * original {@code lastUpdated} (seed 001, K16): a sync that follows {@code lastUpdated} misses
   * them.
   */
  public static final LocalDate ZERO_DOLLAR_REPORTED_FROM = LocalDate.of(2022, 6, 9);

  /** One page of a list request, and how many rows match in all. */
  public record Page<T>(List<T> rows, int total, boolean more) {}

  private final Vendor vendor;
  private final LocalDate day;
  private final License[] licenses;
  private final RecordHistory<License>[] licenseHistories;
  private final Transaction[] transactions;
  private final List<FreeStarterEntitlement> freeStarter;
  private final Map<String, License[]> sortedLicenses = new ConcurrentHashMap<>();
  private final Map<String, Transaction[]> sortedTransactions = new ConcurrentHashMap<>();
  private volatile Map<License, RecordHistory<License>> historyOf;

  /** The matching rows of recent queries, so that paging through them costs a slice per page. */
  private final Map<String, Object[]> recent =
      new java.util.LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object[]> eldest) {
          return size() > RECENT_QUERIES;
        }
      };

  /** How many queries' matching rows are kept. */
  static final int RECENT_QUERIES = 32;

  @SuppressWarnings("unchecked")
  private VendorView(
      Vendor vendor,
      LocalDate day,
      List<License> licenses,
      List<RecordHistory<License>> histories,
      List<Transaction> transactions,
      List<FreeStarterEntitlement> freeStarter) {
    this.vendor = vendor;
    this.day = day;
    this.licenses = licenses.toArray(License[]::new);
    this.licenseHistories = histories.toArray(RecordHistory[]::new);
    this.transactions = transactions.toArray(Transaction[]::new);
    this.freeStarter = List.copyOf(freeStarter);
  }

  /**
   * The view of {@code vendor}'s records on {@code day} in {@code world} (whose clock may be
   * later).
   *
   * @param lag whether a transaction line changed on {@code day} may not be reported yet (K29):
   *     about half of them appear only the next day; licensing is never late
   *     <p>Before {@link #ZERO_DOLLAR_REPORTED_FROM}, $0 transaction lines are not served.
   */
  public static VendorView of(World world, Vendor vendor, LocalDate day, boolean lag) {
    Set<String> apps = vendor.apps().stream().map(App::addonKey).collect(Collectors.toSet());
    List<License> licenses = new ArrayList<>();
    List<RecordHistory<License>> histories = new ArrayList<>();
    for (RecordHistory<License> h : world.licenseHistories()) {
      License l = h.asOf(day);
      if (l != null && apps.contains(l.addonKey())) {
        licenses.add(l);
        histories.add(h);
      }
    }
    List<Transaction> transactions = new ArrayList<>();
    LocalDate dayBefore = day.minusDays(1);
    boolean zeroDollarHidden = day.isBefore(ZERO_DOLLAR_REPORTED_FROM);
    for (RecordHistory<Transaction> h : world.transactionHistories()) {
      Transaction t = h.asOf(day);
      if (t == null || !apps.contains(t.addonKey())) {
        continue;
      }
      if (lag && reportedLate(h.key(), day)) {
        Transaction before = h.asOf(dayBefore);
        if (before != t) {
          t = before;
        }
      }
      if (t != null && !(zeroDollarHidden && t.purchaseDetails().purchasePriceCents() == 0)) {
        transactions.add(t);
      }
    }
    List<FreeStarterEntitlement> free =
        world.freeStarterEntitlements().stream()
            .filter(e -> e.vendorId() == vendor.vendorId())
            .toList();
    return new VendorView(vendor, day, licenses, histories, transactions, free);
  }

  /** Half of the lines that change on a day are reported the day after, chosen by line and day. */
  static boolean reportedLate(String lineKey, LocalDate day) {
    long h = lineKey.hashCode() * 0x9E3779B97F4A7C15L + day.toEpochDay();
    h ^= h >>> 29;
    return (h & 1) == 0;
  }

  public Vendor vendor() {
    return vendor;
  }

  public LocalDate day() {
    return day;
  }

  /** Every license served on the day, in the world's order. */
  public List<License> licenses() {
    return Collections.unmodifiableList(Arrays.asList(licenses));
  }

  /** Every transaction line served on the day, in the world's order. */
  public List<Transaction> transactions() {
    return Collections.unmodifiableList(Arrays.asList(transactions));
  }

  /** The sites on the free starter tier on {@code on} (at most the view's day). */
  public List<FreeStarterEntitlement> freeStarterOn(LocalDate on) {
    return freeStarter.stream().filter(e -> e.activeOn(on)).toList();
  }

  /** The page of matching licenses from {@code offset}, at most {@code limit} of them. */
  public Page<License> licenses(RecordQuery<License> q, int offset, int limit) {
    return page(sorted(q, licenses, sortedLicenses), q, offset, limit);
  }

  public Page<Transaction> transactions(RecordQuery<Transaction> q, int offset, int limit) {
    return page(sorted(q, transactions, sortedTransactions), q, offset, limit);
  }

  /** Every matching license in the query's order, lazily. */
  public Iterator<License> licenses(RecordQuery<License> q) {
    return matching(sorted(q, licenses, sortedLicenses), q);
  }

  public Iterator<Transaction> transactions(RecordQuery<Transaction> q) {
    return matching(sorted(q, transactions, sortedTransactions), q);
  }

  /** Every version of {@code license} up to the view's day, oldest first. */
  public List<Versioned<License>> history(License license) {
    Map<License, RecordHistory<License>> index = historyOf;
    if (index == null) {
      index = new IdentityHashMap<>(licenses.length * 2);
      for (int i = 0; i < licenses.length; i++) {
        index.put(licenses[i], licenseHistories[i]);
      }
      historyOf = index;
    }
    RecordHistory<License> h = index.get(license);
    if (h == null) {
      return List.of();
    }
    return h.versions().stream().filter(v -> !v.since().isAfter(day)).toList();
  }

  private static <T> T[] sorted(RecordQuery<T> q, T[] all, Map<String, T[]> cache) {
    return cache.computeIfAbsent(
        q.sortKey(),
        k -> {
          T[] copy = all.clone();
          Arrays.parallelSort(copy, q.comparator());
          return copy;
        });
  }

  @SuppressWarnings("unchecked")
  private <T> Page<T> page(T[] sorted, RecordQuery<T> q, int offset, int limit) {
    Object[] rows;
    synchronized (recent) {
      rows = recent.get(q.key());
    }
    if (rows == null) {
      List<T> all = new ArrayList<>();
      for (T t : sorted) {
        if (q.matches(t)) {
          all.add(t);
        }
      }
      rows = all.toArray();
      synchronized (recent) {
        recent.put(q.key(), rows);
      }
    }
    int from = Math.min(offset, rows.length);
    int to = (int) Math.min((long) from + limit, rows.length);
    List<T> page = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      page.add((T) rows[i]);
    }
    return new Page<>(page, rows.length, to < rows.length);
  }

  private static <T> Iterator<T> matching(T[] sorted, RecordQuery<T> q) {
    return new Iterator<>() {
      private int i = advance(0);

      private int advance(int from) {
        int k = from;
        while (k < sorted.length && !q.matches(sorted[k])) {
          k++;
        }
        return k;
      }

      @Override
      public boolean hasNext() {
        return i < sorted.length;
      }

      @Override
      public T next() {
        if (i >= sorted.length) {
          throw new NoSuchElementException();
        }
        T t = sorted[i];
        i = advance(i + 1);
        return t;
      }
    };
  }
}
