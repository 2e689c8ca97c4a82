package dev.marketlens.web.payouts;

import dev.marketlens.metrics.report.ReportTable;
import dev.marketlens.web.Params;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/refunds} and {@code GET /api/v1/license-checks}: the rows the command line's
 * {@code refunds} and {@code license-checks} print with {@code --format json}, over the accounts
 * the caller may see.
 */
@RestController
@Tag(name = "Refunds", description = "Refunds by seed 004's policy windows, and license checks")
class RefundsApi {
  private final RefundTables tables;

  RefundsApi(RefundTables tables) {
    this.tables = tables;
  }

  @GetMapping(
      path = "/api/v1/refunds",
      produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  @Operation(
      summary = "Refunds classified by the refund policy (SR-F1…F4)",
      description =
          "One object per refund (and per upgrade reallocating a paid line) sold in the months"
              + " from–to (YYYY-MM; default the twelve months up to today's), with its rule, the"
              + " days since the refunded line's sale and that line; summary=true gives one object"
              + " per month counting the refunds by rule. rule (repeatable) keeps those rules;"
              + " account limits to one vendor account; format=csv for CSV. Equals the command"
              + " line's refunds [--summary] --format json.")
  ResponseEntity<?> refunds(
      @Parameter(description = "true: one row per month") @RequestParam(defaultValue = "false")
          String summary,
      @RequestParam(required = false) String format,
      HttpServletRequest request,
      Authentication authentication) {
    ReportTable table = tables.refunds(authentication, request.getParameterMap());
    return respond(table, format, "true".equalsIgnoreCase(summary) ? "refunds-summary" : "refunds");
  }

  @GetMapping(
      path = "/api/v1/license-checks",
      produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  @Operation(
      summary = "Licenses checked against their transactions",
      description =
          "One object per finding: maintenance-beyond-paid, maintenance-gap, tier-mismatch,"
              + " license-without-transactions, transaction-without-license. kind (repeatable)"
              + " keeps those kinds; account limits to one vendor account; format=csv for CSV."
              + " Equals the command line's license-checks --format json.")
  ResponseEntity<?> licenseChecks(
      @RequestParam(required = false) String format,
      HttpServletRequest request,
      Authentication authentication) {
    return respond(
        tables.licenseChecks(authentication, request.getParameterMap()), format, "license-checks");
  }

  /** A table as JSON, or as a CSV attachment {@code name.csv} when {@code format} is csv. */
  static ResponseEntity<?> respond(ReportTable table, String format, String name) {
    if (format != null && !format.isBlank() && !format.equalsIgnoreCase("json")) {
      if (!"csv".equalsIgnoreCase(format)) {
        throw Params.bad("format must be json or csv, not '" + format + "'");
      }
      StringWriter csv = new StringWriter();
      table.print(ReportTable.Format.CSV, new PrintWriter(csv));
      return ResponseEntity.ok()
          .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
          .body(csv.toString());
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(table.objects());
  }
}
