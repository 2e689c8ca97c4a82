package dev.marketlens.emulator.reporting;

import dev.marketlens.emulator.commerce.App;
import dev.marketlens.emulator.commerce.MrrLedger;
import dev.marketlens.emulator.commerce.ServiceEvent;
import dev.marketlens.emulator.wire.BillingPeriod;
import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.PurchaseDetails;
import dev.marketlens.emulator.wire.Transaction;
import dev.marketlens.emulator.world.RecordHistory;
import dev.marketlens.emulator.world.World;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The {@code RECURRING_REVENUE} metrics of {@code partner-metrics} (spec §13.5, A6): opening, new,
 * expansion, contraction, reactivated, expired and closing MRR and ARR, by month or year,
 * optionally split by app, hosting and subscription (billing period), read from a request body.
 *
 * <p><b>Source.</b> The world's ground truth: the service events as of the view's day (every sale,
 * renewal, upgrade, downgrade and refund with its true customer and license), through {@link
 * MrrLedger} on the NET basis (vendor amounts), customers as units. Movements are therefore exactly
 * those of {@code GroundTruth} but for one difference: the partner-metrics definition of expired
 * MRR is "churn by maintenance end date, no grace", so the ledger runs with <b>0 grace days</b>
 * (GroundTruth bridges gaps of up to 30 days). A renewal that starts the day the previous term ends
 * is continuous either way; a later one shows as expired and then reactivated MRR.
 *
 * <p><b>Periods.</b> {@code MONTH}: each calendar month, dated by its first day; opening = MRR at
 * the end of the previous month, closing = MRR at the end of the month. {@code YEAR}: each calendar
 * year, dated January 1st, opening = the opening of January, the movements summed over its months,
 * closing = the closing of its last month. Only months that have ended by the view's day are
 * reported (a year in progress covers its ended months) [EMU]: the month-end snapshot of a month in
 * progress does not exist yet. {@code WEEK} and {@code DAY} are refused (400): the ledger keeps
 * month-end snapshots only. A period is in the range when it overlaps {@code dateRange}; {@code
 * limit} (default 7, at most 14, larger values clamped) and {@code offset} count periods.
 *
 * <p><b>Identity.</b> Every record has closing = opening + new + expansion + reactivated −
 * contraction − expired, exactly, in cents. All amounts are non-negative magnitudes except {@code
 * expiredMrr}, which is written negative; ARR = 12 × closing MRR.
 *
 * <p><b>Attributes.</b> {@code APP_KEY}/{@code APP_NAME} split by app (the unit becomes customer ×
 * app, as in GroundTruth's per-app movements); {@code HOSTING} by hosting ({@code Cloud}, {@code
 * Data Center}, {@code Server}); {@code SUBSCRIPTION} gives a {@code TOTAL} record and one per
 * billing period ({@code MONTHLY}, {@code ANNUAL}); {@code GRACE_PERIOD_IN_DAYS} adds {@code
 * gracePeriodInDays: 0}. A split computes each segment's ledger from the segment's events alone: a
 * customer moving between segments expires in one and is new (or reactivated) in the other. A group
 * is reported when it has at least one event; records follow the periods, then the groups in
 * app/hosting/subscription order.
 *
 * <p><b>Filters.</b> {@code attributeFilter} or {@code attributesFilter} (both accepted; both given
 * must both hold), optionally wrapped in {@code expr}: {@code filter{fieldName,
 * oneFilter{stringFilter{matchType: EXACT, value} | inListFilter{values[]}}}}, {@code andGroup},
 * {@code orGroup} (each an array of expressions, or an object holding one as {@code exprs}, {@code
 * expressions} or {@code expr}) and {@code notExpression}. Fields: {@code APP_KEY}, {@code
 * APP_NAME} (exact), {@code HOSTING} (any casing, {@code DATA_CENTER}/{@code Data Center}/{@code
 * datacenter} alike), {@code SUBSCRIPTION} ({@code MONTHLY}, {@code ANNUAL}; {@code TOTAL} matches
 * every event). Filters select events before grouping. {@code sortByList} is ignored.
 */
