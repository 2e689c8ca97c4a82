package dev.marketlens.emulator.wire;

import java.io.OutputStream;
import java.util.Iterator;
import tools.jackson.core.JsonGenerator;

/** What the JSON export writers share: the wire options and the top-level array of records. */
abstract class JsonExportWriter<T> implements ExportWriter<T> {

  final WireFormat wire;

  JsonExportWriter(WireFormat wire, String what) {
    if (wire == null) {
      throw new IllegalArgumentException("a " + what + " writer needs a wire format");
    }
    this.wire = wire;
  }

  @Override
  public ExportFormat format() {
    return ExportFormat.JSON;
  }

  /** The wire options this writer applies. */
  public WireFormat wireFormat() {
    return wire;
  }

  @Override
  public void write(Iterator<? extends T> records, OutputStream out) {
    try (JsonGenerator g = WireJson.createGenerator(out)) {
      g.writeStartArray();
      while (records.hasNext()) {
        writeRecord(records.next(), g);
      }
      g.writeEndArray();
    }
  }

  /**
   * Writes one record object at the generator's current position (an array element or a property
   * value).
   */
  public abstract void writeRecord(T record, JsonGenerator g);
}
