package dev.marketlens.web.revenue;

import dev.marketlens.metrics.cohorts.Cohort;
import dev.marketlens.metrics.report.ReportTable;
import dev.marketlens.web.security.Access;
import dev.marketlens.web.security.SignedIn;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The reports a page shows, as the REST API returns them: pages read their numbers from the same
 * rows, so a figure on a page always equals the API's.
 */
@Component
public class Reports {
  private final RevenueBooks books;
  private final Access access;

  Reports(RevenueBooks books, Access access) {
    this.books = books;
    this.access = access;
  }

  /** The rows of a report over the filters' months and accounts. */
  public List<Map<String, Object>> rows(
      Authentication user, Filters filters, ReportTable.Kind kind) {
    return rows(user, filters, kind, Cohort.Measure.LOGOS, 90);
  }

  public List<Map<String, Object>> rows(
      Authentication user,
      Filters filters,
      ReportTable.Kind kind,
      Cohort.Measure measure,
      int days) {
    return books
        .report(access.scope(SignedIn.of(user), filters.account()), filters, kind, measure, days)
        .objects();
  }

  /**
   * The days-to-convert distribution, as {@code GET /api/v1/reports/days-to-convert} returns it.
   */
  public List<Map<String, Object>> daysToConvert(Authentication user, Filters filters) {
    return daysToConvert(access.scope(SignedIn.of(user), filters.account()), filters).objects();
  }

  ReportTable daysToConvert(java.util.Set<Long> scope, Filters filters) {
    return ReportTable.daysToConvert(books.metrics(scope, filters.parameters()), filters.view());
  }

  /** The last row of a report (the filters' last month), or an empty row. */
  public static Map<String, Object> last(List<Map<String, Object>> rows) {
    return rows.isEmpty() ? Map.of() : rows.get(rows.size() - 1);
  }
}