final class PartnerMetrics {

  /** The metric fields of {@code RECURRING_REVENUE}, with their names in the response. */
  enum Field {
    OPENING_MRR("openingMrr"),
    NEW_MRR("newMrr"),
    EXPANSION_MRR("expansionMrr"),
    CONTRACTION_MRR("contractionMrr"),
    REACTIVATED_MRR("reactivatedMrr"),
    EXPIRED_MRR("expiredMrr"),
    CLOSING_MRR("closingMrr"),
    ARR("arr");

    final String json;

    Field(String json) {
      this.json = json;
    }
  }

  /** The attributes records can be split by, with their names in the response. */
  enum Attribute {
    APP_KEY("appKey"),
    APP_NAME("appName"),
    GRACE_PERIOD_IN_DAYS("gracePeriodInDays"),
    HOSTING("hosting"),
    SUBSCRIPTION("subscription");

    final String json;

    Attribute(String json) {
      this.json = json;
    }
  }

  enum Granularity {
    MONTH,
    YEAR
  }

  static final int DEFAULT_LIMIT = 7;
  static final int MAX_LIMIT = 14;

  /** The grace the partner-metrics ledger runs with: none (expired = churn by end date). */
  static final int GRACE_DAYS = 0;

  private static final String SUPPORTED_SET = "RECURRING_REVENUE";
  private static final List<String> METRIC_SETS =
      List.of("RECURRING_REVENUE", "DISTRIBUTIONS", "FUNNEL_INSIGHTS", "DOWNLOADS", "GMV");
  private static final List<String> OTHER_FIELDS =
      List.of(
          "INSTALL_COUNT",
          "USER_COUNT",
          "PROSPECT",
          "D1_D6_AI",
          "AVERAGE_CHURN_DAY",
          "DOWNLOAD_COUNT",
          "LIFETIME_GMV");
  private static final List<String> OTHER_ATTRIBUTES = List.of("APP_VERSION", "PARENT_PRODUCT");
  private static final List<String> GRANULARITIES = List.of("YEAR", "MONTH", "WEEK", "DAY");
  private static final List<String> FILTER_FIELDS =
      List.of("APP_KEY", "APP_NAME", "HOSTING", "SUBSCRIPTION");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

  /** A filter over the events. */
  interface Expr {
    boolean test(ServiceEvent e, Map<String, String> appNames);

    Expr ALL = (e, n) -> true;
  }

  /**
   * A parsed request body.
   *
   * @param filterKey a canonical text of the filter, for caching
   */
  record Request(
      List<Field> fields,
      LocalDate startDate,
      LocalDate endDate,
      Granularity granularity,
      List<Attribute> attributes,
      Expr filter,
      String filterKey) {

    /** What the records depend on (not the fields or the page). */
    Object cacheKey() {
      return List.of(startDate, endDate, granularity, attributes, filterKey);
    }

    boolean has(Attribute a) {
      return attributes.contains(a);
    }
  }

  /** One period of one group. Amounts in cents, magnitudes. */
  record Row(
      LocalDate date,
      String appKey,
      Hosting hosting,
      String subscription,
      long opening,
      long newMrr,
      long expansion,
      long contraction,
      long reactivated,
      long expired,
      long closing) {

    boolean balances() {
      return opening + newMrr + expansion + reactivated - contraction - expired == closing;
    }
  }

  /** The periods of a request and every group's row for each. */
  record Answer(List<LocalDate> periods, List<List<Row>> rowsByPeriod) {

    /** The rows of the periods {@code [offset, offset + limit)}, in order. */
    List<Row> page(int offset, int limit) {
      List<Row> out = new ArrayList<>();
      for (int i = offset; i < Math.min(periods.size(), offset + (long) limit); i++) {
        out.addAll(rowsByPeriod.get(i));
      }
      return out;
    }
  }

  private PartnerMetrics() {}

  // ---------------------------------------------------------------- the request body

