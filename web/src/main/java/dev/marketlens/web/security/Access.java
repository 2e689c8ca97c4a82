package dev.marketlens.web.security;

import dev.marketlens.store.VendorAccount;
import dev.marketlens.store.VendorAccounts;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Which vendor accounts a user may see. Every page and API call reads data only through the scope
 * this returns; an account the user may not see answers 404, as if it did not exist.
 */
@Component
public class Access {
  /** How long the list of accounts is kept between reads of the table. */
  private static final long KEEP_NANOS = 2_000_000_000L;

  private record Snapshot(List<VendorAccount> accounts, long readAt) {}

  private final VendorAccounts accounts;
  private volatile Snapshot snapshot;

  Access(VendorAccounts accounts) {
    this.accounts = accounts;
  }

  /** The accounts the user may see, by name. */
  public List<VendorAccount> visible(SignedIn user) {
    return all().stream().filter(a -> user.user().sees(a.id())).toList();
  }

  /**
   * Reads the accounts again at the next request (after an account was added or removed here;
   * changes by other processes show within two seconds).
   */
  public void forget() {
    snapshot = null;
  }

  private List<VendorAccount> all() {
    Snapshot s = snapshot;
    long now = System.nanoTime();
    if (s == null || now - s.readAt() > KEEP_NANOS) {
      s = new Snapshot(accounts.list(), now);
      snapshot = s;
    }
    return s.accounts();
  }

  /**
   * The ids of the accounts a request is about: the named one (which the user must see), or all the
   * user sees when {@code accountName} is null or blank.
   */
  public Set<Long> scope(SignedIn user, String accountName) {
    List<VendorAccount> visible = visible(user);
    if (accountName == null || accountName.isBlank()) {
      return visible.stream().map(VendorAccount::id).collect(Collectors.toUnmodifiableSet());
    }
    return visible.stream()
        .filter(a -> a.name().equals(accountName))
        .map(VendorAccount::id)
        .findFirst()
        .map(Set::of)
        .orElseThrow(
            () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no account " + accountName));
  }
}
