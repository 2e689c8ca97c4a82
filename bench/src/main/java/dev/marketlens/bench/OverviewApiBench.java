package dev.marketlens.bench;

import dev.marketlens.emulator.wire.ExportFormat;
import dev.marketlens.emulator.wire.ExportWriter;
import dev.marketlens.emulator.wire.WireFormat;
import dev.marketlens.emulator.world.World;
import dev.marketlens.emulator.world.WorldGenerator;
import dev.marketlens.emulator.world.WorldSpec;
import dev.marketlens.store.ApiTokens;
import dev.marketlens.store.Database;
import dev.marketlens.store.TokenCipher;
import dev.marketlens.store.User;
import dev.marketlens.store.Users;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.store.VendorAccounts;
import dev.marketlens.sync.files.Importer;
import dev.marketlens.web.WebServer;
import dev.marketlens.web.WebSettings;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/**
 * The overview's REST calls on a store of about 1,000,000 transaction lines, with 16 concurrent
 * clients authenticated by API token: MRR over the last twelve months, and movements, churn, NRR
 * and conversion of the last month, each client issuing them in turn for a fixed time. Target: p99
 * under 50 ms. Prints requests, throughput, p50/p90/p99/max per endpoint and overall.
 *
 * <p>The reference, in the same process and server: the same 16 clients calling {@code
 * /actuator/health} with the same token (HTTP, the security filters and the token look-up, no
 * metrics), and one client alone issuing the overview's calls (no contention). The ratios say what
 * the reports and the concurrency add.
 *
 * <p>The store is built once — a world of seed 42 generated, its licenses and transaction lines
 * imported into one vendor account of an embedded PostgreSQL — and kept in {@code
 * $TMPDIR/marketlens-bench-overview-api-<customers>} for later runs (delete it to build it again).
 * The first call loads the records and computes the metrics: timed apart, then a warm-up.
 *
 * <p>Usage: {@code BENCH_JAVA_OPTS=-Xmx6g bench/run overview-api [customers] [seconds]} (default
 * 130000 customers, about 1M lines; 30 seconds per measured run): the loaded book of 1M lines holds
 * about 2.6 GiB, more than {@code bench/run}'s default heap. {@code -Dmarketlens.bench.store=DIR}
 * puts the store elsewhere. docs/web/benchmark.md has the figures.
 */
public final class OverviewApiBench {
  private static final int CLIENTS = 16;
  private static final double TARGET_P99_MS = 50;
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private OverviewApiBench() {}

