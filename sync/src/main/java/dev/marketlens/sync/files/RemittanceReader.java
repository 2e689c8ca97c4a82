package dev.marketlens.sync.files;

import dev.marketlens.model.ModelException;
import dev.marketlens.model.Money;
import dev.marketlens.model.remittance.RemittanceLine;
import dev.marketlens.sync.internal.CsvTokenizer;
import dev.marketlens.sync.internal.Failures;
import dev.marketlens.sync.internal.StrictUtf8Reader;
import dev.marketlens.sync.wire.WireFormatException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads the remittance CSV that comes with the monthly remittance report (seed 004, SR-M8) line by
 * line, in constant memory, with the same strict UTF-8 decoding and RFC 4180 tokenizer as the
 * export reader.
 *
 * <p>Columns are mapped by header name ({@link #COLUMNS}, all required; others are ignored). Dates
 * are {@code YYYY-MM-DD} and amounts plain decimals ({@code 1234.56}, {@code -34.00}), as in the
 * exports (§4.1); the seed does not show other forms, so a currency sign or thousands separator is
 * refused rather than guessed at. Every problem is a {@link WireFormatException} naming the source,
 * the line, the column, the value and what was expected.
 */
public final class RemittanceReader implements AutoCloseable {
  /** The remittance CSV's columns as spelled in seed 004. */
  public static final List<String> COLUMNS =
      List.of(
          "Sale Date",
          "Order ID",
          "License ID (Host SEN)",
          "Customer Name",
          "App Name",
          "Sale Price",
          "Net Revenue",
          "Reference #");

  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Map<String, String> COLUMN_OF_FIELD =
      Map.of(
          "saleDate", "Sale Date",
          "orderId", "Order ID",
          "licenseId", "License ID (Host SEN)",
          "customerName", "Customer Name",
          "appName", "App Name",
          "salePrice", "Sale Price",
          "netRevenue", "Net Revenue",
          "reference", "Reference #");

  private final InputStream input;
  private final String source;
  private final CsvTokenizer tokenizer;
  private final Map<String, Integer> columns = new HashMap<>();
  private final int width;
  private boolean started;

  private RemittanceReader(InputStream input, String source) {
    this.input = input;
    this.source = source;
    Failures failures = (location, message) -> new WireFormatException(source, location, message);
    int skip;
    try {
      input.mark(4);
      byte[] head = new byte[4];
      int length = input.readNBytes(head, 0, 4);
      input.reset();
      skip = StrictUtf8Reader.checkStart(head, length, failures);
      input.skipNBytes(skip);
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": cannot be read", e);
    }
    tokenizer =
        new CsvTokenizer(new StrictUtf8Reader(input, source, 1, failures), source, 1, failures);
    List<String> header = tokenizer.next();
    if (header == null) {
      throw new WireFormatException(
          source, null, "is empty (expected a remittance CSV header row)");
    }
    String where = "line " + tokenizer.rowLine();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).strip();
      if (!name.isEmpty() && columns.putIfAbsent(name, i) != null) {
        throw new WireFormatException(
            source, where, "column " + name, null, "appears twice in the header", null);
      }
    }
    width = header.size();
    List<String> missing = new ArrayList<>();
    for (String column : COLUMNS) {
      if (!columns.containsKey(column)) {
        missing.add(column);
      }
    }
    if (!missing.isEmpty()) {
      throw new WireFormatException(
          source,
          where,
          "misses required "
              + (missing.size() == 1 ? "column " : "columns ")
              + String.join(", ", missing)
              + " (in a remittance CSV header)");
    }
  }

  /**
   * Opens a remittance CSV and reads its header.
   *
   * @param source the file name; it starts every error message
   */
  public static RemittanceReader open(InputStream input, String source) {
    BufferedInputStream buffered = new BufferedInputStream(input, 64 * 1024);
    try {
      return new RemittanceReader(buffered, source);
    } catch (RuntimeException e) {
      try {
        buffered.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  public String source() {
    return source;
  }

  /** The lines, read lazily and only once; closing the stream closes the reader. */
  public Stream<RemittanceLine> lines() {
    if (started) {
      throw new IllegalStateException("the lines of " + source + " can be read only once");
    }
    started = true;
    Iterator<RemittanceLine> iterator =
        new Iterator<>() {
          private RemittanceLine next = advance();

          @Override
          public boolean hasNext() {
            return next != null;
          }

          @Override
          public RemittanceLine next() {
            if (next == null) {
              throw new NoSuchElementException();
            }
            RemittanceLine current = next;
            next = advance();
            return current;
          }
        };
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(
                iterator, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(this::close);
  }

  private RemittanceLine advance() {
    List<String> row = tokenizer.next();
    if (row == null) {
      return null;
    }
    String where = "line " + tokenizer.rowLine();
    if (row.size() != width) {
      throw new WireFormatException(
          source, where, "has " + row.size() + " fields but the header has " + width + " columns");
    }
    try {
      return new RemittanceLine(
          date(row, where, "Sale Date"),
          text(row, "Order ID"),
          text(row, "License ID (Host SEN)"),
          text(row, "Customer Name"),
          text(row, "App Name"),
          amount(row, where, "Sale Price"),
          amount(row, where, "Net Revenue"),
          text(row, "Reference #"));
    } catch (ModelException e) {
      String column = COLUMN_OF_FIELD.get(e.field());
      String prefix =
          e.field() + ": " + (e.value() == null ? "null" : "\"" + e.value() + "\"") + " ";
      String message = e.getMessage();
      if (column == null || !message.startsWith(prefix)) {
        throw new WireFormatException(source, where, message, e);
      }
      String expected = message.substring(prefix.length());
      if (e.value() == null || e.value().isBlank()) {
        throw new WireFormatException(
            source, where, "column " + column, null, "is empty, but a value " + expected, e);
      }
      throw new WireFormatException(source, where, "column " + column, e.value(), expected, e);
    }
  }

  private String text(List<String> row, String column) {
    return row.get(columns.get(column));
  }

  private LocalDate date(List<String> row, String where, String column) {
    String text = text(row, column).strip();
    if (text.isEmpty()) {
      return null;
    }
    if (!DATE.matcher(text).matches()) {
      throw new WireFormatException(
          source, where, "column " + column, text, "is not a date (expected YYYY-MM-DD)", null);
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new WireFormatException(
          source,
          where,
          "column " + column,
          text,
          "is not a calendar date (expected YYYY-MM-DD)",
          e);
    }
  }

  private Money amount(List<String> row, String where, String column) {
    String text = text(row, column).strip();
    if (text.isEmpty()) {
      return null;
    }
    try {
      return Money.parse(text);
    } catch (ModelException e) {
      String expected =
          e.getMessage().contains("more than 2 decimals")
              ? "has more than 2 decimals: amounts are whole cents"
              : e.getMessage().contains("too large")
                  ? "is too large to hold in cents"
                  : "is not an amount (expected a decimal like 12.34)";
      throw new WireFormatException(source, where, "column " + column, text, expected, e);
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