  /**
   * Reads and checks a request body.
   *
   * @throws ApiException 400 naming the offending field as a JSON pointer
   */
  static Request parse(JsonNode body, LocalDate today) {
    if (body == null || body.isMissingNode() || !body.isObject()) {
      throw bad("", "body", "must be a JSON object");
    }
    JsonNode metrics = body.get("metrics");
    if (metrics == null || metrics.isNull()) {
      throw bad("/metrics", "metrics", "is required");
    }
    if (!metrics.isObject()) {
      throw bad("/metrics", "metrics", "must be an object, got " + kind(metrics));
    }
    for (String set : names(metrics.get("metricSets"), "/metrics/metricSets", "metricSets")) {
      check(set, METRIC_SETS, "/metrics/metricSets", "metricSets");
      if (!set.equals(SUPPORTED_SET)) {
        throw bad(
            "/metrics/metricSets",
            "metricSets",
            set + " is not served by the emulator; supported: " + SUPPORTED_SET);
      }
    }
    List<Field> fields = new ArrayList<>();
    List<String> fieldNames = new ArrayList<>();
    Arrays.stream(Field.values()).forEach(f -> fieldNames.add(f.name()));
    List<String> known = new ArrayList<>(fieldNames);
    known.addAll(OTHER_FIELDS);
    for (String name :
        names(metrics.get("metricFields"), "/metrics/metricFields", "metricFields")) {
      check(name, known, "/metrics/metricFields", "metricFields");
      if (!fieldNames.contains(name)) {
        throw bad(
            "/metrics/metricFields",
            "metricFields",
            name + " is not a field of " + SUPPORTED_SET + "; allowable values are " + fieldNames);
      }
      Field f = Field.valueOf(name);
      if (!fields.contains(f)) {
        fields.add(f);
      }
    }
    if (fields.isEmpty()) {
      fields.addAll(EnumSet.range(Field.OPENING_MRR, Field.CLOSING_MRR));
    }
    fields.sort(null);

    JsonNode range = body.get("dateRange");
    if (range == null || range.isNull()) {
      throw bad("/dateRange", "dateRange", "is required");
    }
    if (!range.isObject()) {
      throw bad("/dateRange", "dateRange", "must be an object, got " + kind(range));
    }
    LocalDate start = date(range.get("startDate"), "/dateRange/startDate", "dateRange.startDate");
    LocalDate end = date(range.get("endDate"), "/dateRange/endDate", "dateRange.endDate");
    if (end.isAfter(today)) {
      throw bad(
          "/dateRange/endDate",
          "dateRange.endDate",
          "must not be after today (" + today + ") for " + SUPPORTED_SET + ", got " + end);
    }

    Granularity granularity = Granularity.MONTH;
    JsonNode g = body.get("granularity");
    if (g != null && !g.isNull()) {
      if (!g.isString()) {
        throw bad("/granularity", "granularity", "must be a string, got " + kind(g));
      }
      String name = g.asString();
      check(name, GRANULARITIES, "/granularity", "granularity");
      if (!name.equals("MONTH") && !name.equals("YEAR")) {
        throw bad(
            "/granularity",
            "granularity",
            name
                + " is not supported for "
                + SUPPORTED_SET
                + " by the emulator (MRR is measured at month ends); use MONTH or YEAR");
      }
      granularity = Granularity.valueOf(name);
    }

    List<Attribute> attributes = new ArrayList<>();
    List<String> attributeNames = new ArrayList<>();
    Arrays.stream(Attribute.values()).forEach(a -> attributeNames.add(a.name()));
    List<String> knownAttributes = new ArrayList<>(attributeNames);
    knownAttributes.addAll(OTHER_ATTRIBUTES);
    for (String name : names(body.get("attributes"), "/attributes", "attributes")) {
      check(name, knownAttributes, "/attributes", "attributes");
      if (!attributeNames.contains(name)) {
        throw bad(
            "/attributes",
            "attributes",
            name
                + " is not supported for "
                + SUPPORTED_SET
                + " by the emulator; supported: "
                + attributeNames);
      }
      Attribute a = Attribute.valueOf(name);
      if (!attributes.contains(a)) {
        attributes.add(a);
      }
    }

    Expr filter = Expr.ALL;
    StringBuilder filterKey = new StringBuilder();
    for (String name : List.of("attributeFilter", "attributesFilter")) {
      JsonNode f = body.get(name);
      if (f == null || f.isNull()) {
        continue;
      }
      Expr e = expr(f, "/" + name, name);
      Expr before = filter;
      filter = before == Expr.ALL ? e : (ev, n) -> before.test(ev, n) && e.test(ev, n);
      filterKey.append(name).append('=').append(f);
    }
    return new Request(
        List.copyOf(fields),
        start,
        end,
        granularity,
        List.copyOf(attributes),
        filter,
        filterKey.toString());
  }