  public static void main(String[] args) throws Exception {
    int customers = args.length > 0 ? Integer.parseInt(args[0]) : 130_000;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    WorldSpec spec = WorldSpec.of(42, customers);
    Path home =
        Path.of(
            System.getProperty(
                "marketlens.bench.store",
                Path.of(
                        System.getProperty("java.io.tmpdir"),
                        "marketlens-bench-overview-api-" + customers)
                    .toString()));
    System.out.printf(
        "overview API: seed 42, %,d customers, %d clients, %d s per run, %d cores, max heap %d"
            + " MiB, load average %s%n",
        customers,
        CLIENTS,
        seconds,
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        ImportBench.loadAverage());
    boolean built = build(spec, home);
    try (Database database = Database.embedded(home)) {
      long lines = count(database, "transaction_lines");
      System.out.printf(
          "  store %s: %,d transaction lines, %,d licenses (%s)%n",
          home, lines, count(database, "licenses"), built ? "built now" : "reused");
      TokenCipher cipher = TokenCipher.forHome(home, null);
      String token = token(database);
      Clock clock = Clock.fixed(spec.to().atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
      try (WebServer server =
          WebServer.start(
              new WebSettings(
                  "127.0.0.1",
                  0,
                  database,
                  home,
                  cipher,
                  clock,
                  false,
                  HexFormat.of().formatHex(new SecureRandom().generateSeed(16)),
                  false))) {
        run(server.port(), token, spec.to(), seconds);
      }
    }
  }

  private static void run(int port, String token, LocalDate today, int seconds) throws Exception {
    String base = "http://127.0.0.1:" + port;
    YearMonth to = YearMonth.from(today);
    YearMonth from = to.minusMonths(11);
    Map<String, String> calls = new LinkedHashMap<>();
    calls.put("mrr", "/api/v1/reports/mrr?from=" + from + "&to=" + to);
    for (String kind : List.of("movements", "churn", "nrr", "conversion")) {
      calls.put(kind, "/api/v1/reports/" + kind + "?from=" + to + "&to=" + to);
    }
    List<String> names = List.copyOf(calls.keySet());
    List<String> paths = List.copyOf(calls.values());

    // Cold: the first call loads the records and computes the metrics; then each report once.
    long c0 = System.nanoTime();
    long bytes = get(base, paths.get(0), token);
    double cold = (System.nanoTime() - c0) / 1e9;
    long r0 = System.nanoTime();
    for (String path : paths.subList(1, paths.size())) {
      bytes += get(base, path, token);
    }
    double others = (System.nanoTime() - r0) / 1e9;
    System.gc();
    System.out.printf(
        "  cold: first call (records loaded, metrics computed) %.1f s; the other four reports"
            + " %.2f s; %,d bytes in all; heap after GC %,d MiB%n",
        cold, others, bytes, Heap.used() >> 20);

    List<String> health = List.of("/actuator/health");
    load(base, token, paths, CLIENTS, Math.max(5, seconds / 3)); // warm-up
    load(base, token, health, CLIENTS, Math.max(3, seconds / 6)); // warm-up

    Result overview = load(base, token, paths, CLIENTS, seconds);
    Result reference = load(base, token, health, CLIENTS, seconds / 2);
    Result alone = load(base, token, paths, 1, seconds / 2);

    System.out.printf(
        "  %-36s %9s %9s %8s %8s %8s %8s%n",
        "", "requests", "per s", "p50 ms", "p90 ms", "p99 ms", "max ms");
    for (int k = 0; k < names.size(); k++) {
      print("overview, 16 clients: " + names.get(k), overview.of(k), seconds);
    }
    print("overview, 16 clients: all five", overview.all(), seconds);
    print("reference: /actuator/health, 16", reference.all(), seconds / 2);
    print("reference: overview, 1 client", alone.all(), seconds / 2);
    long[] all = overview.all();
    long[] ref = reference.all();
    long[] one = alone.all();
    System.out.printf(
        "  ratios: overview p99 / health p99 %.1f, p50 %.1f; 16 clients p99 / 1 client p99 %.1f;"
            + " throughput 16 / 1 clients %.2f%n",
        (double) percentile(all, 99) / percentile(ref, 99),
        (double) percentile(all, 50) / percentile(ref, 50),
        (double) percentile(all, 99) / percentile(one, 99),
        (all.length / (double) seconds) / (one.length / (seconds / 2.0)));
    double p99 = percentile(all, 99) / 1e3;
    System.out.printf("  load average after: %s%n", ImportBench.loadAverage());
    System.out.printf(
        "  result: p99 %.1f ms with %d clients — %s (target < %.0f ms)%n",
        p99, CLIENTS, p99 < TARGET_P99_MS ? "within target" : "OUTSIDE target", TARGET_P99_MS);
  }

  /** Latencies in µs of every request, by the index of the call in the list. */
  private record Result(List<long[]> byCall) {
    long[] of(int call) {
      return byCall.get(call);
    }

    long[] all() {
      return byCall.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    }
  }

  /**
   * {@code clients} threads, each issuing the calls in turn (each starting at another call) until
   * {@code seconds} have passed.
   */
  private static Result load(
      String base, String token, List<String> paths, int clients, int seconds) throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<List<List<Long>>>> futures = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int first = c;
        futures.add(
            pool.submit(
                () -> {
                  List<List<Long>> mine = new ArrayList<>();
                  paths.forEach(p -> mine.add(new ArrayList<>()));
                  for (int i = first; System.nanoTime() < end; i++) {
                    int call = i % paths.size();
                    long t0 = System.nanoTime();
                    get(base, paths.get(call), token);
                    mine.get(call).add((System.nanoTime() - t0) / 1000);
                  }
                  return mine;
                }));
      }
      List<List<Long>> merged = new ArrayList<>();
      paths.forEach(p -> merged.add(new ArrayList<>()));
      for (Future<List<List<Long>>> f : futures) {
        List<List<Long>> mine = f.get();
        for (int k = 0; k < paths.size(); k++) {
          merged.get(k).addAll(mine.get(k));
        }
      }
      return new Result(
          merged.stream()
              .map(l -> l.stream().mapToLong(Long::longValue).sorted().toArray())
              .toList());
    } finally {
      pool.shutdown();
    }
  }

  private static void print(String what, long[] sorted, int seconds) {
    System.out.printf(
        "  %-36s %,9d %,9.0f %8.1f %8.1f %8.1f %8.1f%n",
        what,
        sorted.length,
        sorted.length / (double) seconds,
        percentile(sorted, 50) / 1e3,
        percentile(sorted, 90) / 1e3,
        percentile(sorted, 99) / 1e3,
        sorted[sorted.length - 1] / 1e3);
  }

  /** One authenticated GET; fails unless 200. Returns the body's size. */
  private static long get(String base, String path, String token)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> r =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .timeout(Duration.ofMinutes(5))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(
          "GET " + path + " answered " + r.statusCode() + ": " + new String(r.body()));
    }
    return r.body().length;
  }

  private static long percentile(long[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * p / 100.0) - 1)];
  }

  /**
   * Generates the world and imports it into {@code home}'s embedded database unless a previous run
   * finished doing so. Returns whether it built the store now.
   */
  private static boolean build(WorldSpec spec, Path home) throws IOException {
    Path ready = home.resolve("bench-store-ready");
    if (Files.exists(ready)) {
      return false;
    }
    if (Files.exists(home)) {
      ImportBench.delete(home);
    }
    Files.createDirectories(home);
    long g0 = System.nanoTime();
    Path licenses = home.resolve("licenses.json");
    Path transactions = home.resolve("transactions.json");
    int lines;
    {
      World world = new WorldGenerator().generate(spec);
      lines = world.transactions().size();
      WireFormat wire = WireFormat.V2.dataInsights(true);
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(licenses), 1 << 16)) {
        ExportWriter.licenses(ExportFormat.JSON, wire).write(world.licenses(), out);
      }
      try (OutputStream out =
          new BufferedOutputStream(Files.newOutputStream(transactions), 1 << 16)) {
        ExportWriter.transactions(ExportFormat.JSON, wire).write(world.transactions(), out);
      }
    }
    System.out.printf(
        "  world of %,d transaction lines generated and written in %.1f s%n",
        lines, (System.nanoTime() - g0) / 1e9);
    System.gc();
    long i0 = System.nanoTime();
    try (Database database = Database.embedded(home)) {
      VendorAccount account =
          new VendorAccounts(database.dataSource(), TokenCipher.forHome(home, null))
              .save(new VendorAccount.New("bench", "v2", null, null, null, null, null));
      Importer importer = new Importer(database, Clock.systemUTC());
      importer.importFile(account, licenses);
      importer.importFile(account, transactions);
    }
    System.out.printf("  imported in %.1f s%n", (System.nanoTime() - i0) / 1e9);
    Files.delete(licenses);
    Files.delete(transactions);
    Files.writeString(ready, spec + "\n");
    return true;
  }

  /** A fresh API token of the benchmark's admin user (created on first use). */
  private static String token(Database database) {
    Users users = new Users(database.dataSource());
    User user =
        users
            .find("bench")
            .orElseGet(
                () ->
                    users.save(
                        "bench",
                        PasswordEncoderFactories.createDelegatingPasswordEncoder()
                            .encode(HexFormat.of().formatHex(new SecureRandom().generateSeed(16))),
                        "admin",
                        true,
                        List.of()));
    return new ApiTokens(database.dataSource()).create(user.id(), "overview benchmark").token();
  }

  private static long count(Database database, String table) {
    return database.inTransaction(
        "count " + table,
        c -> {
          try (var s = c.createStatement();
              var r = s.executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
          }
        });
  }
}
