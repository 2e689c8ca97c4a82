package dev.marketlens.emulator.wire;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import tools.jackson.core.FormatSchema;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.dataformat.csv.CsvFactory;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/**
 * CSV plumbing shared by the CSV writers: a jackson-dataformat-csv generator that double-quotes
 * every field (empty ones included), ends every row with CRLF (RFC 4180) and never closes its
 * target, plus null-safe cell formatting.
 */
final class WireCsv {

  /**
   * RFC 4180 record separator. Line breaks inside values are written as they are, inside the
   * quotes.
   */
  static final String LINE_SEPARATOR = "\r\n";

  private static final CsvFactory FACTORY =
      CsvFactory.builder()
          .enable(CsvWriteFeature.ALWAYS_QUOTE_STRINGS)
          .enable(CsvWriteFeature.ALWAYS_QUOTE_EMPTY_STRINGS)
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .build();

  static final LicenseIds NO_IDS =
      new LicenseIds(null, null, null, null, null, null, null, null, null);
  static final Contact NO_CONTACT = new Contact(null, null, null, null, null, null, null, null);
  static final ContactDetails NO_CONTACT_DETAILS = new ContactDetails(null, null, null, null, null);
  static final PartnerDetails NO_PARTNER = new PartnerDetails(null, null, null);

  private WireCsv() {}

  /** One CSV column: its header name and how a record fills it (null for an empty field). */
  record Column<T>(String name, Function<? super T, String> value) {}

  static <T> Column<T> column(String name, Function<? super T, String> value) {
    return new Column<>(name, value);
  }

  static List<String> names(List<? extends Column<?>> columns) {
    List<String> names = new ArrayList<>(columns.size());
    for (Column<?> c : columns) {
      names.add(c.name());
    }
    return Collections.unmodifiableList(names);
  }

  /**
   * The columns of one export, ready to write: header row first, then one row per record,
   * streaming. Immutable and safe to share between threads.
   */
  static final class Table<T> {

    private final Column<T>[] columns;
    private final ObjectWriteContext context;

    @SuppressWarnings("unchecked")
    Table(List<Column<T>> columns) {
      this.columns = columns.toArray(new Column[0]);
      CsvSchema.Builder schema = CsvSchema.builder().setLineSeparator(LINE_SEPARATOR);
      for (Column<T> c : this.columns) {
        schema.addColumn(c.name());
      }
      CsvSchema built = schema.build().withoutHeader();
      this.context =
          new ObjectWriteContext.Base() {
            @Override
            public FormatSchema getSchema() {
              return built;
            }
          };
    }

    /**
     * Writes the header row and then one row per record. Only the generator's buffer is held, so
     * memory stays constant however many records there are. The header is written even when there
     * are no records.
     */
    void write(Iterator<? extends T> records, OutputStream out) {
      try (JsonGenerator g = FACTORY.createGenerator(context, out)) {
        g.writeStartArray();
        for (Column<T> c : columns) {
          g.writeString(c.name());
        }
        g.writeEndArray();
        while (records.hasNext()) {
          T record = records.next();
          g.writeStartArray();
          for (Column<T> c : columns) {
            String value = c.value().apply(record);
            g.writeString(value == null ? "" : value);
          }
          g.writeEndArray();
        }
      }
    }
  }

  static String date(LocalDate value) {
    return value == null ? null : DateText.of(value);
  }

  static String wire(WireValue value) {
    return value == null ? null : value.wire();
  }

  static String tier(Tier value) {
    return value == null ? null : value.wire();
  }

  static String money(Long cents) {
    return cents == null ? null : Cents.toDecimalString(cents);
  }

  static LicenseIds ids(LicenseIds ids) {
    return ids == null ? NO_IDS : ids;
  }

  static Contact contact(Contact contact) {
    return contact == null ? NO_CONTACT : contact;
  }

  static ContactDetails details(ContactDetails details) {
    return details == null ? NO_CONTACT_DETAILS : details;
  }

  static PartnerDetails partner(PartnerDetails partner) {
    return partner == null ? NO_PARTNER : partner;
  }
}
