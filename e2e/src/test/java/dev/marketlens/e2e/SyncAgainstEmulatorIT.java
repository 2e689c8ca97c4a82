package dev.marketlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.store.Database;
import dev.marketlens.store.TokenCipher;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.store.VendorAccounts;
import dev.marketlens.sync.client.ReportingClient;
import dev.marketlens.sync.incremental.ApiSource;
import dev.marketlens.sync.incremental.Progress;
import dev.marketlens.sync.incremental.SyncEngine;
import dev.marketlens.sync.retry.RetryPolicy;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code marketlens sync} against the emulated Marketplace, one scenario in order on one world: the
 * first sync stores exactly what the API serves; a second changes nothing; faults change nothing;
 * after the world moves on, an incremental sync ends where a fresh full sync does, in fewer bytes.
 *
 * <p>The first sync runs on the embedded database of a temporary home, as a user's first sync does;
 * the test then keeps that database open on a fixed port and later syncs reach it with {@code
 * --db}, so that all the accounts compared live in one database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayName("marketlens sync against the emulated Marketplace")
class SyncAgainstEmulatorIT {
  private static final int CUSTOMERS = 300;
  private static final int DAYS = 10;

  @TempDir static Path home;

  private EmulatedMarketplace market;
  private Database database;
  private String url;
  private VendorAccounts accounts;
  private String account;

  @BeforeAll
  void start() {
    System.setProperty("marketlens.home", home.toString());
    market = EmulatedMarketplace.start(7, CUSTOMERS, Duration.ofMillis(400));
    account = "vendor-" + market.vendorId();
  }

  @AfterAll
  void stop() {
    try {
      if (database != null) {
        database.close();
      }
    } finally {
      market.close();
      System.clearProperty("marketlens.home");
    }
  }

  @Test
  @Order(1)
  @DisplayName(
      "a first sync stores exactly the licenses and transaction lines the API exports, each once")
  void firstSyncStoresTheExport() throws IOException {
    InProcessCli.Result first = InProcessCli.run(market.sync());
    assertThat(first.exitCode()).as(first.toString()).isZero();
    InProcessCli.SyncSummary summary = first.summary(account);
    assertThat(summary.kind()).isEqualTo("full");
    assertThat(summary.changed()).isZero();
    assertThat(summary.unchanged()).isZero();

    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    database = Database.embedded(home, port);
    url = "jdbc:postgresql://localhost:" + port + "/marketlens?user=postgres";
    accounts = new VendorAccounts(database.dataSource(), TokenCipher.forHome(home, null));

    Records.Keyed licenses = market.licenses();
    Records.Keyed lines = market.transactions();
    assertThat(licenses.size()).as("licenses served").isGreaterThan(100);
    assertThat(lines.size()).as("transaction lines served").isGreaterThan(500);
    Records.Stored stored = Records.stored(database, id(account));
    Records.assertSame("licenses", licenses, stored.licenses());
    Records.assertSame("transaction lines", lines, stored.transactions());
    assertThat(summary.created()).isEqualTo(licenses.size() + lines.size());
    assertThat(StoreShape.brokenVersionChains(database, id(account))).isEmpty();
    System.out.printf(
        Locale.ROOT,
        "first sync: %d licenses, %d transaction lines, %.1f MB, %d ms%n",
        licenses.size(),
        lines.size(),
        summary.megabytes(),
        first.millis());
  }

  @Test
  @Order(2)
  @DisplayName("syncing again, incrementally or in full, finds nothing new or changed")
  void syncingAgainChangesNothing() {
    var countsBefore = StoreShape.counts(database, id(account));
    Records.Stored before = Records.stored(database, id(account));

    InProcessCli.Result again = InProcessCli.run(market.sync("--db", url));
    assertThat(again.exitCode()).as(again.toString()).isZero();
    InProcessCli.SyncSummary incremental = again.summary(account);
    assertThat(incremental.kind()).isEqualTo("incremental");
    assertThat(incremental.created()).isZero();
    assertThat(incremental.changed()).isZero();
    assertThat(incremental.drifted()).isZero();
    assertThat(incremental.unchanged()).isPositive();

    InProcessCli.Result full = InProcessCli.run(market.sync("--db", url, "--full"));
    assertThat(full.exitCode()).as(full.toString()).isZero();
    InProcessCli.SyncSummary reconcile = full.summary(account);
    assertThat(reconcile.kind()).isEqualTo("reconcile");
    assertThat(reconcile.created()).isZero();
    assertThat(reconcile.changed()).isZero();
    assertThat(reconcile.drifted()).isZero();
    assertThat(reconcile.unchanged())
        .isEqualTo(before.licenses().size() + before.transactions().size());
    assertThat(full.out()).doesNotContain("no longer served");

    Records.Stored after = Records.stored(database, id(account));
    Records.assertSame("licenses", before.licenses(), after.licenses());
    Records.assertSame("transaction lines", before.transactions(), after.transactions());
    assertThat(StoreShape.counts(database, id(account))).isEqualTo(countsBefore);
  }

