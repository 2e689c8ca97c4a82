package dev.marketlens.web.transactions;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 CSV: CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled.
 */
final class Csv {
  private Csv() {}

  static void line(Writer out, List<?> fields) throws IOException {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(field(fields.get(i)));
    }
    out.write("\r\n");
  }

  static String field(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
    if (s.indexOf(',') >= 0
        || s.indexOf('"') >= 0
        || s.indexOf('\n') >= 0
        || s.indexOf('\r') >= 0) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }
}
