package dev.marketlens.sync.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The message of an error body, whatever its shape (spec §5.2): a {@code JsonErrorsDoc}, a {@code
 * {message}} or {@code {error}} object, plain text, or a gateway's HTML page.
 */
final class ErrorBody {

  private static final JsonFactory JSON = new JsonFactory();
  private static final int MAX_BYTES = 64 * 1024;
  private static final int MAX_CHARS = 300;

  private ErrorBody() {}

  /** The message, or null when the body is empty; reads at most 64 KiB. */
  static String message(InputStream in) throws IOException {
    byte[] body = in.readNBytes(MAX_BYTES);
    String text = new String(body, StandardCharsets.UTF_8).strip();
    if (text.isEmpty()) {
      return null;
    }
    if (text.startsWith("{")) {
      String fromJson = fromJson(body);
      if (fromJson != null) {
        return shorten(fromJson);
      }
    }
    if (text.regionMatches(true, 0, "<!doctype html", 0, 14)
        || text.regionMatches(true, 0, "<html", 0, 5)) {
      String plain = text.replaceAll("(?s)<[^>]*>", " ").replaceAll("\\s+", " ").strip();
      return shorten(plain.isEmpty() ? "an HTML page" : plain);
    }
    return shorten(text.replaceAll("\\s+", " "));
  }

  private static String fromJson(byte[] body) {
    List<String> messages = new ArrayList<>();
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if ("errors".equals(name) && value == JsonToken.START_ARRAY) {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
              String field = p.currentName();
              JsonToken v = p.nextToken();
              if ("message".equals(field) && v == JsonToken.VALUE_STRING) {
                messages.add(p.getString());
              } else {
                p.skipChildren();
              }
            }
          }
        } else if (("message".equals(name) || "error".equals(name))
            && value == JsonToken.VALUE_STRING) {
          messages.add(p.getString());
        } else if ("error".equals(name) && value == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if ("message".equals(field) && v == JsonToken.VALUE_STRING) {
              messages.add(p.getString());
            } else {
              p.skipChildren();
            }
          }
        } else {
          p.skipChildren();
        }
      }
    } catch (JacksonException e) {
      // Not the JSON it looked like: the caller shows the text.
      return messages.isEmpty() ? null : String.join("; ", messages);
    }
    return messages.isEmpty() ? null : String.join("; ", messages);
  }

  private static String shorten(String s) {
    return s.length() <= MAX_CHARS ? s : s.substring(0, MAX_CHARS) + "…";
  }
}
