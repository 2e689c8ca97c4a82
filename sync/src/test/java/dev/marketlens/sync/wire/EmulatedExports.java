package dev.marketlens.sync.wire;

import dev.marketlens.emulator.wire.WireFormat;
import dev.marketlens.emulator.world.World;
import dev.marketlens.emulator.world.WorldGenerator;
import dev.marketlens.emulator.world.WorldSpec;
import dev.marketlens.sync.internal.CsvTokenizer;
import dev.marketlens.sync.internal.Failures;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exports written by the emulator's own writers over one generated world (seed 12, 600 customers,
 * generated once per JVM): the bytes the reporting API would serve, without HTTP.
 */
final class EmulatedExports {

  private static World world;

  private EmulatedExports() {}

  static synchronized World world() {
    if (world == null) {
      world = new WorldGenerator().generate(WorldSpec.of(12, 600));
    }
    return world;
  }

  /** The license export, v3 with data insights, as the emulator writes it. */
  static byte[] licenses(ExportFormat format) {
    WireFormat wire = new WireFormat(WireFormat.ApiVersion.V3, true);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    dev.marketlens.emulator.wire.ExportWriter.licenses(emulatorFormat(format), wire)
        .write(world().licenses(), out);
    return out.toByteArray();
  }

  /** The transaction export, v3, as the emulator writes it. */
  static byte[] transactions(ExportFormat format) {
    WireFormat wire = new WireFormat(WireFormat.ApiVersion.V3, false);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    dev.marketlens.emulator.wire.ExportWriter.transactions(emulatorFormat(format), wire)
        .write(world().transactions(), out);
    return out.toByteArray();
  }

  private static dev.marketlens.emulator.wire.ExportFormat emulatorFormat(ExportFormat format) {
    return format == ExportFormat.JSON
        ? dev.marketlens.emulator.wire.ExportFormat.JSON
        : dev.marketlens.emulator.wire.ExportFormat.CSV;
  }

  private static final Failures FAIL =
      (location, message) -> new IllegalStateException(location + ": " + message);

  /** A CSV export as rows of cells by header name, in order. */
  static List<Map<String, String>> csvRows(byte[] csv) {
    CsvTokenizer tokenizer =
        new CsvTokenizer(
            new StringReader(new String(csv, StandardCharsets.UTF_8)), "test", 1, FAIL);
    List<String> header = tokenizer.next();
    List<Map<String, String>> rows = new ArrayList<>();
    List<String> row;
    while ((row = tokenizer.next()) != null) {
      Map<String, String> cells = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        cells.put(header.get(i), row.get(i));
      }
      rows.add(cells);
    }
    return rows;
  }

  /** The header of a CSV export. */
  static List<String> csvHeader(byte[] csv) {
    return new CsvTokenizer(
            new StringReader(new String(csv, StandardCharsets.UTF_8)), "test", 1, FAIL)
        .next();
  }
}
