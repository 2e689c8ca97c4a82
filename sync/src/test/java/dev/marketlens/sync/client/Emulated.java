package dev.marketlens.sync.client;

import dev.marketlens.emulator.commerce.Vendor;
import dev.marketlens.emulator.reporting.ApiUser;
import dev.marketlens.emulator.reporting.EmulatorSettings;
import dev.marketlens.emulator.reporting.Marketplace;
import dev.marketlens.emulator.reporting.ReportingServer;
import dev.marketlens.emulator.world.Rates;
import dev.marketlens.emulator.world.WorldSpec;
import dev.marketlens.model.id.DeveloperId;
import dev.marketlens.model.id.VendorId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The emulated Marketplace shared by the client's tests in this JVM: a small world of one vendor,
 * an account that may read its reports, and the paged list read independently of the client.
 */
final class Emulated {

  static final WorldSpec SPEC =
      new WorldSpec(
          11, 400, 1, LocalDate.of(2021, 1, 1), LocalDate.of(2026, 10, 31), Rates.defaults());
  static final String EMAIL = "reports@vendor.example";
  static final String TOKEN = "s3cret-token-value";
  static final String ADMIN = "admin-secret";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private static ReportingServer server;

  private Emulated() {}

  static synchronized ReportingServer server() {
    if (server == null) {
      Marketplace market = new Marketplace(SPEC, Set.of(), false);
      Vendor vendor = market.vendors().get(0);
      EmulatorSettings settings =
          EmulatorSettings.defaults(
                  SPEC, List.of(new ApiUser(EMAIL, TOKEN, Set.of(vendor.vendorId()))), ADMIN)
              .withReportingLag(false)
              .withExportTiming(Duration.ofMillis(50), Duration.ofMillis(100));
      server = ReportingServer.start(settings, market);
      Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    }
    return server;
  }

  static Vendor vendor() {
    return server().marketplace().vendors().get(0);
  }

  static URI base() {
    return URI.create(server().baseUrl("127.0.0.1"));
  }

  static ApiAccount account(ApiVersion version) {
    Vendor v = vendor();
    return version == ApiVersion.V2
        ? new ApiAccount(
            base(), version, VendorId.of(Long.toString(v.vendorId())), null, EMAIL, TOKEN)
        : new ApiAccount(base(), version, null, DeveloperId.of(v.developerId()), EMAIL, TOKEN);
  }

  /** A client that polls fast and never waits long between retries. */
  static ReportingClient.Builder client(ApiVersion version) {
    return ReportingClient.builder(account(version))
        .pollInterval(Duration.ofMillis(20), Duration.ofMillis(100))
        .requestTimeout(Duration.ofSeconds(20));
  }

  /** Every record of the paged list, read page by page with {@code limit=50}, as JSON. */
  static List<JsonNode> pagedList(ApiVersion version, String path, String property, String filters)
      throws IOException, InterruptedException {
    String root =
        version == ApiVersion.V2
            ? "/rest/2/vendors/" + vendor().vendorId() + "/reporting"
            : "/rest/3/reporting/developer-space/" + vendor().developerId();
    List<JsonNode> rows = new ArrayList<>();
    for (int offset = 0; ; offset += 50) {
      JsonNode page = get(root + path + "?" + filters + "&offset=" + offset + "&limit=50");
      page.get(property).forEach(rows::add);
      if (page.get("_links").get("next") == null) {
        return rows;
      }
    }
  }

  static JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<String> res =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base() + pathAndQuery))
                .header("Authorization", basic())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() != 200) {
      throw new IllegalStateException(pathAndQuery + ": " + res.statusCode() + " " + res.body());
    }
    return JSON.readTree(res.body());
  }

  /** Switches the emulator's faults, e.g. {@code rate=20%25}; {@code ""} switches them off. */
  static void faults(String query) throws IOException, InterruptedException {
    HttpResponse<String> res =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base() + "/_emulator/faults?" + query))
                .header("Authorization", "Bearer " + ADMIN)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() != 200) {
      throw new IllegalStateException(
          "faults " + query + ": " + res.statusCode() + " " + res.body());
    }
  }

  private static String basic() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((EMAIL + ":" + TOKEN).getBytes(StandardCharsets.UTF_8));
  }
}