  /** The {@code name}s of an optional array of {@code {name}} objects. */
  private static List<String> names(JsonNode array, String path, String field) {
    if (array == null || array.isNull()) {
      return List.of();
    }
    if (!array.isArray()) {
      throw bad(path, field, "must be an array, got " + kind(array));
    }
    List<String> out = new ArrayList<>();
    int i = 0;
    for (JsonNode item : array.values()) {
      String p = path + "/" + i + "/name";
      if (!item.isObject()) {
        throw bad(path + "/" + i, field, "each entry must be an object {name}");
      }
      out.add(string(item.get("name"), p, field + "[" + i + "].name"));
      i++;
    }
    return out;
  }

  private static String string(JsonNode n, String path, String field) {
    if (n == null || n.isNull()) {
      throw bad(path, field, "is required");
    }
    if (!n.isString()) {
      throw bad(path, field, "must be a string, got " + kind(n));
    }
    return n.asString();
  }

  private static LocalDate date(JsonNode n, String path, String field) {
    String v = string(n, path, field);
    if (!DATE.matcher(v).matches()) {
      throw bad(path, field, "Must be a date (YYYY-MM-DD), got '" + v + "'");
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw bad(path, field, "Must be a date (YYYY-MM-DD), got '" + v + "'");
    }
  }

  private static void check(String value, List<String> allowed, String path, String field) {
    if (!allowed.contains(value)) {
      throw bad(
          path,
          field,
          "allowable values are "
              + String.join(",", allowed.stream().map(a -> "'" + a + "'").toList())
              + ", got '"
              + value
              + "'");
    }
  }

  private static Expr expr(JsonNode node, String path, String field) {
    if (!node.isObject()) {
      throw bad(path, field, "must be an object, got " + kind(node));
    }
    if (node.has("expr") && !node.has("filter") && node.get("expr").isObject()) {
      return expr(node.get("expr"), path + "/expr", field);
    }
    if (node.has("filter")) {
      return filter(node.get("filter"), path + "/filter", field);
    }
    if (node.has("andGroup")) {
      List<Expr> all = group(node.get("andGroup"), path + "/andGroup", field);
      return (e, n) -> all.stream().allMatch(x -> x.test(e, n));
    }
    if (node.has("orGroup")) {
      List<Expr> any = group(node.get("orGroup"), path + "/orGroup", field);
      return (e, n) -> any.stream().anyMatch(x -> x.test(e, n));
    }
    if (node.has("notExpression")) {
      Expr inner = expr(node.get("notExpression"), path + "/notExpression", field);
      return (e, n) -> !inner.test(e, n);
    }
    throw bad(path, field, "must hold one of expr, filter, andGroup, orGroup or notExpression");
  }

  private static List<Expr> group(JsonNode node, String path, String field) {
    JsonNode list = node;
    String p = path;
    if (node.isObject()) {
      list = null;
      for (String name : List.of("exprs", "expressions", "expr", "filters")) {
        if (node.has(name) && node.get(name).isArray()) {
          list = node.get(name);
          p = path + "/" + name;
          break;
        }
      }
    }
    if (list == null || !list.isArray()) {
      throw bad(path, field, "must be an array of expressions");
    }
    List<Expr> out = new ArrayList<>();
    int i = 0;
    for (JsonNode item : list.values()) {
      out.add(expr(item, p + "/" + i++, field));
    }
    return List.copyOf(out);
  }

