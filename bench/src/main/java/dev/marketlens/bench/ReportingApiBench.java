package dev.marketlens.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.marketlens.emulator.commerce.Vendor;
import dev.marketlens.emulator.reporting.ApiUser;
import dev.marketlens.emulator.reporting.AppFilter;
import dev.marketlens.emulator.reporting.EmulatorSettings;
import dev.marketlens.emulator.reporting.Marketplace;
import dev.marketlens.emulator.reporting.Params;
import dev.marketlens.emulator.reporting.ReportingServer;
import dev.marketlens.emulator.reporting.TransactionQuery;
import dev.marketlens.emulator.reporting.VendorView;
import dev.marketlens.emulator.wire.ExportFormat;
import dev.marketlens.emulator.wire.ExportWriter;
import dev.marketlens.emulator.wire.WireFormat.ApiVersion;
import dev.marketlens.emulator.world.WorldSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * The emulated reporting API under load, over real HTTP on localhost: an async export download of
 * every transaction line of a world with at least 1,000,000 of them (target ≥ 100 MB/s, and a heap
 * that does not grow with the export's size), and list latency with 16 concurrent clients (p50,
 * p99). The reference, in the same process, writes the same export straight to a null stream: the
 * ratio is what HTTP and the async protocol add.
 *
 * <p>Usage: {@code bench/run reporting-api [customers]} (default 130000 customers).
 */
public final class ReportingApiBench {

  private static final String EMAIL = "bench@example.com";
  private static final String TOKEN = "bench-token";
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
  private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");

  /** The highest heap occupancy seen right after a garbage collection, since the last reset. */
  private static final AtomicLong LIVE_PEAK = new AtomicLong();

  private ReportingApiBench() {}

  public static void main(String[] args) throws Exception {
    int customers = args.length > 0 ? Integer.parseInt(args[0]) : 130_000;
    watchCollections();
    WorldSpec spec = WorldSpec.of(42, customers);
    long g0 = System.nanoTime();
    Marketplace market = new Marketplace(spec, Set.of(), false);
    long g1 = System.nanoTime();
    Vendor vendor = market.vendors().get(0);
    EmulatorSettings settings =
        EmulatorSettings.defaults(
                spec, List.of(new ApiUser(EMAIL, TOKEN, Set.of(vendor.vendorId()))), "bench-admin")
            .withReportingLag(false)
            .withExportTiming(Duration.ZERO, Duration.ZERO);
    try (ReportingServer server = ReportingServer.start(settings, market)) {
      String base = server.baseUrl("127.0.0.1");
      String root = base + "/rest/2/vendors/" + vendor.vendorId() + "/reporting";
      VendorView view = market.view(vendor);
      int lines = view.transactions().size();
      System.out.printf(
          "reporting API: seed 42, %,d customers → %,d transaction lines, %,d licenses"
              + " (world generated in %.1f s), %d cores, max heap %d MiB%n",
          customers,
          lines,
          view.licenses().size(),
          (g1 - g0) / 1e9,
          Runtime.getRuntime().availableProcessors(),
          Runtime.getRuntime().maxMemory() >> 20);

      // Warm-up: every code path once, on a small slice.
      for (int i = 0; i < 3; i++) {
        download(root, "/sales/transactions", "accept=json&startDate=2026-10-01");
        download(root, "/sales/transactions", "accept=csv&startDate=2026-10-01");
        direct(view, vendor, ExportFormat.JSON, Params.of("startDate", "2026-10-01"));
        latency(root, 2, 50, lines);
      }

      // Reference: the same bodies written in this process to a null stream.
      double directJson = direct(view, vendor, ExportFormat.JSON, Params.of());
      double directCsv = direct(view, vendor, ExportFormat.CSV, Params.of());

      // A tenth of the lines, then all of them: the live heap after GC must not grow with size.
      Params tenthFilter = Params.of("startDate", tenthStart(view));
      System.gc();
      long baseline = liveNow();
      LIVE_PEAK.set(0);
      Result small =
          download(root, "/sales/transactions", "accept=json&startDate=" + tenthStart(view));
      long smallPeak = LIVE_PEAK.get();
      System.gc();
      LIVE_PEAK.set(0);
      Result json = download(root, "/sales/transactions", "accept=json");
      long fullPeak = LIVE_PEAK.get();
      Result csv = download(root, "/sales/transactions", "accept=csv");
      direct(view, vendor, ExportFormat.JSON, tenthFilter);

      for (String[] name : new String[][] {{"JSON", "json"}, {"CSV ", "csv"}}) {
        Result r = name[1].equals("json") ? json : csv;
        double direct = name[1].equals("json") ? directJson : directCsv;
        System.out.printf(
            "  async export, %s     %,d bytes downloaded in %.2f s = %,.0f MB/s (target ≥ 100);"
                + " direct %,.0f MB/s, ratio %.2f; initiation to COMPLETED %.1f s%n",
            name[0],
            r.bytes,
            r.seconds,
            r.mbPerSecond(),
            direct,
            r.mbPerSecond() / direct,
            r.waited);
      }
      System.out.printf(
          "  live heap after GC     before %,d MiB; peak during a %,d-byte export +%,d MiB, during"
              + " the %,d-byte export +%,d MiB%n",
          baseline >> 20,
          small.bytes,
          Math.max(0, smallPeak - baseline) >> 20,
          json.bytes,
          Math.max(0, fullPeak - baseline) >> 20);

      latency(root, 16, 20, lines);
      List<Long> micros = latency(root, 16, 200, lines);
      Collections.sort(micros);
      System.out.printf(
          "  list latency, 16 concurrent clients, %,d requests (limit 50, random offsets, sorts and"
              + " filters): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          micros.size(),
          percentile(micros, 50) / 1e3,
          percentile(micros, 99) / 1e3,
          micros.get(micros.size() - 1) / 1e3);
      boolean ok =
          json.mbPerSecond() >= 100
              && csv.mbPerSecond() >= 100
              && fullPeak - baseline < (256L << 20);
      System.out.println("  result: " + (ok ? "within targets" : "OUTSIDE targets"));
    }
  }

