package dev.marketlens.emulator.wire;

import java.io.OutputStream;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * Streams records to an export body in one {@link ExportFormat}. Writers hold no per-export state:
 * one instance may serve many exports, also concurrently. They flush {@code out} when done but
 * never close it; I/O failures surface as the unchecked {@link
 * tools.jackson.core.JacksonException}.
 *
 * @param <T> {@link License} or {@link Transaction}
 */
public interface ExportWriter<T> {

  /** The body format this writer produces. */
  ExportFormat format();

  /** Writes every remaining record of {@code records}, in order, as one complete export body. */
  void write(Iterator<? extends T> records, OutputStream out);

  /** Writes every record of {@code records}, in order, as one complete export body. */
  default void write(Iterable<? extends T> records, OutputStream out) {
    write(records.iterator(), out);
  }

  /**
   * Writes every record of {@code records}, in order, as one complete export body; the stream is
   * not closed.
   */
  default void write(Stream<? extends T> records, OutputStream out) {
    write(records.iterator(), out);
  }

  /** The writer of license exports (spec §7.5) in {@code format}. */
  static ExportWriter<License> licenses(ExportFormat format, WireFormat wire) {
    return switch (format) {
      case JSON -> new LicenseJsonWriter(wire);
      case CSV -> new LicenseCsvWriter(wire);
    };
  }

  /** The writer of transaction exports (spec §8.5) in {@code format}. */
  static ExportWriter<Transaction> transactions(ExportFormat format, WireFormat wire) {
    return switch (format) {
      case JSON -> new TransactionJsonWriter(wire);
      case CSV -> new TransactionCsvWriter();
    };
  }
}
