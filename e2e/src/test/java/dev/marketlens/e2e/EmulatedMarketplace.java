package dev.marketlens.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.marketlens.emulator.commerce.Vendor;
import dev.marketlens.emulator.reporting.ApiUser;
import dev.marketlens.emulator.reporting.EmulatorSettings;
import dev.marketlens.emulator.reporting.Marketplace;
import dev.marketlens.emulator.reporting.ReportingServer;
import dev.marketlens.emulator.world.Rates;
import dev.marketlens.emulator.world.WorldSpec;
import dev.marketlens.model.id.VendorId;
import dev.marketlens.sync.client.ApiAccount;
import dev.marketlens.sync.wire.ExportReader;
import dev.marketlens.sync.wire.WireJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reporting API of a generated one-vendor world, served in this JVM for the sync's end-to-end
 * tests: an account allowed to read its reports, the admin switches (clock, faults) and the
 * emulator's own exports, read with {@link ExportReader} and written back with {@link WireJson} so
 * that they compare with what the store holds.
 */
final class EmulatedMarketplace implements AutoCloseable {
  static final String EMAIL = "reports@vendor.example";
  static final String TOKEN = "e2e-sync-token-value";
  static final String ADMIN = "e2e-admin-token";

  /** The query the sync asks for licenses: every license, insights and attribution included. */
  static final String LICENSE_QUERY =
      "accept=json&includeAtlassianLicenses=true&withDataInsights=true&withAttribution=true";

  /** The query the sync asks for transaction lines: every line, $0 and manual invoices too. */
  static final String TRANSACTION_QUERY =
      "accept=json&excludeZeroTransactions=false&includeManualInvoice=true";

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private final ReportingServer server;
  private final Vendor vendor;

  private EmulatedMarketplace(ReportingServer server) {
    this.server = server;
    this.vendor = server.marketplace().vendors().get(0);
  }

  /**
   * A world of {@code customers} customers of one vendor from 2021 to 2026-10-31, with the
   * reporting lag on (as live) and async exports that take {@code exportTime} in all.
   */
  static EmulatedMarketplace start(long seed, int customers, Duration exportTime) {
    WorldSpec spec =
        new WorldSpec(
            seed,
            customers,
            1,
            LocalDate.of(2021, 1, 1),
            LocalDate.of(2026, 10, 31),
            Rates.defaults());
    Marketplace market = new Marketplace(spec, Set.of(), true);
    Vendor vendor = market.vendors().get(0);
    EmulatorSettings settings =
        EmulatorSettings.defaults(
                spec, List.of(new ApiUser(EMAIL, TOKEN, Set.of(vendor.vendorId()))), ADMIN)
            .withExportTiming(exportTime.dividedBy(4), exportTime.minus(exportTime.dividedBy(4)));
    return new EmulatedMarketplace(ReportingServer.start(settings, market));
  }

  String baseUrl() {
    return server.baseUrl("127.0.0.1");
  }

  String vendorId() {
    return Long.toString(vendor.vendorId());
  }

  /** The account as the sync's client sees it. */
  ApiAccount account() {
    return ApiAccount.v2(VendorId.of(vendorId()), EMAIL, TOKEN).withBaseUrl(URI.create(baseUrl()));
  }

  /** {@code sync} with this marketplace's base URL, vendor and credentials, then {@code more}. */
  String[] sync(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "sync",
                "--base-url",
                baseUrl(),
                "--vendor",
                vendorId(),
                "--user",
                EMAIL,
                "--token",
                TOKEN));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  /** Switches the faults, e.g. {@code rate=20%25}; {@code ""} switches them off. */
  void faults(String query) {
    admin("/_emulator/faults?" + query);
  }

  /** Moves the world's clock {@code days} forward and returns the new day. */
  LocalDate advance(int days) {
    return LocalDate.parse(
        JSON.readTree(admin("/_emulator/advance?days=" + days)).get("today").asString());
  }

  LocalDate today() {
    return server.marketplace().today();
  }

  /**
   * Every license the API serves to the sync's two queries — paid apps, then always-free apps
   * ({@code showLifeTimeFreeLicenses=true}) — in the export's JSON shape, keyed.
   */
  Records.Keyed licenses() {
    List<String> all = new ArrayList<>();
    for (String query : List.of(LICENSE_QUERY, LICENSE_QUERY + "&showLifeTimeFreeLicenses=true")) {
      try (InputStream body = get(reportingPath() + "/licenses/export?" + query);
          ExportReader reader = ExportReader.open(body, "emulator licenses");
          Stream<String> records = reader.licenses().map(WireJson::license)) {
        records.forEach(all::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return Records.licenses(all.stream());
  }

  /** Every transaction line the API serves to the sync's query, keyed by line item id. */
  Records.Keyed transactions() {
    try (InputStream body =
            get(reportingPath() + "/sales/transactions/export?" + TRANSACTION_QUERY);
        ExportReader reader = ExportReader.open(body, "emulator transactions");
        Stream<String> records = reader.transactions().map(WireJson::transaction)) {
      return Records.transactions(records);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String reportingPath() {
    return "/rest/2/vendors/" + vendorId() + "/reporting";
  }

  private InputStream get(String pathAndQuery) {
    String basic = Base64.getEncoder().encodeToString((EMAIL + ":" + TOKEN).getBytes(UTF_8));
    HttpResponse<InputStream> res =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery))
                .header("Authorization", "Basic " + basic)
                .timeout(Duration.ofSeconds(60))
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    if (res.statusCode() != 200) {
      throw new IllegalStateException(pathAndQuery + " answered " + res.statusCode());
    }
    return res.body();
  }

  private String admin(String pathAndQuery) {
    HttpResponse<String> res =
        send(
            HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery))
                .header("Authorization", "Bearer " + ADMIN)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (res.statusCode() != 200) {
      throw new IllegalStateException(pathAndQuery + ": " + res.statusCode() + " " + res.body());
    }
    return res.body();
  }

  private static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) {
    try {
      return HTTP.send(request, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}