  private static Expr filter(JsonNode node, String path, String field) {
    if (!node.isObject()) {
      throw bad(path, field, "filter must be an object, got " + kind(node));
    }
    String name = string(node.get("fieldName"), path + "/fieldName", field + ".fieldName");
    check(name, FILTER_FIELDS, path + "/fieldName", field + ".fieldName");
    JsonNode one = node.get("oneFilter");
    if (one == null || !one.isObject()) {
      throw bad(path + "/oneFilter", field + ".oneFilter", "is required (an object)");
    }
    Set<String> values = new LinkedHashSet<>();
    if (one.has("stringFilter")) {
      JsonNode s = one.get("stringFilter");
      String sp = path + "/oneFilter/stringFilter";
      if (!s.isObject()) {
        throw bad(sp, field, "stringFilter must be an object");
      }
      JsonNode match = s.get("matchType");
      if (match != null && !match.isNull()) {
        String m = string(match, sp + "/matchType", "matchType");
        if (!m.equals("EXACT")) {
          throw bad(
              sp + "/matchType",
              "matchType",
              m + " is not supported by the emulator; supported: EXACT");
        }
      }
      values.add(string(s.get("value"), sp + "/value", "stringFilter.value"));
    } else if (one.has("inListFilter")) {
      JsonNode l = one.get("inListFilter");
      String lp = path + "/oneFilter/inListFilter";
      JsonNode vs = l.isObject() ? l.get("values") : null;
      if (vs == null || !vs.isArray()) {
        throw bad(lp + "/values", "inListFilter.values", "must be an array of strings");
      }
      int i = 0;
      for (JsonNode v : vs.values()) {
        values.add(string(v, lp + "/values/" + i++, "inListFilter.values"));
      }
    } else {
      throw bad(
          path + "/oneFilter", field + ".oneFilter", "must hold stringFilter or inListFilter");
    }
    return switch (name) {
      case "APP_KEY" -> (e, n) -> values.contains(e.addonKey());
      case "APP_NAME" -> (e, n) -> values.contains(n.get(e.addonKey()));
      case "HOSTING" -> {
        Set<String> wanted = new HashSet<>();
        values.forEach(v -> wanted.add(normal(v)));
        yield (e, n) -> wanted.contains(normal(e.hosting().wire()));
      }
      default -> {
        Set<String> wanted = new HashSet<>();
        values.forEach(v -> wanted.add(v.toUpperCase(Locale.ROOT)));
        boolean total = wanted.contains("TOTAL");
        yield (e, n) ->
            total || (e.billingPeriod() != null && wanted.contains(e.billingPeriod().name()));
      }
    };
  }

