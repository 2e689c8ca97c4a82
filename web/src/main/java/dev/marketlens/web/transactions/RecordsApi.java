package dev.marketlens.web.transactions;

import dev.marketlens.store.RecordSearch.Table;
import dev.marketlens.web.Params;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code GET /api/v1/transactions} and {@code GET /api/v1/licenses}: the stored records the tables
 * show, a page at a time as {@code {"items", "total", "page", "size"}} with money in integer cents,
 * or every matching row as CSV ({@code format=csv}), over the accounts the caller may see.
 */
@RestController
@Tag(name = "Records", description = "Transaction lines and licenses as stored")
class RecordsApi {
  private static final String PARAMETERS =
      " Parameters: q (search in ids, company, contact e-mails, app name and key), from, to"
          + " (YYYY-MM), account, app, hosting, tier, country, region, sale-channel (Direct or"
          + " Solution Partner), sort (a field name) and dir (asc|desc), page (from 1), size (25, 50"
          + " or 100), format=csv for every matching row as CSV.";

  private final RecordTables tables;

  RecordsApi(RecordTables tables) {
    this.tables = tables;
  }

  @GetMapping(
      path = "/api/v1/transactions",
      produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  @Operation(
      summary = "Transaction lines",
      description =
          "Transaction lines sold in the months from–to, newest first by default."
              + PARAMETERS
              + " Also: billing-period, saleType (New, Renewal, Upgrade, Downgrade, Refund).")
  ResponseEntity<?> transactions(
      @Parameter(description = "json (default) or csv") @RequestParam(required = false)
          String format,
      HttpServletRequest request,
      HttpServletResponse response,
      Authentication user)
      throws IOException {
    return answer(Table.TRANSACTIONS, format, request, response, user);
  }

  @GetMapping(
      path = "/api/v1/licenses",
      produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  @Operation(
      summary = "Licenses",
      description =
          "Licenses whose maintenance overlaps the months from–to, latest end first by default."
              + PARAMETERS
              + " Also: edition, status (active, inactive, cancelled), licenseType (COMMERCIAL,"
              + " EVALUATION, …).")
  ResponseEntity<?> licenses(
      @Parameter(description = "json (default) or csv") @RequestParam(required = false)
          String format,
      HttpServletRequest request,
      HttpServletResponse response,
      Authentication user)
      throws IOException {
    return answer(Table.LICENSES, format, request, response, user);
  }

  private ResponseEntity<?> answer(
      Table table,
      String format,
      HttpServletRequest request,
      HttpServletResponse response,
      Authentication user)
      throws IOException {
    RecordQuery query = tables.query(table, request.getParameterMap());
    String name = table.name().toLowerCase(Locale.ROOT);
    if (format != null && format.equalsIgnoreCase("csv")) {
      String remote = request.getRemoteAddr();
      StreamingResponseBody body = tables.csv(user, query, remote);
      // Written as it is read, straight to the response: never all rows in memory.
      response.setStatus(200);
      response.setContentType("text/csv;charset=UTF-8");
      response.setHeader(
          HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"");
      body.writeTo(response.getOutputStream());
      response.flushBuffer();
      return null;
    }
    if (format != null && !format.isBlank() && !format.equalsIgnoreCase("json")) {
      throw Params.bad("format must be json or csv, not '" + format + "'");
    }
    RecordTables.Page page = tables.page(user, query);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("items", page.items());
    body.put("total", page.total());
    body.put("page", page.page());
    body.put("size", page.size());
    body.put("ignoredFilters", query.ignored());
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
  }
}
