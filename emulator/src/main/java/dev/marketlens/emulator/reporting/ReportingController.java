package dev.marketlens.emulator.reporting;

import dev.marketlens.emulator.quirks.Quirk;
import dev.marketlens.emulator.reporting.AsyncExports.Job;
import dev.marketlens.emulator.reporting.AsyncExports.Kind;
import dev.marketlens.emulator.reporting.AsyncExports.Status;
import dev.marketlens.emulator.wire.ExportFormat;
import dev.marketlens.emulator.wire.ExportWriter;
import dev.marketlens.emulator.wire.FreeStarterTierRow;
import dev.marketlens.emulator.wire.FreeStarterTierWriter;
import dev.marketlens.emulator.wire.License;
import dev.marketlens.emulator.wire.LicenseJsonWriter;
import dev.marketlens.emulator.wire.ProratedDetail;
import dev.marketlens.emulator.wire.Transaction;
import dev.marketlens.emulator.wire.TransactionJsonWriter;
import dev.marketlens.emulator.wire.WireFormat;
import dev.marketlens.emulator.wire.WireFormat.ApiVersion;
import dev.marketlens.emulator.wire.WireJson;
import dev.marketlens.emulator.world.Versioned;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JsonGenerator;

/**
 * The reporting API's license, transaction and free-starter-tier endpoints, v2 and v3 (spec §2,
 * L1–L5, T1–T5, F1, R1). Bodies are written straight to the response: list pages, export bodies
 * streamed row by row from the vendor's view.
 */
@RestController
final class ReportingController {

  static final String V2 = "/rest/2/vendors/{vendorId}/reporting";
  static final String V3 = "/rest/3/reporting/developer-space/{developerId}";

  /** Page size when {@code limit} is absent, and its silent cap (spec §6). */
  static final int DEFAULT_LIMIT = 10;

  static final int MAX_LIMIT = 50;

  /** Rows above which a sync list or export answers 504 with the K6 quirk on. */
  static final int SYNC_EXPORT_MAX_ROWS = 50_000;

  /** Bytes buffered before an export body goes to the network in one chunk. */
  private static final int EXPORT_BUFFER = 1 << 16;

  private static final String LICENSE_PARAMS_COMMON =
      "startDate,endDate,text,tier*,dateType,licenseType*,partnerType*,hosting*,"
          + "cloudComplianceBoundaries*,appEdition*,status*,withAttribution,withDataInsights,"
          + "includeAtlassianLicenses,lastUpdated,showLifeTimeFreeLicenses";
  private static final String TRANSACTION_PARAMS_COMMON =
      "startDate,endDate,text,tier*,saleType*,partnerType*,hosting*,billingPeriod*,"
          + "cloudComplianceBoundaries*,appEdition*,lastUpdated,excludeZeroTransactions,"
          + "includeManualInvoice,paymentStatus*";

  private final Marketplace market;
  private final AsyncExports exports;
  private final Access access;
  private final EmulatorSettings settings;

  ReportingController(
      Marketplace market, AsyncExports exports, Access access, EmulatorSettings settings) {
    this.market = market;
    this.exports = exports;
    this.access = access;
    this.settings = settings;
  }

  // ---- R1: the reporting root ----

  @GetMapping({V2, V3})
  void root(
      @PathVariable(required = false) String vendorId,
      @PathVariable(required = false) String developerId,
      HttpServletRequest req,
      HttpServletResponse res) {
    Scope s = access.scope(req, vendorId, developerId);
    Json.write(
        res,
        200,
        g -> {
          g.writeStartObject();
          g.writeObjectPropertyStart("_links");
          Json.link(g, "self", s.hrefRoot());
          Links.template(g, s, "licenses", "/licenses" + licenseTemplate(s, true), null, null);
          Links.exportTemplates(
              g, s, "licensesExport", "/licenses/export" + licenseTemplate(s, false));
          Links.template(
              g,
              s,
              "transactions",
              "/sales/transactions" + transactionTemplate(s, true),
              null,
              null);
          Links.exportTemplates(
              g,
              s,
              "transactionsExport",
              "/sales/transactions/export" + transactionTemplate(s, false));
          Links.template(
              g,
              s,
              "freeStarterTierExport",
              "/sales/freeStarterTier/export"
                  + "{?"
                  + AppFilter.param(s.version())
                  + "*,includeAtlassianLicenses,date,accept}",
              null,
              null);
          AggregatesController.rootLinks(g, s);
          g.writeEndObject();
          g.writeEndObject();
        });
  }

  // ---- L1–L5: licenses, T1–T5: transactions ----

