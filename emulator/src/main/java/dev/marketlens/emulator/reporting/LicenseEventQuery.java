package dev.marketlens.emulator.reporting;

import dev.marketlens.emulator.reporting.CloudMetrics.LicenseEvent;
import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.PartnerDetails;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The filters and sort of a cloud license events request (spec §13.3, A4): {@code addon} (v2) or
 * {@code productId} (v3), {@code hosting}, {@code appEdition}, {@code lastUpdated} (on or after),
 * {@code partnerType}, {@code text}, {@code startDate}/{@code endDate} (on the event date,
 * inclusive), {@code sortBy} and {@code order}.
 *
 * <ul>
 *   <li>{@code partnerType=upgrade} is refused although the error lists it as allowed (K23).
 *   <li>{@code sortBy} ∈ {@code addonName, date, hosting, licenseId, transactionId}, strict.
 *       Without {@code sortBy} the order is fixed, newest event first, and {@code order} is ignored
 *       (K4); with it, {@code order} defaults to {@code asc} [EMU]. Ties are broken by the row key
 *       (license, event date), so pages never overlap.
 *   <li>With the {@code detailsDescScrambled} quirk (K4), a descending sort is not monotonic: pairs
 *       of neighbouring rows are swapped, deterministically (still a permutation, so paging stays
 *       consistent).
 * </ul>
 */
final class LicenseEventQuery {

  /** {@code partnerType}: {@code upgrade} is listed, yet refused (K23). */
  private static final Map<String, String> PARTNER_TYPES =
      Map.of("direct", "Direct", "expert", "Expert", "reseller", "Reseller", "upgrade", "");

  private static final Map<String, Function<LicenseEvent, ? extends Comparable<?>>> SORT_KEYS =
      new LinkedHashMap<>();

  static {
    SORT_KEYS.put("addonName", LicenseEvent::addonName);
    SORT_KEYS.put("date", LicenseEvent::eventDate);
    SORT_KEYS.put("hosting", e -> e.hosting().wire());
    SORT_KEYS.put("licenseId", LicenseEvent::licenseId);
    SORT_KEYS.put("transactionId", LicenseEvent::transactionId);
  }

  private static final Map<String, String> SORT_PARAM = new LinkedHashMap<>();

  static {
    SORT_KEYS.keySet().forEach(k -> SORT_PARAM.put(k, k));
  }

  private static final Comparator<LicenseEvent> ROW_KEY =
      Comparator.comparing(LicenseEvent::licenseId).thenComparing(LicenseEvent::eventDate);

  private final AppFilter apps;
  private final Set<Hosting> hostings;
  private final Set<String> appEditions;
  private final LocalDate lastUpdated;
  private final Set<String> partnerTypes;
  private final Text text;
  private final LocalDate startDate;
  private final LocalDate endDate;
  private final String sortBy;
  private final Order order;

  private LicenseEventQuery(Params p, AppFilter apps) {
    this.apps = apps;
    this.hostings = p.choices("hosting", LicenseQuery.HOSTINGS);
    this.appEditions = p.choices("appEdition", LicenseQuery.APP_EDITIONS);
    this.lastUpdated = p.dateOrDateTime("lastUpdated");
    this.partnerTypes = p.choices("partnerType", PARTNER_TYPES);
    if (partnerTypes.contains("")) {
      throw ApiException.badParam(
          "partnerType",
          "allowable values are 'direct','expert','reseller','upgrade', got 'upgrade'");
    }
    this.text = Text.of(p.single("text"));
    this.startDate = p.date("startDate");
    this.endDate = p.date("endDate");
    this.sortBy = p.choice("sortBy", SORT_PARAM, null);
    Order requested = p.choice("order", Order.PARAM, Order.ASC);
    this.order = sortBy == null ? Order.DESC : requested;
  }

  /**
   * Reads a details request.
   *
   * @throws ApiException 400 for a malformed or unknown value, and for {@code partnerType=upgrade}
   */
  static LicenseEventQuery parse(Params p, AppFilter apps) {
    return new LicenseEventQuery(p, apps);
  }

  boolean matches(LicenseEvent e) {
    if (!apps.test(e.addonKey())) {
      return false;
    }
    if (!hostings.isEmpty() && !hostings.contains(e.hosting())) {
      return false;
    }
    if (!appEditions.isEmpty()
        && (e.appEdition() == null
            || !appEditions.contains(e.appEdition().toLowerCase(Locale.ROOT)))) {
      return false;
    }
    if (lastUpdated != null && e.lastUpdated().isBefore(lastUpdated)) {
      return false;
    }
    if ((startDate != null && e.eventDate().isBefore(startDate))
        || (endDate != null && e.eventDate().isAfter(endDate))) {
      return false;
    }
    PartnerDetails partner =
        e.transaction().partnerDetails() != null
            ? e.transaction().partnerDetails()
            : e.license().partnerDetails();
    if (!partnerTypes.isEmpty() && !partnerTypes.contains(SalesAggregates.partner(partner))) {
      return false;
    }
    return text == null
        || text.in(e.transactionId())
        || text.in(e.license().ids())
        || text.in(e.license().contactDetails())
        || text.in(partner);
  }

  /** The matching events in the requested order. */
  List<LicenseEvent> select(List<LicenseEvent> all, boolean descScrambled) {
    List<LicenseEvent> out = new ArrayList<>();
    for (LicenseEvent e : all) {
      if (matches(e)) {
        out.add(e);
      }
    }
    out.sort(comparator());
    if (descScrambled && sortBy != null && order == Order.DESC) {
      scramble(out);
    }
    return out;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  Comparator<LicenseEvent> comparator() {
    Comparator<LicenseEvent> key =
        Sorting.by((Function) SORT_KEYS.get(sortBy == null ? "date" : sortBy));
    return Sorting.stable(key, order, ROW_KEY);
  }

  /** Swaps the rows of every other pair chosen by a hash of the row: a non-monotonic order. */
  static void scramble(List<LicenseEvent> rows) {
    for (int i = 0; i + 1 < rows.size(); i += 2) {
      if ((rows.get(i).rowKey().hashCode() & 1) == 0) {
        LicenseEvent a = rows.get(i);
        rows.set(i, rows.get(i + 1));
        rows.set(i + 1, a);
      }
    }
  }
}
