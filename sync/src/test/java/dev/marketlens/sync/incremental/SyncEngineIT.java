package dev.marketlens.sync.incremental;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketlens.store.Database;
import dev.marketlens.store.Licenses;
import dev.marketlens.store.SyncRun;
import dev.marketlens.store.SyncRuns;
import dev.marketlens.store.TokenCipher;
import dev.marketlens.store.TransactionLines;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.store.VendorAccounts;
import dev.marketlens.store.WriteResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Full, incremental, reconciling and resumed syncs from an in-memory source into the store. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SyncEngineIT {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 1);
  private static final AtomicInteger ACCOUNTS = new AtomicInteger();

  @TempDir static Path home;

  private Database database;
  private VendorAccounts accounts;
  private FakeMarketplace market;
  private VendorAccount account;
  private Instant now = Instant.parse("2026-11-02T06:00:00Z");

  @BeforeAll
  void start() {
    database = Database.embedded(home);
    accounts = new VendorAccounts(database.dataSource(), TokenCipher.forHome(home, null));
  }

  @AfterAll
  void stop() {
    database.close();
  }

  @BeforeEach
  void world() {
    market = new FakeMarketplace();
    for (int i = 1; i <= 30; i++) {
      market.license(i, "50 Users", DAY.minusDays(i), "ops" + i + "@globex.example");
      market.line(2 * i, i, "100.00", DAY.minusDays(i));
      market.line(2 * i + 1, i, "20.50", DAY.minusDays(i));
    }
    account = newAccount();
  }

  private VendorAccount newAccount() {
    return accounts.save(
        new VendorAccount.New(
            "Vendor " + ACCOUNTS.incrementAndGet(), "v2", "1001", null, null, null, null));
  }

  private SyncEngine engine(SyncEngine.Options options) {
    now = now.plusSeconds(3600);
    return new SyncEngine(
        database, market, Clock.fixed(now, ZoneOffset.UTC), Progress.NONE, options);
  }

  private SyncEngine.Summary sync(VendorAccount into, SyncEngine.Mode mode) {
    return engine(SyncEngine.Options.DEFAULTS.withMode(mode).withBatchSize(7)).run(into);
  }

  private List<String> stored(VendorAccount of) {
    List<String> records = new ArrayList<>();
    database.inTransaction(
        "read",
        c -> {
          new Licenses().forEachRecord(c, of.id(), records::add);
          new TransactionLines().forEachRecord(c, of.id(), records::add);
          return null;
        });
    return records;
  }

  @Test
  @DisplayName("the first run reads everything; the store then holds every record")
  void first_run_is_full() {
    SyncEngine.Summary summary = sync(account, SyncEngine.Mode.AUTO);

    assertThat(summary.kind()).isEqualTo("full");
    assertThat(summary.written().created()).isEqualTo(90);
    assertThat(summary.streams())
        .extracting(SyncEngine.StreamSummary::read)
        .containsExactly(30L, 60L);
    assertThat(stored(account)).hasSize(90);
  }

  @Test
  @DisplayName("a second run reads only what changed since the cursor, minus a day of overlap")
  void later_runs_are_incremental() {
    sync(account, SyncEngine.Mode.AUTO);
    long before = market.recordsSent;
    SyncEngine.Summary again = sync(account, SyncEngine.Mode.AUTO);

    assertThat(again.kind()).isEqualTo("incremental");
    // the cursor is DAY - 1 (the newest record); with one day of overlap, DAY - 2 and later
    assertThat(market.recordsSent - before).isEqualTo(2 + 4);
    assertThat(again.written().unchanged()).isEqualTo(6);
    assertThat(again.written().created() + again.written().changed()).isZero();
  }

  @Test
  @DisplayName("incremental after changes equals a fresh full sync")
  void incremental_equals_fresh_full() {
    sync(account, SyncEngine.Mode.AUTO);
    market.line(2, 1, "120.00", DAY.plusDays(1));
    market.line(500, 3, "42.00", DAY.plusDays(1));
    market.license(7, "100 Users", DAY.plusDays(1), "ops7@globex.example");
    SyncEngine.Summary incremental = sync(account, SyncEngine.Mode.AUTO);

    assertThat(incremental.kind()).isEqualTo("incremental");
    assertThat(incremental.written().created()).isEqualTo(1);
    assertThat(incremental.written().changed()).isEqualTo(2);
    VendorAccount fresh = newAccount();
    sync(fresh, SyncEngine.Mode.AUTO);
    assertThat(stored(account)).isEqualTo(stored(fresh));
  }

  @Test
  @DisplayName(
      "K14: a change without a new lastUpdated is missed by incremental, found as drift by reconcile")
  void reconcile_finds_drift() {
    sync(account, SyncEngine.Mode.AUTO);
    market.line(10, 5, "99.00", DAY.minusDays(5));
    SyncEngine.Summary incremental = sync(account, SyncEngine.Mode.INCREMENTAL);
    assertThat(incremental.written().changed()).isZero();

    SyncEngine.Summary reconcile = sync(account, SyncEngine.Mode.FULL);
    assertThat(reconcile.kind()).isEqualTo("reconcile");
    assertThat(reconcile.written().drifts())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.id()).isEqualTo("transaction line 10 (AT-5)");
              assertThat(d.fields())
                  .containsExactly("purchaseDetails.purchasePrice", "purchaseDetails.vendorAmount");
            });
    SyncRun run = database.inTransaction("run", c -> new SyncRuns().find(c, reconcile.run())).get();
    assertThat(run.drifted()).isEqualTo(1);
  }

  @Test
  @DisplayName("a full pass reports records that disappeared, and keeps them")
  void reconcile_reports_disappeared() {
    sync(account, SyncEngine.Mode.AUTO);
    market.removeLine(11);
    SyncEngine.Summary reconcile = sync(account, SyncEngine.Mode.FULL);

    assertThat(reconcile.streams().get(1).disappeared()).containsExactly("11");
    assertThat(stored(account)).hasSize(90);
  }

  @Test
  @DisplayName("a run that fails half-way is recorded failed; the next resumes and ends identical")
  void a_failed_run_resumes_to_the_same_result() {
    VendorAccount uninterrupted = newAccount();
    sync(uninterrupted, SyncEngine.Mode.AUTO);

    for (long failAt : new long[] {0, 6, 7, 29, 30, 45}) {
      market.failAfter(failAt);
      assertThatThrownBy(() -> sync(account, SyncEngine.Mode.AUTO))
          .isInstanceOf(SyncException.class)
          .hasMessageContaining("connection reset")
          .hasMessageContaining("the next sync resumes from there");
    }
    long before = market.recordsSent;
    sync(account, SyncEngine.Mode.AUTO);

    assertThat(stored(account)).isEqualTo(stored(uninterrupted));
    List<SyncRun> runs =
        database.inTransaction("runs", c -> new SyncRuns().recent(c, account.id(), 10));
    assertThat(runs.get(0).status()).isEqualTo("succeeded");
    assertThat(runs.subList(1, runs.size())).extracting(SyncRun::status).containsOnly("failed");
    assertThat(market.recordsSent - before).isLessThanOrEqualTo(90);
  }

  @Test
  @DisplayName(
      "K20 RTBF: a redaction arriving by sync replaces the contact in every stored version")
  void a_redaction_reaches_every_version() {
    sync(account, SyncEngine.Mode.AUTO);
    market.license(3, "100 Users", DAY.plusDays(1), "ops3@globex.example");
    sync(account, SyncEngine.Mode.AUTO);
    market.license(3, "100 Users", DAY.plusDays(2), "RTBF");
    SyncEngine.Summary redaction = sync(account, SyncEngine.Mode.AUTO);

    assertThat(redaction.written().redacted()).isEqualTo(1);
    String everything =
        database.inTransaction(
            "read versions",
            c -> {
              try (var select =
                  c.prepareStatement(
                      "SELECT string_agg(coalesce(v.record::text, '') || v.changed::text, ' ')"
                          + " || max(l.record::text) FROM license_versions v"
                          + " JOIN licenses l USING (license_key) WHERE l.vendor_account_id = ?"); ) {
                select.setLong(1, account.id());
                try (var rows = select.executeQuery()) {
                  rows.next();
                  return rows.getString(1);
                }
              }
            });
    assertThat(everything).doesNotContain("ops3@globex.example").contains("RTBF");
  }

  @Test
  @DisplayName("a reconcile killed half-way is finished by the next run, even when none is due")
  void an_interrupted_reconcile_is_finished() {
    sync(account, SyncEngine.Mode.AUTO);
    market.line(10, 5, "99.00", DAY.minusDays(5));
    market.failAfter(40);
    assertThatThrownBy(() -> sync(account, SyncEngine.Mode.FULL)).isInstanceOf(SyncException.class);

    SyncEngine.Summary next = sync(account, SyncEngine.Mode.AUTO);

    assertThat(next.kind()).isEqualTo("reconcile");
    assertThat(next.written().drifts())
        .extracting(WriteResult.Drift::id)
        .containsExactly("transaction line 10 (AT-5)");
  }
}
