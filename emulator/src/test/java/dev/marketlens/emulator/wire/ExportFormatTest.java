package dev.marketlens.emulator.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName(
    "spec §7.5: the export format is chosen by the accept parameter, else the Accept header")
class ExportFormatTest {

  @DisplayName("spec §7.2: accept=json and accept=csv select JSON and CSV with their media types")
  @Test
  void acceptParam() {
    assertThat(ExportFormat.fromAcceptParam("json")).isEqualTo(ExportFormat.JSON);
    assertThat(ExportFormat.fromAcceptParam("csv")).isEqualTo(ExportFormat.CSV);
    assertThat(ExportFormat.JSON.mediaType()).isEqualTo("application/json");
    assertThat(ExportFormat.CSV.mediaType()).isEqualTo("text/csv");
    assertThat(ExportFormat.CSV.contentType()).isEqualTo("text/csv;charset=UTF-8");
  }

  @DisplayName("spec §7.2: any other accept value is rejected with the API's message")
  @ParameterizedTest(name = "[{0}]")
  @NullAndEmptySource
  @ValueSource(strings = {"xml", "text/csv", "json,csv"})
  void rejectsOtherAcceptValues(String value) {
    assertThatThrownBy(() -> ExportFormat.fromAcceptParam(value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("accept: allowable values are 'csv','json'");
  }

  @DisplayName(
      "spec §7.5: an Accept header naming text/csv selects CSV; anything else, or none, JSON")
  @Test
  void acceptHeader() {
    assertThat(ExportFormat.fromAcceptHeader("text/csv")).isEqualTo(ExportFormat.CSV);
    assertThat(ExportFormat.fromAcceptHeader("Text/CSV; charset=utf-8"))
        .isEqualTo(ExportFormat.CSV);
    assertThat(ExportFormat.fromAcceptHeader("*/*")).isEqualTo(ExportFormat.JSON);
    assertThat(ExportFormat.fromAcceptHeader("application/json")).isEqualTo(ExportFormat.JSON);
    assertThat(ExportFormat.fromAcceptHeader(null)).isEqualTo(ExportFormat.JSON);
  }
}
