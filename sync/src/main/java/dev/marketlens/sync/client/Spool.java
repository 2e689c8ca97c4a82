package dev.marketlens.sync.client;

import dev.marketlens.sync.wire.ExportFormat;
import dev.marketlens.sync.wire.ExportKind;
import dev.marketlens.sync.wire.ExportReader;
import dev.marketlens.sync.wire.WireFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * An export body kept in a temporary file and read once, whole, before any record is handed out: a
 * body cut short or followed by a gateway's page is found here and retried, never half-read.
 */
final class Spool {

  /** A checked body: its file, what it holds and how big it is. */
  record Body(Path file, ExportFormat format, long records, long bytes) {}

  /** The names of the temporary bodies, as a glob: {@code marketlens-export-*.body}. */
  static final String TEMPORARY = "marketlens-export-*.body";

  private final Path directory;

  Spool(Path directory) {
    this.directory = directory;
  }

  Path newFile() {
    try {
      Files.createDirectories(directory);
      return Files.createTempFile(directory, "marketlens-export-", ".body"); // see TEMPORARY
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create a temporary file for the export in " + directory + ": " + e.getMessage(),
          e);
    }
  }

  /** Copies {@code in} to a new file and checks it; IOExceptions are the connection's. */
  Body receive(InputStream in, ExportKind kind, String source) throws IOException {
    Path file = newFile();
    boolean ok = false;
    try {
      long bytes = Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
      Body body = check(file, kind, source, bytes);
      ok = true;
      return body;
    } finally {
      if (!ok) {
        delete(file);
      }
    }
  }

  /** Reads the whole file with {@link ExportReader}; a body it refuses is damaged. */
  static Body check(Path file, ExportKind kind, String source, long bytes) {
    try (ExportReader reader = ExportReader.open(Files.newInputStream(file), source)) {
      if (reader.kind() != kind && reader.kind() != ExportKind.EMPTY) {
        throw new Transport.DamagedBody(
            source + " holds " + reader.kind() + ", not the " + kind + " asked for", null);
      }
      long count;
      try (Stream<?> records =
          kind == ExportKind.LICENSES ? reader.licenses() : reader.transactions()) {
        count = records.count();
      }
      return new Body(file, reader.format(), count, bytes);
    } catch (WireFormatException e) {
      throw new Transport.DamagedBody(e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": cannot read the temporary file " + file, e);
    }
  }

  static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A temporary file left behind is harmless; the OS cleans its temp directory.
    }
  }
}
