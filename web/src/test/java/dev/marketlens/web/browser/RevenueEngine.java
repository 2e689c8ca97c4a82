package dev.marketlens.web.browser;

import dev.marketlens.metrics.Basis;
import dev.marketlens.metrics.Metrics;
import dev.marketlens.metrics.Parameters;
import dev.marketlens.metrics.Records;
import dev.marketlens.store.TokenCipher;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.store.VendorAccounts;
import dev.marketlens.sync.files.CustomerOverrides;
import dev.marketlens.sync.stored.StoredRecords;
import dev.marketlens.web.TestSite;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The revenue engine run by the test itself, not through the web application: the stored records of
 * some vendor accounts read from the site's database as the application reads them, and {@link
 * Metrics} computed on the default parameters (net, 30 grace days) as of the site's today.
 */
final class RevenueEngine {
  private RevenueEngine() {}

  /** The metrics of the given accounts' records. */
  static Metrics of(TestSite site, Collection<Long> accounts) {
    Records records = new Records();
    for (long account : new TreeSet<>(accounts)) {
      StoredRecords.read(site.database(), account, records::add, records::add);
    }
    Records.Loaded loaded = records.load(CustomerOverrides.load(site.home()), Set.of());
    return Metrics.of(
        loaded,
        new Parameters(
            Basis.NET,
            Parameters.DEFAULT_GRACE_DAYS,
            Parameters.DEFAULT_CONVERSION_WINDOW_DAYS,
            TestSite.TODAY));
  }

  /** The metrics of every vendor account (what an admin sees). */
  static Metrics ofAllAccounts(TestSite site) {
    VendorAccounts accounts =
        new VendorAccounts(site.database().dataSource(), TokenCipher.of(new byte[32]));
    return of(site, accounts.list().stream().map(VendorAccount::id).collect(Collectors.toSet()));
  }
}
