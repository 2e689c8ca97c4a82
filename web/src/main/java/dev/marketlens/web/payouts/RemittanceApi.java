package dev.marketlens.web.payouts;

import dev.marketlens.metrics.report.ReportTable;
import dev.marketlens.payouts.remittance.RemittanceTables;
import dev.marketlens.web.Params;
import dev.marketlens.web.security.Access;
import dev.marketlens.web.security.SignedIn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/remittance/reconciliation}: the imported remittance lines of the accounts the
 * caller may see, reconciled with their transactions — the rows of {@code reconcile remittance
 * --imported [--month M] --view V --format json}.
 */
@RestController
@Tag(name = "Payouts", description = "Payouts and remittance reconciliation")
class RemittanceApi {
  private final RemittanceBook book;
  private final Access access;

  RemittanceApi(RemittanceBook book, Access access) {
    this.book = book;
    this.access = access;
  }

  @GetMapping(
      path = "/api/v1/remittance/reconciliation",
      produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  @Operation(
      summary = "Imported remittances reconciled with the transactions",
      description =
          "view=months (default): per month remitted, expected (cents), variance and lines per"
              + " outcome; view=kinds: per month and outcome; view=lines: the lines needing"
              + " attention (all=true: every line). month=YYYY-MM (default: every imported"
              + " month), account, format=csv for CSV.")
  ResponseEntity<?> reconciliation(
      @Parameter(description = "YYYY-MM") @RequestParam(required = false) String month,
      @RequestParam(required = false) String account,
      @Parameter(description = "months, kinds or lines") @RequestParam(defaultValue = "months")
          String view,
      @RequestParam(defaultValue = "false") String all,
      @RequestParam(required = false) String format,
      Authentication authentication) {
    YearMonth only = month(month);
    RemittanceTables.View shown = view(view);
    if (!"true".equalsIgnoreCase(all) && !"false".equalsIgnoreCase(all)) {
      throw Params.bad("all must be true or false, not '" + all + "'");
    }
    if (format != null && !"csv".equalsIgnoreCase(format) && !"json".equalsIgnoreCase(format)) {
      throw Params.bad("format must be json or csv, not '" + format + "'");
    }
    Set<Long> scope = access.scope(SignedIn.of(authentication), account);
    ReportTable table =
        RemittanceTables.of(book.reconcile(scope, only), shown, Boolean.parseBoolean(all));
    if ("csv".equalsIgnoreCase(format)) {
      StringWriter csv = new StringWriter();
      table.print(ReportTable.Format.CSV, new PrintWriter(csv));
      return ResponseEntity.ok()
          .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
          .header(
              HttpHeaders.CONTENT_DISPOSITION,
              "attachment; filename=\"remittance-" + shown.name().toLowerCase() + ".csv\"")
          .body(csv.toString());
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(table.objects());
  }

  /** {@code month}: null when absent, else a month, or a 400 naming the value. */
  static YearMonth month(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return YearMonth.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw Params.bad("month must be a month as YYYY-MM, not '" + text + "'");
    }
  }

  static RemittanceTables.View view(String text) {
    return RemittanceTables.View.parse(text)
        .orElseThrow(
            () ->
                Params.bad(
                    "view must be one of "
                        + RemittanceTables.View.names()
                        + ", not '"
                        + text
                        + "'"));
  }
}
