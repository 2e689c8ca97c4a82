package dev.marketlens.emulator.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvReadFeature;

/** Writes export bodies to text and reads them back with jackson-databind, for assertions. */
final class Exports {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
  private static final CsvMapper CSV =
      CsvMapper.builder().enable(CsvReadFeature.WRAP_AS_ARRAY).build();

  private Exports() {}

  @SafeVarargs
  static <T> String write(ExportWriter<T> writer, T... records) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    writer.write(List.of(records), out);
    return out.toString(StandardCharsets.UTF_8);
  }

  static JsonNode json(String text) {
    return JSON.readTree(text);
  }

  /** Every CSV row, header included, each as its list of fields. */
  static List<List<String>> csvRows(String text) {
    List<List<String>> rows = new ArrayList<>();
    try (MappingIterator<List<String>> it = CSV.readerForListOf(String.class).readValues(text)) {
      while (it.hasNext()) {
        rows.add(it.next());
      }
    }
    return rows;
  }

  /** The header of a CSV body. */
  static List<String> csvHeader(String text) {
    return csvRows(text).get(0);
  }

  /** The data rows of a CSV body, each as a map from column name to value, in column order. */
  static List<Map<String, String>> csvRecords(String text) {
    List<List<String>> rows = csvRows(text);
    List<String> header = rows.get(0);
    List<Map<String, String>> records = new ArrayList<>();
    for (List<String> row : rows.subList(1, rows.size())) {
      if (row.size() != header.size()) {
        throw new AssertionError("row has " + row.size() + " fields, header " + header.size());
      }
      Map<String, String> record = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        record.put(header.get(i), row.get(i));
      }
      records.add(record);
    }
    return records;
  }

  /** The single data row of a CSV body holding one record. */
  static Map<String, String> onlyCsvRecord(String text) {
    List<Map<String, String>> records = csvRecords(text);
    if (records.size() != 1) {
      throw new AssertionError("expected one record, got " + records.size());
    }
    return records.get(0);
  }

  /** The property names of a JSON object, in document order. */
  static List<String> names(JsonNode object) {
    return new ArrayList<>(object.propertyNames());
  }
}