  @Test
  @Order(3)
  @DisplayName(
      "with 20% of requests failing (5xx, resets, cuts, slow, malformed) a full sync stores the same records")
  void faultsChangeNothing() {
    VendorAccount faulty = save("faulty");
    Path spool = home.resolve("spool").resolve("faulty");
    ReportingClient client =
        ReportingClient.builder(market.account())
            .spoolDirectory(spool)
            // polled often, so that the sync makes enough requests to meet the faults
            .pollInterval(Duration.ofMillis(5), Duration.ofMillis(20))
            .retryPolicy(
                new RetryPolicy(
                    Duration.ofMillis(10),
                    Duration.ofMillis(100),
                    8,
                    Duration.ofSeconds(5),
                    new SplittableRandom(3)))
            .build();
    long start = System.nanoTime();
    SyncEngine.Summary summary;
    market.faults("rate=20%25");
    try {
      summary = engine(client, spool, SyncEngine.Mode.FULL).run(faulty);
    } finally {
      market.faults("");
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        Locale.ROOT,
        "sync with faults: %d requests, %d retries, %d bytes, %d ms%n",
        client.requestsSent(),
        client.retries(),
        summary.bytes(),
        millis);
    assertThat(client.retries()).as("retries after faults").isPositive();
    assertThat(client.stopped()).isFalse();
    assertThat(summary.kind()).isEqualTo("full");

    Records.Stored calm = Records.stored(database, id(account));
    Records.Stored stored = Records.stored(database, faulty.id());
    Records.assertSame("licenses", calm.licenses(), stored.licenses());
    Records.assertSame("transaction lines", calm.transactions(), stored.transactions());
    assertThat(StoreShape.brokenVersionChains(database, faulty.id())).isEmpty();
  }

  @Test
  @Order(4)
  @DisplayName(
      "after the world moves on "
          + DAYS
          + " days, an incremental sync ends equal to a fresh full sync")
  void incrementalEqualsFreshFull() {
    LocalDate before = market.today();
    LocalDate after = market.advance(DAYS);
    assertThat(after).isEqualTo(before.plusDays(DAYS));

    InProcessCli.Result incremental = InProcessCli.run(market.sync("--db", url));
    assertThat(incremental.exitCode()).as(incremental.toString()).isZero();
    InProcessCli.SyncSummary changes = incremental.summary(account);
    assertThat(changes.kind()).isEqualTo("incremental");
    assertThat(changes.created() + changes.changed())
        .as("records new or changed in %d days", DAYS)
        .isPositive();

    InProcessCli.Result fresh =
        InProcessCli.run(market.sync("--db", url, "--account", "fresh", "--full"));
    assertThat(fresh.exitCode()).as(fresh.toString()).isZero();
    InProcessCli.SyncSummary full = fresh.summary("fresh");
    assertThat(full.kind()).isEqualTo("full");

    Records.Stored synced = Records.stored(database, id(account));
    Records.Stored reference = Records.stored(database, id("fresh"));
    Records.assertSame("licenses", reference.licenses(), synced.licenses());
    Records.assertSame("transaction lines", reference.transactions(), synced.transactions());
    Records.assertSame("licenses served", market.licenses(), synced.licenses());
    Records.assertSame("transaction lines served", market.transactions(), synced.transactions());
    assertThat(StoreShape.brokenVersionChains(database, id(account))).isEmpty();
    System.out.printf(
        Locale.ROOT,
        "after %d days: incremental %d new, %d changed, %.1f MB in %d ms;"
            + " fresh full %.1f MB in %d ms%n",
        DAYS,
        changes.created(),
        changes.changed(),
        changes.megabytes(),
        incremental.millis(),
        full.megabytes(),
        fresh.millis());
  }

  @Test
  @Order(5)
  @DisplayName("an incremental sync receives fewer bytes than a full one and ends where it does")
  void incrementalReceivesFewerBytes() {
    VendorAccount counted = save("counted");
    Path spool = home.resolve("spool").resolve("counted");
    ReportingClient fullClient =
        ReportingClient.builder(market.account()).spoolDirectory(spool).build();
    SyncEngine.Summary full = engine(fullClient, spool, SyncEngine.Mode.AUTO).run(counted);
    assertThat(full.kind()).isEqualTo("full");

    market.advance(DAYS);
    ReportingClient incrementalClient =
        ReportingClient.builder(market.account()).spoolDirectory(spool).build();
    SyncEngine.Summary incremental =
        engine(incrementalClient, spool, SyncEngine.Mode.AUTO).run(counted);
    assertThat(incremental.kind()).isEqualTo("incremental");
    System.out.printf(
        Locale.ROOT,
        "bytes received: full %,d, incremental after %d days %,d (%.1f%%)%n",
        full.bytes(),
        DAYS,
        incremental.bytes(),
        100.0 * incremental.bytes() / full.bytes());
    assertThat(incremental.bytes()).isPositive().isLessThan(full.bytes());

    // The first account, synced with --incremental, reaches the same state.
    InProcessCli.Result flagged = InProcessCli.run(market.sync("--db", url, "--incremental"));
    assertThat(flagged.exitCode()).as(flagged.toString()).isZero();
    assertThat(flagged.summary(account).kind()).isEqualTo("incremental");
    Records.Keyed licenses = market.licenses();
    Records.Keyed lines = market.transactions();
    for (long id : new long[] {counted.id(), id(account)}) {
      Records.Stored stored = Records.stored(database, id);
      Records.assertSame("licenses of account " + id, licenses, stored.licenses());
      Records.assertSame("transaction lines of account " + id, lines, stored.transactions());
    }
  }

  private SyncEngine engine(ReportingClient client, Path spool, SyncEngine.Mode mode) {
    return new SyncEngine(
        database,
        new ApiSource(client, spool),
        Clock.systemUTC(),
        Progress.NONE,
        SyncEngine.Options.DEFAULTS.withMode(mode));
  }

  private VendorAccount save(String name) {
    return accounts.save(
        new VendorAccount.New(
            name,
            "v2",
            market.vendorId(),
            null,
            market.baseUrl(),
            EmulatedMarketplace.EMAIL,
            EmulatedMarketplace.TOKEN));
  }

  private long id(String name) {
    return accounts.find(name).orElseThrow().id();
  }
}