  /** An export: its size, the download's time, and the time from initiation to completion. */
  private record Result(long bytes, double seconds, double waited) {
    double mbPerSecond() {
      return bytes / 1e6 / seconds;
    }
  }

  /** Initiates an async export, waits for it and downloads it, counting bytes. */
  private static Result download(String root, String path, String query) throws Exception {
    long t0 = System.nanoTime();
    String started =
        send(
            HttpRequest.newBuilder(uri(root + path + "/async/export?" + query))
                .POST(HttpRequest.BodyPublishers.noBody()));
    Matcher m = ID.matcher(started);
    if (!m.find()) {
      throw new IllegalStateException("no export id in " + started);
    }
    String id = m.group(1);
    String status;
    do {
      Matcher s =
          STATUS.matcher(
              send(HttpRequest.newBuilder(uri(root + path + "/async/export/" + id + "/status"))));
      status = s.find() ? s.group(1) : "?";
      if (!status.equals("COMPLETED")) {
        Thread.sleep(5);
      }
    } while (!status.equals("COMPLETED") && !status.equals("FAILED"));
    long t1 = System.nanoTime();
    // The body is read from a plain socket, as curl would: the JDK client's chunk decoding would
    // otherwise cost as much CPU as the server on these two cores.
    URI download = uri(root + path + "/async/export/" + id);
    long bytes = 0;
    try (java.net.Socket socket = new java.net.Socket(download.getHost(), download.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET "
                  + download.getRawPath()
                  + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nAuthorization: "
                  + authorization()
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] buffer = new byte[1 << 16];
      InputStream in = socket.getInputStream();
      int n = in.read(buffer);
      String head = new String(buffer, 0, Math.max(0, Math.min(n, 12)), StandardCharsets.US_ASCII);
      if (!head.startsWith("HTTP/1.1 200")) {
        throw new IllegalStateException("download answered " + head);
      }
      for (bytes = n; (n = in.read(buffer)) > 0; ) {
        bytes += n;
      }
    }
    return new Result(bytes, (System.nanoTime() - t1) / 1e9, (t1 - t0) / 1e9);
  }

