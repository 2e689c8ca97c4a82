package dev.marketlens.emulator.reporting;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Every error as the API's {@code JsonErrorsDoc} (spec §5.2): refused requests, unknown paths,
 * wrong methods, and the servlet container's own errors.
 */
@RestControllerAdvice
@RestController
final class ErrorAdvice implements ErrorController {

  @ExceptionHandler(ApiException.class)
  void api(ApiException e, HttpServletResponse res) {
    if (!res.isCommitted()) {
      res.reset();
      Json.errors(res, e);
    }
  }

  @ExceptionHandler(Exception.class)
  void other(Exception e, HttpServletResponse res) throws Exception {
    if (res.isCommitted()) {
      // Mid-stream: nothing can be said any more; the connection is closed.
      throw e;
    }
    res.reset();
    if (e instanceof ErrorResponse r) {
      int status = r.getStatusCode().value();
      Json.errors(res, new ApiException(status, code(status), null, reason(status, e)));
      return;
    }
    Json.errors(res, new ApiException(500, "INTERNAL_ERROR", null, "Internal server error"));
  }

  /** Errors the container raises before a controller runs. */
  @RequestMapping("/error")
  void error(HttpServletRequest req, HttpServletResponse res) {
    Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int status = code instanceof Integer i ? i : 500;
    Json.errors(res, new ApiException(status, code(status), null, reason(status, null)));
  }

  private static String code(int status) {
    return switch (status) {
      case 400 -> "VALIDATION_FAILED";
      case 401 -> "UNAUTHORIZED";
      case 403 -> "FORBIDDEN";
      case 404 -> "NOT_FOUND";
      case 429 -> "RATE_LIMITED";
      default -> status >= 500 ? "INTERNAL_ERROR" : "ERROR";
    };
  }

  private static String reason(int status, Exception e) {
    return switch (status) {
      case 404 -> "The resource does not exist";
      case 405 -> "Method not allowed" + (e == null ? "" : ": " + e.getMessage());
      default -> e == null || e.getMessage() == null ? "HTTP " + status : e.getMessage();
    };
  }
}
