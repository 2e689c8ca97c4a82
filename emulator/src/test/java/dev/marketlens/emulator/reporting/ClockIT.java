package dev.marketlens.emulator.reporting;

import static dev.marketlens.emulator.reporting.Api.admin;
import static dev.marketlens.emulator.reporting.Api.assertServes;
import static dev.marketlens.emulator.reporting.Api.elements;
import static dev.marketlens.emulator.reporting.Api.ok;
import static dev.marketlens.emulator.reporting.Api.query;
import static dev.marketlens.emulator.reporting.Api.resolve;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.reporting.Api.Records;
import dev.marketlens.emulator.reporting.Emulator.Reply;
import dev.marketlens.emulator.wire.WireFormat.ApiVersion;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The emulator's clock. These tests move the shared server's clock forward: every other test
 * computes its expectations from the view at assertion time, so they hold on any day.
 */
@DisplayName("[EMU] the clock: POST /_emulator/advance moves today; records appear; snapshots hold")
class ClockIT {

  private static LocalDate statusToday() {
    return LocalDate.parse(
        ok(Emulator.get("/_emulator/status", admin())).json().get("today").asString());
  }

  @DisplayName(
      "[EMU] admin API: advance?days=30 moves today by 30 days; new transactions appear with lastUpdated after the"
          + " old day; an async export started before still downloads the old snapshot (§9.2)")
  @Test
  void advanceThirtyDays() {
    LocalDate before = statusToday();
    assertThat(before).isEqualTo(Api.today());
    String dayAfter = before.plusDays(1).toString();
    String changed = query("lastUpdated", dayAfter);
    String v3 = Records.TRANSACTIONS.export(ApiVersion.V3);

    assertServes(ApiVersion.V3, Records.TRANSACTIONS, changed, List.of());
    String oldExport = ok(Emulator.get(v3 + query("hosting", "datacenter"))).body();
    JsonNode started =
        AsyncExportsIT.start(ApiVersion.V3, Records.TRANSACTIONS, query("hosting", "datacenter"));
    JsonNode startedChanged = AsyncExportsIT.start(ApiVersion.V3, Records.TRANSACTIONS, changed);

    Reply advanced = ok(Emulator.post("/_emulator/advance" + query("days", "30"), admin()));

    LocalDate after = before.plusDays(30);
    assertThat(advanced.json().get("today").asString()).isEqualTo(after.toString());
    assertThat(statusToday()).isEqualTo(after);
    List<String> expected =
        SpecRules.transactionKeys(SpecRules.transactions(t -> t.lastUpdated().isAfter(before)));
    assertThat(expected).as("30 days bring new or changed transaction lines").isNotEmpty();
    List<JsonNode> rows = assertServes(ApiVersion.V3, Records.TRANSACTIONS, changed, expected);
    assertThat(rows)
        .allSatisfy(
            r -> assertThat(r.get("lastUpdated").asString()).isGreaterThan(before.toString()))
        .anySatisfy(
            r ->
                assertThat(r.at("/purchaseDetails/saleDate").asString())
                    .isGreaterThan(before.toString()));

    AsyncExportsIT.awaitDone(started.at("/_links/status/href").asString());
    AsyncExportsIT.awaitDone(startedChanged.at("/_links/status/href").asString());
    Reply snapshot = ok(Emulator.get(resolve(started.at("/_links/download/href").asString())));
    Reply snapshotChanged =
        ok(Emulator.get(resolve(startedChanged.at("/_links/download/href").asString())));
    assertThat(snapshot.body()).as("the export shows the world of its start").isEqualTo(oldExport);
    assertThat(elements(snapshotChanged.json()))
        .as("nothing had changed after the old day")
        .isEmpty();
  }

  @DisplayName("[EMU] admin API: advance without days moves the clock one day")
  @Test
  void advanceDefaultsToOneDay() {
    LocalDate before = statusToday();

    Reply r = ok(Emulator.post("/_emulator/advance", admin()));

    assertThat(r.json().get("today").asString()).isEqualTo(before.plusDays(1).toString());
    assertThat(Api.today()).isEqualTo(before.plusDays(1));
  }

  @DisplayName(
      "[EMU] admin API/§5.2: advance rejects days < 1, above 3660 and non-numbers with 400,"
          + " leaving the clock")
  @ParameterizedTest(name = "days={0}")
  @ValueSource(strings = {"0", "-3", "3661", "many"})
  void advanceValidates(String days) {
    LocalDate before = statusToday();

    JsonNode error =
        Emulator.assertError(
            Emulator.post("/_emulator/advance" + query("days", days), admin()),
            400,
            "VALIDATION_FAILED");

    assertThat(error.get("path").asString()).isEqualTo("days");
    assertThat(statusToday()).isEqualTo(before);
  }
}