  /** MB/s of writing the export in this process, without HTTP. */
  private static double direct(VendorView view, Vendor vendor, ExportFormat format, Params p) {
    TransactionQuery q =
        TransactionQuery.parse(p, ApiVersion.V2, AppFilter.of(vendor, ApiVersion.V2, p), false);
    long[] bytes = {0};
    OutputStream sink =
        new OutputStream() {
          @Override
          public void write(int b) {
            bytes[0]++;
          }

          @Override
          public void write(byte[] b, int off, int len) {
            bytes[0] += len;
          }
        };
    long t0 = System.nanoTime();
    ExportWriter.transactions(format, q.wire()).write(view.transactions(q), sink);
    return bytes[0] / 1e6 / ((System.nanoTime() - t0) / 1e9);
  }

  /** {@code clients} threads each sending {@code requests} list requests; latencies in µs. */
  private static List<Long> latency(String root, int clients, int requests, int lines)
      throws Exception {
    String[] shapes = {
      "/sales/transactions?limit=50&offset=%d",
      "/sales/transactions?limit=50&offset=%d&sortBy=vendorAmount&order=asc",
      "/sales/transactions?limit=50&offset=%d&hosting=cloud&saleType=renewal",
      "/licenses?limit=50&offset=%d",
      "/licenses?limit=50&offset=%d&sortBy=company&withDataInsights=true",
      "/sales/transactions?limit=50&offset=%d&text=inc"
    };
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    try {
      List<Future<List<Long>>> futures = new ArrayList<>();
      for (int c = 0; c < clients; c++) {
        int seed = c;
        futures.add(
            pool.submit(
                () -> {
                  SplittableRandom random = new SplittableRandom(seed);
                  List<Long> out = new ArrayList<>(requests);
                  for (int i = 0; i < requests; i++) {
                    String shape = shapes[random.nextInt(shapes.length)];
                    int offset = random.nextInt(Math.max(1, lines / 20));
                    long t0 = System.nanoTime();
                    send(HttpRequest.newBuilder(uri(root + String.format(shape, offset))));
                    out.add((System.nanoTime() - t0) / 1000);
                  }
                  return out;
                }));
      }
      List<Long> all = new ArrayList<>();
      for (Future<List<Long>> f : futures) {
        all.addAll(f.get());
      }
      return all;
    } finally {
      pool.shutdown();
    }
  }

  private static String send(HttpRequest.Builder b) throws IOException, InterruptedException {
    HttpResponse<String> res = CLIENT.send(auth(b).build(), HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() != 200) {
      throw new IllegalStateException(res.statusCode() + " " + res.body());
    }
    return res.body();
  }

  private static HttpRequest.Builder auth(HttpRequest.Builder b) {
    return b.header("Authorization", authorization());
  }

  private static String authorization() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((EMAIL + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
  }

  private static URI uri(String s) {
    return URI.create(s);
  }

  /** The sale date from which about a tenth of the lines were sold. */
  private static String tenthStart(VendorView view) {
    List<java.time.LocalDate> dates =
        view.transactions().stream().map(t -> t.purchaseDetails().saleDate()).sorted().toList();
    return dates.get(dates.size() * 9 / 10).toString();
  }

  private static double percentile(List<Long> sorted, int p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * p / 100.0) - 1));
  }

  private static long liveNow() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void watchCollections() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ((NotificationEmitter) gc)
          .addNotificationListener(
              (n, h) -> {
                if (!n.getType()
                    .equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                  return;
                }
                GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
                long used =
                    info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                        .mapToLong(java.lang.management.MemoryUsage::getUsed)
                        .sum();
                LIVE_PEAK.accumulateAndGet(used, Math::max);
              },
              null,
              null);
    }
  }
}
