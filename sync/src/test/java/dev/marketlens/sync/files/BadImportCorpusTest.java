package dev.marketlens.sync.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.marketlens.sync.wire.WireFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of bad import files ({@code bad-imports/}): each file has one mistake, and {@code
 * expected-errors.tsv} gives the exact message a user sees for it (file name, tab, message).
 */
class BadImportCorpusTest {
  private static final String EXPECTED = "expected-errors.tsv";

  static Path corpus() {
    return Imports.folder("bad-imports");
  }

  static Map<String, String> expected() throws IOException {
    Map<String, String> expected = new LinkedHashMap<>();
    int lineNumber = 0;
    for (String line : Files.readAllLines(corpus().resolve(EXPECTED), StandardCharsets.UTF_8)) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      int tab = line.indexOf('\t');
      if (tab <= 0 || tab == line.length() - 1) {
        throw new IllegalStateException(
            EXPECTED + " line " + lineNumber + ": expected a file name, a tab and a message");
      }
      if (expected.put(line.substring(0, tab), line.substring(tab + 1)) != null) {
        throw new IllegalStateException(
            EXPECTED + " line " + lineNumber + ": " + line.substring(0, tab) + " appears twice");
      }
    }
    return expected;
  }

  static Stream<Arguments> badFiles() throws IOException {
    return expected().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  @DisplayName("a bad import file is refused with its exact message")
  void refusedWithItsMessage(String file, String message) {
    WireFormatException e =
        catchThrowableOfType(
            WireFormatException.class, () -> Imports.readAll(corpus().resolve(file)));
    assertThat(e).as("%s is refused with a WireFormatException", file).isNotNull();
    assertThat(e).hasMessage(message);
    assertThat(e.source()).isEqualTo(file);
  }

  @Test
  @DisplayName("every file of the corpus has an expected message, and every message a file")
  void corpusAndExpectationsMatch() throws IOException {
    Set<String> files;
    try (Stream<Path> listing = Files.list(corpus())) {
      files =
          listing
              .map(path -> path.getFileName().toString())
              .filter(name -> !name.equals(EXPECTED))
              .collect(Collectors.toCollection(TreeSet::new));
    }
    assertThat(new TreeSet<>(expected().keySet())).isEqualTo(files);
  }

  @Test
  @DisplayName("the corpus covers every kind of import with at least 60 files")
  void corpusSize() throws IOException {
    Set<String> files = expected().keySet();
    assertThat(files).hasSizeGreaterThanOrEqualTo(60);
    assertThat(files).anyMatch(f -> f.startsWith("licenses") && f.endsWith(".csv"));
    assertThat(files).anyMatch(f -> f.startsWith("licenses") && f.endsWith(".json"));
    assertThat(files).anyMatch(f -> f.startsWith("transactions") && f.endsWith(".csv"));
    assertThat(files).anyMatch(f -> f.startsWith("transactions") && f.endsWith(".json"));
    assertThat(files).anyMatch(f -> f.startsWith("remittance"));
  }
}
