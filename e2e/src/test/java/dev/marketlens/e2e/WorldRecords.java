package dev.marketlens.e2e;

import dev.marketlens.emulator.wire.ExportFormat;
import dev.marketlens.emulator.wire.ExportWriter;
import dev.marketlens.emulator.wire.WireFormat;
import dev.marketlens.emulator.world.World;
import dev.marketlens.metrics.Records;
import dev.marketlens.sync.wire.ExportReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;

/**
 * A generated world's latest records as the platform reads them: written by the emulator in the
 * export format, parsed by {@code sync.wire} — the same path a sync takes, without the database.
 */
final class WorldRecords {

  private WorldRecords() {}

  static Records of(World world, ExportFormat format) {
    Records records = new Records();
    ByteArrayOutputStream licenses = new ByteArrayOutputStream();
    ExportWriter.licenses(format, WireFormat.V2.dataInsights(true))
        .write(world.licenses(), licenses);
    try (ExportReader reader =
        ExportReader.open(new ByteArrayInputStream(licenses.toByteArray()), "licenses")) {
      reader.licenses().forEach(records::add);
    }
    ByteArrayOutputStream lines = new ByteArrayOutputStream();
    ExportWriter.transactions(format, WireFormat.V2.dataInsights(true))
        .write(world.transactions(), lines);
    try (ExportReader reader =
        ExportReader.open(new ByteArrayInputStream(lines.toByteArray()), "transactions")) {
      reader.transactions().forEach(records::add);
    }
    return records;
  }
}
