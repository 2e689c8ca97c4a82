package dev.marketlens.emulator.reporting;

import static dev.marketlens.emulator.reporting.ReportingController.V2;
import static dev.marketlens.emulator.reporting.ReportingController.V3;

import dev.marketlens.emulator.commerce.App;
import dev.marketlens.emulator.quirks.Quirk;
import dev.marketlens.emulator.reporting.CloudMetrics.AppMetrics;
import dev.marketlens.emulator.reporting.CloudMetrics.Dataset;
import dev.marketlens.emulator.reporting.CloudMetrics.Kind;
import dev.marketlens.emulator.reporting.CloudMetrics.LicenseEvent;
import dev.marketlens.emulator.reporting.CloudMetrics.MetricSeries;
import dev.marketlens.emulator.reporting.PartnerMetrics.Answer;
import dev.marketlens.emulator.reporting.PartnerMetrics.Attribute;
import dev.marketlens.emulator.reporting.PartnerMetrics.Field;
import dev.marketlens.emulator.reporting.PartnerMetrics.Request;
import dev.marketlens.emulator.reporting.PartnerMetrics.Row;
import dev.marketlens.emulator.reporting.SalesAggregates.AddonSeries;
import dev.marketlens.emulator.reporting.SalesAggregates.Metric;
import dev.marketlens.emulator.reporting.SalesAggregates.Result;
import dev.marketlens.emulator.reporting.SalesAggregates.Series;
import dev.marketlens.emulator.wire.Cents;
import dev.marketlens.emulator.wire.ExportFormat;
import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.WireFormat.ApiVersion;
import dev.marketlens.emulator.wire.WireJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.FormatSchema;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvFactory;
import tools.jackson.dataformat.csv.CsvSchema;
import tools.jackson.dataformat.csv.CsvWriteFeature;

/**
 * The reporting API's aggregates (spec §13, A1–A4 and A6), v2 and v3: sales and evaluations
 * aggregated by a dimension, cloud churn, conversion and renewal metrics and their events, and
 * partner metrics (MRR). Definitions live in {@link SalesAggregates}, {@link CloudMetrics} and
 * {@link PartnerMetrics}; the buckets in {@link Aggregation}.
 *
 * <p>Every endpoint reads only the parameters it lists; any other is ignored (K2). Dates are strict
 * ({@code YYYY-MM-DD}, else 400); a reversed or future-only range answers 200 with empty arrays
 * (K24). Computed answers are kept per vendor view ({@link ViewCache}): the cloud metrics and the
 * MRR ledger once per view, aggregates per view and parameters.
 */
@RestController
final class AggregatesController {

  static final String PARTNER_METRICS_V2 = "/rest/2/vendors/{vendorId}/partner-metrics";
  static final String PARTNER_METRICS_V3 = "/rest/3/partner-metrics/developer-space/{developerId}";

  private static final String TOTAL_NAME = "All apps";
  private static final String AGGREGATE_TEMPLATE = "{?aggregation,startDate,endDate}";
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  /** The 17 columns of the events CSV export, exactly as live (spec §13.3). */
  static final List<String> CSV_COLUMNS =
      List.of(
          "addonName",
          "addonKey",
          "hosting",
          "lastUpdated",
          "eventDate",
          "transactionId",
          "licenseId",
          "maintenanceStartDate",
          "maintenanceEndDate",
          "monthsValid",
          "appEntitlementId",
          "appEntitlementNumber",
          "cloudId",
          "inGracePeriod",
          "multiInstanceEntitlementId",
          "multiInstanceEntitlementNumber",
          "appEdition");

  private static final CsvFactory CSV =
      CsvFactory.builder()
          .enable(CsvWriteFeature.ALWAYS_QUOTE_STRINGS)
          .enable(CsvWriteFeature.ALWAYS_QUOTE_EMPTY_STRINGS)
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .build();

  private final Marketplace market;
  private final Access access;
  private final ViewCache cache = new ViewCache(64);

  /** Selected and sorted events, reused while a client pages through them. */
  private final ViewCache selections = new ViewCache(8);

  AggregatesController(Marketplace market, Access access) {
    this.market = market;
    this.access = access;
  }

  // ---- A1: sales aggregates ----

