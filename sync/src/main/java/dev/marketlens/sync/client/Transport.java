package dev.marketlens.sync.client;

import dev.marketlens.sync.retry.Circuit;
import dev.marketlens.sync.retry.Decision;
import dev.marketlens.sync.retry.Failure;
import dev.marketlens.sync.retry.RetryPolicy;
import dev.marketlens.sync.retry.Sleeper;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends one request until it succeeds or the retry policy gives up, counting what it receives and
 * feeding the circuit. Credentials go only to the account's own origin.
 */
final class Transport {

  private static final System.Logger LOG = System.getLogger(ReportingClient.class.getName());

  /** Reads a 2xx body; throws {@link DamagedBody} when it is not what it should be. */
  @FunctionalInterface
  interface BodyReader<T> {
    T read(InputStream body, HttpHeaders headers) throws IOException;
  }

  /** A complete 2xx body that cannot be read: retried like a broken connection. */
  static final class DamagedBody extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DamagedBody(String message, Throwable cause) {
      super(message, cause);
    }
  }

  final AtomicLong bytes = new AtomicLong();
  final AtomicLong requests = new AtomicLong();
  final AtomicLong retries = new AtomicLong();

  private final HttpClient http;
  private final ApiAccount account;
  private final Duration requestTimeout;
  private final RetryPolicy policy;
  private final Circuit circuit;
  private final Sleeper sleeper;
  private final Clock clock;

  Transport(
      HttpClient http,
      ApiAccount account,
      Duration requestTimeout,
      RetryPolicy policy,
      Circuit circuit,
      Sleeper sleeper,
      Clock clock) {
    this.http = http;
    this.account = account;
    this.requestTimeout = requestTimeout;
    this.policy = policy;
    this.circuit = circuit;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  Circuit circuit() {
    return circuit;
  }

  Clock clock() {
    return clock;
  }

  Sleeper sleeper() {
    return sleeper;
  }

  /** Sends {@code method uri} with retries; the 2xx body goes to {@code reader}. */
  <T> T call(String method, URI uri, String accept, BodyReader<T> reader) {
    return call(method, uri, accept, null, reader);
  }

  /** Sends {@code method uri} with a JSON body (or none when null) and retries. */
  <T> T call(String method, URI uri, String accept, byte[] json, BodyReader<T> reader) {
    String where = method + " " + pathOf(uri);
    checkOrigin(method, uri);
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(requestTimeout)
            .header("Authorization", account.authorization())
            .header("Accept", accept)
            .header("User-Agent", "Marketlens");
    if (json != null) {
      builder.header("Content-Type", "application/json");
    }
    HttpRequest request =
        "POST".equals(method)
            ? builder
                .POST(
                    json == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(json))
                .build()
            : builder.GET().build();
    for (int attempt = 1; ; attempt++) {
      if (circuit.isOpen()) {
        throw new ApiException(
            ApiException.Reason.CIRCUIT_OPEN,
            method,
            pathOf(uri),
            0,
            null,
            where + " not sent: " + circuit.message(),
            null);
      }
      Failure failure;
      int status = 0;
      String apiMessage = null;
      Throwable cause = null;
      try {
        HttpResponse<InputStream> res =
            http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        requests.incrementAndGet();
        status = res.statusCode();
        try (InputStream in = new Counting(res.body(), bytes)) {
          if (status / 100 == 2) {
            T value = reader.read(in, res.headers());
            circuit.recordSuccess();
            return value;
          }
          apiMessage = ErrorBody.message(in);
        }
        failure = Failure.status(status, res.headers().firstValue("Retry-After").orElse(null));
      } catch (HttpTimeoutException e) {
        requests.incrementAndGet();
        failure = Failure.timeout();
        cause = e;
      } catch (IOException e) {
        requests.incrementAndGet();
        failure = Failure.connection();
        cause = e;
      } catch (DamagedBody e) {
        failure = Failure.damagedBody();
        cause = e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ApiException(
            ApiException.Reason.INTERRUPTED,
            method,
            pathOf(uri),
            0,
            null,
            where + ": interrupted",
            e);
      }
      String what = where + ": " + failure + detail(apiMessage, cause);
      if (failure.serverSide()) {
        if (circuit.recordFailure(what)) {
          throw new ApiException(
              ApiException.Reason.CIRCUIT_OPEN,
              method,
              pathOf(uri),
              status,
              apiMessage,
              circuit.message(),
              cause);
        }
      } else if (status != 429 && status != 408) {
        circuit.recordSuccess();
      }
      Decision decision = policy.decide(attempt, failure, clock.instant());
      if (decision instanceof Decision.Retry retry) {
        retries.incrementAndGet();
        LOG.log(
            System.Logger.Level.DEBUG,
            () -> what + "; retrying in " + retry.delay() + " (" + retry.reason() + ")");
        try {
          sleeper.sleep(retry.delay());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new ApiException(
              ApiException.Reason.INTERRUPTED,
              method,
              pathOf(uri),
              status,
              apiMessage,
              where + ": interrupted while waiting to retry",
              e);
        }
        continue;
      }
      throw failed(method, uri, failure, status, apiMessage, decision.reason(), cause);
    }
  }

  private ApiException failed(
      String method,
      URI uri,
      Failure failure,
      int status,
      String apiMessage,
      String why,
      Throwable cause) {
    ApiException.Reason reason =
        switch (failure.kind()) {
          case STATUS -> ApiException.Reason.STATUS;
          case CONNECTION -> ApiException.Reason.CONNECTION;
          case TIMEOUT -> ApiException.Reason.TIMEOUT;
          case DAMAGED_BODY -> ApiException.Reason.DAMAGED_BODY;
        };
    StringBuilder m = new StringBuilder(method).append(' ').append(pathOf(uri)).append(" failed: ");
    m.append(failure).append(detail(apiMessage, cause));
    String advice = advice(status);
    m.append("; ").append(advice != null ? advice : why);
    return new ApiException(reason, method, pathOf(uri), status, apiMessage, m.toString(), cause);
  }

  private String advice(int status) {
    return switch (status) {
      case 401 ->
          "the API refused the credentials of "
              + account.email()
              + ": check the account email and API token (id.atlassian.com → Security → API"
              + " tokens)";
      case 403 ->
          "the account "
              + account.email()
              + " may not read the reports of "
              + account.space()
              + ": check the "
              + (account.version() == ApiVersion.V2 ? "vendor id" : "developer id")
              + " and that the account is a member with reporting access";
      case 404 ->
          "not found: check the base URL "
              + account.baseUrl()
              + " and the "
              + (account.version() == ApiVersion.V2 ? "vendor id" : "developer id");
      default -> null;
    };
  }

  private static String detail(String apiMessage, Throwable cause) {
    if (apiMessage != null) {
      return " \"" + apiMessage + "\"";
    }
    if (cause != null && cause.getMessage() != null) {
      return " (" + cause.getMessage() + ")";
    }
    return "";
  }

  /** Refuses to send the account's credentials anywhere but the base URL's origin. */
  private void checkOrigin(String method, URI uri) {
    URI base = account.baseUrl();
    if (!base.getScheme().equalsIgnoreCase(uri.getScheme())
        || !base.getRawAuthority().equalsIgnoreCase(uri.getRawAuthority())) {
      throw new ApiException(
          ApiException.Reason.LINK_REFUSED,
          method,
          pathOf(uri),
          0,
          null,
          "the API linked to "
              + uri.getScheme()
              + "://"
              + uri.getRawAuthority()
              + pathOf(uri)
              + ", outside "
              + base
              + "; the client sends credentials only to its base URL",
          null);
    }
  }

  /** The path and query of {@code uri}: what messages show (it never holds credentials). */
  static String pathOf(URI uri) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
  }

  /** Counts the bytes read through it. */
  private static final class Counting extends FilterInputStream {
    private final AtomicLong counter;

    Counting(InputStream in, AtomicLong counter) {
      super(in);
      this.counter = counter;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        counter.incrementAndGet();
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n > 0) {
        counter.addAndGet(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      counter.addAndGet(skipped);
      return skipped;
    }
  }
}
