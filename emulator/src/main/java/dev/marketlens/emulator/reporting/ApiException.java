package dev.marketlens.emulator.reporting;

/**
 * A request the reporting API refuses, with the status code and the {@code JsonErrorsDoc} entry it
 * answers with (spec §5.2): {@code message} is {@code "<param>: <reason>"} for parameter errors,
 * {@code path} names the parameter.
 */
public final class ApiException extends RuntimeException {

  private final int status;
  private final String code;
  private final String path;

  public ApiException(int status, String code, String path, String message) {
    super(message);
    this.status = status;
    this.code = code;
    this.path = path;
  }

  /** 400: a query parameter is malformed or not allowed. */
  public static ApiException badParam(String param, String reason) {
    return new ApiException(400, "VALIDATION_FAILED", param, param + ": " + reason);
  }

  /** 404 with the API's wording for an id that does not exist. */
  public static ApiException notFound(String message) {
    return new ApiException(404, "NOT_FOUND", null, message);
  }

  /** 401: no credentials or wrong ones. */
  public static ApiException unauthorized() {
    return new ApiException(
        401,
        "UNAUTHORIZED",
        null,
        "Client must be authenticated to access this resource: HTTP Basic with an account email"
            + " and API token");
  }

  /** 403: valid credentials, but not a member of this vendor or developer space. */
  public static ApiException forbidden() {
    return new ApiException(
        403,
        "FORBIDDEN",
        null,
        "Unauthorized call: the account has no reporting access to this vendor");
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  /** The offending parameter, or null. */
  public String path() {
    return path;
  }
}
