package dev.marketlens.emulator.wire;

import static dev.marketlens.emulator.wire.WireCsv.column;

import dev.marketlens.emulator.wire.WireCsv.Column;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes a month's remittance CSV (seed 004, SR-M8): the header spelt as the seed lists the
 * columns, every field quoted, CRLF line ends, dates {@code YYYY-MM-DD}, amounts with two decimals
 * ({@code 1000.50}, {@code -34.00}).
 */
public final class RemittanceCsvWriter {

  private static final List<Column<RemittanceRow>> ALL =
      List.of(
          column("Sale Date", r -> WireCsv.date(r.saleDate())),
          column("Order ID", RemittanceRow::orderId),
          column("License ID (Host SEN)", RemittanceRow::licenseId),
          column("Customer Name", RemittanceRow::customerName),
          column("App Name", RemittanceRow::appName),
          column("Sale Price", r -> amount(r.salePriceCents())),
          column("Net Revenue", r -> amount(r.netRevenueCents())),
          column("Reference #", RemittanceRow::reference));

  /** The header, in order. */
  public static final List<String> COLUMNS = WireCsv.names(ALL);

  private static final WireCsv.Table<RemittanceRow> TABLE = new WireCsv.Table<>(ALL);

  private RemittanceCsvWriter() {}

  /** Writes the header and the rows; does not close {@code out}. */
  public static void write(List<RemittanceRow> rows, OutputStream out) {
    TABLE.write(rows.iterator(), out);
  }

  /** Cents as a decimal with exactly two fractional digits, as the seed's example CSV shows. */
  static String amount(long cents) {
    long magnitude = Math.abs(cents);
    String text = (magnitude / 100) + "." + (magnitude % 100 < 10 ? "0" : "") + (magnitude % 100);
    return cents < 0 ? "-" + text : text;
  }
}
