package dev.marketlens.payouts.pricing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small RFC 4180 reader for the pricing CSVs (a price book, a reference table): the rows of a
 * text with their line numbers, and the columns by header name.
 */
final class Csv {

  record Row(int line, List<String> cells) {}

  final String source;
  final List<Row> rows;
  final Map<String, Integer> columns = new HashMap<>();
  final int headerLine;

  private Csv(String source, List<Row> rows) {
    this.source = source;
    this.rows = rows;
    this.headerLine = rows.isEmpty() ? 0 : rows.get(0).line();
  }

  /**
   * Reads {@code text}, checks the header has every {@code required} column and only {@code
   * required} and {@code optional} ones, and returns the data rows (blank lines skipped).
   */
  static Csv read(String text, String source, List<String> required, List<String> optional) {
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<Row> rows = split(text, source);
    Csv csv = new Csv(source, rows);
    if (rows.isEmpty()) {
      throw new PriceBookException(
          source, 0, null, null, "is empty: expected a header row " + String.join(",", required));
    }
    List<String> header = rows.get(0).cells();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).strip();
      if (!required.contains(name) && !optional.contains(name)) {
        throw new PriceBookException(
            source,
            csv.headerLine,
            null,
            name,
            "is not a column of this file: expected "
                + String.join(", ", required)
                + (optional.isEmpty() ? "" : " and optionally " + String.join(", ", optional)));
      }
      if (csv.columns.putIfAbsent(name, i) != null) {
        throw new PriceBookException(
            source, csv.headerLine, name, null, "appears twice in the header");
      }
    }
    for (String name : required) {
      if (!csv.columns.containsKey(name)) {
        throw new PriceBookException(
            source, csv.headerLine, name, null, "is missing from the header");
      }
    }
    int width = header.size();
    for (Row row : rows.subList(1, rows.size())) {
      if (row.cells().size() != width) {
        throw new PriceBookException(
            source,
            row.line(),
            null,
            null,
            "has " + row.cells().size() + " cells; the header has " + width);
      }
    }
    return csv;
  }

  /** One row given by column (a form), reported as line 0 of {@code source}. */
  static Csv single(String source, List<String> header, List<String> cells) {
    Csv csv = new Csv(source, List.of(new Row(0, header), new Row(0, cells)));
    for (int i = 0; i < header.size(); i++) {
      csv.columns.put(header.get(i), i);
    }
    return csv;
  }

  List<Row> data() {
    return rows.subList(1, rows.size());
  }

  /** The stripped cell of a column, "" when the column is absent. */
  String cell(Row row, String column) {
    Integer i = columns.get(column);
    return i == null ? "" : row.cells().get(i).strip();
  }

  PriceBookException error(Row row, String column, String value, String problem) {
    return new PriceBookException(source, row.line(), column, value, problem);
  }

  private static List<Row> split(String text, String source) {
    List<Row> rows = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    int line = 1;
    int rowLine = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            cell.append('"');
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          cell.append(c);
        }
        continue;
      }
      if (c == '"') {
        quoted = true;
        any = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
        any = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        cells.add(cell.toString());
        if (any || !cells.get(0).isBlank() || cells.size() > 1) {
          rows.add(new Row(rowLine, List.copyOf(cells)));
        }
        cells.clear();
        cell.setLength(0);
        any = false;
        line++;
        rowLine = line;
      } else {
        cell.append(c);
        if (!Character.isWhitespace(c)) {
          any = true;
        }
      }
    }
    if (quoted) {
      throw new PriceBookException(source, rowLine, null, null, "has a quote that is never closed");
    }
    if (any || cell.length() > 0) {
      cells.add(cell.toString());
      if (any || !cells.get(0).isBlank()) {
        rows.add(new Row(rowLine, List.copyOf(cells)));
      }
    }
    return rows;
  }
}
