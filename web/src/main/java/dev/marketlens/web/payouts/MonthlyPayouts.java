package dev.marketlens.web.payouts;

import dev.marketlens.metrics.report.ReportTable;
import dev.marketlens.model.transaction.TransactionLine;
import dev.marketlens.payouts.monthly.PayoutTables;
import dev.marketlens.payouts.monthly.RevenueShare;
import dev.marketlens.payouts.monthly.ShareCheck;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.web.WebSettings;
import dev.marketlens.web.revenue.Filters;
import dev.marketlens.web.revenue.RevenueBooks;
import dev.marketlens.web.security.Access;
import dev.marketlens.web.security.SignedIn;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The monthly payouts of the accounts a request may see, each account its own ledger: the tables
 * the REST API returns and the page shows (the same rows as {@code marketlens payouts}). The
 * records come from {@link RevenueBooks}; the revenue-share schedule from {@code
 * $MARKETLENS_HOME/revenue-share.csv}, read again when the file changes.
 */
@Component
class MonthlyPayouts {
  private static final int KEPT = 128;
  private final RevenueBooks books;
  private final Access access;
  private final Path file;
  private volatile String shareStamp;
  private volatile RevenueShare share;
  private final Map<List<Object>, Object> results =
      java.util.Collections.synchronizedMap(
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<List<Object>, Object> eldest) {
              return size() > KEPT;
            }
          });

  MonthlyPayouts(RevenueBooks books, Access access, WebSettings settings) {
    this.books = books;
    this.access = access;
    this.file = settings.home().resolve(RevenueShare.FILE);
  }

  /** The ledger rows of the filters' months, account and as-of day. */
  ReportTable ledger(Authentication user, Filters filters) {
    Map<String, List<TransactionLine>> lines = lines(user, filters);
    return cached(
        "ledger",
        lines,
        filters,
        "",
        () -> PayoutTables.ledger(lines, filters.asOf(), filters.from(), filters.to()));
  }

  /** The coming payouts from what is sold up to the filters' as-of day. */
  ReportTable forecast(Authentication user, Filters filters) {
    Map<String, List<TransactionLine>> lines = lines(user, filters);
    return cached(
        "forecast", lines, filters, "", () -> PayoutTables.forecast(lines, filters.asOf()));
  }

  /** The lines of the filters' months whose vendor amount is not the expected share. */
  ReportTable shareCheck(Authentication user, Filters filters) {
    Map<String, List<TransactionLine>> lines = lines(user, filters);
    RevenueShare schedule = revenueShare();
    return cached(
        "share-check",
        lines,
        filters,
        shareStamp,
        () ->
            PayoutTables.shareCheck(lines, schedule, filters.asOf(), filters.from(), filters.to()));
  }

  ShareCheck.Summary shareSummary(Authentication user, Filters filters) {
    Map<String, List<TransactionLine>> lines = lines(user, filters);
    RevenueShare schedule = revenueShare();
    return cached(
        "share-summary",
        lines,
        filters,
        shareStamp,
        () ->
            PayoutTables.shareSummary(
                lines, schedule, filters.asOf(), filters.from(), filters.to()));
  }

  /**
   * A result kept while the same loaded lines are asked the same question: {@link RevenueBooks}
   * hands out the same lists until the data changes, so a list's identity stands for its data. The
   * key holds the lists weakly: a replaced book's lines are not kept alive by the cache.
   */
  @SuppressWarnings("unchecked")
  private <T> T cached(
      String kind,
      Map<String, List<TransactionLine>> lines,
      Filters filters,
      String stamp,
      java.util.function.Supplier<T> compute) {
    List<Object> key = new java.util.ArrayList<>();
    key.add(kind);
    key.add(filters.asOf());
    key.add(filters.from());
    key.add(filters.to());
    key.add(stamp);
    lines.forEach(
        (name, list) -> {
          key.add(name);
          key.add(new Same(list));
        });
    Object known = results.get(key);
    if (known != null) {
      return (T) known;
    }
    T result = compute.get();
    results.put(key, result);
    return result;
  }

  /** An object compared by identity, held weakly. */
  private static final class Same {
    private final java.lang.ref.WeakReference<Object> ref;
    private final int hash;

    Same(Object o) {
      ref = new java.lang.ref.WeakReference<>(o);
      hash = System.identityHashCode(o);
    }

    @Override
    public boolean equals(Object other) {
      Object mine = ref.get();
      return other instanceof Same s && mine != null && s.ref.get() == mine;
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** Every transaction line of each account in scope, by account name. */
  private Map<String, List<TransactionLine>> lines(Authentication user, Filters filters) {
    SignedIn signedIn = SignedIn.of(user);
    Set<Long> scope = access.scope(signedIn, filters.account());
    Map<String, List<TransactionLine>> out = new LinkedHashMap<>();
    access.visible(signedIn).stream()
        .filter(a -> scope.contains(a.id()))
        .sorted(Comparator.comparing(VendorAccount::name))
        .forEach(a -> out.put(a.name(), books.loaded(Set.of(a.id())).allLines()));
    return out;
  }

  /**
   * The schedule in {@code revenue-share.csv}, or the defaults without the file; a bad file is an
   * error naming its line, field and value.
   */
  RevenueShare revenueShare() {
    try {
      String stamp =
          Files.exists(file) ? Files.getLastModifiedTime(file) + "/" + Files.size(file) : "";
      if (!stamp.equals(shareStamp) || share == null) {
        RevenueShare parsed =
            stamp.isEmpty()
                ? RevenueShare.defaults()
                : RevenueShare.parse(
                    file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
        share = parsed;
        shareStamp = stamp;
      }
      return share;
    } catch (IllegalArgumentException e) {
      throw new ResponseStatusException(HttpStatus.INTERNAL_SERVER_ERROR, e.getMessage());
    } catch (IOException e) {
      throw new ResponseStatusException(
          HttpStatus.INTERNAL_SERVER_ERROR, "cannot read " + file + ": " + e.getMessage());
    }
  }
}
