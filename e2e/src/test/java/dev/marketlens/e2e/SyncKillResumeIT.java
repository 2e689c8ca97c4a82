package dev.marketlens.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.store.Database;
import dev.marketlens.store.TokenCipher;
import dev.marketlens.store.VendorAccounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code marketlens sync} run in a child JVM, as a user or a cron job runs it, and killed with
 * SIGKILL at random points — while the JVM or the embedded PostgreSQL starts, while an export
 * downloads, between and inside batches — then run once more to the end: the store must hold
 * exactly what an uninterrupted sync stores, each record once, every version chain whole.
 *
 * <p>A killed child leaves its embedded PostgreSQL running; the test reads the committed state from
 * that orphan (sync run, checkpoints) to log where each kill landed, and the next child's {@code
 * Database.embedded} stops it before starting its own.
 */
@DisabledOnOs(OS.WINDOWS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayName("marketlens sync killed with SIGKILL at random points")
class SyncKillResumeIT {
  private static final int CUSTOMERS = 1_000;
  private static final int KILLS = 20;
  private static final long SEED = 20_261_126L;
  private static final Duration CHILD_LIMIT = Duration.ofSeconds(240);

  @TempDir static Path tmp;

  private EmulatedMarketplace market;

  @BeforeAll
  void start() {
    market = EmulatedMarketplace.start(13, CUSTOMERS, Duration.ofMillis(400));
  }

  @AfterAll
  void stop() {
    market.close();
  }

  /** Where one kill landed, as the killed run left the store. */
  private record Landing(int attempt, long delayMillis, String where) {}

  @Test
  @DisplayName(
      "killed "
          + KILLS
          + " times and run once more, the store equals an uninterrupted sync's: same records, no"
          + " duplicates, whole version chains")
  void killedSyncsEndWhereAnUninterruptedOneDoes() throws Exception {
    long begin = System.nanoTime();
    Path reference = tmp.resolve("reference");
    long firstMillis = runToEnd(reference, "reference", market.sync());
    // A whole pass once the database exists: the span the kills are spread over.
    long passMillis = runToEnd(reference, "reference-pass", market.sync("--full"));
    System.out.printf(
        Locale.ROOT,
        "uninterrupted sync in a child JVM: first %d ms, a full pass %d ms%n",
        firstMillis,
        passMillis);

    Path home = tmp.resolve("killed");
    // The first run is killed on purpose once its first batch of transaction lines is committed,
    // in the middle of the export; the next resumes that export from the file it kept.
    Timestamp started = Timestamp.from(Instant.now());
    Process targeted = child(home, "targeted", market.sync());
    String offset = killAtFirstTransactionBatch(home, targeted, started, "");
    System.out.printf(Locale.ROOT, "targeted kill at %s: %s%n", offset, whereItLanded(home));
    assertThat(offset).as("the transactions checkpoint when killed").isNotNull();
    runToEnd(home, "resumed", market.sync());
    assertThat(output(home, "resumed"))
        .containsPattern("transactions +full by export kept by an interrupted run");

    Random random = new Random(SEED);
    List<Landing> landings = new ArrayList<>();
    int finishedFirst = 0;
    for (int attempt = 1; attempt <= KILLS; attempt++) {
      long delay = 200 + (long) (random.nextDouble() * (passMillis - 200));
      // Every attempt reads everything, so that each kill lands in a whole pass.
      Process child = child(home, "attempt-" + attempt, market.sync("--full"));
      boolean exited = child.waitFor(delay, TimeUnit.MILLISECONDS);
      if (exited) {
        finishedFirst++;
        assertThat(child.exitValue())
            .as(
                "attempt %d ended before its kill:%n%s",
                attempt, output(home, "attempt-" + attempt))
            .isZero();
        landings.add(new Landing(attempt, delay, "finished before the kill"));
        continue;
      }
      child.destroyForcibly();
      assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
      landings.add(new Landing(attempt, delay, whereItLanded(home)));
    }
    landings.forEach(
        l ->
            System.out.printf(
                Locale.ROOT,
                "kill %2d after %5d ms: %s%n",
                l.attempt(),
                l.delayMillis(),
                l.where()));

    long finalMillis = runToEnd(home, "final", market.sync());
    System.out.printf(
        Locale.ROOT,
        "final run: %d ms; whole test so far %d s%n",
        finalMillis,
        (System.nanoTime() - begin) / 1_000_000_000);

    long insideRuns = landings.stream().filter(l -> l.where().startsWith("run ")).count();
    long resumable = landings.stream().filter(l -> l.where().contains(" offset ")).count();
    System.out.printf(
        Locale.ROOT,
        "%d kills inside a sync run, %d with an export offset to resume from, %d runs finished"
            + " before their kill%n",
        insideRuns,
        resumable,
        finishedFirst);
    assertThat(insideRuns)
        .as("kills that landed inside a sync run")
        .isGreaterThanOrEqualTo(KILLS / 4);

    String account = "vendor-" + market.vendorId();
    Map<String, Long> expectedCounts;
    Records.Stored expected;
    try (Database database = Database.embedded(reference)) {
      long id = accountId(database, reference, account);
      expectedCounts = StoreShape.counts(database, id);
      expected = Records.stored(database, id);
    }
    try (Database database = Database.embedded(home)) {
      long id = accountId(database, home, account);
      Records.Stored stored = Records.stored(database, id);
      Records.assertSame("licenses", expected.licenses(), stored.licenses());
      Records.assertSame("transaction lines", expected.transactions(), stored.transactions());
      Records.assertSame("licenses served", market.licenses(), stored.licenses());
      Records.assertSame("transaction lines served", market.transactions(), stored.transactions());
      assertThat(StoreShape.counts(database, id)).isEqualTo(expectedCounts);
      assertThat(StoreShape.brokenVersionChains(database, id)).isEmpty();
      assertThat(runStatuses(database, id)).doesNotContain("running", "failed");
    }
    assertThat(filesIn(home.resolve("spool")))
        .as("exports and downloads left in the spool directory")
        .isEmpty();
    System.out.printf(
        Locale.ROOT,
        "%s: %d s in all%n",
        expectedCounts,
        (System.nanoTime() - begin) / 1_000_000_000);
  }

  /** Runs a sync in a child JVM to its end and returns how long it took. */
  private long runToEnd(Path home, String name, String[] args) throws Exception {
    long start = System.nanoTime();
    Process child = child(home, name, args);
    assertThat(child.waitFor(CHILD_LIMIT.toSeconds(), TimeUnit.SECONDS))
        .as("%s sync ended within %s", name, CHILD_LIMIT)
        .isTrue();
    String output = output(home, name);
    assertThat(child.exitValue()).as(output).isZero();
    System.out.print(output.indent(2));
    return (System.nanoTime() - start) / 1_000_000;
  }

  /**
   * Watches the child's database until its run has saved a transactions checkpoint with an export
   * offset, then kills it; returns the checkpoint it saw, or null when the child ended first.
   */
  private static String killAtFirstTransactionBatch(
      Path home, Process child, Timestamp started, String orphan) throws Exception {
    Path pidFile = home.resolve("postgres").resolve("postmaster.pid");
    long deadline = System.nanoTime() + CHILD_LIMIT.toNanos();
    try {
      while (child.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(20);
        List<String> pid = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
        // Only the child's own server: a session on the server the last kill left running would
        // hold off its smart shutdown, and the child would wait for it.
        if (pid.size() < 8 || !pid.get(7).strip().equals("ready") || pid.get(0).equals(orphan)) {
          continue;
        }
        String url =
            "jdbc:postgresql://localhost:" + pid.get(3).strip() + "/marketlens?user=postgres";
        try (Connection c = DriverManager.getConnection(url);
            PreparedStatement s =
                c.prepareStatement(
                    "SELECT export_id, export_offset FROM sync_checkpoints WHERE stream ="
                        + " 'transactions' AND export_offset > 0 AND updated_at > ?")) {
          s.setTimestamp(1, started);
          while (child.isAlive() && System.nanoTime() < deadline) {
            try (ResultSet row = s.executeQuery()) {
              if (row.next()) {
                child.destroyForcibly();
                return row.getString(1) + " at " + row.getLong(2);
              }
            }
            Thread.sleep(10);
          }
        } catch (SQLException e) {
          // not up yet, the schema not migrated yet, or the server was being replaced
        }
      }
      return null;
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
  }

  private Process child(Path home, String name, String[] args) throws IOException {
    Files.createDirectories(home);
    List<String> command =
        new ArrayList<>(
            List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m",
                // quicker to start on a busy machine; the sync itself needs little compiling
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                "-Dmarketlens.home=" + home,
                "dev.marketlens.app.Main"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(home.resolveSibling(home.getFileName() + "-" + name + ".log").toFile())
        .start();
  }

  private static String output(Path home, String name) throws IOException {
    return Files.readString(home.resolveSibling(home.getFileName() + "-" + name + ".log"), UTF_8);
  }

  /**
   * The committed state a killed child left, read from its still running PostgreSQL: the latest
   * sync run and each stream's checkpoint; or why there is none.
   */
  private static String whereItLanded(Path home) throws IOException {
    Path pidFile = home.resolve("postgres").resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return "before PostgreSQL started";
    }
    List<String> pid = Files.readAllLines(pidFile);
    if (pid.size() < 4) {
      return "while PostgreSQL was starting";
    }
    String url = "jdbc:postgresql://localhost:" + pid.get(3).strip() + "/marketlens?user=postgres";
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      StringBuilder where = new StringBuilder();
      try (ResultSet run =
          s.executeQuery(
              "SELECT id, kind, status, new_count, changed_count, unchanged_count FROM sync_runs"
                  + " ORDER BY id DESC LIMIT 1")) {
        if (!run.next()) {
          return "before the first sync run started";
        }
        if (!run.getString(3).equals("running")) {
          return "between runs: last run " + run.getLong(1) + " " + run.getString(3);
        }
        where.append(
            String.format(
                Locale.ROOT,
                "run %d (%s) running, %,d new, %,d changed, %,d unchanged committed",
                run.getLong(1),
                run.getString(2),
                run.getLong(4),
                run.getLong(5),
                run.getLong(6)));
      }
      try (ResultSet checkpoints =
          s.executeQuery(
              "SELECT stream, last_updated, export_id, export_offset FROM sync_checkpoints"
                  + " ORDER BY stream")) {
        while (checkpoints.next()) {
          where.append("; ").append(checkpoints.getString(1));
          if (checkpoints.getString(3) != null) {
            where.append(" at export offset ").append(checkpoints.getLong(4));
          } else {
            where.append(" cursor ").append(checkpoints.getString(2));
          }
        }
      }
      return where.toString();
    } catch (SQLException e) {
      return "with the database not answering (" + e.getMessage() + ")";
    }
  }

  private static long accountId(Database database, Path home, String name) {
    return new VendorAccounts(database.dataSource(), TokenCipher.forHome(home, null))
        .find(name)
        .orElseThrow()
        .id();
  }

  private static List<String> runStatuses(Database database, long account) {
    return database.inTransaction(
        "read the sync runs",
        c -> {
          List<String> statuses = new ArrayList<>();
          try (Statement s = c.createStatement();
              ResultSet rows =
                  s.executeQuery(
                      "SELECT status FROM sync_runs WHERE vendor_account_id = "
                          + account
                          + " ORDER BY id")) {
            while (rows.next()) {
              statuses.add(rows.getString(1));
            }
          }
          return statuses;
        });
  }

  private static List<String> filesIn(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).map(dir::relativize).map(Path::toString).toList();
    }
  }
}
