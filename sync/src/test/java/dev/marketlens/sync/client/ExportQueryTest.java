package dev.marketlens.sync.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketlens.sync.wire.ExportFormat;
import dev.marketlens.sync.wire.ExportKind;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("ExportQuery")
class ExportQueryTest {

  @Test
  @DisplayName("all(): JSON, async export first, spec §18 defaults per kind")
  void defaults() {
    ExportQuery q = ExportQuery.all();
    assertThat(q.format()).isEqualTo(ExportFormat.JSON);
    assertThat(q.firstRoute()).isEqualTo(ExportRoute.ASYNC_EXPORT);
    assertThat(q.filterQuery(ExportKind.TRANSACTIONS))
        .isEqualTo("excludeZeroTransactions=false&includeManualInvoice=true");
    assertThat(q.filterQuery(ExportKind.LICENSES)).isEqualTo("includeAtlassianLicenses=true");
  }

  @Test
  @DisplayName("license-only switches go to licenses only; lastUpdated and filters to both")
  void filters() {
    ExportQuery q =
        ExportQuery.all()
            .lastUpdated(LocalDate.of(2026, 1, 31))
            .withDataInsights(true)
            .withAttribution(true)
            .filter("hosting", "cloud")
            .filter("hosting", "data center");
    assertThat(q.filterQuery(ExportKind.LICENSES))
        .isEqualTo(
            "includeAtlassianLicenses=true&withDataInsights=true&withAttribution=true"
                + "&lastUpdated=2026-01-31&hosting=cloud&hosting=data%20center");
    assertThat(q.filterQuery(ExportKind.TRANSACTIONS))
        .isEqualTo(
            "excludeZeroTransactions=false&includeManualInvoice=true"
                + "&lastUpdated=2026-01-31&hosting=cloud&hosting=data%20center");
  }

  @Test
  @DisplayName("accept, offset and limit are the client's, not filters")
  void reserved() {
    assertThatThrownBy(() -> ExportQuery.all().filter("accept", "csv"))
        .hasMessageContaining("set by the client");
  }
}
