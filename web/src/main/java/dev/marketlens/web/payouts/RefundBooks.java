package dev.marketlens.web.payouts;

import dev.marketlens.metrics.Records;
import dev.marketlens.payouts.refunds.LicenseChecks;
import dev.marketlens.payouts.refunds.Refunds;
import dev.marketlens.web.revenue.RevenueBooks;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The refunds and license checks of an account set, computed once from the records {@link
 * RevenueBooks} keeps in memory and again only when those are reloaded (the data changed).
 */
@Component
class RefundBooks {
  private final RevenueBooks books;
  private final Map<Set<Long>, Computed<Refunds>> refunds = new ConcurrentHashMap<>();
  private final Map<Set<Long>, Computed<LicenseChecks>> checks = new ConcurrentHashMap<>();

  /** A result and the loaded records it was computed from. */
  private record Computed<T>(Records.Loaded from, T value) {}

  RefundBooks(RevenueBooks books) {
    this.books = books;
  }

  Refunds refunds(Set<Long> accounts) {
    return computed(refunds, accounts, Refunds::of);
  }

  LicenseChecks licenseChecks(Set<Long> accounts) {
    return computed(checks, accounts, LicenseChecks::of);
  }

  private <T> T computed(
      Map<Set<Long>, Computed<T>> cache, Set<Long> accounts, Function<Records.Loaded, T> compute) {
    Set<Long> key = Set.copyOf(new TreeSet<>(accounts));
    Records.Loaded loaded = books.loaded(key);
    Computed<T> known = cache.get(key);
    if (known != null && known.from() == loaded) {
      return known.value();
    }
    T value = compute.apply(loaded);
    cache.put(key, new Computed<>(loaded, value));
    return value;
  }
}
