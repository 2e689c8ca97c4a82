package dev.marketlens.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketlens.model.id.LicenseIds;
import dev.marketlens.model.license.License;
import dev.marketlens.model.transaction.TransactionLine;
import dev.marketlens.sync.retry.RetryPolicy;
import dev.marketlens.sync.wire.ExportFormat;
import dev.marketlens.sync.wire.ExportKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

@DisplayName("ReportingClient against the emulated Marketplace")
class ReportingClientIT {

  private static final String LICENSE_FILTERS = "includeAtlassianLicenses=true";
  private static final String TRANSACTION_FILTERS =
      "excludeZeroTransactions=false&includeManualInvoice=true";
  private static final LocalDate SINCE = LocalDate.of(2026, 6, 1);

  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  @DisplayName("the license export holds exactly the licenses of the paged list")
  void licensesEqualThePagedList(ApiVersion version) throws Exception {
    List<String> listed =
        sorted(
            Emulated.pagedList(version, "/licenses", "licenses", LICENSE_FILTERS).stream()
                .map(ReportingClientIT::licenseKey));
    ReportingClient client = Emulated.client(version).build();
    try (ExportStream export = client.export(ExportKind.LICENSES, ExportQuery.all());
        Stream<License> licenses = export.licenses()) {
      assertThat(export.route()).isEqualTo(ExportRoute.ASYNC_EXPORT);
      assertThat(export.fallbacks()).isEmpty();
      List<String> exported = sorted(licenses.map(l -> licenseKey(l.ids())));
      assertThat(listed).hasSizeGreaterThan(50);
      assertThat(exported).hasSize(listed.size()).isEqualTo(listed);
      assertThat(export.records()).isEqualTo(listed.size());
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  @DisplayName("the transaction export holds exactly the lines of the paged list")
  void transactionsEqualThePagedList(ApiVersion version) throws Exception {
    List<String> listed =
        sorted(
            Emulated.pagedList(version, "/sales/transactions", "transactions", TRANSACTION_FILTERS)
                .stream()
                .map(t -> t.get("transactionLineItemId").asString()));
    ReportingClient client = Emulated.client(version).build();
    try (ExportStream export = client.export(ExportKind.TRANSACTIONS, ExportQuery.all());
        Stream<TransactionLine> lines = export.transactions()) {
      assertThat(export.route()).isEqualTo(ExportRoute.ASYNC_EXPORT);
      List<String> exported = sorted(lines.map(t -> t.lineItemId().toString()));
      assertThat(listed).hasSizeGreaterThan(50);
      assertThat(exported).isEqualTo(listed);
    }
  }

  @Test
  @DisplayName(
      "the paged list route, followed by _links.next, gives the same lines as the async export")
  void pagedListRouteEqualsAsyncExport() {
    ReportingClient client = Emulated.client(ApiVersion.V3).build();
    List<String> async;
    try (ExportStream export = client.export(ExportKind.TRANSACTIONS, ExportQuery.all())) {
      async = sorted(export.transactions().map(t -> t.lineItemId().toString()));
    }
    try (ExportStream export =
        client.export(
            ExportKind.TRANSACTIONS, ExportQuery.all().startingWith(ExportRoute.PAGED_LIST))) {
      assertThat(export.route()).isEqualTo(ExportRoute.PAGED_LIST);
      assertThat(sorted(export.transactions().map(t -> t.lineItemId().toString())))
          .isEqualTo(async);
    }
  }

  @Test
  @DisplayName("the sync export as CSV gives the same licenses as the async export as JSON")
  void csvSyncExportEqualsJson() {
    ReportingClient client = Emulated.client(ApiVersion.V2).build();
    List<String> json;
    try (ExportStream export = client.export(ExportKind.LICENSES, ExportQuery.all())) {
      json = sorted(export.licenses().map(l -> licenseKey(l.ids())));
    }
    ExportQuery csv =
        ExportQuery.all().format(ExportFormat.CSV).startingWith(ExportRoute.SYNC_EXPORT);
    try (ExportStream export = client.export(ExportKind.LICENSES, csv)) {
      assertThat(export.route()).isEqualTo(ExportRoute.SYNC_EXPORT);
      assertThat(export.format()).isEqualTo(ExportFormat.CSV);
      assertThat(sorted(export.licenses().map(l -> licenseKey(l.ids())))).isEqualTo(json);
    }
  }

  @Test
  @DisplayName(
      "a lastUpdated filter returns fewer records, each updated on or after that day, in fewer bytes")
  void lastUpdatedReturnsFewer() throws Exception {
    ReportingClient full = Emulated.client(ApiVersion.V2).build();
    long all;
    try (ExportStream export = full.export(ExportKind.TRANSACTIONS, ExportQuery.all())) {
      all = export.records();
    }
    ReportingClient incremental = Emulated.client(ApiVersion.V2).build();
    Instant since = SINCE.atStartOfDay().toInstant(ZoneOffset.UTC);
    try (ExportStream export =
        incremental.export(ExportKind.TRANSACTIONS, ExportQuery.all().lastUpdated(SINCE))) {
      List<TransactionLine> recent = export.transactions().collect(Collectors.toList());
      assertThat(recent).isNotEmpty().hasSizeLessThan((int) all);
      assertThat(recent).allSatisfy(t -> assertThat(t.lastUpdated()).isAfterOrEqualTo(since));
      int listed =
          Emulated.pagedList(
                  ApiVersion.V2,
                  "/sales/transactions",
                  "transactions",
                  TRANSACTION_FILTERS + "&lastUpdated=" + SINCE)
              .size();
      assertThat(recent).hasSize(listed);
    }
    assertThat(incremental.bytesReceived()).isPositive().isLessThan(full.bytesReceived());
  }

  @Test
  @DisplayName(
      "with 20% of requests failing (5xx, resets, cuts, slow, malformed) the export completes, identical")
  void survivesFaults() throws Exception {
    ReportingClient calm = Emulated.client(ApiVersion.V2).build();
    List<String> expected;
    try (ExportStream export = calm.export(ExportKind.TRANSACTIONS, ExportQuery.all())) {
      expected = sorted(export.transactions().map(t -> t.lineItemId().toString()));
    }
    ReportingClient client =
        Emulated.client(ApiVersion.V2)
            .requestTimeout(Duration.ofSeconds(1))
            .retryPolicy(
                new RetryPolicy(
                    Duration.ofMillis(10),
                    Duration.ofMillis(50),
                    8,
                    Duration.ofSeconds(5),
                    new SplittableRandom(1)))
            .circuitThreshold(20)
            .build();
    Emulated.faults("rate=20%25");
    try {
      for (ExportRoute route : ExportRoute.values()) {
        try (ExportStream export =
            client.export(ExportKind.TRANSACTIONS, ExportQuery.all().startingWith(route))) {
          assertThat(export.route()).isEqualTo(route);
          assertThat(sorted(export.transactions().map(t -> t.lineItemId().toString())))
              .as("by %s", route)
              .isEqualTo(expected);
        }
      }
    } finally {
      Emulated.faults("");
    }
    assertThat(client.retries()).isPositive();
    assertThat(client.stopped()).isFalse();
  }

  @Test
  @DisplayName(
      "a wrong token is 401: the message says to check email and token, names no token, tries no fallback")
  void wrongToken() {
    ApiAccount wrong =
        new ApiAccount(
            Emulated.base(),
            ApiVersion.V2,
            Emulated.account(ApiVersion.V2).vendorId(),
            null,
            Emulated.EMAIL,
            "not-the-token-xyz");
    ReportingClient client = ReportingClient.builder(wrong).build();
    assertThatThrownBy(() -> client.export(ExportKind.LICENSES, ExportQuery.all()))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(401);
              assertThat(e.reason()).isEqualTo(ApiException.Reason.STATUS);
              assertThat(e.method()).isEqualTo("POST");
              assertThat(e.path()).startsWith(wrong.reportingPath() + "/licenses/async/export?");
              assertThat(e.getMessage())
                  .contains("HTTP 401")
                  .contains("check the account email and API token")
                  .doesNotContain("not-the-token-xyz")
                  .doesNotContain(Emulated.TOKEN);
            });
    assertThat(client.requestsSent()).isEqualTo(1);
    assertThat(client.retries()).isZero();
  }

  private static List<String> sorted(Stream<String> keys) {
    return keys.sorted().collect(Collectors.toList());
  }

  private static String licenseKey(JsonNode l) {
    return String.join(
        "|",
        text(l, "addonLicenseId"),
        text(l, "licenseId"),
        text(l, "appEntitlementId"),
        text(l, "appEntitlementNumber"),
        text(l, "cloudId"));
  }

  private static String licenseKey(LicenseIds ids) {
    return String.join(
        "|",
        Objects.toString(ids.addonLicenseId(), ""),
        Objects.toString(ids.licenseId(), ""),
        Objects.toString(ids.appEntitlementId(), ""),
        Objects.toString(ids.appEntitlementNumber(), ""),
        Objects.toString(ids.cloudId(), ""));
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? "" : v.asString();
  }
}
