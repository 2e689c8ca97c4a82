package dev.marketlens.store;

import java.time.Instant;
import java.util.Set;

/**
 * A person who signs in to the web application.
 *
 * @param role {@code admin}, {@code analyst} or {@code viewer}
 * @param allAccounts whether the user sees every vendor account; otherwise only {@code accounts}
 * @param accounts the ids of the vendor accounts the user may see (when not {@code allAccounts})
 */
public record User(
    long id,
    String username,
    String passwordHash,
    String role,
    boolean allAccounts,
    Set<Long> accounts,
    Instant createdAt,
    boolean disabled) {

  public User {
    accounts = Set.copyOf(accounts);
  }

  /** Whether the user may see the vendor account with this id. */
  public boolean sees(long account) {
    return allAccounts || accounts.contains(account);
  }

  @Override
  public String toString() {
    return "User[id=" + id + ", username=" + username + ", role=" + role + "]";
  }
}
