package dev.marketlens.sync.files;

import dev.marketlens.sync.wire.ExportReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Test helpers: import files from the test resources, detected and read to the end. */
final class Imports {
  private Imports() {}

  /** A folder of the test resources. */
  static Path folder(String name) {
    URL url = Imports.class.getResource("/" + name);
    if (url == null) {
      throw new IllegalArgumentException("no test resource folder " + name);
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Detects the file's kind, then reads every record of it; returns how many there were. */
  static long readAll(Path file) {
    ImportFile.Detected detected = ImportFile.detect(file);
    String source = file.getFileName().toString();
    try (InputStream input = Files.newInputStream(file)) {
      switch (detected.kind()) {
        case REMITTANCE -> {
          try (RemittanceReader reader = RemittanceReader.open(input, source);
              Stream<?> lines = reader.lines()) {
            return lines.count();
          }
        }
        case LICENSES, EMPTY -> {
          try (ExportReader reader = ExportReader.open(input, source);
              Stream<?> licenses = reader.licenses()) {
            return licenses.count();
          }
        }
        case TRANSACTIONS -> {
          try (ExportReader reader = ExportReader.open(input, source);
              Stream<?> lines = reader.transactions()) {
            return lines.count();
          }
        }
        default -> throw new IllegalStateException("unknown kind " + detected.kind());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
