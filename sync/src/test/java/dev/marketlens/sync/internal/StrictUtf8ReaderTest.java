package dev.marketlens.sync.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.marketlens.sync.wire.WireFormatException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class StrictUtf8ReaderTest {
  private static final Failures FAILURES =
      (location, message) -> new WireFormatException("f.csv", location, message);

  private static String readAll(byte[] bytes) throws IOException {
    StringBuilder text = new StringBuilder();
    try (Reader reader =
        new StrictUtf8Reader(new ByteArrayInputStream(bytes), "f.csv", 1, FAILURES)) {
      char[] buffer = new char[1000];
      for (int n; (n = reader.read(buffer, 0, buffer.length)) >= 0; ) {
        text.append(buffer, 0, n);
      }
    }
    return text.toString();
  }

  @Test
  @DisplayName("multi-byte characters split across the decoder's buffers decode intact")
  void charactersAcrossBuffers() throws IOException {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      text.append(i % 7 == 0 ? "€" : i % 5 == 0 ? "\n" : "ü");
    }
    String expected = text.toString();
    assertThat(readAll(expected.getBytes(StandardCharsets.UTF_8))).isEqualTo(expected);
  }

  @Test
  @DisplayName("after the end, every further read answers the end again, never old text")
  void readsAfterTheEnd() throws IOException {
    try (Reader reader =
        new StrictUtf8Reader(
            new ByteArrayInputStream("ab".getBytes(StandardCharsets.UTF_8)),
            "f.csv",
            1,
            FAILURES)) {
      char[] buffer = new char[10];
      assertThat(reader.read(buffer, 0, 10)).isEqualTo(2);
      assertThat(reader.read(buffer, 0, 10)).isEqualTo(-1);
      assertThat(reader.read(buffer, 0, 10)).isEqualTo(-1);
      assertThat(reader.read()).isEqualTo(-1);
    }
  }

  @Test
  @DisplayName("a malformed byte names its line and position; CRLF, LF and CR each end a line")
  void malformedByteLocated() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("a\r\nb\nc\rM".getBytes(StandardCharsets.UTF_8));
    bytes.write(0xFC); // ü in ISO-8859-1
    bytes.writeBytes("ller\n".getBytes(StandardCharsets.UTF_8));
    WireFormatException e =
        catchThrowableOfType(WireFormatException.class, () -> readAll(bytes.toByteArray()));
    assertThat(e)
        .hasMessage(
            "f.csv line 4, position 2: has bytes that are not UTF-8 (0xFC): the file must be UTF-8"
                + " (save or export it as UTF-8 and import it again)");
  }

  @Test
  @DisplayName("a malformed byte far into the file is found after many buffers")
  void malformedByteLate() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < 5_000; i++) {
      bytes.writeBytes("row,é\n".getBytes(StandardCharsets.UTF_8));
    }
    bytes.writeBytes("x,".getBytes(StandardCharsets.UTF_8));
    bytes.write(0xE9);
    WireFormatException e =
        catchThrowableOfType(WireFormatException.class, () -> readAll(bytes.toByteArray()));
    assertThat(e.location()).isEqualTo("line 5001, position 3");
    assertThat(e.getMessage()).contains("ends inside a UTF-8 character (0xE9)");
  }

  @Test
  @DisplayName("UTF-16 and UTF-32 byte order marks are refused; a UTF-8 one is to be skipped")
  void byteOrderMarks() {
    byte[] utf16 = {(byte) 0xFF, (byte) 0xFE, 'a', 0};
    assertThat(catchThrowableOfType(WireFormatException.class, () -> check(utf16)))
        .hasMessage(
            "f.csv: is encoded as UTF-16 (little-endian), says its byte order mark: the file must"
                + " be UTF-8 (save or export it as UTF-8 and import it again)");
    byte[] utf32 = {0, 0, (byte) 0xFE, (byte) 0xFF};
    assertThat(catchThrowableOfType(WireFormatException.class, () -> check(utf32)))
        .hasMessageStartingWith("f.csv: is encoded as UTF-32 (big-endian)");
    assertThat(check(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'a'})).isEqualTo(3);
    assertThat(check(new byte[] {'a', 'b'})).isZero();
    assertThat(check(new byte[0])).isZero();
  }

  private static int check(byte[] head) {
    return StrictUtf8Reader.checkStart(head, head.length, FAILURES);
  }
}
