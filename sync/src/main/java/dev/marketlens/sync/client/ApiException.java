package dev.marketlens.sync.client;

/**
 * A reporting API call that failed for good: its message names the method, the URL path and query
 * (never credentials), the status, the API's own error message and what to do about it.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why the call failed. */
  public enum Reason {
    /** The API answered with an error status that is not retried, or retries ran out. */
    STATUS,
    /** No connection, or it broke before the response ended, and retries ran out. */
    CONNECTION,
    /** No response within the request timeout, and retries ran out. */
    TIMEOUT,
    /** A 2xx body that could not be read, and retries ran out. */
    DAMAGED_BODY,
    /**
     * An async export reported {@code FAILED} or did not finish in time, and no fallback worked.
     */
    EXPORT_FAILED,
    /** The API linked to another host; the client sends credentials only to its base URL. */
    LINK_REFUSED,
    /** Too many consecutive failures: the client stopped calling the API. */
    CIRCUIT_OPEN,
    /** The thread was interrupted while waiting. */
    INTERRUPTED
  }

  private final Reason reason;
  private final String method;
  private final String path;
  private final int status;
  private final String apiMessage;

  ApiException(
      Reason reason,
      String method,
      String path,
      int status,
      String apiMessage,
      String message,
      Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.method = method;
    this.path = path;
    this.status = status;
    this.apiMessage = apiMessage;
  }

  public Reason reason() {
    return reason;
  }

  /** {@code GET} or {@code POST}. */
  public String method() {
    return method;
  }

  /**
   * The URL's path and query, e.g. {@code /rest/2/vendors/1/reporting/licenses/export?accept=json}.
   */
  public String path() {
    return path;
  }

  /** The HTTP status of the last answer, 0 when there was none. */
  public int status() {
    return status;
  }

  /** The API's own error message, or null when its body had none. */
  public String apiMessage() {
    return apiMessage;
  }
}
