package dev.marketlens.bench;

import dev.marketlens.emulator.commerce.Vendor;
import dev.marketlens.emulator.reporting.ApiUser;
import dev.marketlens.emulator.reporting.EmulatorSettings;
import dev.marketlens.emulator.reporting.Marketplace;
import dev.marketlens.emulator.reporting.ReportingServer;
import dev.marketlens.emulator.world.WorldSpec;
import dev.marketlens.model.id.VendorId;
import dev.marketlens.store.Database;
import dev.marketlens.store.TokenCipher;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.store.VendorAccounts;
import dev.marketlens.store.WriteResult;
import dev.marketlens.sync.client.ApiAccount;
import dev.marketlens.sync.client.ApiVersion;
import dev.marketlens.sync.client.ReportingClient;
import dev.marketlens.sync.incremental.ApiSource;
import dev.marketlens.sync.incremental.Progress;
import dev.marketlens.sync.incremental.SyncEngine;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A full sync of one vendor of a generated world from the emulated reporting API, in process over
 * HTTP on localhost, into an empty embedded PostgreSQL; then the emulator's clock moves one day
 * ({@code POST /_emulator/advance}) and the daily incremental sync runs. Prints the bytes each
 * received and their ratio (target: the daily sync receives at most 1 % of the full sync's bytes),
 * and the times. Each sync has its own client, so its byte count is its own.
 *
 * <p>Usage: {@code bench/run incremental-sync [customers]} (default 30000 customers).
 */
public final class IncrementalSyncBench {
  private static final String EMAIL = "bench@example.com";
  private static final String TOKEN = "bench-token";
  private static final String ADMIN = "bench-admin";

  private IncrementalSyncBench() {}

  public static void main(String[] args) throws Exception {
    int customers = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
    Path dir = Files.createTempDirectory("marketlens-bench-sync");
    try {
      run(customers, dir);
    } finally {
      ImportBench.delete(dir);
    }
  }

  private static void run(int customers, Path dir) throws Exception {
    WorldSpec spec = WorldSpec.of(42, customers);
    long g0 = System.nanoTime();
    Marketplace market = new Marketplace(spec, Set.of(), false);
    double generated = (System.nanoTime() - g0) / 1e9;
    Vendor vendor = market.vendors().get(0);
    EmulatorSettings settings =
        EmulatorSettings.defaults(
                spec, List.of(new ApiUser(EMAIL, TOKEN, Set.of(vendor.vendorId()))), ADMIN)
            .withReportingLag(false)
            .withExportTiming(Duration.ZERO, Duration.ZERO);
    Path home = dir.resolve("home");
    try (ReportingServer server = ReportingServer.start(settings, market);
        Database database = Database.embedded(home)) {
      URI base = URI.create(server.baseUrl("127.0.0.1"));
      System.out.printf(
          "incremental sync: seed 42, %,d customers, vendor %d: %,d transaction lines, %,d licenses"
              + " (world generated in %.1f s), emulator day %s, %d cores, load average %s%n",
          customers,
          vendor.vendorId(),
          market.view(vendor).transactions().size(),
          market.view(vendor).licenses().size(),
          generated,
          market.today(),
          Runtime.getRuntime().availableProcessors(),
          ImportBench.loadAverage());
      VendorAccounts accounts =
          new VendorAccounts(database.dataSource(), TokenCipher.forHome(home, null));
      VendorAccount account =
          accounts.save(
              new VendorAccount.New(
                  "bench",
                  "v2",
                  Long.toString(vendor.vendorId()),
                  null,
                  base.toString(),
                  EMAIL,
                  TOKEN));
      ApiAccount api =
          new ApiAccount(
              base,
              ApiVersion.V2,
              VendorId.of(Long.toString(vendor.vendorId())),
              null,
              EMAIL,
              TOKEN);

      CpuTime cpu = new CpuTime(database.dataDirectory());
      double[] c0 = cpu.now();
      long f0 = System.nanoTime();
      SyncEngine.Summary full = sync(database, api, dir.resolve("spool"), account);
      double fullSeconds = (System.nanoTime() - f0) / 1e9;
      double[] c1 = cpu.now();

      advance(base);
      double[] c2 = cpu.now();
      long i0 = System.nanoTime();
      SyncEngine.Summary daily = sync(database, api, dir.resolve("spool"), account);
      double dailySeconds = (System.nanoTime() - i0) / 1e9;
      double[] c3 = cpu.now();

      print("full sync       ", full, fullSeconds, c0, c1);
      print("daily increment ", daily, dailySeconds, c2, c3);
      double ratio = (double) daily.bytes() / full.bytes();
      System.out.printf(
          "  bytes daily/full  %.3f %% (target ≤ 1 %%); time daily/full %.3f%n",
          100 * ratio, dailySeconds / fullSeconds);
      System.out.printf("  load average after: %s%n", ImportBench.loadAverage());
      System.out.println(
          "  result: "
              + (ratio <= 0.01 && daily.kind().equals("incremental")
                  ? "within targets"
                  : "OUTSIDE targets"));
    }
  }

  private static SyncEngine.Summary sync(
      Database database, ApiAccount api, Path spool, VendorAccount account) throws Exception {
    Files.createDirectories(spool);
    ReportingClient client =
        ReportingClient.builder(api)
            .pollInterval(Duration.ofMillis(20), Duration.ofMillis(100))
            .build();
    return new SyncEngine(
            database,
            new ApiSource(client, spool),
            Clock.systemUTC(),
            Progress.NONE,
            SyncEngine.Options.DEFAULTS)
        .run(account);
  }

  private static void print(
      String what, SyncEngine.Summary summary, double seconds, double[] cpu0, double[] cpu1) {
    WriteResult w = summary.written();
    StringBuilder streams = new StringBuilder();
    for (SyncEngine.StreamSummary s : summary.streams()) {
      streams.append(String.format("; %s %,d read (%s)", s.stream(), s.read(), s.path()));
    }
    System.out.printf(
        "  %s %s: %,12d bytes in %7.2f s (CPU: JVM with the emulator %.1f s, PostgreSQL %.1f s);"
            + " %,d new, %,d changed, %,d unchanged%s%n",
        what,
        summary.kind(),
        summary.bytes(),
        seconds,
        cpu1[0] - cpu0[0],
        cpu1[1] - cpu0[1],
        w.created(),
        w.changed(),
        w.unchanged(),
        streams);
  }

  private static void advance(URI base) throws Exception {
    HttpResponse<String> res =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(
                HttpRequest.newBuilder(base.resolve("/_emulator/advance?days=1"))
                    .header("Authorization", "Bearer " + ADMIN)
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() != 200) {
      throw new IllegalStateException("advance answered " + res.statusCode() + " " + res.body());
    }
    System.out.println("  emulator advanced one day: " + res.body());
  }
}