  @GetMapping({V2 + "/licenses", V3 + "/licenses"})
  void licenses(
      @PathVariable(required = false) String vendorId,
      @PathVariable(required = false) String developerId,
      HttpServletRequest req,
      HttpServletResponse res) {
    list(licenses, access.scope(req, vendorId, developerId), req, res);
  }

  @GetMapping({V2 + "/licenses/export", V3 + "/licenses/export"})
  void licensesExport(
      @PathVariable(required = false) String vendorId,
      @PathVariable(required = false) String developerId,
      HttpServletRequest req,
      HttpServletResponse res) {
    export(licenses, access.scope(req, vendorId, developerId), req, res);
  }

  @PostMapping({V2 + "/licenses/async/export", V3 + "/licenses/async/export"})
  void licensesAsync(
      @PathVariable(required = false) String vendorId,
      @PathVariable(required = false) String developerId,
      HttpServletRequest req,
      HttpServletResponse res) {
    initiate(licenses, access.scope(req, vendorId, developerId), req, res);
  }

  @GetMapping({
    V2 + "/licenses/async/export/{exportId}/status",
    V3 + "/licenses/async/export/{exportId}/status"
  })
  void licensesAsyncStatus(
      @PathVariable(required = false) String vendorId,
      @PathVariable(required = false) String developerId,
      @PathVariable String exportId,
      HttpServletRequest req,
      HttpServletResponse res) {
    status(licenses, access.scope(req, vendorId, developerId), exportId, res);
  }

  @GetMapping({V2 + "/licenses/async/export/{exportId}", V3 + "/licenses/async/export/{exportId}"})
  void licensesAsyncDownload(
      @PathVariable(required = false) String vendorId,
      @PathVariable(required = false) String developerId,
      @PathVariable String exportId,
      HttpServletRequest req,
      HttpServletResponse res) {
    download(licenses, access.scope(req, vendorId, developerId), exportId, res);
  }

  @GetMapping({V2 + "/sales/transactions", V3 + "/sales/transactions"})
  void transactions(
      @PathVariable(required = false) String vendorId,
      @PathVariable(required = false) String developerId,
      HttpServletRequest req,
      HttpServletResponse res) {
    list(transactions, access.scope(req, vendorId, developerId), req, res);
  }

  @GetMapping({V2 + "/sales/transactions/export", V3 + "/sales/transactions/export"})
  void transactionsExport(
      @PathVariable(required = false) String vendorId,
      @PathVariable(required = false) String developerId,
      HttpServletRequest req,
      HttpServletResponse res) {
    export(transactions, access.scope(req, vendorId, developerId), req, res);
  }

  @PostMapping({V2 + "/sales/transactions/async/export", V3 + "/sales/transactions/async/export"})
  void transactionsAsync(
      @PathVariable(required = false) String vendorId,
      @PathVariable(required = false) String developerId,
      HttpServletRequest req,
      HttpServletResponse res) {
    initiate(transactions, access.scope(req, vendorId, developerId), req, res);
  }

  @GetMapping({
    V2 + "/sales/transactions/async/export/{exportId}/status",
    V3 + "/sales/transactions/async/export/{exportId}/status"
  })
  void transactionsAsyncStatus(
      @PathVariable(required = false) String vendorId,
      @PathVariable(required = false) String developerId,
      @PathVariable String exportId,
      HttpServletRequest req,
      HttpServletResponse res) {
    status(transactions, access.scope(req, vendorId, developerId), exportId, res);
  }

  @GetMapping({
    V2 + "/sales/transactions/async/export/{exportId}",
    V3 + "/sales/transactions/async/export/{exportId}"
  })
  void transactionsAsyncDownload(
      @PathVariable(required = false) String vendorId,
      @PathVariable(required = false) String developerId,
      @PathVariable String exportId,
      HttpServletRequest req,
      HttpServletResponse res) {
    download(transactions, access.scope(req, vendorId, developerId), exportId, res);
  }

  /** L1/T1: one page of rows with its links; {@code totalCount} in v3. */
  private <T, Q extends RecordQuery<T>> void list(
      Served<T, Q> kind, Scope s, HttpServletRequest req, HttpServletResponse res) {
    Params p = Access.params(req);
    Q q = kind.parse(s, p);
    int offset = p.integer("offset", 0, 0);
    int limit = Math.min(p.integer("limit", DEFAULT_LIMIT, 1), MAX_LIMIT);
    VendorView view = market.view(s.vendor());
    VendorView.Page<T> page = kind.page(view, q, offset, limit);
    tooLarge(page.total());
    Json.write(
        res,
        200,
        g -> {
          g.writeStartObject();
          Links.page(g, s, kind.path, p, offset, limit, page.more(), kind.template(s, true));
          g.writeArrayPropertyStart(kind.property);
          kind.writeRows(g, view, q, page.rows());
          g.writeEndArray();
          if (s.version() == ApiVersion.V3) {
            g.writeNumberProperty("totalCount", page.total());
          }
          g.writeEndObject();
        });
  }

