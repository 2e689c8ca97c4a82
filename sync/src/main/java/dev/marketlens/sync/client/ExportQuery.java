package dev.marketlens.sync.client;

import dev.marketlens.sync.wire.ExportFormat;
import dev.marketlens.sync.wire.ExportKind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What to export: the filters and the body's format. {@link #all()} asks for every record, with the
 * defaults of spec §18: transactions with {@code excludeZeroTransactions=false} and {@code
 * includeManualInvoice=true}, licenses with {@code includeAtlassianLicenses=true}.
 *
 * @param lastUpdated only records updated on or after this day; null for all
 * @param withDataInsights licenses only: add the data-insight fields (spec §7.4)
 * @param withAttribution licenses only: add the attribution fields
 * @param format the export body's format (the paged list is always JSON)
 * @param firstRoute the first route to try; later ones are fallbacks ({@link ExportRoute})
 * @param filters further filters, sent as given, in order (repeat a name for several values, K3)
 */
public record ExportQuery(
    LocalDate lastUpdated,
    boolean withDataInsights,
    boolean withAttribution,
    ExportFormat format,
    ExportRoute firstRoute,
    List<Filter> filters) {

  /** Parameters the client sets itself. */
  private static final Set<String> RESERVED = Set.of("accept", "offset", "limit");

  /** One query parameter. */
  public record Filter(String name, String value) {
    public Filter {
      if (name == null || name.isBlank() || value == null) {
        throw new IllegalArgumentException("a filter needs a name and a value");
      }
      if (RESERVED.contains(name)) {
        throw new IllegalArgumentException(
            name + " is set by the client (format and paging), not as a filter");
      }
    }
  }

  public ExportQuery {
    format = format == null ? ExportFormat.JSON : format;
    firstRoute = firstRoute == null ? ExportRoute.ASYNC_EXPORT : firstRoute;
    filters = filters == null ? List.of() : List.copyOf(filters);
  }

  /** Every record, as JSON, by the async export first. */
  public static ExportQuery all() {
    return new ExportQuery(null, false, false, ExportFormat.JSON, ExportRoute.ASYNC_EXPORT, null);
  }

  public ExportQuery lastUpdated(LocalDate day) {
    return new ExportQuery(day, withDataInsights, withAttribution, format, firstRoute, filters);
  }

  public ExportQuery withDataInsights(boolean on) {
    return new ExportQuery(lastUpdated, on, withAttribution, format, firstRoute, filters);
  }

  public ExportQuery withAttribution(boolean on) {
    return new ExportQuery(lastUpdated, withDataInsights, on, format, firstRoute, filters);
  }

  public ExportQuery format(ExportFormat f) {
    return new ExportQuery(lastUpdated, withDataInsights, withAttribution, f, firstRoute, filters);
  }

  /** Starts at {@code route}, skipping the routes before it. */
  public ExportQuery startingWith(ExportRoute route) {
    return new ExportQuery(lastUpdated, withDataInsights, withAttribution, format, route, filters);
  }

  /** Adds a filter parameter, e.g. {@code filter("hosting", "cloud")}. */
  public ExportQuery filter(String name, String value) {
    List<Filter> more = new ArrayList<>(filters);
    more.add(new Filter(name, value));
    return new ExportQuery(
        lastUpdated, withDataInsights, withAttribution, format, firstRoute, more);
  }

  /** The filter part of the query string for {@code kind}, without a leading {@code ?}. */
  String filterQuery(ExportKind kind) {
    List<String> params = new ArrayList<>();
    if (kind == ExportKind.LICENSES) {
      params.add("includeAtlassianLicenses=true");
      if (withDataInsights) {
        params.add("withDataInsights=true");
      }
      if (withAttribution) {
        params.add("withAttribution=true");
      }
    } else {
      params.add("excludeZeroTransactions=false");
      params.add("includeManualInvoice=true");
    }
    if (lastUpdated != null) {
      params.add("lastUpdated=" + lastUpdated);
    }
    for (Filter f : filters) {
      params.add(encode(f.name()) + "=" + encode(f.value()));
    }
    return String.join("&", params);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