  @GetMapping({V2 + "/sales/transactions/{metric}", V3 + "/sales/transactions/{metric}"})
  void sales(
      @PathVariable(required = false) String vendorId,
      @PathVariable(required = false) String developerId,
      @PathVariable String metric,
      HttpServletRequest req,
      HttpServletResponse res) {
    Scope s = access.scope(req, vendorId, developerId);
    Metric m = metric(SalesAggregates.SALES, metric);
    Params p = Access.params(req);
    VendorView view = market.view(s.vendor());
    Aggregation periods = Aggregation.parse(p, view.day());
    Result r =
        cache.get(
            view,
            "sales:" + key(m, periods),
            () -> SalesAggregates.transactions(view.transactions(), s.vendor().apps(), m, periods));
    String path = "/sales/transactions/" + metric;
    writeAggregates(res, s, p, path, AGGREGATE_TEMPLATE, periods, r, null, true);
  }

  // ---- A2: evaluation aggregates ----

  @GetMapping({V2 + "/evaluations/{metric}", V3 + "/evaluations/{metric}"})
  void evaluations(
      @PathVariable(required = false) String vendorId,
      @PathVariable(required = false) String developerId,
      @PathVariable String metric,
      HttpServletRequest req,
      HttpServletResponse res) {
    Scope s = access.scope(req, vendorId, developerId);
    Metric m = metric(SalesAggregates.EVALUATIONS, metric);
    Params p = Access.params(req);
    VendorView view = market.view(s.vendor());
    Aggregation periods = Aggregation.parse(p, view.day());
    boolean byType = groupBy(p, "evaluationType");
    Result r =
        cache.get(
            view,
            "evaluations:" + key(m, periods),
            () -> SalesAggregates.evaluations(view.licenses(), s.vendor().apps(), m, periods));
    String template =
        s.version() == ApiVersion.V2
            ? "{?aggregation,startDate,endDate,groupBy*}"
            : AGGREGATE_TEMPLATE;
    // The world models no upgrade evaluations: every evaluation is a net-new one.
    writeAggregates(
        res,
        s,
        p,
        "/evaluations/" + metric,
        template,
        periods,
        r,
        byType ? "Net new evaluation" : null,
        false);
  }

  // ---- A3: cloud churn, conversion, renewal ----

