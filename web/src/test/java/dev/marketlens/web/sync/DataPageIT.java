package dev.marketlens.web.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.commerce.Vendor;
import dev.marketlens.emulator.reporting.ApiUser;
import dev.marketlens.emulator.reporting.EmulatorSettings;
import dev.marketlens.emulator.reporting.Marketplace;
import dev.marketlens.emulator.reporting.ReportingServer;
import dev.marketlens.emulator.world.Rates;
import dev.marketlens.emulator.world.WorldSpec;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.store.VendorAccounts;
import dev.marketlens.sync.files.Importer;
import dev.marketlens.web.HttpSession;
import dev.marketlens.web.TestSite;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("/data: sync status, Sync now and imports by upload")
class DataPageIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String GOOD = "licenses-good.csv";
  private static final String BAD = "licenses-date-slashes.csv";

  private final TestSite site = TestSite.get();

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = DataPageIT.class.getResourceAsStream("/imports/" + name)) {
      return in.readAllBytes();
    }
  }

  private static String text(String html) {
    return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
  }

  /** A new, empty vendor account only the admin sees. */
  private String newAccount(HttpSession admin, Map<String, String> extra) {
    String name = "data-" + System.nanoTime() % 1_000_000;
    Map<String, String> form = new LinkedHashMap<>(extra);
    form.put("name", name);
    HttpResponse<String> r = admin.postForm("/admin/accounts", form);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(302);
    return name;
  }

  private long count(String sql, Object... values) throws Exception {
    try (Connection c = site.database().dataSource().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        s.setObject(i + 1, values[i]);
      }
      try (ResultSet rows = s.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private long accountId(String name) {
    return site.bean(VendorAccounts.class).find(name).orElseThrow().id();
  }

  @Test
  @DisplayName("a viewer sees runs and imported files but neither Sync now nor the upload form")
  void viewer() {
    String page = HttpSession.signedIn(site, "viewer").get("/data").body();
    assertThat(page).contains("id=\"account-alpha\"", "licenses.json", "transactions.json");
    assertThat(page)
        .doesNotContain("id=\"account-beta\"", "id=\"sync-alpha\"", "id=\"import-form\"");
    String analyst = HttpSession.signedIn(site, "analyst").get("/data").body();
    assertThat(analyst).contains("id=\"sync-alpha\"", "id=\"import-form\"");
  }

  @Test
  @DisplayName(
      "uploaded files are imported as ./marketlens import does; the same file again is skipped")
  void upload() throws Exception {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    String account = newAccount(admin, Map.of());
    HttpResponse<String> r =
        admin.postMultipart(
            "/data/import", Map.of("account", account), "files", Map.of(GOOD, resource(GOOD)));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(text(r.body()))
        .contains(GOOD + ": 2 licenses (CSV): 2 new, 0 changed, 0 unchanged, 0 drifted");
    long id = accountId(account);
    assertThat(count("SELECT count(*) FROM licenses WHERE vendor_account_id = ?", id)).isEqualTo(2);
    assertThat(
            count(
                "SELECT count(*) FROM import_batches WHERE vendor_account_id = ? AND file_name = ?"
                    + " AND kind = 'licenses' AND rows = 2",
                id,
                GOOD))
        .isEqualTo(1);
    HttpResponse<String> again =
        admin.postMultipart(
            "/data/import", Map.of("account", account), "files", Map.of(GOOD, resource(GOOD)));
    assertThat(text(again.body())).contains(GOOD + ": imported before, skipped");
    assertThat(admin.get("/data").body()).contains(GOOD);
    assertThat(text(admin.get("/admin/audit").body()))
        .contains("account " + account + ": " + GOOD + ": 2 licenses");
  }

  @Test
  @DisplayName(
      "a bad file is refused whole with the importer's message (file, line, field, value); the others are imported")
  void badFile() throws Exception {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    String account = newAccount(admin, Map.of());
    long id = accountId(account);
    // The command line's importer says this of the same file:
    Path dir = Files.createTempDirectory("bad-upload");
    Path bad = Files.write(dir.resolve(BAD), resource(BAD));
    VendorAccount target = site.bean(VendorAccounts.class).find(account).orElseThrow();
    String expected;
    try {
      new Importer(site.database(), Clock.systemUTC()).importFile(target, bad);
      throw new AssertionError("the importer accepted " + BAD);
    } catch (RuntimeException e) {
      expected = e.getMessage();
    }
    assertThat(expected).contains(BAD, "line 2", "maintenanceStartDate", "01/03/2024");

    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(BAD, resource(BAD));
    files.put(GOOD, resource(GOOD));
    HttpResponse<String> r =
        admin.postMultipart("/data/import", Map.of("account", account), "files", files);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(text(r.body()))
        .contains(expected + " — nothing of this file was imported")
        .contains(GOOD + ": 2 licenses");
    assertThat(
            count(
                "SELECT count(*) FROM import_batches WHERE vendor_account_id = ? AND file_name = ?",
                id,
                BAD))
        .isZero();
    assertThat(count("SELECT count(*) FROM licenses WHERE vendor_account_id = ?", id)).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "a record changed without a new lastUpdated shows as drift: the count, its id and the fields")
  void drift() throws Exception {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    String account = newAccount(admin, Map.of());
    admin.postMultipart(
        "/data/import", Map.of("account", account), "files", Map.of(GOOD, resource(GOOD)));
    String before = admin.get("/data").body();
    assertThat(before.substring(before.indexOf("id=\"account-" + account + "\"")))
        .contains("0 record versions changed without a new lastUpdated");
    byte[] changed =
        new String(resource(GOOD), java.nio.charset.StandardCharsets.UTF_8)
            .replace("\"Globex\"", "\"Globex Corporation\"")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    HttpResponse<String> r =
        admin.postMultipart(
            "/data/import",
            Map.of("account", account),
            "files",
            Map.of("licenses-renamed.csv", changed));
    assertThat(text(r.body()))
        .contains(
            "licenses-renamed.csv: 2 licenses (CSV): 0 new, 1 changed, 1 unchanged, 1 drifted");
    String page = admin.get("/data").body();
    String mine = page.substring(page.indexOf("id=\"account-" + account + "\""));
    assertThat(mine).contains("1 record versions changed without a new lastUpdated");
    Matcher row =
        Pattern.compile("<table class=\"data drift\">(.*?)</table>", Pattern.DOTALL).matcher(mine);
    assertThat(row.find()).isTrue();
    assertThat(row.group(1)).contains("license", "SEN-L123456", "ompany");
  }

  @Test
  @DisplayName(
      "POST /api/v1/imports: 200 with each file's counts; a refused file makes it a 400 naming it")
  void importApi() throws Exception {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    String account = newAccount(admin, Map.of());
    HttpResponse<String> ok =
        admin.postMultipart(
            "/api/v1/imports", Map.of("account", account), "files", Map.of(GOOD, resource(GOOD)));
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
    JsonNode files = JSON.readTree(ok.body());
    assertThat(files.get(0).get("file").asString()).isEqualTo(GOOD);
    assertThat(files.get(0).get("records").asLong()).isEqualTo(2);
    assertThat(files.get(0).get("created").asInt()).isEqualTo(2);
    HttpResponse<String> refused =
        admin.postMultipart(
            "/api/v1/imports", Map.of("account", account), "files", Map.of(BAD, resource(BAD)));
    assertThat(refused.statusCode()).isEqualTo(400);
    JsonNode problem = JSON.readTree(refused.body());
    assertThat(problem.get("detail").asString())
        .contains(BAD, "line 2", "maintenanceStartDate", "01/03/2024");
    assertThat(problem.get("files").get(0).get("error").asString()).contains(BAD);
    HttpResponse<String> hidden =
        HttpSession.signedIn(site, "analyst")
            .postMultipart(
                "/api/v1/imports",
                Map.of("account", account),
                "files",
                Map.of(GOOD, resource(GOOD)));
    assertThat(hidden.statusCode()).as("an account the analyst does not see").isEqualTo(404);
  }

  @Test
  @DisplayName(
      "Sync now syncs the account from the reporting API; the run and its counts show on /data and in the API")
  void syncNow() throws Exception {
    WorldSpec spec =
        new WorldSpec(5, 40, 1, LocalDate.of(2024, 1, 1), TestSite.TODAY, Rates.defaults());
    Marketplace market = new Marketplace(spec, Set.of(), false);
    Vendor vendor = market.vendors().get(0);
    String apiToken = "emulated-api-token-" + System.nanoTime();
    EmulatorSettings settings =
        EmulatorSettings.defaults(
                spec,
                List.of(new ApiUser("reports@vendor.example", apiToken, Set.of(vendor.vendorId()))),
                "emulator-admin-" + System.nanoTime())
            .withReportingLag(false)
            .withExportTiming(Duration.ofMillis(50), Duration.ofMillis(100));
    try (ReportingServer api = ReportingServer.start(settings, market)) {
      HttpSession admin = HttpSession.signedIn(site, "admin");
      String account =
          newAccount(
              admin,
              Map.of(
                  "vendorId",
                  Long.toString(vendor.vendorId()),
                  "email",
                  "reports@vendor.example",
                  "token",
                  apiToken,
                  "baseUrl",
                  api.baseUrl("127.0.0.1")));
      assertThat(
              HttpSession.signedIn(site, "analyst")
                  .postForm("/data/sync", Map.of("account", account))
                  .statusCode())
          .as("an account the analyst does not see")
          .isEqualTo(404);

      HttpResponse<String> started = admin.postForm("/data/sync", Map.of("account", account));
      assertThat(started.statusCode()).isEqualTo(302);
      JsonNode run = awaitRun(admin, account);
      assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("succeeded");
      assertThat(run.get("kind").asString()).isEqualTo("full");
      long id = accountId(account);
      long stored =
          count("SELECT count(*) FROM licenses WHERE vendor_account_id = ?", id)
              + count("SELECT count(*) FROM transaction_lines WHERE vendor_account_id = ?", id);
      assertThat(stored).isPositive();
      assertThat(run.get("created").asLong()).isEqualTo(stored);
      String page = admin.get("/data").body();
      Matcher row =
          Pattern.compile("data-run=\"" + run.get("id").asLong() + "\">(.*?)</tr>", Pattern.DOTALL)
              .matcher(page);
      assertThat(row.find()).isTrue();
      assertThat(row.group(1)).contains("full", "succeeded", String.format("%,d", stored));

      HttpResponse<String> viaApi = admin.sendJson("POST", "/api/v1/sync/" + account, null);
      assertThat(viaApi.statusCode()).isEqualTo(202);
      JsonNode second = awaitRun(admin, account);
      assertThat(second.get("id").asLong()).isGreaterThan(run.get("id").asLong());
      assertThat(second.get("status").asString()).isEqualTo("succeeded");
      assertThat(second.get("created").asLong()).isZero();
      assertThat(admin.get("/data").body()).doesNotContain(apiToken);
      assertThat(admin.get("/admin/audit").body()).contains("sync-started", "account " + account);
      admin.postForm("/admin/accounts/" + account + "/remove", Map.of("confirm", account));
    }
  }

  /** Waits for the account's latest run to end, and returns it. */
  private static JsonNode awaitRun(HttpSession session, String account) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (true) {
      JsonNode runs = JSON.readTree(session.get("/api/v1/sync/runs?account=" + account).body());
      boolean running =
          session.get("/data/status").body().contains("id=\"progress-" + account + "\"");
      if (!running && !runs.isEmpty() && !runs.get(0).get("status").asString().equals("running")) {
        return runs.get(0);
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("the sync of " + account + " did not end: " + runs);
      }
      Thread.sleep(200);
    }
  }

  @Test
  @DisplayName("GET /api/v1/accounts lists the caller's accounts with hasToken, never a token")
  void accountsApi() {
    JsonNode alpha =
        JSON.readTree(HttpSession.signedIn(site, "viewer").get("/api/v1/accounts").body());
    assertThat(alpha.size()).isEqualTo(1);
    assertThat(alpha.get(0).propertyNames())
        .containsExactly("name", "apiVersion", "vendorId", "developerId", "baseUrl", "hasToken");
    assertThat(alpha.get(0).get("name").asString()).isEqualTo("alpha");
    assertThat(alpha.get(0).get("hasToken").asBoolean()).isFalse();
  }
}
