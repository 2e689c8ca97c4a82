package dev.marketlens.web.transactions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CsvTest {

  private static String line(Object... fields) throws IOException {
    StringWriter out = new StringWriter();
    Csv.line(out, Arrays.asList(fields));
    return out.toString();
  }

  @Test
  @DisplayName(
      "RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled, CRLF ends")
  void quoting() throws IOException {
    assertThat(line("a", "b,c", "say \"hi\"", "two\nlines", "cr\rhere"))
        .isEqualTo("a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\"\r\n");
  }

  @Test
  @DisplayName("a missing value is an empty field; numbers and dates as their text")
  void values() throws IOException {
    assertThat(line(null, 12345L, java.time.LocalDate.of(2026, 1, 2), ""))
        .isEqualTo(",12345,2026-01-02,\r\n");
  }
}
