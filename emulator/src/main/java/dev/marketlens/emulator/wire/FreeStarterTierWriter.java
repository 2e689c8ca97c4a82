package dev.marketlens.emulator.wire;

import static dev.marketlens.emulator.wire.WireCsv.column;
import static dev.marketlens.emulator.wire.WireCsv.date;

import dev.marketlens.emulator.wire.WireCsv.Column;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/**
 * Writes the free starter tier export (spec §10): a JSON array of rows keyed as the live API keys
 * them ({@code productId} in v3 only), or CSV with the same columns in the same order, never with
 * {@code productId} (11 columns, K25).
 */
public final class FreeStarterTierWriter implements ExportWriter<FreeStarterTierRow> {

  /** The CSV columns, in order. */
  public static final List<String> COLUMNS;

  private static final List<Column<FreeStarterTierRow>> CSV_COLUMNS =
      List.of(
          column("day", r -> date(r.day())),
          column("licenseId", FreeStarterTierRow::licenseId),
          column("appEntitlementId", FreeStarterTierRow::appEntitlementId),
          column("entitlementNumber", FreeStarterTierRow::entitlementNumber),
          column("parentEdition", FreeStarterTierRow::parentEdition),
          column("dateOfEvaluation", r -> date(r.dateOfEvaluation())),
          column("parentUnitCount", r -> Integer.toString(r.parentUnitCount())),
          column("technicalEmail", FreeStarterTierRow::technicalEmail),
          column("vendorId", r -> Long.toString(r.vendorId())),
          column("addonName", FreeStarterTierRow::addonName),
          column("addonKey", FreeStarterTierRow::addonKey));

  static {
    COLUMNS = WireCsv.names(CSV_COLUMNS);
  }

  private static final WireCsv.Table<FreeStarterTierRow> TABLE = new WireCsv.Table<>(CSV_COLUMNS);

  private final ExportFormat format;
  private final WireFormat wire;

  public FreeStarterTierWriter(ExportFormat format, WireFormat wire) {
    this.format = format;
    this.wire = wire;
  }

  @Override
  public ExportFormat format() {
    return format;
  }

  @Override
  public void write(Iterator<? extends FreeStarterTierRow> rows, OutputStream out) {
    if (format == ExportFormat.CSV) {
      TABLE.write(rows, out);
      return;
    }
    try (JsonGenerator g = WireJson.createGenerator(out)) {
      g.writeStartArray();
      while (rows.hasNext()) {
        FreeStarterTierRow r = rows.next();
        g.writeStartObject();
        WireJson.date(g, "day", r.day());
        WireJson.string(g, "licenseId", r.licenseId());
        WireJson.string(g, "appEntitlementId", r.appEntitlementId());
        WireJson.string(g, "entitlementNumber", r.entitlementNumber());
        WireJson.string(g, "parentEdition", r.parentEdition());
        WireJson.date(g, "dateOfEvaluation", r.dateOfEvaluation());
        g.writeNumberProperty("parentUnitCount", r.parentUnitCount());
        WireJson.string(g, "technicalEmail", r.technicalEmail());
        g.writeNumberProperty("vendorId", r.vendorId());
        WireJson.string(g, "addonName", r.addonName());
        WireJson.string(g, "addonKey", r.addonKey());
        if (wire.includesProductId()) {
          WireJson.string(g, "productId", r.productId());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
    }
  }
}
