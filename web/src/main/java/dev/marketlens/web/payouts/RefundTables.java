package dev.marketlens.web.payouts;

import dev.marketlens.metrics.report.ReportTable;
import dev.marketlens.payouts.refunds.LicenseChecks;
import dev.marketlens.payouts.refunds.RefundRule;
import dev.marketlens.payouts.refunds.Refunds;
import dev.marketlens.web.Params;
import dev.marketlens.web.revenue.Filters;
import dev.marketlens.web.security.Access;
import dev.marketlens.web.security.SignedIn;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The refund and license-check tables for a request's parameters, as the API returns them: the
 * pages read the same rows.
 */
@Component
class RefundTables {
  private final RefundBooks books;
  private final Access access;
  private final Clock clock;

  RefundTables(RefundBooks books, Access access, Clock clock) {
    this.books = books;
    this.access = access;
    this.clock = clock;
  }

  /** {@code summary=true}: the months; otherwise the refund rows of the {@code rule}s. */
  ReportTable refunds(Authentication user, Map<String, String[]> params) {
    Filters filters = Filters.of(params, LocalDate.now(clock));
    boolean summary = "true".equalsIgnoreCase(Params.first(params, "summary"));
    String summaryText = Params.first(params, "summary");
    if (summaryText != null
        && !summaryText.isBlank()
        && !summaryText.equalsIgnoreCase("true")
        && !summaryText.equalsIgnoreCase("false")) {
      throw Params.bad("summary must be true or false, not '" + summaryText + "'");
    }
    Set<RefundRule> rules = rules(params);
    if (summary && !rules.isEmpty()) {
      throw Params.bad("rule filters the refund lines; summary=true counts every rule");
    }
    Refunds refunds = filtered(user, filters);
    return summary
        ? Refunds.summary(refunds.months(filters.from(), filters.to()))
        : Refunds.table(refunds.rows(filters.from(), filters.to(), rules));
  }

  /** Every month's summary row of the filters' months (for the page's chart). */
  List<Map<String, Object>> summary(Authentication user, Filters filters) {
    Refunds refunds = filtered(user, filters);
    return Refunds.summary(refunds.months(filters.from(), filters.to())).objects();
  }

  /** The refunds of the filters' accounts, of the lines passing its dimension filters. */
  private Refunds filtered(Authentication user, Filters filters) {
    Refunds refunds = books.refunds(access.scope(SignedIn.of(user), filters.account()));
    try {
      return refunds.where(filters.where());
    } catch (IllegalArgumentException e) {
      throw Params.bad(e.getMessage());
    }
  }

  ReportTable licenseChecks(Authentication user, Map<String, String[]> params) {
    Filters filters = Filters.of(params, LocalDate.now(clock));
    Set<LicenseChecks.Kind> kinds = kinds(params);
    LicenseChecks checks = books.licenseChecks(access.scope(SignedIn.of(user), filters.account()));
    return LicenseChecks.table(checks.findings(kinds));
  }

  /** The count of each kind of finding, every kind listed (for the page's chart). */
  Map<LicenseChecks.Kind, Integer> counts(Authentication user, Filters filters) {
    LicenseChecks checks = books.licenseChecks(access.scope(SignedIn.of(user), filters.account()));
    return LicenseChecks.counts(checks.findings());
  }

  static Set<RefundRule> rules(Map<String, String[]> params) {
    Set<RefundRule> rules = EnumSet.noneOf(RefundRule.class);
    String[] values = params.get("rule");
    if (values != null) {
      for (String v : values) {
        if (v == null || v.isBlank()) {
          continue;
        }
        rules.add(
            RefundRule.parse(v)
                .orElseThrow(
                    () ->
                        Params.bad(
                            "unknown rule '" + v + "'; expected one of " + RefundRule.names())));
      }
    }
    return rules;
  }

  static Set<LicenseChecks.Kind> kinds(Map<String, String[]> params) {
    Set<LicenseChecks.Kind> kinds = EnumSet.noneOf(LicenseChecks.Kind.class);
    String[] values = params.get("kind");
    if (values != null) {
      for (String v : values) {
        if (v == null || v.isBlank()) {
          continue;
        }
        kinds.add(
            LicenseChecks.Kind.parse(v)
                .orElseThrow(
                    () ->
                        Params.bad(
                            "unknown kind '"
                                + v
                                + "'; expected one of "
                                + LicenseChecks.Kind.names())));
      }
    }
    return kinds;
  }
}
