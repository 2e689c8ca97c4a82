package dev.marketlens.web.payouts;

import dev.marketlens.metrics.report.ReportTable;
import dev.marketlens.web.Params;
import dev.marketlens.web.revenue.Filters;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/payouts}, {@code /api/v1/payouts/forecast} and {@code
 * /api/v1/payouts/share-check}: the rows {@code marketlens payouts}, {@code payouts --forecast} and
 * {@code payouts --check-share} print with {@code --format json}, over the accounts the caller may
 * see; {@code format=csv} for CSV.
 */
@RestController
@Tag(name = "Payouts", description = "What Atlassian owes each vendor account, month by month")
class PayoutsApi {
  private final MonthlyPayouts payouts;
  private final Clock clock;

  PayoutsApi(MonthlyPayouts payouts, Clock clock) {
    this.payouts = payouts;
    this.clock = clock;
  }

  @GetMapping(
      path = "/api/v1/payouts",
      produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  @Operation(
      summary = "The monthly payout ledger",
      description =
          "One object per account and month: sales (MPV), refunds (MPVCR), net, salesLines,"
              + " refundLines, carriedIn, balance, paid, carriedOut (cents), status (carried, paid,"
              + " due, open), paymentWindowStart, paymentWindowEnd, expectedPaymentDate."
              + " Parameters: from, to (YYYY-MM; default the twelve months up to asOf), account,"
              + " asOf (YYYY-MM-DD; later sales are left out), format=csv.")
  ResponseEntity<?> ledger(
      @RequestParam(required = false) String format,
      HttpServletRequest request,
      Authentication user) {
    return respond(payouts.ledger(user, filters(request)), format, "payouts");
  }

  @GetMapping(
      path = "/api/v1/payouts/forecast",
      produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  @Operation(
      summary = "The coming payouts",
      description =
          "From what is sold up to asOf, per account: the payable months not paid yet (due), the"
              + " month in progress once it reached $500 (expected), or the balance still below"
              + " $500 with its shortfall (below threshold). Parameters: account, asOf, format=csv.")
  ResponseEntity<?> forecast(
      @RequestParam(required = false) String format,
      HttpServletRequest request,
      Authentication user) {
    return respond(payouts.forecast(user, filters(request)), format, "payouts-forecast");
  }

  @GetMapping(
      path = "/api/v1/payouts/share-check",
      produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  @Operation(
      summary = "Lines paid at an unexpected revenue share",
      description =
          "The lines sold in from..to whose vendorAmount is not purchasePrice × the expected"
              + " share (seed 004, rounded half away from zero), with the rule, the period and the"
              + " arithmetic. Parameters: from, to, account, asOf, format=csv.")
  ResponseEntity<?> shareCheck(
      @RequestParam(required = false) String format,
      HttpServletRequest request,
      Authentication user) {
    return respond(payouts.shareCheck(user, filters(request)), format, "payouts-share-check");
  }

  private Filters filters(HttpServletRequest request) {
    return Filters.of(request.getParameterMap(), LocalDate.now(clock));
  }

  /** A table as JSON, or as a CSV attachment {@code name.csv} when {@code format} is csv. */
  static ResponseEntity<?> respond(ReportTable table, String format, String name) {
    if (format != null && !format.equalsIgnoreCase("csv") && !format.equalsIgnoreCase("json")) {
      throw Params.bad("format must be json or csv, not '" + format + "'");
    }
    if ("csv".equalsIgnoreCase(format)) {
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
