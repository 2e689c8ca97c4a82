package dev.marketlens.emulator.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.commerce.Vendor;
import dev.marketlens.emulator.world.Rates;
import dev.marketlens.emulator.world.WorldSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One emulated reporting API shared by every test in this JVM: a 2,000-customer world of two
 * vendors, a user of each, and an HTTP client speaking to it as a partner's tool would.
 */
final class Emulator {

  static final WorldSpec SPEC =
      new WorldSpec(
          7, 2_000, 2, LocalDate.of(2018, 1, 1), LocalDate.of(2026, 10, 31), Rates.defaults());
  static final String EMAIL = "reports@vendor-one.example";
  static final String TOKEN = "token-one";
  static final String OTHER_EMAIL = "reports@vendor-two.example";
  static final String OTHER_TOKEN = "token-two";
  static final String ADMIN = "admin-secret";

  static final JsonMapper JSON = JsonMapper.builder().build();

  private static ReportingServer server;

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private Emulator() {}

  static synchronized ReportingServer server() {
    if (server == null) {
      Marketplace market = new Marketplace(SPEC, Set.of(), false);
      List<Vendor> vendors = market.vendors();
      EmulatorSettings settings =
          EmulatorSettings.defaults(
                  SPEC,
                  List.of(
                      new ApiUser(EMAIL, TOKEN, Set.of(vendors.get(0).vendorId())),
                      new ApiUser(OTHER_EMAIL, OTHER_TOKEN, Set.of(vendors.get(1).vendorId()))),
                  ADMIN)
              .withReportingLag(false)
              .withExportTiming(Duration.ofMillis(100), Duration.ofMillis(200));
      server = ReportingServer.start(settings, market);
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    }
    return server;
  }

  static Marketplace market() {
    return server().marketplace();
  }

  static Vendor vendor() {
    return market().vendors().get(0);
  }

  static Vendor otherVendor() {
    return market().vendors().get(1);
  }

  static String v2() {
    return "/rest/2/vendors/" + vendor().vendorId() + "/reporting";
  }

  static String v3() {
    return "/rest/3/reporting/developer-space/" + vendor().developerId();
  }

  /** A response read whole. */
  record Reply(int status, String contentType, String body, HttpResponse<?> raw) {
    JsonNode json() {
      return JSON.readTree(body);
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }
  }

  static Reply get(String path) {
    return send(request(path).GET(), basic(EMAIL, TOKEN));
  }

  static Reply get(String path, String authorization) {
    return send(request(path).GET(), authorization);
  }

  static Reply getWithHeader(String path, String header, String value) {
    return send(request(path).header(header, value).GET(), basic(EMAIL, TOKEN));
  }

  static Reply post(String path) {
    return send(request(path).POST(HttpRequest.BodyPublishers.noBody()), basic(EMAIL, TOKEN));
  }

  static Reply post(String path, String authorization) {
    return send(request(path).POST(HttpRequest.BodyPublishers.noBody()), authorization);
  }

  static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(server().baseUrl("127.0.0.1") + path))
        .timeout(Duration.ofSeconds(60));
  }

  static String basic(String email, String token) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((email + ":" + token).getBytes(StandardCharsets.UTF_8));
  }

  static Reply send(HttpRequest.Builder builder, String authorization) {
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    try {
      HttpResponse<InputStream> res =
          CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
      String body;
      try (InputStream in = res.body()) {
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      return new Reply(
          res.statusCode(), res.headers().firstValue("Content-Type").orElse(null), body, res);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Asserts a {@code JsonErrorsDoc} body with this status and code. */
  static JsonNode assertError(Reply r, int status, String code) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/json");
    JsonNode error = r.json().get("errors").get(0);
    assertThat(error.get("code").asString()).isEqualTo(code);
    assertThat(error.get("message").asString()).isNotBlank();
    return error;
  }
}
