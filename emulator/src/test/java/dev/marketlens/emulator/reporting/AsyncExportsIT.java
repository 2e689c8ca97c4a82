package dev.marketlens.emulator.reporting;

import static dev.marketlens.emulator.reporting.Api.ok;
import static dev.marketlens.emulator.reporting.Api.params;
import static dev.marketlens.emulator.reporting.Api.query;
import static dev.marketlens.emulator.reporting.Api.resolve;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.reporting.Api.Records;
import dev.marketlens.emulator.reporting.Emulator.Reply;
import dev.marketlens.emulator.wire.WireFormat.ApiVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

@DisplayName("§9: async exports (L3–L5, T3–T5)")
class AsyncExportsIT {

  private static final String EVERY_LIST = "dev.marketlens.emulator.reporting.Api#everyList";

  /** The fixture's export timing: 100 ms queued, then at least 200 ms in progress. */
  private static final Duration QUEUED = Duration.ofMillis(100);

  private static final Duration UNTIL_COMPLETE = Duration.ofMillis(300);

  private static final List<String> LIFECYCLE = List.of("QUEUED", "IN_PROGRESS", "COMPLETED");

  /** POSTs an async export as the vendor-0 user and returns the initiation body. */
  static JsonNode start(ApiVersion v, Records records, String query) {
    Reply r = Emulator.post(records.async(v) + query);
    assertThat(r.status()).as("§5.1: initiation answers 200, %s", r.body()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
    return r.json();
  }

  /** Polls the status href until COMPLETED (or FAILED); returns every status seen, in order. */
  static List<String> awaitDone(String statusHref) {
    List<String> seen = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode status = Api.getJson(resolve(statusHref));
      String s = status.at("/export/status").asString();
      if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(s)) {
        seen.add(s);
      }
      if (s.equals("COMPLETED") || s.equals("FAILED")) {
        return seen;
      }
      sleep(25);
    }
    throw new AssertionError("export did not complete in 20 s; statuses " + seen);
  }

  /** Starts an export, waits for it and downloads it. */
  static Reply exportAndDownload(ApiVersion v, Records records, String query) {
    JsonNode started = start(v, records, query);
    List<String> statuses = awaitDone(started.at("/_links/status/href").asString());
    assertThat(statuses).last().isEqualTo("COMPLETED");
    return ok(Emulator.get(resolve(started.at("/_links/download/href").asString())));
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @DisplayName(
      "§9.1: POST answers 200 with _links self/query/status/download and export.id, a UUID; query"
          + " echoes the filters")
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(EVERY_LIST)
  void initiation(ApiVersion v, Records records) {
    JsonNode body = start(v, records, query("hosting", "cloud", "accept", "csv"));

    String id = body.at("/export/id").asString();
    assertThat(UUID.fromString(id).toString()).isEqualTo(id);
    String base =
        (v == ApiVersion.V2
                ? "/rest/2/vendors/" + Emulator.vendor().vendorId() + "/reporting"
                : "/reporting/developer-space/" + Emulator.vendor().developerId())
            + records.path
            + "/async/export";
    assertThat(body.at("/_links/self/href").asString()).isEqualTo(base);
    assertThat(body.at("/_links/status/href").asString()).isEqualTo(base + "/" + id + "/status");
    assertThat(body.at("/_links/download/href").asString()).isEqualTo(base + "/" + id);
    String queryHref = body.at("/_links/query/href").asString();
    assertThat(Api.pathOf(queryHref)).isEqualTo(base);
    assertThat(params(queryHref))
        .containsEntry("hosting", List.of("cloud"))
        .containsEntry("accept", List.of("csv"));
  }

  @DisplayName(
      "§9.1: status moves from QUEUED through IN_PROGRESS to COMPLETED, with links and export.id")
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(EVERY_LIST)
  void statusLifecycle(ApiVersion v, Records records) {
    long t0 = System.nanoTime();
    JsonNode started = start(v, records, query("hosting", "server"));
    String id = started.at("/export/id").asString();
    String statusHref = started.at("/_links/status/href").asString();
    JsonNode first = Api.getJson(resolve(statusHref));
    long elapsed = System.nanoTime() - t0;

    String firstStatus = first.at("/export/status").asString();
    if (elapsed < QUEUED.toNanos()) {
      assertThat(firstStatus).as("asked within the queued time").isEqualTo("QUEUED");
    } else if (elapsed < UNTIL_COMPLETE.toNanos()) {
      assertThat(firstStatus).as("asked before completion").isIn("QUEUED", "IN_PROGRESS");
    }
    assertThat(first.at("/export/id").asString()).isEqualTo(id);
    assertThat(first.at("/_links/self/href").asString()).isEqualTo(statusHref);
    assertThat(first.at("/_links/download/href").asString())
        .isEqualTo(started.at("/_links/download/href").asString());
    assertThat(params(first.at("/_links/query/href").asString()))
        .containsEntry("hosting", List.of("server"));

    List<String> seen = new ArrayList<>(List.of(firstStatus));
    for (String s : awaitDone(statusHref)) {
      if (!s.equals(seen.get(seen.size() - 1))) {
        seen.add(s);
      }
    }
    assertThat(LIFECYCLE).as("statuses only move forward").containsSubsequence(seen);
    assertThat(seen).last().isEqualTo("COMPLETED");
  }

  @DisplayName(
      "§9.1/K7: downloading before completion answers 404 EXPORT_NOT_READY 'Export is being"
          + " processed'")
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(EVERY_LIST)
  void downloadBeforeCompletion(ApiVersion v, Records records) {
    int conclusive = 0;
    for (int attempt = 0; attempt < 20 && conclusive == 0; attempt++) {
      long t0 = System.nanoTime();
      JsonNode started = start(v, records, query("hosting", "server"));
      Reply early = Emulator.get(resolve(started.at("/_links/download/href").asString()));
      if (System.nanoTime() - t0 < UNTIL_COMPLETE.toNanos()) {
        conclusive++;
        JsonNode error = Emulator.assertError(early, 404, "EXPORT_NOT_READY");
        assertThat(error.get("message").asString()).isEqualTo("Export is being processed");
      }
    }
    assertThat(conclusive).as("one attempt was answered before the export could complete").isOne();
  }

  @DisplayName("§9.1: an unknown export id answers 404 NOT_FOUND on status and download")
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(EVERY_LIST)
  void unknownExportId(ApiVersion v, Records records) {
    for (String id : List.of(UUID.randomUUID().toString(), "not-an-export")) {
      Emulator.assertError(Emulator.get(records.async(v) + "/" + id + "/status"), 404, "NOT_FOUND");
      Emulator.assertError(Emulator.get(records.async(v) + "/" + id), 404, "NOT_FOUND");
    }
  }

  @DisplayName("§9.1: an export id of one kind is unknown under the other kind's path")
  @Test
  void exportIdsAreKindSpecific() {
    JsonNode started = start(ApiVersion.V2, Records.LICENSES, query("hosting", "server"));
    String id = started.at("/export/id").asString();
    awaitDone(started.at("/_links/status/href").asString());

    String transactions = Records.TRANSACTIONS.async(ApiVersion.V2) + "/" + id;
    Emulator.assertError(Emulator.get(transactions + "/status"), 404, "NOT_FOUND");
    Emulator.assertError(Emulator.get(transactions), 404, "NOT_FOUND");
  }

  @DisplayName("§7.1/§9.1: the download body equals the sync export of the same filters")
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(EVERY_LIST)
  void downloadEqualsSyncExport(ApiVersion v, Records records) {
    String q =
        records == Records.LICENSES
            ? query(
                "hosting",
                "server",
                "withDataInsights",
                "true",
                "sortBy",
                "company",
                "order",
                "asc")
            : query("hosting", "datacenter", "saleType", "renewal", "sortBy", "purchasePrice");

    Reply download = exportAndDownload(v, records, q);
    Reply sync = ok(Emulator.get(records.export(v) + q));

    assertThat(download.contentType()).isEqualTo("application/json;charset=UTF-8");
    assertThat(download.json().size()).isPositive();
    assertThat(download.body()).isEqualTo(sync.body());
  }

  @DisplayName(
      "§9.2: the format is fixed at initiation: accept=csv downloads CSV whatever the Accept"
          + " header; without accept, JSON")
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(EVERY_LIST)
  void formatFixedAtInitiation(ApiVersion v, Records records) {
    JsonNode started = start(v, records, query("hosting", "server", "accept", "csv"));
    awaitDone(started.at("/_links/status/href").asString());
    Reply csv =
        ok(
            Emulator.getWithHeader(
                resolve(started.at("/_links/download/href").asString()),
                "Accept",
                "application/json"));
    Reply syncCsv =
        ok(Emulator.get(records.export(v) + query("hosting", "server", "accept", "csv")));

    assertThat(csv.contentType()).isEqualTo("text/csv;charset=UTF-8");
    assertThat(csv.body()).isEqualTo(syncCsv.body());

    Reply json = exportAndDownload(v, records, query("hosting", "server"));
    assertThat(json.contentType()).isEqualTo("application/json;charset=UTF-8");
    assertThat(json.json().isArray()).isTrue();
  }

  @DisplayName(
      "§3: another vendor's user cannot read the export: 403 under this vendor's path, 404 under"
          + " their own")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void otherVendorCannotRead(ApiVersion v) {
    JsonNode started = start(v, Records.LICENSES, query("hosting", "server"));
    String id = started.at("/export/id").asString();
    awaitDone(started.at("/_links/status/href").asString());
    String other = Emulator.basic(Emulator.OTHER_EMAIL, Emulator.OTHER_TOKEN);

    Emulator.assertError(
        Emulator.get(resolve(started.at("/_links/status/href").asString()), other),
        403,
        "FORBIDDEN");
    Emulator.assertError(
        Emulator.get(resolve(started.at("/_links/download/href").asString()), other),
        403,
        "FORBIDDEN");
    String theirs =
        v == ApiVersion.V2
            ? "/rest/2/vendors/" + Emulator.otherVendor().vendorId() + "/reporting"
            : "/rest/3/reporting/developer-space/" + Emulator.otherVendor().developerId();
    Emulator.assertError(
        Emulator.get(theirs + "/licenses/async/export/" + id, other), 404, "NOT_FOUND");
    Emulator.assertError(
        Emulator.get(theirs + "/licenses/async/export/" + id + "/status", other), 404, "NOT_FOUND");
    Emulator.assertError(Emulator.post(Records.LICENSES.async(v), other), 403, "FORBIDDEN");
  }

  @DisplayName("§9.2/§5.1: initiation validates the filters and accept like the sync export (400)")
  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(EVERY_LIST)
  void initiationValidates(ApiVersion v, Records records) {
    for (String bad :
        List.of(
            query("hosting", "data_center"),
            query("startDate", "2024-1-1"),
            query("accept", "xml"),
            query("sortBy", "nothing"))) {
      String param = params(bad).keySet().iterator().next();
      JsonNode error =
          Emulator.assertError(Emulator.post(records.async(v) + bad), 400, "VALIDATION_FAILED");
      assertThat(error.get("path").asString()).isEqualTo(param);
    }
  }

  @DisplayName("§4.2: v3 status and download hrefs work bare, with /rest/3 and under /marketplace")
  @ParameterizedTest(name = "{0}")
  @EnumSource(Records.class)
  void v3HrefsResolve(Records records) {
    JsonNode started = start(ApiVersion.V3, records, query("hosting", "server"));
    String status = started.at("/_links/status/href").asString();
    String download = started.at("/_links/download/href").asString();
    awaitDone(status);

    assertThat(status).startsWith("/reporting/developer-space/");
    List<String> bodies = new ArrayList<>();
    for (String prefix : List.of("", "/rest/3", "/marketplace/rest/3")) {
      assertThat(Api.getJson(prefix + status).at("/export/status").asString())
          .isEqualTo("COMPLETED");
      bodies.add(ok(Emulator.get(prefix + download)).body());
    }
    assertThat(bodies).containsOnly(bodies.get(0));
  }
}