  private static String normal(String hosting) {
    return hosting.toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "");
  }

  private static String kind(JsonNode n) {
    if (n.isArray()) {
      return "an array";
    }
    if (n.isObject()) {
      return "an object";
    }
    if (n.isString()) {
      return "a string";
    }
    if (n.isNumber()) {
      return "a number";
    }
    if (n.isBoolean()) {
      return "a boolean";
    }
    return "null";
  }

  static ApiException bad(String pointer, String field, String reason) {
    return new ApiException(400, "VALIDATION_FAILED", pointer, field + ": " + reason);
  }

  // ---------------------------------------------------------------- the computation

  /**
   * The service events of {@code apps} as of {@code day}: the world's true customer and license of
   * each line, with the line's fields as served that day; lines that did not exist yet are left
   * out. (The world runs ahead of the marketplace's clock.)
   */
  static List<ServiceEvent> eventsAsOf(World world, Set<String> apps, LocalDate day) {
    List<RecordHistory<Transaction>> histories = world.transactionHistories();
    List<ServiceEvent> truth = world.serviceEvents();
    List<ServiceEvent> out = new ArrayList<>();
    for (int i = 0; i < truth.size(); i++) {
      ServiceEvent e = truth.get(i);
      if (!apps.contains(e.addonKey())) {
        continue;
      }
      Transaction t = histories.get(i).asOf(day);
      if (t == null) {
        continue;
      }
      PurchaseDetails p = t.purchaseDetails();
      out.add(
          new ServiceEvent(
              e.customer(),
              t.addonKey(),
              p.hosting(),
              e.lineage(),
              t.transactionLineItemId(),
              p.saleType(),
              p.saleDate(),
              p.maintenanceStartDate(),
              p.maintenanceEndDate(),
              p.billingPeriod(),
              p.vendorAmountCents(),
              p.purchasePriceCents(),
              p.purchasePriceCents() + p.discountTotalCents()));
    }
    return out;
  }

  /**
   * One vendor's service events as of a day, with their service intervals computed once; answers
   * any number of requests. Holds no reference to the view it was built from.
   */
  static final class Book {

    private final MrrLedger ledger;
    private final MrrLedger.Intervals intervals;
    private final List<ServiceEvent> events;
    private final List<App> apps;
    private final Map<String, String> appNames = new HashMap<>();
    private final YearMonth lastComplete;

    Book(List<ServiceEvent> events, List<App> apps, LocalDate day) {
      this.events = List.copyOf(events);
      this.apps = List.copyOf(apps);
      apps.forEach(a -> appNames.put(a.addonKey(), a.name()));
      this.ledger = new MrrLedger(MrrLedger.Basis.NET, GRACE_DAYS, day);
      this.intervals = ledger.intervals(this.events);
      YearMonth current = YearMonth.from(day);
      this.lastComplete = day.equals(current.atEndOfMonth()) ? current : current.minusMonths(1);
    }

    List<App> apps() {
      return apps;
    }

    /** The last month that has ended. */
    YearMonth lastComplete() {
      return lastComplete;
    }

    /** Every period of the request's range and each group's row in it. */
    Answer answer(Request r) {
      YearMonth from =
          r.granularity() == Granularity.YEAR
              ? YearMonth.of(r.startDate().getYear(), 1)
              : YearMonth.from(r.startDate());
      YearMonth to =
          r.granularity() == Granularity.YEAR
              ? YearMonth.of(r.endDate().getYear(), 12)
              : YearMonth.from(r.endDate());
      if (to.isAfter(lastComplete)) {
        to = lastComplete;
      }
      if (r.startDate().isAfter(r.endDate()) || from.isAfter(to)) {
        return new Answer(List.of(), List.of());
      }
      int months = (int) ChronoUnit.MONTHS.between(from, to) + 1;
      // Which groups exist: those with at least one event passing the filter.
      Map<List<Object>, Predicate<ServiceEvent>> groups = new TreeMap<>(this::compareGroups);
      boolean byApp = r.has(Attribute.APP_KEY) || r.has(Attribute.APP_NAME);
      boolean byHosting = r.has(Attribute.HOSTING);
      boolean bySubscription = r.has(Attribute.SUBSCRIPTION);
      for (ServiceEvent e : events) {
        if (!r.filter().test(e, appNames)) {
          continue;
        }
        List<String> subscriptions =
            bySubscription
                ? (e.billingPeriod() == null
                    ? List.of("TOTAL")
                    : List.of("TOTAL", e.billingPeriod().name()))
                : Collections.singletonList(null);
        for (String sub : subscriptions) {
          List<Object> key =
              Arrays.asList(byApp ? e.addonKey() : null, byHosting ? e.hosting() : null, sub);
          groups.computeIfAbsent(key, k -> predicate(r.filter(), k));
        }
      }
      List<LocalDate> periods = new ArrayList<>();
      List<int[]> spans = new ArrayList<>();
      if (r.granularity() == Granularity.MONTH) {
        for (int k = 0; k < months; k++) {
          periods.add(from.plusMonths(k).atDay(1));
          spans.add(new int[] {k, k});
        }
      } else {
        for (int k = 0; k < months; ) {
          YearMonth m = from.plusMonths(k);
          int last = Math.min(months - 1, k + 12 - m.getMonthValue());
          periods.add(LocalDate.of(m.getYear(), 1, 1));
          spans.add(new int[] {k, last});
          k = last + 1;
        }
      }
      List<List<Row>> rows = new ArrayList<>();
      for (int p = 0; p < periods.size(); p++) {
        rows.add(new ArrayList<>());
      }
      // The groups' ledgers are independent: compute them side by side.
      List<Map.Entry<List<Object>, Predicate<ServiceEvent>>> entries =
          new ArrayList<>(groups.entrySet());
      YearMonth first = from;
      YearMonth last = to;
      List<List<MrrLedger.Movements>> movements =
          entries.parallelStream()
              .map(
                  g ->
                      ledger.movements(
                          intervals.filter(g.getValue()), ServiceEvent::customer, first, last))
              .toList();
      for (int gi = 0; gi < entries.size(); gi++) {
        List<MrrLedger.Movements> m = movements.get(gi);
        List<Object> key = entries.get(gi).getKey();
        for (int p = 0; p < periods.size(); p++) {
          int[] span = spans.get(p);
          long[] sum = new long[5];
          for (int k = span[0]; k <= span[1]; k++) {
            MrrLedger.Movements x = m.get(k);
            sum[0] += x.newMrr();
            sum[1] += x.expansionMrr();
            sum[2] += x.contractionMrr();
            sum[3] += x.reactivationMrr();
            sum[4] += x.churnedMrr();
          }
          rows.get(p)
              .add(
                  new Row(
                      periods.get(p),
                      (String) key.get(0),
                      (Hosting) key.get(1),
                      (String) key.get(2),
                      m.get(span[0]).openingMrr(),
                      sum[0],
                      sum[1],
                      sum[2],
                      sum[3],
                      sum[4],
                      m.get(span[1]).closingMrr()));
        }
      }
      List<List<Row>> frozen = new ArrayList<>();
      rows.forEach(x -> frozen.add(List.copyOf(x)));
      return new Answer(List.copyOf(periods), List.copyOf(frozen));
    }

    private Predicate<ServiceEvent> predicate(Expr filter, List<Object> key) {
      String app = (String) key.get(0);
      Hosting hosting = (Hosting) key.get(1);
      String sub = (String) key.get(2);
      BillingPeriod period = sub == null || sub.equals("TOTAL") ? null : BillingPeriod.valueOf(sub);
      return e ->
          (app == null || app.equals(e.addonKey()))
              && (hosting == null || hosting == e.hosting())
              && (period == null || period == e.billingPeriod())
              && filter.test(e, appNames);
    }

    /** Groups in app (catalog), hosting, subscription (TOTAL, MONTHLY, ANNUAL) order. */
    private int compareGroups(List<Object> a, List<Object> b) {
      int c = Integer.compare(appOrder((String) a.get(0)), appOrder((String) b.get(0)));
      if (c == 0) {
        c =
            Objects.compare(
                (String) a.get(0),
                (String) b.get(0),
                Comparator.nullsFirst(Comparator.naturalOrder()));
      }
      if (c != 0) {
        return c;
      }
      c = Integer.compare(ordinal((Hosting) a.get(1)), ordinal((Hosting) b.get(1)));
      if (c != 0) {
        return c;
      }
      return Integer.compare(subOrder((String) a.get(2)), subOrder((String) b.get(2)));
    }

    private int appOrder(String key) {
      if (key == null) {
        return -1;
      }
      for (int i = 0; i < apps.size(); i++) {
        if (apps.get(i).addonKey().equals(key)) {
          return i;
        }
      }
      return apps.size();
    }

    private static int ordinal(Hosting h) {
      return h == null
          ? -1
          : switch (h) {
            case CLOUD -> 0;
            case DATA_CENTER -> 1;
            case SERVER -> 2;
          };
    }

    private static int subOrder(String s) {
      return s == null
          ? -1
          : switch (s) {
            case "TOTAL" -> 0;
            case "MONTHLY" -> 1;
            default -> 2;
          };
    }
  }
}
