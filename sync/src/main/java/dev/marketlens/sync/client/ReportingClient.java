package dev.marketlens.sync.client;

import dev.marketlens.model.published.Published;
import dev.marketlens.sync.retry.Circuit;
import dev.marketlens.sync.retry.RetryAfter;
import dev.marketlens.sync.retry.RetryPolicy;
import dev.marketlens.sync.retry.Sleeper;
import dev.marketlens.sync.wire.ExportFormat;
import dev.marketlens.sync.wire.ExportKind;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The reporting API's license and transaction exports, v2 or v3, on the JDK's HTTP client.
 *
 * <p>{@link #export} tries the async export (initiate, poll, download; spec §9), falls back to the
 * synchronous export (§7.1 L2, §8.1 T2) and then to the paged list (§6), and hands back the records
 * checked whole. Every request is retried by the {@link RetryPolicy} and counted; a {@link Circuit}
 * stops the client after too many consecutive failures. Errors are {@link ApiException}s.
 * Thread-safe; one client per account and run.
 */
public final class ReportingClient {
  private static final JsonMapper TREES = JsonMapper.builder().build();
  private static final int PARTNER_METRICS_PAGE = 14;

  private static final System.Logger LOG = System.getLogger(ReportingClient.class.getName());
  private static final JsonFactory JSON = new JsonFactory();
  private static final int PAGE_SIZE = 50;
  private static final int MAX_STATUS_BYTES = 1 << 20;

  private final ApiAccount account;
  private final Transport transport;
  private final Spool spool;
  private final Duration pollInitial;
  private final Duration pollMax;
  private final Duration exportTimeout;

  private ReportingClient(Builder b) {
    this.account = b.account;
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(b.connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    RetryPolicy policy =
        b.retryPolicy != null ? b.retryPolicy : RetryPolicy.defaults(new SplittableRandom());
    this.transport =
        new Transport(
            http,
            account,
            b.requestTimeout,
            policy,
            new Circuit(b.circuitThreshold),
            b.sleeper,
            b.clock);
    this.spool = new Spool(b.spoolDirectory);
    this.pollInitial = b.pollInitial;
    this.pollMax = b.pollMax;
    this.exportTimeout = b.exportTimeout;
  }

  /**
   * Deletes the temporary export bodies that a process killed during a download left in {@code
   * directory} (a client deletes its own when it is done with them, but a killed one cannot). Call
   * it only when no client is downloading into that directory, e.g. under the account's sync lock
   * in the account's own spool directory.
   *
   * @return how many files were deleted
   */
  public static int deleteLeftoverBodies(Path directory) {
    if (!Files.isDirectory(directory)) {
      return 0;
    }
    int deleted = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, Spool.TEMPORARY)) {
      for (Path file : files) {
        if (Files.deleteIfExists(file)) {
          deleted++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot remove the temporary exports left in " + directory + ": " + e.getMessage(), e);
    }
    return deleted;
  }

  public static Builder builder(ApiAccount account) {
    return new Builder(account);
  }

  public ApiAccount account() {
    return account;
  }

  /** Bytes of response bodies received so far, error bodies and failed attempts included. */
  public long bytesReceived() {
    return transport.bytes.get();
  }

  /** Requests sent so far, retries included. */
  public long requestsSent() {
    return transport.requests.get();
  }

  /** Attempts repeated after a failure so far. */
  public long retries() {
    return transport.retries.get();
  }

  /** Whether the circuit is open: the client has stopped calling the API. */
  public boolean stopped() {
    return transport.circuit().isOpen();
  }

  /**
   * Every license or transaction line matching {@code query}, by the first route that works.
   *
   * @param kind {@link ExportKind#LICENSES} or {@link ExportKind#TRANSACTIONS}
   * @throws ApiException when no route delivers it; the message is the last route's, the earlier
   *     routes' failures are attached as suppressed
   */
  public ExportStream export(ExportKind kind, ExportQuery query) {
    if (kind != ExportKind.LICENSES && kind != ExportKind.TRANSACTIONS) {
      throw new IllegalArgumentException("export LICENSES or TRANSACTIONS, not " + kind);
    }
    Objects.requireNonNull(query, "query");
    List<String> fallbacks = new ArrayList<>();
    List<ApiException> failures = new ArrayList<>();
    ExportRoute[] routes = ExportRoute.values();
    for (int i = query.firstRoute().ordinal(); i < routes.length; i++) {
      ExportRoute route = routes[i];
      try {
        return switch (route) {
          case ASYNC_EXPORT -> async(kind, query, fallbacks);
          case SYNC_EXPORT -> sync(kind, query, fallbacks);
          case PAGED_LIST -> list(kind, query, fallbacks);
        };
      } catch (ApiException e) {
        failures.forEach(e::addSuppressed);
        if (i == routes.length - 1 || !fallsBack(e)) {
          throw e;
        }
        failures.add(e);
        String note = describe(route) + " failed (" + e.getMessage() + ")";
        fallbacks.add(note);
        String then = describe(routes[i + 1]);
        LOG.log(System.Logger.Level.INFO, () -> note + "; trying " + then);
      }
    }
    throw new IllegalStateException("unreachable");
  }

  /**
   * Everything but a refused request or account (400, 401, 403), an open circuit, an interruption
   * and a link off the base URL's host.
   */
  private static boolean fallsBack(ApiException e) {
    return switch (e.reason()) {
      case CIRCUIT_OPEN, INTERRUPTED, LINK_REFUSED -> false;
      case STATUS -> e.status() != 400 && e.status() != 401 && e.status() != 403;
      default -> true;
    };
  }

  private static String describe(ExportRoute route) {
    return switch (route) {
      case ASYNC_EXPORT -> "the async export";
      case SYNC_EXPORT -> "the sync export";
      case PAGED_LIST -> "the paged list";
    };
  }

  // ---- the three routes ----

  private ExportStream async(ExportKind kind, ExportQuery query, List<String> fallbacks) {
    String base = account.reportingPath() + kindPath(kind) + "/async/export";
    URI initiate = uri(base + "?" + query.filterQuery(kind) + "&accept=" + accept(query));
    Exported started =
        transport.call("POST", initiate, "application/json", (in, h) -> exported(in, "initiate"));
    if (started.id == null && started.statusHref == null) {
      throw new ApiException(
          ApiException.Reason.EXPORT_FAILED,
          "POST",
          Transport.pathOf(initiate),
          200,
          null,
          "POST "
              + Transport.pathOf(initiate)
              + " started no export: the answer has neither export.id nor _links.status",
          null);
    }
    URI status =
        started.statusHref != null
            ? Links.resolve(account, started.statusHref)
            : uri(base + "/" + started.id + "/status");
    URI download =
        started.downloadHref != null
            ? Links.resolve(account, started.downloadHref)
            : uri(base + "/" + started.id);
    Duration waited = Duration.ZERO;
    Duration interval = pollInitial;
    while (true) {
      Exported now =
          transport.call("GET", status, "application/json", (in, h) -> polled(in, h, "status"));
      if ("COMPLETED".equals(now.status)) {
        URI from = now.downloadHref != null ? Links.resolve(account, now.downloadHref) : download;
        try {
          return received(kind, ExportRoute.ASYNC_EXPORT, from, query, fallbacks);
        } catch (ApiException e) {
          if (e.status() != 404
              || e.apiMessage() == null
              || !e.apiMessage().contains("processed")) {
            throw e;
          }
          // "Export is being processed" (K7): poll again.
        }
      } else if ("FAILED".equals(now.status)) {
        throw new ApiException(
            ApiException.Reason.EXPORT_FAILED,
            "GET",
            Transport.pathOf(status),
            200,
            null,
            "the async export "
                + started.id
                + " reported FAILED (GET "
                + Transport.pathOf(status)
                + ")",
            null);
      }
      Duration wait = now.retryAfter != null ? now.retryAfter : interval;
      if (waited.plus(wait).compareTo(exportTimeout) > 0) {
        throw new ApiException(
            ApiException.Reason.EXPORT_FAILED,
            "GET",
            Transport.pathOf(status),
            200,
            null,
            "the async export "
                + started.id
                + " was still "
                + now.status
                + " after "
                + waited.toSeconds()
                + " s of polling (export timeout "
                + exportTimeout.toSeconds()
                + " s)",
            null);
      }
      sleep(wait, status);
      waited = waited.plus(wait);
      if (now.retryAfter == null) {
        interval = min(interval.multipliedBy(2), pollMax);
      }
    }
  }

  private ExportStream sync(ExportKind kind, ExportQuery query, List<String> fallbacks) {
    URI uri =
        uri(
            account.reportingPath()
                + kindPath(kind)
                + "/export?"
                + query.filterQuery(kind)
                + "&accept="
                + accept(query));
    return received(kind, ExportRoute.SYNC_EXPORT, uri, query, fallbacks);
  }

  private ExportStream received(
      ExportKind kind, ExportRoute route, URI uri, ExportQuery query, List<String> fallbacks) {
    String source = "GET " + Transport.pathOf(uri);
    String mediaType = query.format() == ExportFormat.CSV ? "text/csv" : "application/json";
    Spool.Body body =
        transport.call("GET", uri, mediaType, (in, h) -> spool.receive(in, kind, source));
    return new ExportStream(kind, route, body, source, fallbacks);
  }

  private ExportStream list(ExportKind kind, ExportQuery query, List<String> fallbacks) {
    String property = kind == ExportKind.LICENSES ? "licenses" : "transactions";
    String first = account.reportingPath() + kindPath(kind) + "?" + query.filterQuery(kind);
    String source = "GET " + first;
    Path file = spool.newFile();
    boolean ok = false;
    try {
      long bytes;
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
        out.write('[');
        bytes = 1;
        boolean any = false;
        int offset = 0;
        URI next = uri(first + "&offset=0&limit=" + PAGE_SIZE);
        while (next != null) {
          URI at = next;
          ListPage page =
              transport.call(
                  "GET",
                  at,
                  "application/json",
                  (in, h) -> ListPage.read(in, property, "GET " + Transport.pathOf(at)));
          if (page.count() > 0) {
            if (any) {
              out.write(',');
              bytes++;
            }
            out.write(page.records());
            bytes += page.records().length;
            any = true;
          }
          offset += page.count();
          if (page.hasLinks()) {
            next = page.next() == null ? null : Links.resolve(account, page.next());
          } else {
            next =
                page.count() < PAGE_SIZE
                    ? null
                    : uri(first + "&offset=" + offset + "&limit=" + PAGE_SIZE);
          }
          if (next != null && (page.count() == 0 || next.equals(at))) {
            next = null; // a next link that makes no progress would loop for ever
          }
        }
        out.write(']');
        bytes++;
      }
      Spool.Body body = Spool.check(file, kind, source, bytes);
      ok = true;
      return new ExportStream(kind, ExportRoute.PAGED_LIST, body, source, fallbacks);
    } catch (Transport.DamagedBody e) {
      throw new ApiException(
          ApiException.Reason.DAMAGED_BODY,
          "GET",
          first,
          200,
          null,
          "the pages of " + source + " do not make one export: " + e.getMessage(),
          e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the export to " + file, e);
    } finally {
      if (!ok) {
        Spool.delete(file);
      }
    }
  }

  // ---- async export envelopes ----

  /** What an initiate or status answer says (spec §9.1). */
  private record Exported(
      String id, String status, String statusHref, String downloadHref, Duration retryAfter) {}

  private Exported polled(InputStream in, HttpHeaders headers, String what) throws IOException {
    Exported e = exported(in, what);
    Duration advice =
        RetryAfter.parse(
                headers.firstValue("Retry-After").orElse(null), transport.clock().instant())
            .orElse(null);
    return new Exported(e.id, e.status, e.statusHref, e.downloadHref, advice);
  }

  private static Exported exported(InputStream in, String what) throws IOException {
    byte[] body = in.readNBytes(MAX_STATUS_BYTES);
    String id = null;
    String status = null;
    String statusHref = null;
    String downloadHref = null;
    try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new Transport.DamagedBody(
            "the async export's " + what + " answer is not a JSON object", null);
      }
      while (p.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (name.equals("export") && value == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (field.equals("id") && v == JsonToken.VALUE_STRING) {
              id = p.getString();
            } else if (field.equals("status") && v == JsonToken.VALUE_STRING) {
              status = p.getString();
            } else {
              p.skipChildren();
            }
          }
        } else if (name.equals("_links") && value == JsonToken.START_OBJECT) {
          while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String link = p.currentName();
            JsonToken v = p.nextToken();
            if (v == JsonToken.START_OBJECT) {
              String href = href(p);
              if (link.equals("status")) {
                statusHref = href;
              } else if (link.equals("download")) {
                downloadHref = href;
              }
            } else {
              p.skipChildren();
            }
          }
        } else {
          p.skipChildren();
        }
      }
      if (p.nextToken() != null) {
        throw new Transport.DamagedBody("text after the async export's " + what + " answer", null);
      }
    } catch (JacksonException e) {
      throw new Transport.DamagedBody(
          "the async export's " + what + " answer is not readable JSON: " + e.getOriginalMessage(),
          e);
    }
    if ("status".equals(what) && status == null) {
      throw new Transport.DamagedBody(
          "the async export's status answer has no export.status", null);
    }
    return new Exported(id, status, statusHref, downloadHref, null);
  }

  private static String href(JsonParser p) {
    String href = null;
    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
      String field = p.currentName();
      JsonToken v = p.nextToken();
      if (field.equals("href") && v == JsonToken.VALUE_STRING) {
        href = p.getString();
      } else {
        p.skipChildren();
      }
    }
    return href;
  }

  // ---- helpers ----

  private void sleep(Duration wait, URI status) {
    try {
      transport.sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(
          ApiException.Reason.INTERRUPTED,
          "GET",
          Transport.pathOf(status),
          0,
          null,
          "interrupted while waiting for the async export (GET " + Transport.pathOf(status) + ")",
          e);
    }
  }

  /** The partner-metrics path: v2 under the vendor, v3 under the developer space. */
  private String partnerMetricsPath() {
    String space = account.reportingPath();
    return space.startsWith("/rest/2/")
        ? space.replace("/reporting", "/partner-metrics")
        : "/rest/3/partner-metrics/developer-space/" + account.developerId().value();
  }

  /**
   * Partner metrics (recurring revenue, monthly) for {@code [from, to]}, with the grace the API
   * applied; periods are fetched {@value #PARTNER_METRICS_PAGE} at a time.
   */
  public List<Published.Mrr> partnerMetrics(YearMonth from, YearMonth to) {
    ObjectNode body = TREES.createObjectNode();
    ObjectNode metrics = body.putObject("metrics");
    metrics.putArray("metricSets").addObject().put("name", "RECURRING_REVENUE");
    ArrayNode fields = metrics.putArray("metricFields");
    for (String f :
        List.of(
            "OPENING_MRR",
            "NEW_MRR",
            "EXPANSION_MRR",
            "CONTRACTION_MRR",
            "REACTIVATED_MRR",
            "EXPIRED_MRR",
            "CLOSING_MRR")) {
      fields.addObject().put("name", f);
    }
    body.putObject("dateRange")
        .put("startDate", from.atDay(1).toString())
        .put("endDate", to.atEndOfMonth().toString());
    body.put("granularity", "MONTH");
    body.putArray("attributes").addObject().put("name", "GRACE_PERIOD_IN_DAYS");
    byte[] json = TREES.writeValueAsBytes(body);
    List<Published.Mrr> out = new ArrayList<>();
    for (int offset = 0; ; offset += PARTNER_METRICS_PAGE) {
      URI uri = uri(partnerMetricsPath() + "?limit=" + PARTNER_METRICS_PAGE + "&offset=" + offset);
      JsonNode answer =
          transport.call("POST", uri, "application/json", json, (in, h) -> tree(in, uri));
      JsonNode records = answer.path("records");
      for (JsonNode r : records) {
        out.add(
            new Published.Mrr(
                YearMonth.from(LocalDate.parse(r.path("date").asString())),
                r.path("gracePeriodInDays").asInt(),
                cents(r, "openingMrr"),
                cents(r, "newMrr"),
                cents(r, "expansionMrr"),
                cents(r, "contractionMrr"),
                cents(r, "reactivatedMrr"),
                Math.abs(cents(r, "expiredMrr")),
                cents(r, "closingMrr")));
      }
      if (records.size() < PARTNER_METRICS_PAGE) {
        return out;
      }
    }
  }

  /**
   * A cloud metric ({@code churn}, {@code renewal} or {@code conversion}) per month of {@code
   * [from, to]}, over all apps.
   */
  public List<Published.Count> cloudMetric(String metric, YearMonth from, YearMonth to) {
    URI uri =
        uri(
            account.reportingPath()
                + "/sales/metrics/"
                + metric
                + "?aggregation=month&startDate="
                + from.atDay(1)
                + "&endDate="
                + to.atEndOfMonth());
    JsonNode answer = transport.call("GET", uri, "application/json", (in, h) -> tree(in, uri));
    JsonNode total = answer.path("total");
    List<Published.Count> out = new ArrayList<>();
    if (total.has("datasets")) {
      for (JsonNode d : total.path("datasets")) {
        counts(d.path("name").asString(), d.path("series"), out);
      }
    } else {
      counts(null, total.path("series"), out);
    }
    return out;
  }

  private static void counts(String dataset, JsonNode series, List<Published.Count> out) {
    for (JsonNode s : series) {
      for (JsonNode e : s.path("elements")) {
        out.add(
            new Published.Count(
                YearMonth.from(LocalDate.parse(e.path("date").asString())),
                dataset,
                s.path("name").asString(),
                e.path("count").asLong()));
      }
    }
  }

  private static JsonNode tree(InputStream in, URI uri) throws IOException {
    try {
      return TREES.readTree(in);
    } catch (JacksonException e) {
      throw new Transport.DamagedBody(
          "GET " + Transport.pathOf(uri) + ": the answer is not JSON: " + e.getOriginalMessage(),
          e);
    }
  }

  /** An amount the API writes in dollars (a JSON number), in cents. */
  private static long cents(JsonNode record, String field) {
    JsonNode v = record.path(field);
    if (!v.isNumber()) {
      return 0;
    }
    return v.decimalValue().movePointRight(2).setScale(0, RoundingMode.HALF_UP).longValueExact();
  }

  private URI uri(String pathAndQuery) {
    return URI.create(account.baseUrl() + pathAndQuery);
  }

  private static String kindPath(ExportKind kind) {
    return kind == ExportKind.LICENSES ? "/licenses" : "/sales/transactions";
  }

  private static String accept(ExportQuery query) {
    return query.format() == ExportFormat.CSV ? "csv" : "json";
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** How a client is set up; every setting has a default. */
  public static final class Builder {
    private final ApiAccount account;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(60);
    private RetryPolicy retryPolicy;
    private int circuitThreshold = 10;
    private Sleeper sleeper = d -> Thread.sleep(d.toMillis());
    private Clock clock = Clock.systemUTC();
    private Duration pollInitial = Duration.ofSeconds(1);
    private Duration pollMax = Duration.ofSeconds(5);
    private Duration exportTimeout = Duration.ofMinutes(30);
    private Path spoolDirectory = Path.of(System.getProperty("java.io.tmpdir"));

    private Builder(ApiAccount account) {
      this.account = Objects.requireNonNull(account, "account");
    }

    /** How long to wait for a connection (default 10 s). */
    public Builder connectTimeout(Duration d) {
      this.connectTimeout = positive(d, "connect timeout");
      return this;
    }

    /** How long to wait for a response's headers (default 60 s); then the attempt is retried. */
    public Builder requestTimeout(Duration d) {
      this.requestTimeout = positive(d, "request timeout");
      return this;
    }

    /** When to retry (default {@link RetryPolicy#defaults}). */
    public Builder retryPolicy(RetryPolicy policy) {
      this.retryPolicy = Objects.requireNonNull(policy, "retry policy");
      return this;
    }

    /** Consecutive failed attempts after which the client stops (default 10). */
    public Builder circuitThreshold(int failures) {
      if (failures < 1) {
        throw new IllegalArgumentException("circuit threshold must be at least 1, got " + failures);
      }
      this.circuitThreshold = failures;
      return this;
    }

    /** How the client waits between attempts and polls (default {@code Thread.sleep}). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /** The time against which {@code Retry-After} dates are measured (default UTC system clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How often to poll an async export: first after {@code initial}, doubling up to {@code max}
     * (default 1 s to 5 s); a {@code Retry-After} on the status answer takes precedence.
     */
    public Builder pollInterval(Duration initial, Duration max) {
      this.pollInitial = positive(initial, "poll interval");
      this.pollMax = positive(max, "largest poll interval");
      if (max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("largest poll interval is shorter than the first");
      }
      return this;
    }

    /** How long to poll an async export before falling back (default 30 min). */
    public Builder exportTimeout(Duration d) {
      this.exportTimeout = positive(d, "export timeout");
      return this;
    }

    /** Where export bodies are kept while read (default the system's temporary directory). */
    public Builder spoolDirectory(Path directory) {
      this.spoolDirectory = Objects.requireNonNull(directory, "spool directory");
      return this;
    }

    public ReportingClient build() {
      return new ReportingClient(this);
    }

    private static Duration positive(Duration d, String what) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(what + " must be positive, got " + d);
      }
      return d;
    }
  }
}
