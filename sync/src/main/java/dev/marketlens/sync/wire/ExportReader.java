package dev.marketlens.sync.wire;

import dev.marketlens.model.ModelException;
import dev.marketlens.model.license.License;
import dev.marketlens.model.transaction.TransactionLine;
import dev.marketlens.sync.internal.CsvTokenizer;
import dev.marketlens.sync.internal.Failures;
import dev.marketlens.sync.internal.StrictUtf8Reader;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads a license or transaction export (spec §7.5, §8.5) record by record, in constant memory.
 *
 * <p>The format is detected from the content: a first non-whitespace byte {@code [} is JSON, a
 * {@code {} is refused (an export is an array), anything else must be a CSV with a recognisable
 * header. The bytes must be UTF-8 (a UTF-8 byte order mark is skipped; UTF-16 and UTF-32 are
 * refused), decoded strictly: a malformed byte is an error naming its line, never replaced. The
 * kind is detected from the fields: transactions carry {@code transactionLineItemId} and {@code
 * purchaseDetails} (CSV: {@code saleDate} and {@code transactionLineItemId}), licenses
 * carry {@code maintenanceStartDate} at the top level. Unknown fields and columns are ignored.
 *
 * <p>Every problem is a {@link WireFormatException} naming the source, the line, the field, the
 * value and what was expected. The reader closes the stream when closed.
 */
public final class ExportReader implements AutoCloseable {
  private static final JsonFactory JSON = new JsonFactory();

  private final InputStream input;
  private final String source;
  private final Failures failures;
  private final ExportFormat format;
  private final JsonRecords json;
  private final CsvRecords csv;
  private ExportKind kind;
  private Fields pending;
  private boolean started;
  private int leadingLines;
  private final ByteArrayOutputStream leadingWhitespace = new ByteArrayOutputStream();

  private ExportReader(InputStream input, String source) {
    this.input = input;
    this.source = source;
    this.failures = (location, message) -> new WireFormatException(source, location, message);
    int first = firstSignificantByte(input);
    if (first == '{') {
      throw new WireFormatException(
          source,
          null,
          "is a JSON object, not an export (expected a top-level array of records, [ … ])");
    }
    if (first == '[') {
      format = ExportFormat.JSON;
      JsonParser parser =
          JSON.createParser(
              ObjectReadContext.empty(),
              // the skipped whitespace is replayed so that Jackson's line:column are the file's
              new StrictUtf8Reader(
                  new SequenceInputStream(
                      new ByteArrayInputStream(leadingWhitespace.toByteArray()), input),
                  source,
                  1,
                  failures));
      json = new JsonRecords(parser, source);
      csv = null;
      pending = json.next(this::classify);
      if (pending == null) {
        kind = ExportKind.EMPTY;
      }
    } else {
      format = ExportFormat.CSV;
      json = null;
      csv =
          new CsvRecords(
              new CsvTokenizer(
                  new StrictUtf8Reader(input, source, 1 + leadingLines, failures),
                  source,
                  1 + leadingLines,
                  failures),
              source);
      kind = csv.kind();
    }
  }

  /**
   * Opens an export and reads just enough to know its format and kind.
   *
   * @param source the file name, or "response" for an HTTP body; it starts every error message
   */
  public static ExportReader open(InputStream input, String source) {
    BufferedInputStream buffered = new BufferedInputStream(input, 64 * 1024);
    try {
      return new ExportReader(buffered, source);
    } catch (RuntimeException e) {
      try {
        buffered.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  public ExportFormat format() {
    return format;
  }

  public ExportKind kind() {
    return kind;
  }

  public String source() {
    return source;
  }

  /** The licenses, read lazily; refused if this is a transaction export. */
  public Stream<License> licenses() {
    return records(ExportKind.LICENSES, WireMapping::license);
  }

  /** The transaction lines, read lazily; refused if this is a license export. */
  public Stream<TransactionLine> transactions() {
    return records(ExportKind.TRANSACTIONS, WireMapping::transaction);
  }

  private <T> Stream<T> records(ExportKind wanted, Function<Fields, T> mapping) {
    if (started) {
      throw new IllegalStateException("the records of " + source + " can be read only once");
    }
    started = true;
    if (kind != wanted && kind != ExportKind.EMPTY) {
      throw new WireFormatException(
          source,
          null,
          "is a " + describe(kind) + " export (expected a " + describe(wanted) + " export)");
    }
    Iterator<T> iterator =
        new Iterator<>() {
          private Fields next = advance();

          private Fields advance() {
            if (pending != null) {
              Fields fields = pending;
              pending = null;
              return fields;
            }
            return json != null ? json.next(ExportReader.this::classify) : csv.next();
          }

          @Override
          public boolean hasNext() {
            return next != null;
          }

          @Override
          public T next() {
            if (next == null) {
              throw new NoSuchElementException();
            }
            Fields current = next;
            T record;
            try {
              record = mapping.apply(current);
            } catch (WireFormatException e) {
              throw json == null ? e : wrongType(e);
            }
            next = advance();
            return record;
          }
        };
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(
                iterator, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(this::close);
  }

  /**
   * A required field reported absent may have been sent as an object or an array, which the
   * flattening set aside; says so instead.
   */
  private WireFormatException wrongType(WireFormatException absent) {
    if (absent.getCause() instanceof ModelException model
        && model.value() == null
        && model.field() != null) {
      String field = model.field().split(" ", 2)[0];
      WireFormatException wrongType = json.wrongType(field, absent);
      if (wrongType != null) {
        return wrongType;
      }
    }
    return absent;
  }

  private void classify(JsonFields fields) {
    ExportKind recordKind;
    if (fields.has("transactionLineItemId") || fields.hasPrefix("purchaseDetails.")) {
      recordKind = ExportKind.TRANSACTIONS;
    } else if (fields.has("maintenanceStartDate")) {
      recordKind = ExportKind.LICENSES;
    } else {
      throw new WireFormatException(
          source,
          fields.recordLocation(),
          "is neither a license nor a transaction record (expected maintenanceStartDate, or"
              + " transactionLineItemId and purchaseDetails)");
    }
    if (kind == null) {
      kind = recordKind;
    } else if (kind != recordKind) {
      throw new WireFormatException(
          source,
          fields.recordLocation(),
          "is a "
              + describe(recordKind)
              + " record in a "
              + describe(kind)
              + " export (an export holds one kind)");
    }
  }

  private static String describe(ExportKind kind) {
    return kind == ExportKind.TRANSACTIONS ? "transaction" : "license";
  }

  /**
   * Refuses a UTF-16 or UTF-32 byte order mark, skips a UTF-8 one and leading whitespace, then
   * returns the next byte without using it.
   */
  private int firstSignificantByte(InputStream input) {
    int previous = -1;
    try {
      input.mark(4);
      byte[] head = new byte[4];
      int length = input.readNBytes(head, 0, 4);
      input.reset();
      input.skipNBytes(StrictUtf8Reader.checkStart(head, length, failures));
      while (true) {
        input.mark(1);
        int b = input.read();
        if (b == '\n' || b == '\r') {
          if (!(b == '\n' && previous == '\r')) {
            leadingLines++;
          }
          leadingWhitespace.write(b);
          previous = b;
          continue;
        }
        if (b == ' ' || b == '\t') {
          leadingWhitespace.write(b);
          previous = b;
          continue;
        }
        input.reset();
        if (b == -1) {
          throw new WireFormatException(
              source, null, "is empty (expected a JSON array or a CSV header row)");
        }
        return b;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": cannot be read", e);
    }
  }

  @Override
  public void close() {
    try {
      input.close();
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": cannot be closed", e);
    }
  }
}
