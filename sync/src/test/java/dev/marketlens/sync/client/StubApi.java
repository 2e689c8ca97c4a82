package dev.marketlens.sync.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.marketlens.model.id.VendorId;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A reporting API that answers exactly the scripted sequence of responses per path, for the
 * behaviours the emulator cannot produce on demand. Unscripted requests get 599 so a test sees
 * them.
 */
final class StubApi implements AutoCloseable {

  static final String VENDOR = "1212980";
  static final String ROOT = "/rest/2/vendors/" + VENDOR + "/reporting";
  static final String EMAIL = "me@example.com";
  static final String TOKEN = "stub-token-123";

  /** One scripted response. */
  @FunctionalInterface
  interface Answer {
    void answer(HttpExchange exchange) throws IOException;
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Map<String, Deque<Answer>> script = new ConcurrentHashMap<>();
  final List<String> requests = Collections.synchronizedList(new ArrayList<>());
  final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());

  StubApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(threads);
    server.createContext(
        "/",
        exchange -> {
          String path = exchange.getRequestURI().getPath();
          requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
          authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
          Deque<Answer> answers = script.get(exchange.getRequestMethod() + " " + path);
          Answer next;
          synchronized (this) {
            next = answers == null ? null : answers.size() > 1 ? answers.poll() : answers.peek();
          }
          try {
            if (next == null) {
              send(exchange, 599, "text/plain", "not scripted: " + path);
            } else {
              next.answer(exchange);
            }
          } finally {
            exchange.close();
          }
        });
    server.start();
  }

  /** Answers {@code method path} with these responses in turn, the last one from then on. */
  StubApi on(String method, String path, Answer... answers) {
    script.put(method + " " + path, new ArrayDeque<>(List.of(answers)));
    return this;
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  ApiAccount account() {
    return new ApiAccount(base(), ApiVersion.V2, VendorId.of(VENDOR), null, EMAIL, TOKEN);
  }

  long count(String prefix) {
    synchronized (requests) {
      return requests.stream().filter(r -> r.startsWith(prefix)).count();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  // ---- answers ----

  static Answer json(int status, String body) {
    return ex -> send(ex, status, "application/json", body);
  }

  static Answer status(int status, String retryAfter) {
    return ex -> {
      if (retryAfter != null) {
        ex.getResponseHeaders().add("Retry-After", retryAfter);
      }
      send(
          ex,
          status,
          "application/json",
          "{\"errors\":[{\"message\":\"stub says " + status + "\",\"code\":\"X\"}]}");
    };
  }

  /** Promises {@code promised} bytes, sends only the first bytes of {@code body}, then closes. */
  static Answer truncated(String body, int promised) {
    return ex -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.sendResponseHeaders(200, promised);
      OutputStream out = ex.getResponseBody();
      out.write(bytes, 0, Math.min(bytes.length, promised / 2));
      out.flush();
      // Closing the exchange short of the promised length drops the connection.
    };
  }

  /** Answers after {@code millis}, as a server that is too slow. */
  static Answer slow(long millis, Answer then) {
    return ex -> {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      then.answer(ex);
    };
  }

  static void send(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", type);
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  /** A license record the wire reader accepts, told apart by {@code n}. */
  static String license(int n) {
    return "{\"addonLicenseId\":\""
        + (1000 + n)
        + "\",\"licenseId\":\"SEN-"
        + (1000 + n)
        + "\",\"addonKey\":\"com.acme.planner\",\"hosting\":\"Server\","
        + "\"licenseType\":\"COMMERCIAL\",\"status\":\"active\",\"tier\":\"10 Users\","
        + "\"maintenanceStartDate\":\"2024-03-01\",\"maintenanceEndDate\":\"2025-03-01\","
        + "\"lastUpdated\":\"2024-03-02\",\"purchasePrice\":496.19}";
  }

  static String licenses(int from, int to) {
    List<String> rows = new ArrayList<>();
    for (int i = from; i < to; i++) {
      rows.add(license(i));
    }
    return "[" + String.join(",", rows) + "]";
  }
}