  /** L2/T2: every matching row, streamed. */
  private <T, Q extends RecordQuery<T>> void export(
      Served<T, Q> kind, Scope s, HttpServletRequest req, HttpServletResponse res) {
    Params p = Access.params(req);
    Q q = kind.parse(s, p);
    ExportFormat format = Links.exportFormat(p, req);
    VendorView view = market.view(s.vendor());
    if (market.quirk(Quirk.SYNC_EXPORT_MAX_ROWS)) {
      tooLarge(kind.page(view, q, 0, 0).total());
    }
    body(res, format, out -> kind.writeExport(out, view, q, format));
  }

  /** L3/T3: starts an async export of today's view. */
  private <T, Q extends RecordQuery<T>> void initiate(
      Served<T, Q> kind, Scope s, HttpServletRequest req, HttpServletResponse res) {
    Params p = Access.params(req);
    Q q = kind.parse(s, p);
    ExportFormat format = Links.acceptParamOrJson(p);
    VendorView view = market.view(s.vendor());
    Job job =
        exports.start(
            kind.kind,
            s,
            p,
            format,
            view,
            kind.page(view, q, 0, 0).total(),
            settings.exportQueued(),
            settings.exportInProgress(),
            market.quirk(Quirk.DEDUP_ASYNC_EXPORTS));
    String base = kind.path + "/async/export";
    Json.write(
        res,
        200,
        g -> {
          g.writeStartObject();
          g.writeObjectPropertyStart("_links");
          Json.link(g, "self", s.hrefRoot() + base);
          Json.link(g, "query", s.href(base, p, Set.of()));
          Json.link(g, "status", s.hrefRoot() + base + "/" + job.id() + "/status");
          Json.link(g, "download", s.hrefRoot() + base + "/" + job.id());
          g.writeEndObject();
          g.writeObjectPropertyStart("export");
          g.writeStringProperty("id", job.id());
          g.writeEndObject();
          g.writeEndObject();
        });
  }

  /** L4/T4: where an async export is. */
  private void status(Served<?, ?> kind, Scope s, String exportId, HttpServletResponse res) {
    Job job = job(exportId, kind.kind, s);
    Status status = job.status(exports.now());
    String base = kind.path + "/async/export";
    Json.write(
        res,
        200,
        g -> {
          g.writeStartObject();
          g.writeObjectPropertyStart("_links");
          Json.link(g, "self", s.hrefRoot() + base + "/" + job.id() + "/status");
          Json.link(g, "query", s.href(base, job.params(), Set.of()));
          Json.link(g, "download", s.hrefRoot() + base + "/" + job.id());
          g.writeEndObject();
          g.writeObjectPropertyStart("export");
          g.writeStringProperty("id", job.id());
          g.writeStringProperty("status", status.name());
          g.writeEndObject();
          g.writeEndObject();
        });
  }

  /** L5/T5: a completed async export's body, from the view it was started on. */
  private <T, Q extends RecordQuery<T>> void download(
      Served<T, Q> kind, Scope s, String exportId, HttpServletResponse res) {
    Job job = job(exportId, kind.kind, s);
    if (job.status(exports.now()) != Status.COMPLETED) {
      throw new ApiException(404, "EXPORT_NOT_READY", null, "Export is being processed");
    }
    Q q = kind.parse(s, job.params());
    body(res, job.format(), out -> kind.writeExport(out, job.view(), q, job.format()));
  }

  /** What differs between the license and the transaction endpoints. */
  private abstract static class Served<T, Q extends RecordQuery<T>> {
    final Kind kind;
    final String path;
    final String property;

    Served(Kind kind, String path, String property) {
      this.kind = kind;
      this.path = path;
      this.property = property;
    }

    abstract Q parse(Scope s, Params p);

    abstract VendorView.Page<T> page(VendorView view, Q q, int offset, int limit);

    /** The LinkTemplate's parameter list of the list ({@code paged}) or export endpoint. */
    abstract String template(Scope s, boolean paged);

    /** Writes a list page's rows into the open array. */
    abstract void writeRows(JsonGenerator g, VendorView view, Q q, List<T> rows);

    /** Writes a whole export body. */
    abstract void writeExport(OutputStream out, VendorView view, Q q, ExportFormat format);
  }

