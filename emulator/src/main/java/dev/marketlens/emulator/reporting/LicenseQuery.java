package dev.marketlens.emulator.reporting;

import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.License;
import dev.marketlens.emulator.wire.LicenseStatus;
import dev.marketlens.emulator.wire.LicenseType;
import dev.marketlens.emulator.wire.PartnerDetails;
import dev.marketlens.emulator.wire.PartnerType;
import dev.marketlens.emulator.wire.WireFormat;
import dev.marketlens.emulator.wire.WireFormat.ApiVersion;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The filters, sort and wire options of a license request (spec §7.2), read from its query
 * parameters and checked as the live API checks them.
 */
public final class LicenseQuery implements RecordQuery<License> {

  /** {@code dateType}: which dates {@code startDate}/{@code endDate} apply to. */
  enum DateType {
    /** {@code maintenanceStartDate} within the window. */
    START,
    /** The license is active within the window (as observed live). */
    END
  }

  /** {@code licenseType} values: v2's list, v3's and the deprecated {@code starter}. */
  private static final Map<String, Set<LicenseType>> LICENSE_TYPES = new LinkedHashMap<>();

  static {
    LICENSE_TYPES.put("academic", Set.of(LicenseType.ACADEMIC));
    LICENSE_TYPES.put("commercial", Set.of(LicenseType.COMMERCIAL));
    LICENSE_TYPES.put("community", Set.of(LicenseType.COMMUNITY));
    LICENSE_TYPES.put("demonstration", Set.of(LicenseType.DEMONSTRATION));
    LICENSE_TYPES.put("evaluation", Set.of(LicenseType.EVALUATION));
    // The world models no upgrade evaluations: every evaluation is a net-new one.
    LICENSE_TYPES.put("net_new_evaluation", Set.of(LicenseType.EVALUATION));
    LICENSE_TYPES.put("upgrade_evaluation", Set.of());
    LICENSE_TYPES.put("open_source", Set.of(LicenseType.OPEN_SOURCE));
    LICENSE_TYPES.put("classroom", Set.of(LicenseType.CLASSROOM));
    LICENSE_TYPES.put("free", Set.of(LicenseType.FREE));
    // No legacy free licenses and no starter licenses (deprecated) in the world.
    LICENSE_TYPES.put("legacy_free", Set.of());
    LICENSE_TYPES.put("starter", Set.of());
  }

  static final Map<String, Hosting> HOSTINGS =
      Map.of("cloud", Hosting.CLOUD, "datacenter", Hosting.DATA_CENTER, "server", Hosting.SERVER);

  /** {@code partnerType}: {@code upgrade} is accepted live and matches nothing. */
  static final Map<String, Set<PartnerType>> PARTNER_TYPES =
      Map.of(
          "direct", Set.of(),
          "expert", Set.of(PartnerType.EXPERT),
          "reseller", Set.of(PartnerType.RESELLER, PartnerType.CORPORATE_RESELLER),
          "upgrade", Set.of());

  static final Map<String, String> COMPLIANCE_BOUNDARIES =
      Map.of(
          "commercial", "commercial",
          "fedramp_moderate", "fedramp_moderate",
          "isolated_cloud", "isolated_cloud");

  static final Map<String, String> APP_EDITIONS =
      Map.of("free", "free", "standard", "standard", "advanced", "advanced");

  static final Map<String, String> LICENSE_LEVELS =
      Map.of("single-instance", "single-instance", "multi-instance", "multi-instance");

  private static final Map<String, DateType> DATE_TYPES =
      Map.of("start", DateType.START, "end", DateType.END);

  private static final Map<String, Function<License, ? extends Comparable<?>>> SORT_KEYS =
      new LinkedHashMap<>();

  static {
    SORT_KEYS.put("addonName", License::addonName);
    SORT_KEYS.put("company", l -> l.contactDetails() == null ? null : l.contactDetails().company());
    SORT_KEYS.put("country", l -> l.contactDetails() == null ? null : l.contactDetails().country());
    SORT_KEYS.put("endDate", License::maintenanceEndDate);
    SORT_KEYS.put("hosting", l -> l.hosting().wire());
    SORT_KEYS.put("licenseId", License::key);
    SORT_KEYS.put("licenseType", l -> l.licenseType().wire());
    SORT_KEYS.put(
        "partner", l -> l.partnerDetails() == null ? null : l.partnerDetails().partnerName());
    SORT_KEYS.put("region", l -> l.contactDetails() == null ? null : l.contactDetails().region());
    SORT_KEYS.put("startDate", License::maintenanceStartDate);
    SORT_KEYS.put("tier", l -> l.tier().userCount().orElse(0));
  }

