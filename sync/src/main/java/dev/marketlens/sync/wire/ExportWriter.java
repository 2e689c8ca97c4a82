package dev.marketlens.sync.wire;

import dev.marketlens.model.license.License;
import dev.marketlens.model.transaction.TransactionLine;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;

/**
 * Writes licenses or transaction lines as an Atlassian export (spec §7.5, §8.5), streaming: JSON is
 * a top-level array of {@link WireJson} objects; CSV is a header row of the spec's column names in
 * the live order, then one row per record, UTF-8, RFC 4180 with CRLF row ends and every cell
 * double-quoted (line breaks stay inside the quotes), absent values as empty cells.
 *
 * <p>License CSV always carries the data-insight columns after the base columns; transaction CSV
 * ends with an {@code isInvoiceManual} column ({@code true} or empty) that the spec does not list,
 * so that manual-invoice lines read back. {@link #close()} finishes the export and flushes {@code
 * out}, but does not close it: whoever opened the stream closes it. Failures to write are {@link
 * UncheckedIOException}s; a record of the other kind is refused with an {@link
 * IllegalArgumentException}. Not thread-safe.
 */
public final class ExportWriter implements AutoCloseable {

  private final ExportKind kind;
  private final ExportFormat format;
  private final JsonGenerator json;
  private final Writer csv;
  private boolean closed;

  private ExportWriter(OutputStream out, ExportKind kind, ExportFormat format) {
    this.kind = kind;
    this.format = format;
    if (format == ExportFormat.JSON) {
      this.json = WireJson.FACTORY.createGenerator(ObjectWriteContext.empty(), out);
      this.csv = null;
      json.writeStartArray();
    } else {
      this.json = null;
      this.csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
      List<? extends CsvColumns.Column<?>> columns =
          kind == ExportKind.LICENSES ? CsvColumns.LICENSE : CsvColumns.TRANSACTION;
      try {
        for (int i = 0; i < columns.size(); i++) {
          cell(i, columns.get(i).name());
        }
        csv.write("\r\n");
      } catch (IOException e) {
        throw new UncheckedIOException("could not write the CSV header", e);
      }
    }
  }

  /**
   * Starts an export of {@code kind} ({@link ExportKind#LICENSES} or {@link
   * ExportKind#TRANSACTIONS}) in {@code format} on {@code out}.
   */
  public static ExportWriter open(OutputStream out, ExportKind kind, ExportFormat format) {
    if (out == null || format == null) {
      throw new IllegalArgumentException("an export needs an output stream and a format");
    }
    if (kind != ExportKind.LICENSES && kind != ExportKind.TRANSACTIONS) {
      throw new IllegalArgumentException(
          "an export holds licenses or transactions, not " + kind + " (spec §7.5, §8.5)");
    }
    return new ExportWriter(out, kind, format);
  }

  /** Appends one license to a license export. */
  public void write(License license) {
    check(ExportKind.LICENSES, "license");
    if (json != null) {
      WireJson.writeLicense(json, license);
    } else {
      row(CsvColumns.LICENSE, license);
    }
  }

  /** Appends one line to a transaction export. */
  public void write(TransactionLine line) {
    check(ExportKind.TRANSACTIONS, "transaction line");
    if (json != null) {
      WireJson.writeTransaction(json, line);
    } else {
      row(CsvColumns.TRANSACTION, line);
    }
  }

  /** Ends the export (the JSON array's {@code ]}) and flushes; {@code out} stays open. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (json != null) {
      json.writeEndArray();
      json.close();
    } else {
      try {
        csv.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("could not finish the CSV export", e);
      }
    }
  }

  private void check(ExportKind wanted, String what) {
    if (closed) {
      throw new IllegalStateException("the " + format + " export is closed");
    }
    if (kind != wanted) {
      throw new IllegalArgumentException(
          "a " + what + " cannot be written to a " + kind + " export (an export holds one kind)");
    }
  }

  private <T> void row(List<CsvColumns.Column<T>> columns, T record) {
    try {
      for (int i = 0; i < columns.size(); i++) {
        cell(i, columns.get(i).cell().apply(record));
      }
      csv.write("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException("could not write a CSV row", e);
    }
  }

  /** One RFC 4180 cell, always quoted, inner quotes doubled. */
  private void cell(int index, String value) throws IOException {
    if (index > 0) {
      csv.write(',');
    }
    csv.write('"');
    if (value != null) {
      int from = 0;
      int quote;
      while ((quote = value.indexOf('"', from)) >= 0) {
        csv.write(value, from, quote + 1 - from);
        csv.write('"');
        from = quote + 1;
      }
      csv.write(value, from, value.length() - from);
    }
    csv.write('"');
  }
}
