package dev.marketlens.emulator.reporting;

import dev.marketlens.emulator.wire.WireJson;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;

/** Writes JSON response bodies straight to the response stream. */
final class Json {

  private Json() {}

  static void write(HttpServletResponse res, int status, Consumer<JsonGenerator> body) {
    res.setStatus(status);
    res.setContentType("application/json;charset=UTF-8");
    try (JsonGenerator g = WireJson.createGenerator(res.getOutputStream())) {
      body.accept(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code "name": {"href": href}}. */
  static void link(JsonGenerator g, String name, String href) {
    g.writeObjectPropertyStart(name);
    g.writeStringProperty("href", href);
    g.writeEndObject();
  }

  /** {@code "name": {"href": href, "type": type}} as an array element when name is null. */
  static void typedLink(JsonGenerator g, String href, String type) {
    g.writeStartObject();
    g.writeStringProperty("href", href);
    g.writeStringProperty("type", type);
    g.writeEndObject();
  }

  /** The error body {@code JsonErrorsDoc} (spec §5.2). */
  static void errors(HttpServletResponse res, ApiException e) {
    write(
        res,
        e.status(),
        g -> {
          g.writeStartObject();
          g.writeArrayPropertyStart("errors");
          g.writeStartObject();
          g.writeStringProperty("message", e.getMessage());
          if (e.path() != null) {
            g.writeStringProperty("path", e.path());
          }
          g.writeStringProperty("code", e.code());
          g.writeEndObject();
          g.writeEndArray();
          g.writeEndObject();
        });
  }
}
