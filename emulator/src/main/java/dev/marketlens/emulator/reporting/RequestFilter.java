package dev.marketlens.emulator.reporting;

import dev.marketlens.emulator.quirks.Faults;
import dev.marketlens.emulator.quirks.Faults.Fault;
import dev.marketlens.emulator.quirks.RateLimit;
import dev.marketlens.emulator.reporting.Credentials.Account;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What happens before a controller sees a request: path aliases (v3 under {@code /marketplace} and
 * without {@code /rest/3}, spec §1.1/§4.2), authentication (HTTP Basic for reports, the admin
 * bearer token for {@code /_emulator}), the rate limit and injected faults.
 */
final class RequestFilter extends OncePerRequestFilter {

  /** How long a {@code slow} fault delays the response. */
  static final long SLOW_MILLIS = 3_000;

  private final Credentials credentials;
  private final String adminToken;
  private volatile Faults faults;
  private volatile int perMinute;
  private final Map<String, RateLimit> limits = new ConcurrentHashMap<>();
  private final RandomGenerator random = RandomGenerator.of("L64X128MixRandom");

  RequestFilter(Credentials credentials, EmulatorSettings settings) {
    this.credentials = credentials;
    this.adminToken = settings.adminToken();
    this.faults = settings.faults();
    this.perMinute = settings.rateLimitPerMinute();
  }

  /** Switches the faults and the rate limit (0: none) while serving. */
  void setFaults(Faults faults, int perMinute) {
    this.faults = faults;
    this.perMinute = perMinute;
    limits.clear();
  }

  Faults faults() {
    return faults;
  }

  int rateLimitPerMinute() {
    return perMinute;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse res, FilterChain chain)
      throws ServletException, IOException {
    HttpServletRequest req = alias(request);
    String path = req.getRequestURI();
    if (path.startsWith("/_emulator/")) {
      if (!Credentials.bearerMatches(req.getHeader("Authorization"), adminToken)) {
        res.setHeader("WWW-Authenticate", "Bearer");
        Json.errors(res, ApiException.unauthorized());
        return;
      }
      chain.doFilter(req, res);
      return;
    }
    if (!path.startsWith("/rest/")) {
      chain.doFilter(req, res);
      return;
    }
    Account account = credentials.authenticate(req.getHeader("Authorization"));
    if (account == null) {
      res.setHeader("WWW-Authenticate", "Basic realm=\"Atlassian Marketplace\"");
      Json.errors(res, ApiException.unauthorized());
      return;
    }
    req.setAttribute(Access.ACCOUNT, account);
    int limitPerMinute = perMinute;
    if (limitPerMinute > 0) {
      long wait;
      RateLimit limit =
          limits.computeIfAbsent(
              account.email(),
              k -> new RateLimit(limitPerMinute, RateLimit.defaultBurst(limitPerMinute)));
      synchronized (limit) {
        wait = limit.take(System.nanoTime());
      }
      if (wait > 0) {
        res.setHeader("Retry-After", Long.toString(wait));
        Json.errors(
            res,
            new ApiException(
                429, "RATE_LIMITED", null, "Rate limit exceeded; retry after " + wait + " s"));
        return;
      }
    }
    Fault fault;
    synchronized (random) {
      fault = faults.pick(random.nextLong() & Long.MAX_VALUE);
    }
    if (fault == null) {
      chain.doFilter(req, res);
      return;
    }
    switch (fault) {
      case ERROR_500, ERROR_502, ERROR_503 ->
          Json.errors(
              res,
              new ApiException(
                  fault.status(),
                  fault.status() == 500 ? "INTERNAL_ERROR" : "UPSTREAM_UNAVAILABLE",
                  null,
                  "Temporarily unable to retrieve reporting information"));
      case SLOW -> {
        try {
          Thread.sleep(SLOW_MILLIS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        chain.doFilter(req, res);
      }
      case RESET -> {
        // Headers promise a body that never comes; the server then closes the connection.
        res.setStatus(200);
        res.setContentType("application/json;charset=UTF-8");
        res.setHeader("Connection", "close");
        res.setContentLength(1 << 20);
        res.flushBuffer();
      }
      case TRUNCATED -> chain.doFilter(req, new Damaged(res, false));
      case MALFORMED -> chain.doFilter(req, new Damaged(res, true));
    }
  }

  /**
   * v3 answers under {@code /marketplace/rest/3/...} and, for the hrefs the live API writes without
   * the prefix, under {@code /reporting/developer-space/...}: both become {@code /rest/3/...}.
   */
  private static HttpServletRequest alias(HttpServletRequest req) {
    String uri = req.getRequestURI();
    String target;
    if (uri.startsWith("/marketplace/rest/3/")) {
      target = uri.substring("/marketplace".length());
    } else if (uri.startsWith("/reporting/developer-space/")) {
      target = "/rest/3" + uri;
    } else {
      return req;
    }
    return new HttpServletRequestWrapper(req) {
      @Override
      public String getRequestURI() {
        return target;
      }

      @Override
      public String getServletPath() {
        return target;
      }

      @Override
      public StringBuffer getRequestURL() {
        return new StringBuffer(target);
      }
    };
  }

  /**
   * A response whose body breaks after its first bytes. Truncated: the headers promise far more
   * than is sent and the connection then closes. Malformed: an HTML error page follows the first
   * bytes and the rest is dropped, so the body is complete on the wire but not valid JSON or CSV.
   */
  private static final class Damaged extends HttpServletResponseWrapper {

    private static final int INTACT = 200;
    private static final byte[] GATEWAY_PAGE =
        "<html><body>502 Bad Gateway</body></html>".getBytes(StandardCharsets.US_ASCII);

    private final boolean malformed;
    private ServletOutputStream stream;

    Damaged(HttpServletResponse res, boolean malformed) {
      super(res);
      this.malformed = malformed;
      if (!malformed) {
        res.setHeader("Connection", "close");
        res.setContentLengthLong(1L << 40);
      }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
      if (stream == null) {
        ServletOutputStream out = super.getOutputStream();
        stream =
            new ServletOutputStream() {
              private long written;

              @Override
              public void write(int b) throws IOException {
                if (written < INTACT) {
                  out.write(b);
                } else if (written == INTACT && malformed) {
                  out.write(GATEWAY_PAGE);
                }
                written++;
              }

              @Override
              public void write(byte[] b, int off, int len) throws IOException {
                int keep = (int) Math.max(0, Math.min(len, INTACT - written));
                if (keep > 0) {
                  out.write(b, off, keep);
                }
                if (malformed && written + len > INTACT && written <= INTACT) {
                  out.write(GATEWAY_PAGE);
                }
                written += len;
              }

              @Override
              public void flush() throws IOException {
                out.flush();
              }

              @Override
              public boolean isReady() {
                return out.isReady();
              }

              @Override
              public void setWriteListener(WriteListener listener) {
                out.setWriteListener(listener);
              }
            };
      }
      return stream;
    }

    @Override
    public PrintWriter getWriter() {
      throw new IllegalStateException("reporting bodies are written as bytes");
    }

    @Override
    public void setContentLength(int len) {
      // The body's length is the fault's to decide.
    }

    @Override
    public void setContentLengthLong(long len) {
      // The body's length is the fault's to decide.
    }
  }
}