  private final Served<License, LicenseQuery> licenses =
      new Served<>(Kind.LICENSES, "/licenses", "licenses") {
        @Override
        LicenseQuery parse(Scope s, Params p) {
          return LicenseQuery.parse(
              p,
              s.version(),
              AppFilter.of(s.vendor(), s.version(), p),
              market.quirk(Quirk.LICENSES_ORDER_IGNORED));
        }

        @Override
        VendorView.Page<License> page(VendorView view, LicenseQuery q, int offset, int limit) {
          return view.licenses(q, offset, limit);
        }

        @Override
        String template(Scope s, boolean paged) {
          return licenseTemplate(s, paged);
        }

        @Override
        void writeRows(JsonGenerator g, VendorView view, LicenseQuery q, List<License> rows) {
          LicenseJsonWriter writer = new LicenseJsonWriter(wire(q.wire()));
          for (License l : rows) {
            if (q.history()) {
              for (Versioned<License> v : view.history(l)) {
                writer.writeRecord(v.record(), g, v.since());
              }
            } else {
              writer.writeRecord(l, g);
            }
          }
        }

        @Override
        void writeExport(OutputStream out, VendorView view, LicenseQuery q, ExportFormat format) {
          Iterator<License> matching = view.licenses(q);
          Iterator<License> rows =
              market.quirk(Quirk.DUPLICATE_2018_LICENSES)
                  ? Duplicates.with2018Duplicates(matching, view, q)
                  : matching;
          if (q.history() && format == ExportFormat.JSON) {
            // JSON history rows carry recordCreatedDate; CSV has no such column.
            LicenseJsonWriter w = new LicenseJsonWriter(wire(q.wire()));
            try (JsonGenerator g = WireJson.createGenerator(out)) {
              g.writeStartArray();
              while (rows.hasNext()) {
                for (Versioned<License> v : view.history(rows.next())) {
                  w.writeRecord(v.record(), g, v.since());
                }
              }
              g.writeEndArray();
            }
            return;
          }
          Iterator<License> all = q.history() ? Duplicates.versions(rows, view) : rows;
          ExportWriter.licenses(format, wire(q.wire())).write(all, out);
        }
      };

  private final Served<Transaction, TransactionQuery> transactions =
      new Served<>(Kind.TRANSACTIONS, "/sales/transactions", "transactions") {
        @Override
        TransactionQuery parse(Scope s, Params p) {
          return TransactionQuery.parse(
              p,
              s.version(),
              AppFilter.of(s.vendor(), s.version(), p),
              market.quirk(Quirk.TIER_FILTER_INCLUDES_EVALUATION));
        }

        @Override
        VendorView.Page<Transaction> page(
            VendorView view, TransactionQuery q, int offset, int limit) {
          return view.transactions(q, offset, limit);
        }

        @Override
        String template(Scope s, boolean paged) {
          return transactionTemplate(s, paged);
        }

        @Override
        void writeRows(
            JsonGenerator g, VendorView view, TransactionQuery q, List<Transaction> rows) {
          TransactionJsonWriter writer = new TransactionJsonWriter(wire(q.wire()));
          SplittableRandom shuffle = shuffle();
          for (Transaction t : rows) {
            writer.writeRecord(prorated(t, q, shuffle), g);
          }
        }

        @Override
        void writeExport(
            OutputStream out, VendorView view, TransactionQuery q, ExportFormat format) {
          Iterator<Transaction> matching = view.transactions(q);
          SplittableRandom shuffle = shuffle();
          Iterator<Transaction> rows =
              new Iterator<>() {
                @Override
                public boolean hasNext() {
                  return matching.hasNext();
                }

                @Override
                public Transaction next() {
                  return prorated(matching.next(), q, shuffle);
                }
              };
          ExportWriter.transactions(format, wire(q.wire())).write(rows, out);
        }
      };

  // ---- F1: free starter tier ----

