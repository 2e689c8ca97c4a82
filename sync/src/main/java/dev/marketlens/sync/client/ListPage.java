package dev.marketlens.sync.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * One page of a list endpoint (spec §6, §7.1, §8.1): its records, copied token by token with
 * numbers as written (never through a double), and its {@code _links.next}.
 *
 * @param records the page's records as the body of a JSON array, without brackets; empty if none
 * @param count how many records
 * @param hasLinks whether the page carried {@code _links}
 * @param next {@code _links.next.href}, or null
 */
record ListPage(byte[] records, int count, boolean hasLinks, String next) {

  private static final JsonFactory JSON = new JsonFactory();

  /**
   * Reads a page whose records are under {@code property} ({@code licenses}, {@code transactions}).
   */
  static ListPage read(InputStream in, String property, String source) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int count = 0;
    boolean hasLinks = false;
    String next = null;
    boolean sawRecords = false;
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), in);
        JsonGenerator g = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new Transport.DamagedBody(
            source + ": a list page is a JSON object with " + property + " and _links", null);
      }
      g.writeStartArray();
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals(property) && value == JsonToken.START_ARRAY) {
          sawRecords = true;
          while (p.nextToken() != JsonToken.END_ARRAY) {
            g.copyCurrentStructureExact(p);
            count++;
          }
        } else if (name.equals(property) && value == JsonToken.START_OBJECT) {
          // The v3 swagger types the list as one object; accept it as one record.
          sawRecords = true;
          g.copyCurrentStructureExact(p);
          count++;
        } else if (name.equals("_links") && value == JsonToken.START_OBJECT) {
          hasLinks = true;
          next = nextHref(p);
        } else {
          p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        throw new Transport.DamagedBody(source + ": text after the list page's object", null);
      }
      g.writeEndArray();
    } catch (JacksonException e) {
      throw new Transport.DamagedBody(source + ": not a readable list page: " + e.getMessage(), e);
    }
    if (!sawRecords) {
      throw new Transport.DamagedBody(source + ": the list page has no " + property, null);
    }
    byte[] array = out.toByteArray();
    byte[] inner = new byte[Math.max(0, array.length - 2)];
    System.arraycopy(array, 1, inner, 0, inner.length);
    return new ListPage(inner, count, hasLinks, next);
  }

  private static String nextHref(JsonParser p) {
    String href = null;
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (name.equals("next") && value == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
          String field = p.currentName();
          JsonToken v = p.nextToken();
          if (field.equals("href") && v == JsonToken.VALUE_STRING) {
            href = p.getString();
          } else {
            p.skipChildren();
          }
        }
      } else {
        p.skipChildren();
      }
    }
    return href;
  }
}
