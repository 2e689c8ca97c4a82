package dev.marketlens.sync.client;

import static dev.marketlens.sync.client.StubApi.ROOT;
import static dev.marketlens.sync.client.StubApi.json;
import static dev.marketlens.sync.client.StubApi.licenses;
import static dev.marketlens.sync.client.StubApi.slow;
import static dev.marketlens.sync.client.StubApi.status;
import static dev.marketlens.sync.client.StubApi.truncated;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketlens.model.license.License;
import dev.marketlens.sync.retry.RetryPolicy;
import dev.marketlens.sync.wire.ExportKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ReportingClient against scripted answers: retries, fallbacks, circuit")
class ReportingClientRetriesIT {

  private static final Instant NOW = Instant.parse("2026-11-26T01:00:00Z");
  private static final String SYNC = ROOT + "/licenses/export";
  private static final String ASYNC = ROOT + "/licenses/async/export";
  private static final String LIST = ROOT + "/licenses";

  private StubApi api;
  private final List<Duration> slept = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void start() throws Exception {
    api = new StubApi();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private ReportingClient.Builder client() {
    return ReportingClient.builder(api.account())
        .sleeper(slept::add)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .retryPolicy(
            new RetryPolicy(
                Duration.ofSeconds(1),
                Duration.ofSeconds(8),
                4,
                Duration.ofMinutes(2),
                new SplittableRandom(5)))
        .pollInterval(Duration.ofSeconds(2), Duration.ofSeconds(5));
  }

  private static ExportQuery sync() {
    return ExportQuery.all().startingWith(ExportRoute.SYNC_EXPORT);
  }

  private static List<String> sens(ExportStream export) {
    return export.licenses().map(l -> l.ids().licenseId().toString()).collect(Collectors.toList());
  }

  @Test
  @DisplayName("429 with Retry-After: 7 waits exactly 7 s, then succeeds")
  void retryAfterSeconds() {
    api.on("GET", SYNC, status(429, "7"), json(200, licenses(0, 3)));
    ReportingClient client = client().build();
    try (ExportStream export = client.export(ExportKind.LICENSES, sync())) {
      assertThat(sens(export)).containsExactly("SEN-1000", "SEN-1001", "SEN-1002");
    }
    assertThat(slept).containsExactly(Duration.ofSeconds(7));
    assertThat(client.retries()).isEqualTo(1);
    assertThat(client.requestsSent()).isEqualTo(2);
  }

  @Test
  @DisplayName("the byte counter adds up every body received, the error bodies included")
  void countsBytes() {
    String error = "{\"errors\":[{\"message\":\"stub says 502\",\"code\":\"X\"}]}";
    String body = licenses(0, 7);
    api.on("GET", SYNC, status(502, null), json(200, body));
    ReportingClient client = client().build();
    try (ExportStream export = client.export(ExportKind.LICENSES, sync())) {
      assertThat(export.bodyBytes()).isEqualTo(body.length());
    }
    assertThat(client.bytesReceived()).isEqualTo(error.length() + body.length());
  }

  @Test
  @DisplayName("an async export not done within the export timeout falls back to the sync export")
  void asyncTimesOut() {
    api.on("POST", ASYNC, json(200, "{\"export\":{\"id\":\"e3\"}}"));
    api.on(
        "GET",
        ASYNC + "/e3/status",
        json(200, "{\"export\":{\"id\":\"e3\",\"status\":\"IN_PROGRESS\"}}"));
    api.on("GET", SYNC, json(200, licenses(0, 1)));
    try (ExportStream export =
        client()
            .exportTimeout(Duration.ofSeconds(10))
            .build()
            .export(ExportKind.LICENSES, ExportQuery.all())) {
      assertThat(export.route()).isEqualTo(ExportRoute.SYNC_EXPORT);
      assertThat(export.fallbacks())
          .singleElement()
          .asString()
          .contains("still IN_PROGRESS after 6 s");
    }
    assertThat(slept).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(4));
  }

  @Test
  @DisplayName("503 with an HTTP-date Retry-After waits until that date by the client's clock")
  void retryAfterDate() {
    api.on(
        "GET",
        SYNC,
        status(503, "Thu, 26 Nov 2026 01:00:30 GMT"),
        status(503, "Thu, 26 Nov 2026 00:00:00 GMT"),
        json(200, licenses(0, 1)));
    try (ExportStream export = client().build().export(ExportKind.LICENSES, sync())) {
      assertThat(export.records()).isEqualTo(1);
    }
    assertThat(slept).containsExactly(Duration.ofSeconds(30), Duration.ZERO);
  }

  @Test
  @DisplayName("a body cut short of its Content-Length is retried and the records come whole")
  void truncatedBodyRetried() {
    String body = licenses(0, 20);
    api.on("GET", SYNC, truncated(body, body.length()), json(200, body));
    ReportingClient client = client().build();
    try (ExportStream export = client.export(ExportKind.LICENSES, sync())) {
      assertThat(export.route()).isEqualTo(ExportRoute.SYNC_EXPORT);
      assertThat(export.records()).isEqualTo(20);
    }
    assertThat(client.retries()).isEqualTo(1);
    assertThat(slept).hasSize(1);
    assertThat(client.bytesReceived())
        .isGreaterThanOrEqualTo(body.length() + body.length() / 2 - 1);
  }

