package dev.marketlens.emulator.reporting;

import static dev.marketlens.emulator.reporting.Api.getJson;
import static dev.marketlens.emulator.reporting.Api.pageThrough;
import static dev.marketlens.emulator.reporting.Api.query;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.reporting.Api.Records;
import dev.marketlens.emulator.wire.License;
import dev.marketlens.emulator.wire.Transaction;
import dev.marketlens.emulator.wire.WireFormat;
import dev.marketlens.emulator.wire.WireFormat.ApiVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * A client's full sync (spec §6, §18): page with {@code limit=50}, follow {@code _links.next} until
 * it is absent, and end up with exactly the vendor's records, each exactly as the wire writers
 * serialise it.
 */
@DisplayName("§6/§18: paging through every license and transaction yields exactly the records")
class PageThroughIT {

  private static <T> Map<String, T> byKey(List<T> records, Function<T, String> key) {
    return records.stream().collect(Collectors.toMap(key, Function.identity()));
  }

  /** Follows next from the first page and checks v3's totalCount against the rows collected. */
  private static List<JsonNode> allPages(ApiVersion v, Records records, String query) {
    String first = records.list(v) + (query.isEmpty() ? "?limit=50" : query + "&limit=50");
    List<JsonNode> rows = pageThrough(first, records.array);
    if (v == ApiVersion.V3) {
      assertThat(getJson(first).get("totalCount").asInt())
          .as("totalCount of %s", query)
          .isEqualTo(rows.size());
    }
    return rows;
  }

  @DisplayName(
      "§6/§7.2/§7.3: all licenses (incl. Atlassian-owned and lifetime-free apps' ones), each"
          + " as LicenseJsonWriter writes it, with and without withDataInsights")
  @ParameterizedTest(name = "{0} withDataInsights={1}")
  @CsvSource({"V2, false", "V2, true", "V3, false", "V3, true"})
  void everyLicense(ApiVersion v, boolean insights) {
    List<JsonNode> rows = new ArrayList<>();
    for (String lifetimeFree : List.of("false", "true")) {
      rows.addAll(
          allPages(
              v,
              Records.LICENSES,
              query(
                  "includeAtlassianLicenses",
                  "true",
                  "showLifeTimeFreeLicenses",
                  lifetimeFree,
                  "withDataInsights",
                  String.valueOf(insights))));
    }
    // Every license of the vendor; only cloud licenses outside the commercial boundary
    // (cloudComplianceBoundaries absent → commercial) could be left out.
    List<License> expected =
        Api.view().licenses().stream()
            .filter(
                l ->
                    SpecRules.commercialBoundary(l.hosting().wire(), l.cloudComplianceBoundaries()))
            .toList();
    assertThat(expected).anyMatch(l -> "Atlassian".equals(l.licenseSourceType()));
    assertThat(expected).anyMatch(l -> SpecRules.lifetimeFreeApp(l.addonKey()));

    List<String> keys = Records.LICENSES.keys(rows);
    // Each key once: the rows do not overlap between pages (§6 stability).
    Api.assertSameKeys(keys, SpecRules.licenseKeys(expected), "licenses paged");

    Map<String, License> records = byKey(expected, License::key);
    WireFormat wire = new WireFormat(v, insights);
    for (JsonNode row : rows) {
      License record = records.get(Api.licenseKey(row));
      assertThat(row).as(Api.licenseKey(row)).isEqualTo(Api.licenseJson(record, wire, null));
    }
  }

  @DisplayName(
      "§6/§8.2/§8.3: all transaction lines, each as TransactionJsonWriter writes it; with"
          + " excludeZeroTransactions only purchasePrice != 0")
  @ParameterizedTest(name = "{0} excludeZeroTransactions={1}")
  @CsvSource({"V2, false", "V2, true", "V3, false", "V3, true"})
  void everyTransaction(ApiVersion v, boolean excludeZero) {
    List<JsonNode> rows =
        allPages(
            v, Records.TRANSACTIONS, excludeZero ? query("excludeZeroTransactions", "true") : "");
    // Every line of the vendor; only manual invoices (includeManualInvoice=false) and cloud lines
    // outside the commercial boundary could be left out by default.
    List<Transaction> expected =
        SpecRules.transactions(t -> !excludeZero || t.purchaseDetails().purchasePriceCents() != 0);
    assertThat(Api.view().transactions())
        .as("test data: $0 lines")
        .anyMatch(t -> t.purchaseDetails().purchasePriceCents() == 0);

    List<String> keys = Records.TRANSACTIONS.keys(rows);
    // Each key once: the rows do not overlap between pages (§6 stability).
    Api.assertSameKeys(keys, SpecRules.transactionKeys(expected), "transactions paged");

    Map<String, Transaction> records = byKey(expected, Transaction::transactionLineItemId);
    WireFormat wire = WireFormat.of(v);
    for (JsonNode row : rows) {
      Transaction record = records.get(Api.transactionKey(row));
      if (v == ApiVersion.V2) {
        // v2 serves proratedDetails only with showProratedTransactions=true (ProratedDetailsIT).
        record =
            record.withPurchaseDetails(record.purchaseDetails().withProratedDetails(List.of()));
      }
      assertThat(row).as(Api.transactionKey(row)).isEqualTo(Api.transactionJson(record, wire));
    }
  }
}
