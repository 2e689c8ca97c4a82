package dev.marketlens.emulator.reporting;

import dev.marketlens.emulator.wire.ExportFormat;
import dev.marketlens.emulator.wire.WireFormat.ApiVersion;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import tools.jackson.core.JsonGenerator;

/**
 * HAL {@code _links} as the API writes them (spec §4.2, §6), and the export format a request asks
 * for (spec §7.5).
 */
final class Links {

  static final Set<String> PAGING = Set.of("offset", "limit");
  static final Set<String> EXPORT_DROP = Set.of("offset", "limit", "accept");

  private Links() {}

  /**
   * A LinkTemplate of {@code hrefRoot + suffix}: v2 {@code {template}}, v3 {@code {href, templated:
   * true}}; as the property {@code property}, or as an array element when it is null, with an
   * optional {@code name} and {@code type}.
   */
  static void template(
      JsonGenerator g, Scope s, String property, String suffix, String name, String type) {
    if (property != null) {
      g.writeObjectPropertyStart(property);
    } else {
      g.writeStartObject();
    }
    if (s.version() == ApiVersion.V2) {
      g.writeStringProperty("template", s.hrefRoot() + suffix);
    } else {
      g.writeStringProperty("href", s.hrefRoot() + suffix);
      g.writeBooleanProperty("templated", true);
    }
    if (type != null) {
      g.writeStringProperty("type", type);
    }
    if (name != null) {
      g.writeStringProperty("name", name);
    }
    g.writeEndObject();
  }

  /** {@code property: [csv template, json template]}, as the reporting root lists exports. */
  static void exportTemplates(JsonGenerator g, Scope s, String property, String suffix) {
    g.writeArrayPropertyStart(property);
    template(g, s, null, suffix, null, "text/csv");
    template(g, s, null, suffix, null, "application/json");
    g.writeEndArray();
  }

  /**
   * The {@code _links} of a page (spec §6): {@code self}, {@code query} (the template {@code
   * queryTemplate} after {@code path}), the two exports with the same filters, {@code next} when
   * more rows follow and {@code prev} after the first page.
   */
  static void page(
      JsonGenerator g,
      Scope s,
      String path,
      Params p,
      int offset,
      int limit,
      boolean more,
      String queryTemplate) {
    g.writeObjectPropertyStart("_links");
    Json.link(g, "self", pageHref(s, path, p, offset, limit));
    template(g, s, "query", path + queryTemplate, null, null);
    g.writeArrayPropertyStart("export");
    Json.typedLink(g, s.href(path + "/export", p, EXPORT_DROP, "accept", "csv"), "text/csv");
    Json.typedLink(
        g, s.href(path + "/export", p, EXPORT_DROP, "accept", "json"), "application/json");
    g.writeEndArray();
    if (more) {
      Json.link(g, "next", pageHref(s, path, p, offset + limit, limit));
    }
    if (offset > 0) {
      Json.link(g, "prev", pageHref(s, path, p, Math.max(0, offset - limit), limit));
    }
    g.writeEndObject();
  }

  private static String pageHref(Scope s, String path, Params p, int offset, int limit) {
    return s.href(
        path, p, PAGING, "offset", Integer.toString(offset), "limit", Integer.toString(limit));
  }

  /**
   * The format of a sync export: the {@code accept} parameter, else the {@code Accept} header, else
   * JSON.
   */
  static ExportFormat exportFormat(Params p, HttpServletRequest req) {
    String accept = p.single("accept");
    if (accept != null && !accept.isEmpty()) {
      return acceptParam(accept);
    }
    return ExportFormat.fromAcceptHeader(req.getHeader("Accept"));
  }

  /**
   * The format of an async export or the free starter tier export: the {@code accept} parameter
   * only, JSON by default (spec §9.2, K25).
   */
  static ExportFormat acceptParamOrJson(Params p) {
    String accept = p.single("accept");
    return accept == null || accept.isEmpty() ? ExportFormat.JSON : acceptParam(accept);
  }

  private static ExportFormat acceptParam(String accept) {
    try {
      return ExportFormat.fromAcceptParam(accept);
    } catch (IllegalArgumentException e) {
      throw ApiException.badParam(
          "accept", "allowable values are 'csv','json', got '" + accept + "'");
    }
  }
}