  @GetMapping({V2 + "/sales/metrics/{metric}", V3 + "/sales/metrics/{metric}"})
  void cloudMetric(
      @PathVariable(required = false) String vendorId,
      @PathVariable(required = false) String developerId,
      @PathVariable String metric,
      HttpServletRequest req,
      HttpServletResponse res) {
    Scope s = access.scope(req, vendorId, developerId);
    Kind kind = metric(CloudMetrics.PARAM, metric);
    Params p = Access.params(req);
    VendorView view = market.view(s.vendor());
    Aggregation periods = Aggregation.parse(p, view.day());
    // groupBy=conversionType is a v2 parameter; v3 ignores it (K2).
    boolean byType =
        kind == Kind.CONVERSION && s.version() == ApiVersion.V2 && groupBy(p, "conversionType");
    CloudMetrics metrics = cloudMetrics(view);
    CloudMetrics.Result r =
        cache.get(
            view,
            "cloud:" + kind + ":" + byType + ":" + key(null, periods),
            () -> metrics.metric(kind, periods, byType));
    String template =
        kind == Kind.CONVERSION && s.version() == ApiVersion.V2
            ? "{?aggregation,startDate,endDate,groupBy*}"
            : AGGREGATE_TEMPLATE;
    String path = "/sales/metrics/" + metric;
    Json.write(
        res,
        200,
        g -> {
          g.writeStartObject();
          g.writeObjectPropertyStart("_links");
          Json.link(g, "self", s.href(path, p, Set.of()));
          Links.template(g, s, "query", path + template, null, null);
          g.writeEndObject();
          g.writeObjectPropertyStart("total");
          g.writeStringProperty("name", TOTAL_NAME);
          if (kind == Kind.CONVERSION) {
            writeMetricSeries(g, r.series(), periods);
          } else {
            writeDatasets(g, r.datasets(), periods);
          }
          g.writeEndObject();
          g.writeArrayPropertyStart("addons");
          for (AppMetrics a : r.addons()) {
            g.writeStartObject();
            g.writeStringProperty("addonKey", a.app().addonKey());
            if (s.version() == ApiVersion.V3) {
              g.writeStringProperty("productId", a.app().productId());
            }
            g.writeStringProperty("name", a.app().name());
            if (kind == Kind.CONVERSION) {
              writeMetricSeries(g, a.series(), periods);
            } else {
              writeDatasets(g, a.datasets(), periods);
            }
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  // ---- A4: cloud license events ----

  @GetMapping({V2 + "/sales/metrics/{metric}/details", V3 + "/sales/metrics/{metric}/details"})
  void details(
      @PathVariable(required = false) String vendorId,
      @PathVariable(required = false) String developerId,
      @PathVariable String metric,
      HttpServletRequest req,
      HttpServletResponse res) {
    Scope s = access.scope(req, vendorId, developerId);
    Kind kind = metric(CloudMetrics.PARAM, metric);
    Params p = Access.params(req);
    LicenseEventQuery q = LicenseEventQuery.parse(p, AppFilter.of(s.vendor(), s.version(), p));
    int offset = p.integer("offset", 0, 0);
    int limit =
        Math.min(
            p.integer("limit", ReportingController.DEFAULT_LIMIT, 1),
            ReportingController.MAX_LIMIT);
    VendorView view = market.view(s.vendor());
    List<LicenseEvent> rows = events(view, kind, p, q);
    List<LicenseEvent> page =
        rows.subList(
            Math.min(offset, rows.size()), (int) Math.min(rows.size(), (long) offset + limit));
    boolean more = (long) offset + limit < rows.size();
    String path = "/sales/metrics/" + metric + "/details";
    Json.write(
        res,
        200,
        g -> {
          g.writeStartObject();
          Links.page(g, s, path, p, offset, limit, more, detailsTemplate(s, true));
          g.writeArrayPropertyStart("events");
          for (LicenseEvent e : page) {
            writeEvent(g, e, s.version());
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  @GetMapping({
    V2 + "/sales/metrics/{metric}/details/export",
    V3 + "/sales/metrics/{metric}/details/export"
  })
  void detailsExport(
      @PathVariable(required = false) String vendorId,
      @PathVariable(required = false) String developerId,
      @PathVariable String metric,
      HttpServletRequest req,
      HttpServletResponse res) {
    Scope s = access.scope(req, vendorId, developerId);
    Kind kind = metric(CloudMetrics.PARAM, metric);
    Params p = Access.params(req);
    LicenseEventQuery q = LicenseEventQuery.parse(p, AppFilter.of(s.vendor(), s.version(), p));
    ExportFormat format = Links.exportFormat(p, req);
    List<LicenseEvent> rows = events(market.view(s.vendor()), kind, p, q);
    res.setStatus(200);
    res.setContentType(format.contentType());
    try {
      OutputStream out = res.getOutputStream();
      if (format == ExportFormat.JSON) {
        try (JsonGenerator g = WireJson.createGenerator(out)) {
          g.writeStartArray();
          for (LicenseEvent e : rows) {
            writeEvent(g, e, s.version());
          }
          g.writeEndArray();
        }
      } else {
        writeCsv(rows, out);
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- A6: partner metrics ----

  @PostMapping({PARTNER_METRICS_V2, PARTNER_METRICS_V3})
  void partnerMetrics(
      @PathVariable(required = false) String vendorId,
      @PathVariable(required = false) String developerId,
      HttpServletRequest req,
      HttpServletResponse res) {
    Scope s = access.scope(req, vendorId, developerId);
    // Read the body before the query parameters, so that no form decoding can consume it.
    byte[] body;
    try {
      body = req.getInputStream().readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Params p = Access.params(req);
    int offset = p.integer("offset", 0, 0);
    int limit =
        Math.min(p.integer("limit", PartnerMetrics.DEFAULT_LIMIT, 1), PartnerMetrics.MAX_LIMIT);
    JsonNode json;
    try {
      json = body.length == 0 ? null : MAPPER.readTree(body);
    } catch (JacksonException e) {
      throw PartnerMetrics.bad("", "body", "malformed JSON: " + e.getOriginalMessage());
    }
    VendorView view = market.view(s.vendor());
    Request r = PartnerMetrics.parse(json, view.day());
    PartnerMetrics.Book book =
        cache.get(
            view,
            "partner-metrics:book",
            () ->
                new PartnerMetrics.Book(
                    PartnerMetrics.eventsAsOf(
                        market.world(),
                        s.vendor().apps().stream().map(App::addonKey).collect(Collectors.toSet()),
                        view.day()),
                    s.vendor().apps(),
                    view.day()));
    Answer answer = cache.get(view, r.cacheKey(), () -> book.answer(r));
    Map<String, String> names =
        s.vendor().apps().stream().collect(Collectors.toMap(App::addonKey, App::name));
    List<Row> rows = answer.page(offset, limit);
    Json.write(
        res,
        200,
        g -> {
          g.writeStartObject();
          g.writeArrayPropertyStart("records");
          for (Row row : rows) {
            g.writeStartObject();
            g.writeStringProperty("date", row.date().toString());
            if (r.has(Attribute.APP_KEY)) {
              g.writeStringProperty(Attribute.APP_KEY.json, row.appKey());
            }
            if (r.has(Attribute.APP_NAME)) {
              g.writeStringProperty(Attribute.APP_NAME.json, names.get(row.appKey()));
            }
            if (r.has(Attribute.GRACE_PERIOD_IN_DAYS)) {
              g.writeNumberProperty(Attribute.GRACE_PERIOD_IN_DAYS.json, PartnerMetrics.GRACE_DAYS);
            }
            if (r.has(Attribute.HOSTING)) {
              g.writeStringProperty(Attribute.HOSTING.json, row.hosting().wire());
            }
            if (r.has(Attribute.SUBSCRIPTION)) {
              g.writeStringProperty(Attribute.SUBSCRIPTION.json, row.subscription());
            }
            for (Field f : r.fields()) {
              long cents =
                  switch (f) {
                    case OPENING_MRR -> row.opening();
                    case NEW_MRR -> row.newMrr();
                    case EXPANSION_MRR -> row.expansion();
                    case CONTRACTION_MRR -> row.contraction();
                    case REACTIVATED_MRR -> row.reactivated();
                    case EXPIRED_MRR -> -row.expired();
                    case CLOSING_MRR -> row.closing();
                    case ARR -> Math.multiplyExact(row.closing(), 12L);
                  };
              money(g, f.json, cents);
            }
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  // ---- R1: links of the reporting root ----

  /**
   * Writes the aggregates' links into the reporting root's {@code _links} (spec §4.2, {@code
   * VendorReportingLinks}): {@code transactionsBy*} and {@code evaluationsBy*} templates, and
   * {@code cloudChurn}, {@code cloudConversions}, {@code cloudRenewals} as arrays of templates: the
   * metric (name {@code metrics}), its events (name {@code details}) and their export (name {@code
   * export}) [EMU].
   */
  static void rootLinks(JsonGenerator g, Scope s) {
    for (String metric : SalesAggregates.SALES.keySet()) {
      Links.template(
          g,
          s,
          "transactionsBy" + capitalised(metric),
          "/sales/transactions/" + metric + AGGREGATE_TEMPLATE,
          null,
          null);
    }
    String evaluations =
        s.version() == ApiVersion.V2
            ? "{?aggregation,startDate,endDate,groupBy*}"
            : AGGREGATE_TEMPLATE;
    for (String metric : SalesAggregates.EVALUATIONS.keySet()) {
      Links.template(
          g,
          s,
          "evaluationsBy" + capitalised(metric),
          "/evaluations/" + metric + evaluations,
          null,
          null);
    }
    Map<String, String> cloud =
        Map.of("cloudChurn", "churn", "cloudConversions", "conversion", "cloudRenewals", "renewal");
    for (String name : List.of("cloudChurn", "cloudConversions", "cloudRenewals")) {
      String metric = cloud.get(name);
      String metricTemplate =
          metric.equals("conversion") && s.version() == ApiVersion.V2
              ? "{?aggregation,startDate,endDate,groupBy*}"
              : AGGREGATE_TEMPLATE;
      String base = "/sales/metrics/" + metric;
      g.writeArrayPropertyStart(name);
      Links.template(g, s, null, base + metricTemplate, "metrics", null);
      Links.template(g, s, null, base + "/details" + detailsTemplate(s, true), "details", null);
      Links.template(
          g, s, null, base + "/details/export" + detailsTemplate(s, false), "export", null);
      g.writeEndArray();
    }
  }

  // ---- helpers ----

  private CloudMetrics cloudMetrics(VendorView view) {
    return cache.get(
        view,
        "cloud-metrics",
        () ->
            CloudMetrics.of(
                view.licenses(), view.transactions(), view.vendor().apps(), view.day()));
  }

  private List<LicenseEvent> events(VendorView view, Kind kind, Params p, LicenseEventQuery q) {
    boolean scrambled = market.quirk(Quirk.DETAILS_DESC_SCRAMBLED);
    Map<String, List<String>> filters = new TreeMap<>(p.asMap());
    filters.keySet().removeAll(Links.EXPORT_DROP);
    return selections.get(
        view,
        kind + ":" + scrambled + ":" + filters,
        () -> q.select(cloudMetrics(view).events(kind), scrambled));
  }

  private static <T> T metric(Map<String, T> allowed, String metric) {
    T m = allowed.get(metric);
    if (m == null) {
      throw ApiException.notFound("The resource does not exist");
    }
    return m;
  }

  /** Whether {@code groupBy} names {@code value}; any other value is a 400 listing it. */
  private static boolean groupBy(Params p, String value) {
    boolean on = false;
    for (String v : p.all("groupBy")) {
      if (!v.equals(value)) {
        throw ApiException.badParam(
            "groupBy", "allowable values are '" + value + "', got '" + v + "'");
      }
      on = true;
    }
    return on;
  }

  private static String key(Metric m, Aggregation periods) {
    return m + ":" + periods.unit() + ":" + periods.first() + ":" + periods.last();
  }

  private static String capitalised(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String detailsTemplate(Scope s, boolean paged) {
    return "{?"
        + AppFilter.param(s.version())
        + "*,hosting*,appEdition*,lastUpdated,partnerType*,text,startDate,endDate,sortBy,order"
        + (paged ? ",offset,limit}" : ",accept}");
  }

  /** A v2 {@code {template}} or v3 {@code {href, templated}} link, as a property or element. */
  private static void writeAggregates(
      HttpServletResponse res,
      Scope s,
      Params p,
      String path,
      String template,
      Aggregation periods,
      Result r,
      String evaluationType,
      boolean revenue) {
    List<LocalDate> dates = periods.starts();
    Json.write(
        res,
        200,
        g -> {
          g.writeStartObject();
          g.writeObjectPropertyStart("_links");
          Json.link(g, "self", s.href(path, p, Set.of()));
          Links.template(g, s, "query", path + template, null, null);
          g.writeEndObject();
          g.writeObjectPropertyStart("total");
          g.writeStringProperty("name", TOTAL_NAME);
          writeSeries(g, r.total(), dates, evaluationType, revenue);
          g.writeEndObject();
          g.writeArrayPropertyStart("addons");
          for (AddonSeries a : r.addons()) {
            g.writeStartObject();
            g.writeStringProperty("addonKey", a.app().addonKey());
            if (s.version() == ApiVersion.V3) {
              g.writeStringProperty("productId", a.app().productId());
            }
            g.writeStringProperty("name", a.app().name());
            writeSeries(g, a.series(), dates, evaluationType, revenue);
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  private static void writeSeries(
      JsonGenerator g,
      List<Series> series,
      List<LocalDate> dates,
      String evaluationType,
      boolean revenue) {
    g.writeArrayPropertyStart("series");
    for (Series x : series) {
      g.writeStartObject();
      g.writeStringProperty("name", x.name());
      if (evaluationType != null) {
        g.writeStringProperty("evaluationType", evaluationType);
      }
      g.writeArrayPropertyStart("elements");
      for (int k = 0; k < dates.size(); k++) {
        g.writeStartObject();
        g.writeStringProperty("date", dates.get(k).toString());
        g.writeNumberProperty("count", x.count()[k]);
        g.writeNumberProperty("netCount", x.netCount()[k]);
        if (revenue) {
          money(g, "revenue", x.revenueCents()[k]);
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void writeDatasets(JsonGenerator g, List<Dataset> datasets, Aggregation periods) {
    g.writeArrayPropertyStart("datasets");
    for (Dataset d : datasets) {
      g.writeStartObject();
      g.writeStringProperty("name", d.name());
      writeMetricSeries(g, d.series(), periods);
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void writeMetricSeries(
      JsonGenerator g, List<MetricSeries> series, Aggregation periods) {
    List<LocalDate> dates = periods.starts();
    g.writeArrayPropertyStart("series");
    for (MetricSeries x : series) {
      g.writeStartObject();
      g.writeStringProperty("name", x.name());
      if (x.conversionType() != null) {
        g.writeStringProperty("conversionType", x.conversionType());
      }
      if (x.uniqueTotal() != null) {
        g.writeNumberProperty("uniqueTotal", x.uniqueTotal());
      }
      g.writeArrayPropertyStart("elements");
      for (int k = 0; k < dates.size(); k++) {
        g.writeStartObject();
        g.writeStringProperty("date", dates.get(k).toString());
        g.writeNumberProperty("count", x.counts()[k]);
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /** Cloud license events spell Data Center {@code Data center} (K21). */
  static String eventHosting(Hosting h) {
    return h == Hosting.DATA_CENTER ? "Data center" : h.wire();
  }

  private static void writeEvent(JsonGenerator g, LicenseEvent e, ApiVersion version) {
    g.writeStartObject();
    g.writeStringProperty("addonKey", e.addonKey());
    if (version == ApiVersion.V3) {
      string(g, "productId", e.productId());
    }
    g.writeStringProperty("addonName", e.addonName());
    g.writeStringProperty("hosting", eventHosting(e.hosting()));
    string(g, "appEdition", e.appEdition());
    g.writeStringProperty("lastUpdated", e.lastUpdated().toString());
    g.writeStringProperty("eventDate", e.eventDate().toString());
    string(g, "transactionId", e.transactionId());
    if (version == ApiVersion.V2) {
      string(g, "inGracePeriod", e.inGracePeriod());
    }
    g.writeObjectPropertyStart("licenseDetails");
    string(g, "licenseId", e.licenseId());
    string(g, "appEntitlementId", e.appEntitlementId());
    string(g, "appEntitlementNumber", e.appEntitlementNumber());
    string(g, "cloudId", e.cloudId());
    string(g, "maintenanceStartDate", str(e.maintenanceStartDate()));
    string(g, "maintenanceEndDate", str(e.maintenanceEndDate()));
    if (e.monthsValid() != null) {
      g.writeNumberProperty("monthsValid", e.monthsValid());
    }
    string(g, "multiInstanceEntitlementId", e.multiInstanceEntitlementId());
    string(g, "multiInstanceEntitlementNumber", e.multiInstanceEntitlementNumber());
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void writeCsv(List<LicenseEvent> rows, OutputStream out) {
    CsvSchema.Builder schema = CsvSchema.builder().setLineSeparator("\r\n");
    CSV_COLUMNS.forEach(schema::addColumn);
    CsvSchema built = schema.build().withoutHeader();
    ObjectWriteContext context =
        new ObjectWriteContext.Base() {
          @Override
          public FormatSchema getSchema() {
            return built;
          }
        };
    try (JsonGenerator g = CSV.createGenerator(context, out)) {
      g.writeStartArray();
      for (String c : CSV_COLUMNS) {
        g.writeString(c);
      }
      g.writeEndArray();
      for (LicenseEvent e : rows) {
        g.writeStartArray();
        for (String cell :
            new String[] {
              e.addonName(),
              e.addonKey(),
              eventHosting(e.hosting()),
              str(e.lastUpdated()),
              str(e.eventDate()),
              e.transactionId(),
              e.licenseId(),
              str(e.maintenanceStartDate()),
              str(e.maintenanceEndDate()),
              e.monthsValid() == null ? null : e.monthsValid().toString(),
              e.appEntitlementId(),
              e.appEntitlementNumber(),
              e.cloudId(),
              e.inGracePeriod(),
              e.multiInstanceEntitlementId(),
              e.multiInstanceEntitlementNumber(),
              e.appEdition()
            }) {
          g.writeString(cell == null ? "" : cell);
        }
        g.writeEndArray();
      }
    }
  }

  /** Money as the API writes it: a JSON number from whole cents, never through a double. */
  private static void money(JsonGenerator g, String name, long cents) {
    g.writeName(name);
    g.writeNumber(Cents.toDecimalString(cents));
  }

  private static void string(JsonGenerator g, String name, String value) {
    if (value != null) {
      g.writeStringProperty(name, value);
    }
  }

  private static String str(LocalDate d) {
    return d == null ? null : d.toString();
  }
}
