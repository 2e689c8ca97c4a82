package dev.marketlens.sync.wire;

import dev.marketlens.model.license.License;
import dev.marketlens.model.transaction.TransactionLine;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

/** Test helpers: exports from the test resources or from text, read fully. */
final class Exports {
  private Exports() {}

  static ExportReader resource(String name) {
    InputStream in = Exports.class.getResourceAsStream("/wire/" + name);
    if (in == null) {
      throw new IllegalArgumentException("no test resource " + name);
    }
    return ExportReader.open(in, name);
  }

  static ExportReader text(String source, String content) {
    return ExportReader.open(
        new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), source);
  }

  static List<License> licenses(ExportReader reader) {
    try (reader;
        Stream<License> licenses = reader.licenses()) {
      return licenses.toList();
    }
  }

  static List<TransactionLine> transactions(ExportReader reader) {
    try (reader;
        Stream<TransactionLine> lines = reader.transactions()) {
      return lines.toList();
    }
  }
}
