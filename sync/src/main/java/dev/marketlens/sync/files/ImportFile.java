package dev.marketlens.sync.files;

import dev.marketlens.sync.internal.CsvTokenizer;
import dev.marketlens.sync.internal.Failures;
import dev.marketlens.sync.internal.StrictUtf8Reader;
import dev.marketlens.sync.wire.ExportFormat;
import dev.marketlens.sync.wire.ExportReader;
import dev.marketlens.sync.wire.WireFormatException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * What an import file is, told by its content, never by its name: a license or transaction export
 * (JSON or CSV, spec §7.5, §8.5) or a remittance CSV (seed 004). Anything else is refused with a
 * {@link WireFormatException} saying so.
 */
public final class ImportFile {
  private ImportFile() {}

  /** The kinds of file that can be imported. */
  public enum Kind {
    LICENSES,
    TRANSACTIONS,
    REMITTANCE,
    /** A JSON export with no records ({@code []}): either export kind, nothing to import. */
    EMPTY
  }

  /** A file and what it holds. */
  public record Detected(Path path, Kind kind, ExportFormat format) {}

  /**
   * Reads just enough of {@code file} to tell its kind and format: the first record of a JSON
   * export, the header of a CSV. The file name starts every error message.
   */
  public static Detected detect(Path file) {
    String source = String.valueOf(file.getFileName());
    if (isRemittance(file, source)) {
      return new Detected(file, Kind.REMITTANCE, ExportFormat.CSV);
    }
    try (ExportReader reader = ExportReader.open(Files.newInputStream(file), source)) {
      Kind kind =
          switch (reader.kind()) {
            case LICENSES -> Kind.LICENSES;
            case TRANSACTIONS -> Kind.TRANSACTIONS;
            case EMPTY -> Kind.EMPTY;
          };
      return new Detected(file, kind, reader.format());
    } catch (WireFormatException e) {
      if (e.getMessage().contains("is not a recognisable export header")) {
        throw new WireFormatException(
            source,
            e.location(),
            "is not a Marketplace export or remittance report: the header has none of the"
                + " expected columns (a license export has addonKey and maintenanceStartDate, a"
                + " transaction export saleDate and transactionLineItemId, a remittance CSV "
                + String.join(", ", RemittanceReader.COLUMNS)
                + ")");
      }
      throw e;
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException(file + ": no such file", e);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be read", e);
    }
  }

  /**
   * Whether the first row reads as a remittance header: it names one of the columns only the
   * remittance CSV has. Problems of encoding or CSV syntax are left to the full read, which reports
   * them with more context; so are non-CSV files.
   */
  private static boolean isRemittance(Path file, String source) {
    Failures failures = (location, message) -> new WireFormatException(source, location, message);
    try (InputStream input = new BufferedInputStream(Files.newInputStream(file))) {
      input.mark(4);
      byte[] head = new byte[4];
      int length = input.readNBytes(head, 0, 4);
      input.reset();
      input.skipNBytes(StrictUtf8Reader.checkStart(head, length, failures));
      List<String> header =
          new CsvTokenizer(new StrictUtf8Reader(input, source, 1, failures), source, 1, failures)
              .next();
      if (header == null) {
        return false;
      }
      for (String name : header) {
        String column = name.strip();
        if (column.equals("Sale Date")
            || column.equals("Order ID")
            || column.equals("Net Revenue")
            || column.equals("Reference #")) {
          return true;
        }
      }
      return false;
    } catch (WireFormatException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot be read", e);
    }
  }
}
