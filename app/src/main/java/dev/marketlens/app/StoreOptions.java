package dev.marketlens.app;

import dev.marketlens.store.Database;
import dev.marketlens.store.StoreException;
import dev.marketlens.store.TokenCipher;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.store.VendorAccounts;
import dev.marketlens.sync.client.ApiAccount;
import dev.marketlens.sync.incremental.AccountSync;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The database a command works on: {@code --db URL}, else {@code $MARKETLENS_DB_URL}, else the
 * embedded PostgreSQL in {@code $MARKETLENS_HOME}; and the vendor account it is about.
 */
final class StoreOptions {

  @Option(
      names = "--db",
      paramLabel = "URL",
      description =
          "PostgreSQL JDBC URL (default: $MARKETLENS_DB_URL, else the embedded database in"
              + " $MARKETLENS_HOME).")
  String db;

  Database open() {
    String url = db != null ? db : System.getenv("MARKETLENS_DB_URL");
    return Database.open(Optional.ofNullable(url), Settings.home());
  }

  static VendorAccounts accounts(Database database) {
    Path home = Settings.home();
    return new VendorAccounts(
        database.dataSource(), TokenCipher.forHome(home, System.getenv("MARKETLENS_SECRET_KEY")));
  }

  /**
   * The account {@code name} names; without a name, the only account there is. Fails with what to
   * do when there is none or several.
   */
  static VendorAccount account(VendorAccounts accounts, String name) {
    if (name != null) {
      return accounts
          .find(name)
          .orElseThrow(
              () ->
                  new StoreException(
                      "no account named "
                          + name
                          + "; see ./marketlens accounts list, or add it with ./marketlens"
                          + " accounts add"));
    }
    List<VendorAccount> all = accounts.list();
    if (all.size() == 1) {
      return all.get(0);
    }
    throw new StoreException(
        all.isEmpty()
            ? "no account yet: add one with ./marketlens accounts add, or sync or import first"
            : "there are "
                + all.size()
                + " accounts: say which with --account NAME ("
                + String.join(", ", all.stream().map(VendorAccount::name).toList())
                + ")");
  }

  /** The reporting API account behind a vendor account: its ids, user, token and base URL. */
  static ApiAccount api(VendorAccounts accounts, VendorAccount account) {
    return AccountSync.api(accounts, account);
  }
}
