package dev.marketlens.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.marketlens.sync.wire.WireFormatException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvTokenizerTest {
  private static final Failures FAILURES =
      (location, message) -> new WireFormatException("f.csv", location, message);

  /** A reader that hands out at most {@code chunk} characters per read, as a slow stream would. */
  private static Reader chunked(String text, int chunk) {
    StringReader in = new StringReader(text);
    return new Reader() {
      @Override
      public int read(char[] buffer, int offset, int length) throws java.io.IOException {
        return in.read(buffer, offset, Math.min(length, chunk));
      }

      @Override
      public void close() {}
    };
  }

  private record Row(int line, List<String> fields) {}

  private static List<Row> rows(String text, int chunk) {
    CsvTokenizer tokenizer = new CsvTokenizer(chunked(text, chunk), "f.csv", 1, FAILURES);
    List<Row> rows = new ArrayList<>();
    for (List<String> row; (row = tokenizer.next()) != null; ) {
      rows.add(new Row(tokenizer.rowLine(), row));
    }
    return rows;
  }

  @ParameterizedTest(name = "read {0} characters at a time")
  @ValueSource(ints = {1, 2, 3, 5, 7, 16_384})
  @DisplayName("RFC 4180 rows read the same however the input arrives")
  void rowsWhateverTheChunks(int chunk) {
    String text =
        "a,b,c\r\n"
            + "\n"
            + "1,\"two, with comma\",3\n"
            + "\"multi\r\nline\",x\"y,\"\"\r"
            + ",,\n"
            + "\"say \"\"hi\"\"\",last";
    assertThat(rows(text, chunk))
        .containsExactly(
            new Row(1, List.of("a", "b", "c")),
            new Row(3, List.of("1", "two, with comma", "3")),
            new Row(4, List.of("multi\r\nline", "x\"y", "")),
            new Row(6, List.of("", "", "")),
            new Row(7, List.of("say \"hi\"", "last")));
  }

  @Test
  @DisplayName("fields longer than the tokenizer's buffer, quoted or not, are read whole")
  void longFields() {
    String unquoted = "u".repeat(40_000);
    String quoted = "q\"".repeat(20_000);
    String text = unquoted + ",\"" + quoted.replace("\"", "\"\"") + "\"," + unquoted + "\n";
    assertThat(rows(text, 16_384)).containsExactly(new Row(1, List.of(unquoted, quoted, unquoted)));
  }

  @Test
  @DisplayName("a quoted value still open at the end names the line it opened on")
  void unclosedQuote() {
    WireFormatException e =
        catchThrowableOfType(WireFormatException.class, () -> rows("a,b\n1,\"open\nstill\n", 3));
    assertThat(e)
        .hasMessage(
            "f.csv line 2: has a quoted value that never closes: the file ends inside it"
                + " (truncated?)");
  }

  @Test
  @DisplayName("text after a closing quote is refused, naming the character and line")
  void textAfterQuote() {
    WireFormatException e =
        catchThrowableOfType(WireFormatException.class, () -> rows("a,b\n\"x\"y,2\n", 2));
    assertThat(e)
        .hasMessage(
            "f.csv line 2: has the character 'y' after a closing quote (expected a comma or the"
                + " end of the row)");
  }
}
