package dev.marketlens.web.revenue;

import dev.marketlens.metrics.cohorts.Cohort;
import dev.marketlens.metrics.report.ReportTable;
import dev.marketlens.web.Params;
import dev.marketlens.web.security.Access;
import dev.marketlens.web.security.SignedIn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/reports/{kind}}: every metric the command line's {@code report KIND --format
 * json} prints, in the same shape — one object per month (and segment), money in integer cents,
 * rates as decimals, null where undefined — over the accounts the caller may see.
 */
@RestController
@Tag(name = "Reports", description = "Metrics computed from the stored records")
class ReportsApi {
  private final RevenueBooks books;
  private final Access access;
  private final Clock clock;

  ReportsApi(RevenueBooks books, Access access, Clock clock) {
    this.books = books;
    this.access = access;
    this.clock = clock;
  }

  @GetMapping(
      path = "/api/v1/reports/{kind}",
      produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  @Operation(
      summary = "A metric per month",
      description =
          "kind: movements, mrr, churn, nrr, cohorts, renewals, conversion, growth, upcoming,"
              + " ledger. Parameters: from, to (YYYY-MM), account, basis (net|gross|list),"
              + " graceDays, asOf (YYYY-MM-DD), by (a dimension), one parameter per dimension"
              + " (app, hosting, tier, edition, parent-product, billing-period, country, region,"
              + " sale-channel, attribution) or where=DIMENSION=VALUE; measure (cohorts), days"
              + " (upcoming), format=csv for CSV.")
  ResponseEntity<?> report(
      @PathVariable String kind,
      @Parameter(description = "cohorts: logos or revenue") @RequestParam(defaultValue = "logos")
          String measure,
      @Parameter(description = "upcoming: days ahead") @RequestParam(defaultValue = "90") int days,
      @RequestParam(required = false) String format,
      HttpServletRequest request,
      Authentication authentication) {
    ReportTable.Kind report =
        ReportTable.Kind.parse(kind)
            .orElseThrow(
                () ->
                    Params.bad(
                        "unknown report '"
                            + kind
                            + "'; expected one of "
                            + ReportTable.Kind.names()));
    Cohort.Measure cohortMeasure;
    try {
      cohortMeasure = Cohort.Measure.parse(measure);
    } catch (IllegalArgumentException e) {
      throw Params.bad(e.getMessage());
    }
    if (days < 0 || days > 3650) {
      throw Params.bad("days must be 0–3650, not " + days);
    }
    Filters filters = Filters.of(request.getParameterMap(), LocalDate.now(clock));
    Set<Long> scope = access.scope(SignedIn.of(authentication), filters.account());
    ReportTable table = books.report(scope, filters, report, cohortMeasure, days);
    return respond(table, format, report.name().toLowerCase(java.util.Locale.ROOT));
  }

  /** A report as JSON, or as a CSV attachment {@code name.csv} when {@code format} is csv. */
  static ResponseEntity<?> respond(ReportTable table, String format, String name) {
    if ("csv".equalsIgnoreCase(format)) {
      StringWriter csv = new StringWriter();
      table.print(ReportTable.Format.CSV, new PrintWriter(csv));
      return ResponseEntity.ok()
          .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
          .body(csv.toString());
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(table.objects());
  }
}