  @Test
  @DisplayName("a 200 whose body ends in a gateway's HTML page is retried, not half-read")
  void malformedBodyRetried() {
    String body = licenses(0, 5);
    api.on(
        "GET",
        SYNC,
        json(200, body.substring(0, 150) + "<html><body>502 Bad Gateway</body></html>"),
        json(200, body));
    ReportingClient client = client().build();
    try (ExportStream export = client.export(ExportKind.LICENSES, sync())) {
      assertThat(export.records()).isEqualTo(5);
    }
    assertThat(client.retries()).isEqualTo(1);
  }

  @Test
  @DisplayName("no response within the request timeout is retried")
  void requestTimeoutRetried() {
    api.on("GET", SYNC, slow(2_000, json(200, licenses(0, 2))), json(200, licenses(0, 2)));
    ReportingClient client = client().requestTimeout(Duration.ofMillis(300)).build();
    try (ExportStream export = client.export(ExportKind.LICENSES, sync())) {
      assertThat(export.records()).isEqualTo(2);
    }
    assertThat(client.retries()).isEqualTo(1);
    assertThat(api.count("GET " + SYNC)).isEqualTo(2);
  }

  @Test
  @DisplayName("500 and 503 again and again open the circuit: the run stops with a clear message")
  void circuitOpens() {
    api.on("GET", SYNC, status(500, null), status(503, null));
    api.on("GET", LIST, status(503, null));
    ReportingClient client = client().circuitThreshold(6).build();
    assertThatThrownBy(() -> client.export(ExportKind.LICENSES, sync()))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(ApiException.Reason.CIRCUIT_OPEN);
              assertThat(e.getMessage())
                  .contains("stopped after 6 consecutive failed requests")
                  .contains("GET " + LIST)
                  .contains("HTTP 503")
                  .contains("Try again later");
            });
    assertThat(client.stopped()).isTrue();
    // 4 attempts on the sync export, then 2 on the paged list.
    assertThat(api.count("GET " + SYNC)).isEqualTo(4);
    assertThat(api.count("GET " + LIST + "?")).isEqualTo(2);
    long sent = client.requestsSent();
    assertThatThrownBy(() -> client.export(ExportKind.LICENSES, sync()))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.reason()).isEqualTo(ApiException.Reason.CIRCUIT_OPEN));
    assertThat(client.requestsSent()).isEqualTo(sent);
  }

  @Test
  @DisplayName("an async export that is not available (404) falls back to the sync export")
  void asyncNotAvailable() {
    api.on("POST", ASYNC, status(404, null));
    api.on("GET", SYNC, json(200, licenses(0, 2)));
    try (ExportStream export = client().build().export(ExportKind.LICENSES, ExportQuery.all())) {
      assertThat(export.route()).isEqualTo(ExportRoute.SYNC_EXPORT);
      assertThat(export.fallbacks()).singleElement().asString().contains("async").contains("404");
    }
    assertThat(slept).isEmpty();
  }

  @Test
  @DisplayName(
      "the async export is polled as its status advises (Retry-After), else with a doubling interval")
  void asyncPollsAsAdvised() {
    String id = "6f1c2f3e-0000-4000-8000-000000000001";
    api.on(
        "POST",
        ASYNC,
        json(
            200,
            "{\"_links\":{\"status\":{\"href\":\""
                + ASYNC
                + "/"
                + id
                + "/status\"},\"download\":{\"href\":\""
                + ASYNC
                + "/"
                + id
                + "\"}},\"export\":{\"id\":\""
                + id
                + "\"}}"));
    api.on(
        "GET",
        ASYNC + "/" + id + "/status",
        json(200, "{\"export\":{\"id\":\"" + id + "\",\"status\":\"QUEUED\"}}"),
        ex -> {
          ex.getResponseHeaders().add("Retry-After", "3");
          StubApi.send(
              ex,
              200,
              "application/json",
              "{\"export\":{\"id\":\"" + id + "\",\"status\":\"IN_PROGRESS\"}}");
        },
        json(200, "{\"export\":{\"id\":\"" + id + "\",\"status\":\"IN_PROGRESS\"}}"),
        json(200, "{\"export\":{\"id\":\"" + id + "\",\"status\":\"COMPLETED\"}}"));
    api.on(
        "GET",
        ASYNC + "/" + id,
        json(404, "{\"errors\":[{\"message\":\"Export is being processed\"}]}"),
        json(200, licenses(0, 4)));
    ReportingClient client = client().build();
    try (ExportStream export = client.export(ExportKind.LICENSES, ExportQuery.all())) {
      assertThat(export.route()).isEqualTo(ExportRoute.ASYNC_EXPORT);
      assertThat(export.records()).isEqualTo(4);
    }
    // QUEUED: 2 s; IN_PROGRESS with Retry-After: 3 s; IN_PROGRESS: 4 s (doubled from 2 s);
    // COMPLETED but "being processed": 5 s (capped); COMPLETED: download.
    assertThat(slept)
        .containsExactly(
            Duration.ofSeconds(2),
            Duration.ofSeconds(3),
            Duration.ofSeconds(4),
            Duration.ofSeconds(5));
  }

  @Test
  @DisplayName("an async export that FAILED falls back to the sync export")
  void asyncFailed() {
    api.on("POST", ASYNC, json(200, "{\"export\":{\"id\":\"e1\"}}"));
    api.on(
        "GET",
        ASYNC + "/e1/status",
        json(200, "{\"export\":{\"id\":\"e1\",\"status\":\"FAILED\"}}"));
    api.on("GET", SYNC, json(200, licenses(0, 1)));
    try (ExportStream export = client().build().export(ExportKind.LICENSES, ExportQuery.all())) {
      assertThat(export.route()).isEqualTo(ExportRoute.SYNC_EXPORT);
      assertThat(export.fallbacks()).singleElement().asString().contains("FAILED");
    }
  }

  @Test
  @DisplayName(
      "when the exports fail, the paged list is followed by _links.next, numbers kept exact")
  void pagedListFallback() {
    api.on("POST", ASYNC, status(501, null));
    api.on("GET", SYNC, status(504, null));
    String page1 =
        "{\"_links\":{\"next\":{\"href\":\""
            + LIST
            + "?page=2\"}},\"licenses\":"
            + licenses(0, 50)
            + "}";
    String page2 = "{\"_links\":{\"self\":{\"href\":\"x\"}},\"licenses\":" + licenses(50, 53) + "}";
    api.on(
        "GET",
        LIST,
        ex -> {
          boolean second = ex.getRequestURI().getQuery().contains("page=2");
          StubApi.send(ex, 200, "application/json", second ? page2 : page1);
        });
    ReportingClient client = client().build();
    try (ExportStream export = client.export(ExportKind.LICENSES, ExportQuery.all())) {
      assertThat(export.route()).isEqualTo(ExportRoute.PAGED_LIST);
      assertThat(export.fallbacks()).hasSize(2);
      List<License> all = export.licenses().collect(Collectors.toList());
      assertThat(all).hasSize(53);
      assertThat(all.get(52).ids().licenseId().toString()).isEqualTo("SEN-1052");
    }
    assertThat(api.count("GET " + LIST + "?")).isEqualTo(2);
    assertThat(api.requests).anyMatch(r -> r.contains("offset=0&limit=50"));
  }

  @Test
  @DisplayName(
      "a link to another host is refused and ends the export: credentials go only to the base URL")
  void foreignLinkRefused() {
    api.on(
        "POST",
        ASYNC,
        json(
            200,
            "{\"_links\":{\"status\":{\"href\":\"https://evil.example/steal\"}},"
                + "\"export\":{\"id\":\"e2\"}}"));
    api.on("GET", SYNC, json(200, licenses(0, 1)));
    assertThatThrownBy(() -> client().build().export(ExportKind.LICENSES, ExportQuery.all()))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> assertThat(e.reason()).isEqualTo(ApiException.Reason.LINK_REFUSED))
        .hasMessageContaining("evil.example")
        .hasMessageContaining("sends credentials only to its base URL");
    assertThat(api.requests).noneMatch(r -> r.contains("steal"));
    assertThat(api.count("GET " + SYNC)).isZero();
  }

  @Test
  @DisplayName(
      "403 says which vendor and to check the vendor id; 400 is not retried; no token anywhere, logs included")
  void forbiddenAndNoTokenInLogs() {
    Logger logger = Logger.getLogger(ReportingClient.class.getName());
    List<String> logged = Collections.synchronizedList(new ArrayList<>());
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord r) {
            logged.add(String.valueOf(r.getMessage()));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    handler.setLevel(Level.ALL);
    Level before = logger.getLevel();
    logger.setLevel(Level.ALL);
    logger.addHandler(handler);
    try {
      api.on("POST", ASYNC, status(503, "1"), status(403, null));
      ReportingClient client = client().build();
      assertThatThrownBy(() -> client.export(ExportKind.LICENSES, ExportQuery.all()))
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> {
                assertThat(e.status()).isEqualTo(403);
                assertThat(e.apiMessage()).isEqualTo("stub says 403");
                assertThat(e.getMessage())
                    .contains("POST " + ASYNC)
                    .contains("vendor " + StubApi.VENDOR)
                    .contains("check the vendor id")
                    .doesNotContain(StubApi.TOKEN);
              });
      api.on("GET", SYNC, status(400, null));
      assertThatThrownBy(() -> client.export(ExportKind.LICENSES, sync()))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
      assertThat(api.count("GET " + SYNC)).isEqualTo(1);
      assertThat(logged).isNotEmpty().noneMatch(m -> m.contains(StubApi.TOKEN));
      assertThat(api.authorizations).allMatch(a -> a.startsWith("Basic "));
    } finally {
      logger.removeHandler(handler);
      logger.setLevel(before);
    }
  }
}
