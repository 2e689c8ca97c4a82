package dev.marketlens.web.payouts;

import dev.marketlens.payouts.refunds.LicenseChecks;
import dev.marketlens.payouts.refunds.Refunds;
import dev.marketlens.web.revenue.RevenueBooks;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The refunds and license checks of an account set, computed once from the records {@link
 * RevenueBooks} keeps in memory and again only when those are reloaded (the data changed).
 */
@Component
class RefundBooks {
  private final RevenueBooks books;

  RefundBooks(RevenueBooks books) {
    this.books = books;
  }

  Refunds refunds(Set<Long> accounts) {
    return books.derived(accounts, "refunds", Refunds::of);
  }

  LicenseChecks licenseChecks(Set<Long> accounts) {
    return books.derived(accounts, "license-checks", LicenseChecks::of);
  }
}
