package dev.marketlens.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Vendor accounts and their tokens, sync runs, checkpoints, import batches and account locks. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StateIT {
  private static final Instant T0 = Instant.parse("2026-11-02T06:00:00Z");

  @TempDir static Path home;

  private Database database;
  private VendorAccounts accounts;

  @BeforeAll
  void start() {
    database = Database.embedded(home);
    accounts = new VendorAccounts(database.dataSource(), TokenCipher.forHome(home, null));
  }

  @AfterAll
  void stop() {
    database.close();
  }

  private VendorAccount add(String name, String token) {
    return accounts.save(
        new VendorAccount.New(name, "v2", "1212980", null, null, "ops@acme.io", token));
  }

  @Test
  @DisplayName("an account's token is stored encrypted and only token() gives it back")
  void tokens_are_encrypted_at_rest() {
    VendorAccount account = add("Acme", "ATATT-secret-123");

    assertThat(account.hasToken()).isTrue();
    assertThat(account.baseUrl()).isEqualTo("https://marketplace.atlassian.com");
    assertThat(account.toString()).doesNotContain("ATATT-secret-123");
    byte[] stored =
        database.inTransaction(
            "read",
            c -> {
              try (PreparedStatement s =
                  c.prepareStatement("SELECT token_encrypted FROM vendor_accounts WHERE id = ?")) {
                s.setLong(1, account.id());
                try (ResultSet rows = s.executeQuery()) {
                  rows.next();
                  return rows.getBytes(1);
                }
              }
            });
    assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("ATATT");
    assertThat(accounts.token(account)).contains("ATATT-secret-123");
    assertThat(
            new VendorAccount.New("A", "v2", "1", null, null, null, "ATATT-secret-123").toString())
        .doesNotContain("ATATT-secret-123");
  }

  @Test
  @DisplayName("saving an account by an existing name replaces its settings and token")
  void save_replaces_by_name() {
    add("Replace", "one");
    VendorAccount again = add("Replace", "two");

    assertThat(accounts.token(again)).contains("two");
    assertThat(accounts.list()).filteredOn(a -> a.name().equals("Replace")).hasSize(1);
  }

  @Test
  @DisplayName("bad accounts are refused with a message: no name, unknown API version")
  void bad_accounts_are_refused() {
    assertThatThrownBy(
            () -> accounts.save(new VendorAccount.New(" ", "v2", "1", null, null, null, null)))
        .hasMessage("an account needs a name");
    assertThatThrownBy(
            () -> accounts.save(new VendorAccount.New("X", "v9", "1", null, null, null, null)))
        .hasMessage("the API version of account X must be v2 or v3, got v9");
  }

  @Test
  @DisplayName("removing an account removes it; removing an unknown one says so")
  void remove_account() {
    add("Gone", null);
    assertThat(accounts.remove("Gone")).isTrue();
    assertThat(accounts.find("Gone")).isEmpty();
    assertThat(accounts.remove("Gone")).isFalse();
  }

  @Test
  @DisplayName("a run counts batch by batch; a run left running is interrupted by the next start")
  void sync_runs() {
    long account = add("Runs", null).id();
    SyncRuns runs = new SyncRuns();
    long killed = database.inTransaction("start", c -> runs.start(c, account, "full", T0));
    database.inTransaction(
        "count",
        c -> {
          runs.add(c, killed, new WriteResult(5, 0, 0, 0, List.of()));
          return null;
        });
    long next =
        database.inTransaction("start", c -> runs.start(c, account, "full", T0.plusSeconds(60)));
    database.inTransaction(
        "finish",
        c -> {
          runs.add(
              c,
              next,
              new WriteResult(1, 2, 3, 0, List.of(new WriteResult.Drift("x", List.of("tier")))));
          runs.finish(c, next, "succeeded", null, T0.plusSeconds(90));
          return null;
        });

    List<SyncRun> recent = database.inTransaction("list", c -> runs.recent(c, account, 10));
    assertThat(recent)
        .extracting(SyncRun::status, SyncRun::created, SyncRun::changed, SyncRun::drifted)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("succeeded", 1, 2, 1),
            org.assertj.core.groups.Tuple.tuple("interrupted", 5, 0, 0));
    assertThat(recent.get(0).finishedAt()).isEqualTo(T0.plusSeconds(90));
  }

  @Test
  @DisplayName("a checkpoint is read back as written; none before the first")
  void checkpoints() {
    long account = add("Checkpoints", null).id();
    SyncCheckpoints checkpoints = new SyncCheckpoints();
    SyncCheckpoints.Checkpoint none =
        database.inTransaction("get", c -> checkpoints.get(c, account, "licenses"));
    assertThat(none).isEqualTo(SyncCheckpoints.Checkpoint.NONE);

    var written = new SyncCheckpoints.Checkpoint(LocalDate.of(2026, 11, 1), "export-7", 5000);
    database.inTransaction(
        "put",
        c -> {
          checkpoints.put(c, account, "licenses", written);
          return null;
        });
    Optional<SyncCheckpoints.Checkpoint> read =
        database.inTransaction("get", c -> checkpoints.find(c, account, "licenses"));
    assertThat(read).contains(written);
  }

  @Test
  @DisplayName("an imported file is known by its content hash in its account only")
  void import_batches() {
    long account = add("Imports", null).id();
    long other = add("Other imports", null).id();
    ImportBatches batches = new ImportBatches();
    byte[] sha = new byte[32];
    sha[0] = 7;
    database.inTransaction(
        "record",
        c -> {
          return batches.record(c, account, "tx.csv", sha, "transactions", 12, T0);
        });
    boolean here = database.inTransaction("check", c -> batches.contains(c, account, sha));
    boolean there = database.inTransaction("check", c -> batches.contains(c, other, sha));
    assertThat(here).isTrue();
    assertThat(there).isFalse();
  }

  @Test
  @DisplayName("only one process writes an account at a time; the lock frees when released")
  void account_lock() {
    long account = add("Locked", null).id();
    try (AccountLock held = AccountLock.acquire(database.dataSource(), account, "Locked")) {
      assertThatThrownBy(() -> AccountLock.acquire(database.dataSource(), account, "Locked"))
          .isInstanceOf(StoreException.class)
          .hasMessage(
              "account Locked is being synced or imported by another process; try again when it"
                  + " ends");
    }
    AccountLock.acquire(database.dataSource(), account, "Locked").close();
  }
}
