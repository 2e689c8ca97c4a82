package dev.marketlens.web.revenue;

import static dev.marketlens.web.Params.bad;
import static dev.marketlens.web.Params.first;

import dev.marketlens.metrics.Basis;
import dev.marketlens.metrics.Metrics;
import dev.marketlens.metrics.Parameters;
import dev.marketlens.metrics.segments.Dimension;
import dev.marketlens.metrics.segments.Where;
import dev.marketlens.web.Params;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The global filters every page and API call takes, from the request's parameters: months {@code
 * from}–{@code to} (default the twelve months up to today's), the vendor {@code account}, {@code
 * basis} (net, gross or list), {@code graceDays}, {@code by} and one parameter per {@link
 * Dimension} ({@code app}, {@code hosting}, {@code tier}, {@code edition}, {@code parent-product},
 * {@code billing-period}, {@code country}, {@code region}, {@code sale-channel}, {@code
 * attribution}), or {@code where=DIMENSION=VALUE} as on the command line. A bad value is a 400 that
 * names the parameter.
 */
public record Filters(
    YearMonth from,
    YearMonth to,
    String account,
    Basis basis,
    int graceDays,
    Optional<Dimension> by,
    List<Where> where,
    LocalDate asOf) {

  /** Parses the parameters of a request; {@code today} is the default as-of day. */
  public static Filters of(Map<String, String[]> params, LocalDate today) {
    LocalDate asOf = today;
    String asOfText = first(params, "asOf");
    if (asOfText != null) {
      try {
        asOf = LocalDate.parse(asOfText);
      } catch (DateTimeParseException e) {
        throw bad("asOf must be YYYY-MM-DD, not '" + asOfText + "'");
      }
    }
    YearMonth to = month(params, "to", YearMonth.from(asOf));
    YearMonth from = month(params, "from", to.minusMonths(11));
    if (from.isAfter(to)) {
      throw bad("from " + from + " is after to " + to);
    }
    if (from.plusYears(100).isBefore(to)) {
      throw bad("from " + from + " to " + to + " spans more than a hundred years");
    }
    String basisText = Optional.ofNullable(first(params, "basis")).orElse("net");
    Basis basis;
    try {
      basis = Basis.valueOf(basisText.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw bad("basis must be net, gross or list, not '" + basisText + "'");
    }
    int grace = Parameters.DEFAULT_GRACE_DAYS;
    String graceText = first(params, "graceDays");
    if (graceText != null) {
      try {
        grace = Integer.parseInt(graceText.strip());
      } catch (NumberFormatException e) {
        throw bad("graceDays must be a number of days, not '" + graceText + "'");
      }
    }
    List<Where> where = new ArrayList<>();
    Optional<Dimension> by;
    try {
      for (Dimension d : Dimension.values()) {
        String[] values = params.get(d.cliName());
        if (values != null) {
          for (String v : values) {
            if (v != null && !v.isBlank()) {
              where.add(new Where(d, v.strip()));
            }
          }
        }
      }
      String[] wheres = params.get("where");
      if (wheres != null) {
        for (String w : wheres) {
          where.add(Where.parse(w));
        }
      }
      String byText = first(params, "by");
      by =
          byText == null || byText.isBlank()
              ? Optional.empty()
              : Optional.of(Dimension.parse(byText));
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage());
    }
    String account = first(params, "account");
    Filters filters =
        new Filters(
            from,
            to,
            account == null || account.isBlank() ? null : account,
            basis,
            grace,
            by,
            List.copyOf(where),
            asOf);
    filters.parameters(); // checks the grace days
    return filters;
  }

  public Parameters parameters() {
    try {
      return new Parameters(basis, graceDays, Parameters.DEFAULT_CONVERSION_WINDOW_DAYS, asOf);
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage());
    }
  }

  public Metrics.View view() {
    return new Metrics.View(from, to, by, where);
  }

  /** The same filters over other months. */
  public Filters months(YearMonth first, YearMonth last) {
    return new Filters(first, last, account, basis, graceDays, by, where, asOf);
  }

  /** The same filters, one row per month (no {@code by}). */
  public Filters unsegmented() {
    return new Filters(from, to, account, basis, graceDays, Optional.empty(), where, asOf);
  }

  /**
   * The filters as a query string with the months ({@code from=…&to=…&account=…}), URL-encoded, for
   * links that keep them.
   */
  public String keep() {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("from", from.toString());
    q.put("to", to.toString());
    q.putAll(query());
    return Params.query(q);
  }

  /** The filters as query parameters (for links that keep them), without the months. */
  public Map<String, String> query() {
    Map<String, String> q = new LinkedHashMap<>();
    if (account != null) {
      q.put("account", account);
    }
    if (basis != Basis.NET) {
      q.put("basis", basis.name().toLowerCase(Locale.ROOT));
    }
    for (Where w : where) {
      q.put(w.dimension().cliName(), w.value());
    }
    return q;
  }

  /** The value filtered on for a dimension, or empty (for the filter form). */
  public String value(String dimension) {
    Dimension d = Dimension.parse(dimension);
    return where.stream().filter(w -> w.dimension() == d).map(Where::value).findFirst().orElse("");
  }

  private static YearMonth month(Map<String, String[]> params, String name, YearMonth otherwise) {
    String text = first(params, name);
    if (text == null || text.isBlank()) {
      return otherwise;
    }
    try {
      return YearMonth.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw bad(name + " must be YYYY-MM, not '" + text + "'");
    }
  }
}