  private static final Map<String, String> SORT_PARAM = new LinkedHashMap<>();

  static {
    SORT_KEYS.keySet().forEach(k -> SORT_PARAM.put(k, k));
  }

  private static final Comparator<License> ROW_KEY = Comparator.comparing(License::key);

  /** Parameters that do not change which rows match or their order. */
  private static final Set<String> NOT_FILTERS = Set.of("offset", "limit", "accept");

  private final AppFilter apps;
  private final LocalDate startDate;
  private final LocalDate endDate;
  private final DateType dateType;
  private final Text text;
  private final Set<Integer> tiers;
  private final Set<LicenseType> licenseTypes;
  private final boolean licenseTypeGiven;
  private final Set<Hosting> hostings;
  private final Set<PartnerType> partnerTypes;
  private final boolean direct;
  private final boolean partnerTypeGiven;
  private final Set<String> complianceBoundaries;
  private final Set<String> appEditions;
  private final Set<LicenseStatus> statuses;
  private final Set<String> licenseLevels;
  private final boolean includeAtlassian;
  private final LocalDate lastUpdated;
  private final boolean lifetimeFree;
  private final boolean history;
  private final WireFormat wire;
  private final String sortBy;
  private final Order order;
  private final String key;

  private static final Map<String, LicenseStatus> STATUSES =
      Map.of(
          "active", LicenseStatus.ACTIVE,
          "cancelled", LicenseStatus.CANCELLED,
          "inactive", LicenseStatus.INACTIVE);

  private LicenseQuery(Params p, ApiVersion version, AppFilter apps, boolean orderIgnored) {
    this.apps = apps;
    this.startDate = p.date("startDate");
    this.endDate = p.date("endDate");
    this.dateType = p.choices("dateType", DATE_TYPES).stream().findFirst().orElse(DateType.START);
    this.text = Text.of(p.single("text"));
    this.tiers = p.integers("tier");
    Set<Set<LicenseType>> types = p.choices("licenseType", LICENSE_TYPES);
    this.licenseTypeGiven = !types.isEmpty();
    this.licenseTypes = types.stream().flatMap(Set::stream).collect(Collectors.toSet());
    this.hostings = p.choices("hosting", HOSTINGS);
    List<String> partner = p.all("partnerType");
    Set<Set<PartnerType>> partnerTypes = p.choices("partnerType", PARTNER_TYPES);
    this.partnerTypeGiven = !partnerTypes.isEmpty();
    this.partnerTypes = partnerTypes.stream().flatMap(Set::stream).collect(Collectors.toSet());
    this.direct = partner.stream().anyMatch(v -> v.equalsIgnoreCase("direct"));
    Set<String> boundaries = p.choices("cloudComplianceBoundaries", COMPLIANCE_BOUNDARIES);
    this.complianceBoundaries = boundaries.isEmpty() ? Set.of("commercial") : boundaries;
    this.appEditions = p.choices("appEdition", APP_EDITIONS);
    this.statuses = p.choices("status", STATUSES);
    this.licenseLevels = p.choices("licenseLevel", LICENSE_LEVELS);
    this.includeAtlassian = p.bool("includeAtlassianLicenses", false);
    this.lastUpdated = p.dateOrDateTime("lastUpdated");
    this.lifetimeFree = p.bool("showLifeTimeFreeLicenses", false);
    this.history = p.bool("showLicensesHistory", false);
    boolean insights = p.bool("withDataInsights", false) || p.bool("withAttribution", false);
    this.wire = new WireFormat(version, insights);
    this.sortBy = p.choice("sortBy", SORT_PARAM, "startDate");
    Order requested = p.choice("order", Order.PARAM, Order.DESC);
    this.order = orderIgnored ? Order.DESC : requested;
    this.key = "licenses|" + version + "|" + orderIgnored + "|" + p.canonical(NOT_FILTERS);
  }

