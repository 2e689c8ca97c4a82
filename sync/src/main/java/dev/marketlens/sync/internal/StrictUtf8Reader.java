package dev.marketlens.sync.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes UTF-8 strictly: a malformed byte sequence, or a NUL character (a binary file), is a
 * failure (see {@link Failures}) naming the line and the position in it, instead of the replacement
 * character a lenient decoder would substitute silently.
 */
public final class StrictUtf8Reader extends Reader {
  private static final String MUST_BE_UTF8 =
      "the file must be UTF-8 (save or export it as UTF-8 and import it again)";

  private final InputStream input;
  private final String source;
  private final Failures failures;
  private final CharsetDecoder decoder =
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(16 * 1024).flip();
  private final CharBuffer chars = CharBuffer.allocate(16 * 1024).flip();
  private boolean endOfInput;
  private boolean flushed;
  private int line;
  private int position = 1;
  private char previous;

  /**
   * @param firstLine the number of the line the first byte of {@code input} is on
   */
  public StrictUtf8Reader(InputStream input, String source, int firstLine, Failures failures) {
    this.input = input;
    this.source = source;
    this.failures = failures;
    this.line = firstLine;
  }

  /** One character without allocating, as the CSV tokenizer reads. */
  @Override
  public int read() {
    if (!chars.hasRemaining() && !fill()) {
      return -1;
    }
    return chars.get();
  }

  @Override
  public int read(char[] target, int offset, int length) {
    if (length == 0) {
      return 0;
    }
    if (!chars.hasRemaining() && !fill()) {
      return -1;
    }
    int n = Math.min(length, chars.remaining());
    chars.get(target, offset, n);
    return n;
  }

  /** Decodes the next chunk; false at the end of the input. */
  private boolean fill() {
    chars.clear();
    try {
      while (chars.position() == 0) {
        if (flushed) {
          chars.limit(0); // read again after the end, still nothing
          return false;
        }
        CoderResult result = decoder.decode(bytes, chars, endOfInput);
        if (result.isError()) {
          count(chars.flip(), chars.limit());
          throw malformed(result.length());
        }
        if (result.isUnderflow()) {
          if (endOfInput) {
            decoder.flush(chars);
            flushed = true;
          } else {
            bytes.compact();
            int n = input.read(bytes.array(), bytes.position(), bytes.remaining());
            if (n < 0) {
              endOfInput = true;
            } else {
              bytes.position(bytes.position() + n);
            }
            bytes.flip();
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(source + ": cannot be read", e);
    }
    chars.flip();
    count(chars, chars.limit());
    return true;
  }

  /** Advances the line and position over the first {@code n} decoded characters. */
  private void count(CharBuffer decoded, int n) {
    for (int i = 0; i < n; i++) {
      char c = decoded.get(i);
      if (c == 0) {
        throw failures.at(
            "line " + line + ", position " + position,
            "has a NUL character: this is a binary file, not a text export");
      }
      if (c == '\n') {
        if (previous != '\r') {
          line++;
        }
        position = 1;
      } else if (c == '\r') {
        line++;
        position = 1;
      } else {
        position++;
      }
      previous = c;
    }
  }

  private RuntimeException malformed(int length) {
    StringBuilder shown = new StringBuilder();
    for (int i = 0; i < length && bytes.position() + i < bytes.limit(); i++) {
      if (i > 0) {
        shown.append(' ');
      }
      shown.append(String.format("0x%02X", bytes.get(bytes.position() + i) & 0xFF));
    }
    String what =
        endOfInput && bytes.position() + length >= bytes.limit()
            ? "ends inside a UTF-8 character (" + shown + ")"
            : "has bytes that are not UTF-8 (" + shown + ")";
    return failures.at("line " + line + ", position " + position, what + ": " + MUST_BE_UTF8);
  }

  /**
   * Checks the first bytes of a file: refuses a UTF-16 or UTF-32 byte order mark and the signatures
   * of spreadsheet workbooks (ZIP, as in .xlsx; OLE2, as in .xls); returns how many of them form a
   * UTF-8 byte order mark (0 or 3), to be skipped.
   */
  public static int checkStart(byte[] head, int length, Failures failures) {
    int b0 = length > 0 ? head[0] & 0xFF : -1;
    int b1 = length > 1 ? head[1] & 0xFF : -1;
    int b2 = length > 2 ? head[2] & 0xFF : -1;
    int b3 = length > 3 ? head[3] & 0xFF : -1;
    String encoding = null;
    if (b0 == 0x00 && b1 == 0x00 && b2 == 0xFE && b3 == 0xFF) {
      encoding = "UTF-32 (big-endian)";
    } else if (b0 == 0xFF && b1 == 0xFE && b2 == 0x00 && b3 == 0x00) {
      encoding = "UTF-32 (little-endian)";
    } else if (b0 == 0xFE && b1 == 0xFF) {
      encoding = "UTF-16 (big-endian)";
    } else if (b0 == 0xFF && b1 == 0xFE) {
      encoding = "UTF-16 (little-endian)";
    }
    if (b0 == 'P' && b1 == 'K' && b2 == 0x03 && b3 == 0x04) {
      throw failures.at(
          null,
          "is a ZIP archive (an Excel .xlsx workbook?), not a CSV or JSON file: export or save it"
              + " as CSV (UTF-8)");
    }
    if (b0 == 0xD0 && b1 == 0xCF && b2 == 0x11 && b3 == 0xE0) {
      throw failures.at(
          null,
          "is an OLE2 document (an Excel .xls workbook?), not a CSV or JSON file: export or save it"
              + " as CSV (UTF-8)");
    }
    if (encoding != null) {
      throw failures.at(
          null, "is encoded as " + encoding + ", says its byte order mark: " + MUST_BE_UTF8);
    }
    return b0 == 0xEF && b1 == 0xBB && b2 == 0xBF ? 3 : 0;
  }

  @Override
  public void close() throws IOException {
    input.close();
  }
}
