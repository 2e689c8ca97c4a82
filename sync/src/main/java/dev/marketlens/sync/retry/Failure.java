package dev.marketlens.sync.retry;

/**
 * What went wrong with one attempt of a request.
 *
 * @param kind the kind of failure
 * @param status the HTTP status for {@link Kind#STATUS}, otherwise 0
 * @param retryAfter the {@code Retry-After} header as received (seconds or an HTTP-date), or null
 */
public record Failure(Kind kind, int status, String retryAfter) {

  /** The kinds of failure a request can meet. */
  public enum Kind {
    /** The server answered with an error status. */
    STATUS,
    /** The connection could not be made, or was reset or closed before the response ended. */
    CONNECTION,
    /** No response arrived within the request timeout. */
    TIMEOUT,
    /** A complete 2xx response whose body is not what it should be (e.g. a gateway's HTML). */
    DAMAGED_BODY
  }

  public Failure {
    if (kind == null) {
      throw new IllegalArgumentException("a failure needs a kind");
    }
    if (kind == Kind.STATUS && (status < 100 || status > 599)) {
      throw new IllegalArgumentException("an HTTP status is between 100 and 599, got " + status);
    }
    if (kind != Kind.STATUS) {
      status = 0;
    }
  }

  public static Failure status(int status, String retryAfter) {
    return new Failure(Kind.STATUS, status, retryAfter);
  }

  public static Failure connection() {
    return new Failure(Kind.CONNECTION, 0, null);
  }

  public static Failure timeout() {
    return new Failure(Kind.TIMEOUT, 0, null);
  }

  public static Failure damagedBody() {
    return new Failure(Kind.DAMAGED_BODY, 0, null);
  }

  /**
   * Whether the server is the likely cause (5xx, no answer, a broken body), as a circuit counts.
   */
  public boolean serverSide() {
    return kind != Kind.STATUS || status >= 500;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case STATUS -> "HTTP " + status;
      case CONNECTION -> "connection failed or closed early";
      case TIMEOUT -> "no response within the request timeout";
      case DAMAGED_BODY -> "damaged response body";
    };
  }
}