  @GetMapping({V2 + "/sales/freeStarterTier/export", V3 + "/sales/freeStarterTier/export"})
  void freeStarterTier(
      @PathVariable(required = false) String vendorId,
      @PathVariable(required = false) String developerId,
      HttpServletRequest req,
      HttpServletResponse res) {
    Scope s = access.scope(req, vendorId, developerId);
    Params p = Access.params(req);
    // Only the accept parameter chooses the format here; the Accept header is ignored (K25).
    ExportFormat format = Links.acceptParamOrJson(p);
    LocalDate day = p.date("date");
    VendorView view = market.view(s.vendor());
    LocalDate on = day == null || day.isAfter(view.day()) ? view.day() : day;
    if (s.version() == ApiVersion.V3) {
      for (String productId : p.all("productId")) {
        boolean known = s.vendor().apps().stream().anyMatch(a -> a.productId().equals(productId));
        if (!known && isUuid(productId)) {
          // The live API fails on a well-formed but unknown productId (K25).
          throw new ApiException(
              500, "INTERNAL_ERROR", null, "Internal server error while exporting " + productId);
        }
      }
    }
    AppFilter apps = AppFilter.of(s.vendor(), s.version(), p);
    p.bool("includeAtlassianLicenses", false);
    List<FreeStarterTierRow> rows =
        view.freeStarterOn(on).stream()
            .filter(e -> apps.test(e.addonKey()))
            .map(
                e ->
                    new FreeStarterTierRow(
                        on,
                        e.licenseId(),
                        e.appEntitlementId(),
                        e.entitlementNumber(),
                        e.parentEdition(),
                        e.dateOfEvaluation(),
                        e.parentUnitCount(),
                        e.technicalEmail(),
                        e.vendorId(),
                        e.addonName(),
                        e.addonKey(),
                        e.productId()))
            .toList();
    body(
        res,
        format,
        out -> new FreeStarterTierWriter(format, WireFormat.of(s.version())).write(rows, out));
  }

  // ---- helpers ----

  /** The query's wire format with the hosting spelling quirk (K21) as switched. */
  private WireFormat wire(WireFormat w) {
    return w.hostingVariants(market.quirk(Quirk.HOSTING_SPELLING_VARIANTS));
  }

  /** A new order for each response with the K30 quirk on, else null. */
  private SplittableRandom shuffle() {
    return market.quirk(Quirk.SHUFFLED_PRORATED_DETAILS) ? new SplittableRandom() : null;
  }

  /**
   * The row as served: without {@code proratedDetails} when the request did not ask for them (v2),
   * with them shuffled under the K30 quirk.
   */
  private static Transaction prorated(Transaction t, TransactionQuery q, SplittableRandom shuffle) {
    List<ProratedDetail> details = t.purchaseDetails().proratedDetails();
    if (details.isEmpty()) {
      return t;
    }
    if (!q.proratedDetails()) {
      return t.withPurchaseDetails(t.purchaseDetails().withProratedDetails(List.of()));
    }
    if (shuffle == null || details.size() < 2) {
      return t;
    }
    List<ProratedDetail> shuffled = new ArrayList<>(details);
    for (int i = shuffled.size() - 1; i > 0; i--) {
      Collections.swap(shuffled, i, shuffle.nextInt(i + 1));
    }
    return t.withPurchaseDetails(t.purchaseDetails().withProratedDetails(shuffled));
  }

  /** Streams an export body; the response is committed as rows are written. */
  private static void body(
      HttpServletResponse res, ExportFormat format, java.util.function.Consumer<OutputStream> w) {
    res.setStatus(200);
    res.setContentType(format.contentType());
    res.setBufferSize(EXPORT_BUFFER);
    try {
      OutputStream out = res.getOutputStream();
      w.accept(out);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Job job(String id, Kind kind, Scope s) {
    Job job = exports.find(id, kind, s);
    if (job == null) {
      throw ApiException.notFound("Export " + id + " does not exist");
    }
    return job;
  }

  /** K6: sync calls over large ranges fail when the quirk is on. */
  private void tooLarge(int rows) {
    if (market.quirk(Quirk.SYNC_EXPORT_MAX_ROWS) && rows > SYNC_EXPORT_MAX_ROWS) {
      throw new ApiException(
          504,
          "UPSTREAM_UNAVAILABLE",
          null,
          "Gateway timeout: too many records for a synchronous request; use the async export");
    }
  }

  private static String licenseTemplate(Scope s, boolean paged) {
    String v2Only = s.version() == ApiVersion.V2 ? ",licenseLevel*,showLicensesHistory" : "";
    return "{?"
        + AppFilter.param(s.version())
        + "*,"
        + LICENSE_PARAMS_COMMON
        + v2Only
        + ",sortBy,order"
        + (paged ? ",offset,limit}" : ",accept}");
  }

  private static String transactionTemplate(Scope s, boolean paged) {
    String v2Only = s.version() == ApiVersion.V2 ? ",showProratedTransactions,licenseLevel*" : "";
    return "{?"
        + AppFilter.param(s.version())
        + "*,"
        + TRANSACTION_PARAMS_COMMON
        + v2Only
        + ",sortBy,order"
        + (paged ? ",offset,limit}" : ",accept}");
  }

  private static boolean isUuid(String s) {
    return s.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
  }
}