  /**
   * Reads a license request.
   *
   * @param apps the vendor's apps, to resolve {@code addon} (v2) or {@code productId} (v3)
   * @param orderIgnored the live quirk K4: {@code order} is ignored, always descending
   * @throws ApiException 400 for a malformed or unknown value
   */
  public static LicenseQuery parse(
      Params params, ApiVersion version, AppFilter apps, boolean orderIgnored) {
    return new LicenseQuery(params, version, apps, orderIgnored);
  }

  /** The wire options of the rows: API version and {@code withDataInsights}. */
  public WireFormat wire() {
    return wire;
  }

  /** {@code showLicensesHistory}: one row per version of each matching license. */
  public boolean history() {
    return history;
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public String sortKey() {
    return sortBy + ":" + order;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Comparator<License> comparator() {
    Comparator<License> key = Sorting.by((Function) SORT_KEYS.get(sortBy));
    return Sorting.stable(key, order, ROW_KEY);
  }

  @Override
  public boolean matches(License l) {
    return dates(l) && matchesIgnoringDates(l);
  }

  /**
   * Whether the license passes every filter but {@code startDate}/{@code endDate}: K10 repeats 2018
   * licenses whatever the date filter, never those another filter excludes.
   */
  public boolean matchesIgnoringDates(License l) {
    if (!apps.test(l.addonKey())) {
      return false;
    }
    if (!includeAtlassian && "Atlassian".equals(l.licenseSourceType())) {
      return false;
    }
    if (lastUpdated != null && l.lastUpdated().isBefore(lastUpdated)) {
      return false;
    }
    if (!hostings.isEmpty() && !hostings.contains(l.hosting())) {
      return false;
    }
    if (licenseTypeGiven && !licenseTypes.contains(l.licenseType())) {
      return false;
    }
    if (!tiers.isEmpty()
        && !(l.tier().userCount().isPresent() && tiers.contains(l.tier().userCount().getAsInt()))) {
      return false;
    }
    if (partnerTypeGiven && !partner(l.partnerDetails())) {
      return false;
    }
    if (l.hosting() == Hosting.CLOUD
        && !compliance(l.cloudComplianceBoundaries(), complianceBoundaries)) {
      return false;
    }
    if (!appEditions.isEmpty()
        && (l.appEdition() == null
            || !appEditions.contains(l.appEdition().toLowerCase(Locale.ROOT)))) {
      return false;
    }
    if (!statuses.isEmpty() && !statuses.contains(l.status())) {
      return false;
    }
    if (!licenseLevels.isEmpty() && !licenseLevels.contains(l.licenseLevel())) {
      return false;
    }
    if (apps.lifetimeFree(l.addonKey()) != lifetimeFree) {
      return false;
    }
    return text == null
        || text.in(l.ids())
        || text.in(l.contactDetails())
        || text.in(l.partnerDetails());
  }

  private boolean dates(License l) {
    if (startDate == null && endDate == null) {
      return true;
    }
    if (startDate != null && endDate != null && startDate.isAfter(endDate)) {
      // A reversed window is empty whatever the date type (K24).
      return false;
    }
    if (dateType == DateType.START) {
      LocalDate d = l.maintenanceStartDate();
      return (startDate == null || !d.isBefore(startDate))
          && (endDate == null || !d.isAfter(endDate));
    }
    LocalDate end = l.maintenanceEndDate();
    return (endDate == null || !l.maintenanceStartDate().isAfter(endDate))
        && (startDate == null || end == null || !end.isBefore(startDate));
  }

  private boolean partner(PartnerDetails p) {
    if (p == null) {
      return direct;
    }
    return partnerTypes.contains(p.partnerType());
  }

  /**
   * Whether a cloud record's compliance boundaries (commercial when it names none) include one of
   * {@code wanted}.
   */
  static boolean compliance(List<String> boundaries, Set<String> wanted) {
    List<String> of =
        boundaries == null || boundaries.isEmpty() ? List.of("commercial") : boundaries;
    return of.stream().anyMatch(wanted::contains);
  }
}
