package dev.marketlens.sync.incremental;

import dev.marketlens.model.id.DeveloperId;
import dev.marketlens.model.id.VendorId;
import dev.marketlens.store.Database;
import dev.marketlens.store.StoreException;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.store.VendorAccounts;
import dev.marketlens.sync.client.ApiAccount;
import dev.marketlens.sync.client.ReportingClient;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;

/**
 * A sync of a stored vendor account from the reporting API: the API account built from the stored
 * one (its token decrypted), a reporting client spooling exports under {@code home/spool/<account
 * id>}, and the {@link SyncEngine} run with a progress listener. The command line and the web
 * application sync through it.
 */
public final class AccountSync {
  private final Database database;
  private final VendorAccounts accounts;
  private final Path home;
  private final Clock clock;

  /**
   * @param home {@code MARKETLENS_HOME}: exports are spooled under its {@code spool} directory
   * @param clock when runs start and records are seen (the system clock outside tests)
   */
  public AccountSync(Database database, VendorAccounts accounts, Path home, Clock clock) {
    this.database = Objects.requireNonNull(database, "database");
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.home = Objects.requireNonNull(home, "home");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The reporting API account behind a vendor account: its ids, user, token and base URL. Fails
   * with what to do when the account has no token or no vendor or developer id.
   */
  public static ApiAccount api(VendorAccounts accounts, VendorAccount account) {
    String secret =
        accounts
            .token(account)
            .orElseThrow(
                () ->
                    new StoreException(
                        "account " + account.name() + " has no API token: add it with --token"));
    if (account.developerId() == null && account.vendorId() == null) {
      throw new StoreException(
          "account "
              + account.name()
              + " has no vendor or developer id: set one with ./marketlens accounts add "
              + account.name()
              + " --vendor ID");
    }
    ApiAccount api =
        account.developerId() != null
            ? ApiAccount.v3(DeveloperId.of(account.developerId()), account.email(), secret)
            : ApiAccount.v2(VendorId.of(account.vendorId()), account.email(), secret);
    return account.baseUrl() == null ? api : api.withBaseUrl(URI.create(account.baseUrl()));
  }

  /**
   * Prepares a sync of the account: checks that it can reach the API (token, ids) without running
   * anything yet.
   */
  public Prepared prepare(VendorAccount account) {
    return new Prepared(account, api(accounts, account));
  }

  /** Syncs the account; a failure is recorded as a failed run and thrown as a SyncException. */
  public SyncEngine.Summary run(VendorAccount account, SyncEngine.Mode mode, Progress progress) {
    return prepare(account).run(mode, progress);
  }

  /** A sync ready to run: the account and the API it reads from. */
  public final class Prepared {
    private final VendorAccount account;
    private final ApiAccount api;

    private Prepared(VendorAccount account, ApiAccount api) {
      this.account = account;
      this.api = api;
    }

    /** The reporting API's base URL (never the token). */
    public URI baseUrl() {
      return api.baseUrl();
    }

    /** Runs the sync; a failure is recorded as a failed run and thrown as a SyncException. */
    public SyncEngine.Summary run(SyncEngine.Mode mode, Progress progress) {
      Path spool = home.resolve("spool").resolve(Long.toString(account.id()));
      ReportingClient client = ReportingClient.builder(api).spoolDirectory(spool).build();
      return new SyncEngine(
              database,
              new ApiSource(client, spool),
              clock,
              progress,
              SyncEngine.Options.DEFAULTS.withMode(mode))
          .run(account);
    }
  }
}
