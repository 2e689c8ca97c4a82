package dev.marketlens.sync.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.sync.wire.ExportFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Good import files ({@code good-imports/}), with the spec's real header rows, read cleanly. */
class GoodImportsTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "licenses.csv,              LICENSES,     CSV,  2",
    "licenses-bom-crlf.csv,     LICENSES,     CSV,  2",
    "licenses-header-only.csv,  LICENSES,     CSV,  0",
    "licenses.json,             LICENSES,     JSON, 2",
    "transactions.csv,          TRANSACTIONS, CSV,  2",
    "transactions.json,         TRANSACTIONS, JSON, 2",
    "transactions-header-only.csv, TRANSACTIONS, CSV, 0",
    "empty-export.json,         EMPTY,        JSON, 0",
    "remittance.csv,            REMITTANCE,   CSV,  5",
    "remittance-header-only.csv, REMITTANCE,  CSV,  0",
  })
  @DisplayName("a good file is detected by its content and read to the end")
  void detectedAndRead(String name, ImportFile.Kind kind, ExportFormat format, long records) {
    Path file = Imports.folder("good-imports").resolve(name);
    ImportFile.Detected detected = ImportFile.detect(file);
    assertThat(detected.kind()).isEqualTo(kind);
    assertThat(detected.format()).isEqualTo(format);
    assertThat(detected.path()).isEqualTo(file);
    assertThat(Imports.readAll(file)).isEqualTo(records);
  }

  @Test
  @DisplayName("every good file is in the table above")
  void everyGoodFileIsListed() throws IOException {
    try (Stream<Path> listing = Files.list(Imports.folder("good-imports"))) {
      List<String> names = listing.map(p -> p.getFileName().toString()).sorted().toList();
      assertThat(names)
          .containsExactly(
              "empty-export.json",
              "licenses-bom-crlf.csv",
              "licenses-header-only.csv",
              "licenses.csv",
              "licenses.json",
              "remittance-header-only.csv",
              "remittance.csv",
              "transactions-header-only.csv",
              "transactions.csv",
              "transactions.json");
    }
  }
}
