package dev.marketlens.web.revenue;

import dev.marketlens.metrics.report.ReportTable;
import dev.marketlens.web.security.Access;
import dev.marketlens.web.security.SignedIn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/reports/days-to-convert}: how long evaluations took to convert — per month of
 * the episodes' start (and segment), the conversions at any time, those within the window, their
 * median day, and the conversions per bucket of days — over the accounts the caller may see.
 */
@RestController
@Tag(name = "Reports", description = "Metrics computed from the stored records")
class DaysToConvertApi {
  private final Reports reports;
  private final Access access;
  private final Clock clock;

  DaysToConvertApi(Reports reports, Access access, Clock clock) {
    this.reports = reports;
    this.access = access;
    this.clock = clock;
  }

  @GetMapping(
      path = "/api/v1/reports/days-to-convert",
      produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  @Operation(
      summary = "The days-to-convert distribution per month",
      description =
          "One object per month of the evaluation episodes' start (and segment with by):"
              + " eventualConversions (converted at any time), converted (within the conversion"
              + " window), medianDaysToConvert (among those within the window, null for none) and"
              + " the conversions per bucket of days from the evaluation's start to the first paid"
              + " sale: days0to7, days8to14, days15to30, days31to60, days61to90, days91plus."
              + " Parameters as for the other reports: from, to (YYYY-MM), account, basis,"
              + " graceDays, asOf, by, one parameter per dimension or where=DIMENSION=VALUE;"
              + " format=csv for CSV.")
  ResponseEntity<?> daysToConvert(
      @Parameter(description = "csv for CSV, else JSON") @RequestParam(required = false)
          String format,
      HttpServletRequest request,
      Authentication authentication) {
    Filters filters = Filters.of(request.getParameterMap(), LocalDate.now(clock));
    ReportTable table =
        reports.daysToConvert(
            access.scope(SignedIn.of(authentication), filters.account()), filters);
    return ReportsApi.respond(table, format, "days-to-convert");
  }
}
