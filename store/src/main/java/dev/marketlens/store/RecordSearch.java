package dev.marketlens.store;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Searching the stored transaction lines and licenses as tables: free text over ids, company,
 * contact e-mails and app, equality filters on typed columns, a date range, a sort by any shown
 * column and pages — or every matching row, streamed with a cursor. Column and filter names come
 * from fixed lists; values are always bound as parameters. Always restricted to a set of vendor
 * accounts.
 */
public final class RecordSearch {

  /** The two record tables. */
  public enum Table {
    TRANSACTIONS,
    LICENSES
  }

  /** How a column's values are read. */
  public enum Type {
    TEXT,
    DATE,
    CENTS
  }

  /**
   * A column the tables show.
   *
   * @param name its name in the API, sort parameter and CSV header ({@code saleDate})
   * @param label its heading on a page
   */
  public record Column(String name, String label, Type type, String sql) {}

  /** A matching row: its account and key (line item id or license key) and its values by name. */
  public record Row(long account, String key, Map<String, Object> values) {}

  /**
   * What to look for.
   *
   * @param accounts the vendor accounts to search (never empty to find anything)
   * @param text free text, matched case-insensitively anywhere in ids, company, e-mails, app; null
   *     or blank for none
   * @param filters exact values by filter name (see {@link #filters}), compared case-insensitively;
   *     {@code (unknown)} matches a missing value
   * @param from the first day (sale date, or the last maintenance day of a license), or null
   * @param until the first day after the range, or null
   * @param sort a column name (see {@link #columns}); null for the table's default
   */
  public record Criteria(
      Set<Long> accounts,
      String text,
      Map<String, String> filters,
      LocalDate from,
      LocalDate until,
      String sort,
      boolean descending) {
    public Criteria {
      accounts = Set.copyOf(accounts);
      filters = Map.copyOf(filters);
    }
  }

  private static final String ID_OF_LICENSE =
      "coalesce(r.app_entitlement_number, r.license_id, r.addon_license_id, r.app_entitlement_id)";

  private static final List<Column> TRANSACTION_COLUMNS =
      List.of(
          new Column("saleDate", "Sale date", Type.DATE, "r.sale_date"),
          new Column("transactionId", "Transaction", Type.TEXT, "r.transaction_id"),
          new Column("lineItemId", "Line item", Type.TEXT, "r.transaction_line_item_id"),
          new Column("license", "License", Type.TEXT, ID_OF_LICENSE),
          new Column("account", "Account", Type.TEXT, "a.name"),
          new Column("company", "Company", Type.TEXT, "r.company"),
          new Column("app", "App key", Type.TEXT, "r.addon_key"),
          new Column("appName", "App", Type.TEXT, "r.addon_name"),
          new Column("saleType", "Sale type", Type.TEXT, "r.sale_type"),
          new Column("hosting", "Hosting", Type.TEXT, "r.hosting"),
          new Column("tier", "Tier", Type.TEXT, "r.tier"),
          new Column("billingPeriod", "Billing", Type.TEXT, "r.billing_period"),
          new Column("country", "Country", Type.TEXT, "r.country"),
          new Column("region", "Region", Type.TEXT, "r.region"),
          new Column("partner", "Partner", Type.TEXT, "r.partner_name"),
          new Column("maintenanceStart", "Start", Type.DATE, "r.maintenance_start_date"),
          new Column("maintenanceEnd", "End", Type.DATE, "r.maintenance_end_date"),
          new Column("purchasePriceCents", "Purchase price", Type.CENTS, "r.purchase_price_cents"),
          new Column("vendorAmountCents", "Vendor amount", Type.CENTS, "r.vendor_amount_cents"));

  private static final List<Column> LICENSE_COLUMNS =
      List.of(
          new Column("license", "License", Type.TEXT, ID_OF_LICENSE),
          new Column("account", "Account", Type.TEXT, "a.name"),
          new Column("company", "Company", Type.TEXT, "r.company"),
          new Column("app", "App key", Type.TEXT, "r.addon_key"),
          new Column("appName", "App", Type.TEXT, "r.addon_name"),
          new Column("licenseType", "Type", Type.TEXT, "r.license_type"),
          new Column("status", "Status", Type.TEXT, "r.status"),
          new Column("hosting", "Hosting", Type.TEXT, "r.hosting"),
          new Column("edition", "Edition", Type.TEXT, "r.app_edition"),
          new Column("tier", "Tier", Type.TEXT, "r.tier"),
          new Column("country", "Country", Type.TEXT, "r.country"),
          new Column("region", "Region", Type.TEXT, "r.region"),
          new Column("partner", "Partner", Type.TEXT, "r.partner_name"),
          new Column(
              "technicalContact", "Technical contact", Type.TEXT, "r.technical_contact_email"),
          new Column("maintenanceStart", "Start", Type.DATE, "r.maintenance_start_date"),
          new Column("maintenanceEnd", "End", Type.DATE, "r.maintenance_end_date"),
          new Column("lastUpdated", "Last updated", Type.DATE, "r.last_updated"));

  /** Filter name → column, per table; {@code saleChannel} is special (Direct = no partner). */
  private static final Map<String, String> TRANSACTION_FILTERS =
      ordered(
          "app", "r.addon_key",
          "hosting", "r.hosting",
          "tier", "r.tier",
          "country", "r.country",
          "region", "r.region",
          "billingPeriod", "r.billing_period",
          "saleType", "r.sale_type",
          "licenseType", "r.license_type",
          "saleChannel", "r.partner_name");

  private static final Map<String, String> LICENSE_FILTERS =
      ordered(
          "app", "r.addon_key",
          "hosting", "r.hosting",
          "tier", "r.tier",
          "edition", "r.app_edition",
          "country", "r.country",
          "region", "r.region",
          "status", "r.status",
          "licenseType", "r.license_type",
          "saleChannel", "r.partner_name");

  private static final List<String> TRANSACTION_TEXT =
      List.of(
          "r.transaction_id",
          "r.transaction_line_item_id",
          "r.app_entitlement_number",
          "r.app_entitlement_id",
          "r.license_id",
          "r.addon_license_id",
          "r.company",
          "r.addon_name",
          "r.addon_key");

  private static final List<String> LICENSE_TEXT =
      List.of(
          "r.app_entitlement_number",
          "r.app_entitlement_id",
          "r.license_id",
          "r.addon_license_id",
          "r.company",
          "r.technical_contact_email",
          "r.billing_contact_email",
          "r.addon_name",
          "r.addon_key");

  /** The value of a filter that matches a missing column value. */
  public static final String UNKNOWN = "(unknown)";

  /** The sale channel of a record with no partner; any other channel value means a partner. */
  public static final String DIRECT = "Direct";

  private final Table table;

  public RecordSearch(Table table) {
    this.table = table;
  }

  /** The columns a table shows, in order. */
  public static List<Column> columns(Table table) {
    return table == Table.TRANSACTIONS ? TRANSACTION_COLUMNS : LICENSE_COLUMNS;
  }

  /** The filter names a table takes. */
  public static Set<String> filters(Table table) {
    return (table == Table.TRANSACTIONS ? TRANSACTION_FILTERS : LICENSE_FILTERS).keySet();
  }

  /** The default sort column: newest sale first for transactions, latest end for licenses. */
  public static String defaultSort(Table table) {
    return table == Table.TRANSACTIONS ? "saleDate" : "maintenanceEnd";
  }

  /** How many rows match. */
  public long count(Connection connection, Criteria criteria) throws SQLException {
    List<Object> parameters = new ArrayList<>();
    String where = where(criteria, parameters);
    try (PreparedStatement select =
        connection.prepareStatement("SELECT count(*) FROM " + from() + " WHERE " + where)) {
      bind(select, parameters);
      try (ResultSet rows = select.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /** One page of the matching rows, in the criteria's order. */
  public List<Row> page(Connection connection, Criteria criteria, long offset, int limit)
      throws SQLException {
    List<Row> out = new ArrayList<>(limit);
    query(connection, criteria, " LIMIT ? OFFSET ?", List.of(limit, offset), 0, out::add);
    return out;
  }

  /**
   * Every matching row in the criteria's order, read with a cursor a thousand at a time; the
   * connection must not be in auto-commit (as in {@link Database#inTransaction}).
   */
  public void forEach(Connection connection, Criteria criteria, Consumer<Row> visitor)
      throws SQLException {
    query(connection, criteria, "", List.of(), 1000, visitor);
  }

  /**
   * The rows of the accounts that carry any of these license ids (entitlement id or number, SEN,
   * add-on license id), by sale date or maintenance start, oldest first.
   */
  public List<Row> withLicenseIds(Connection connection, Set<Long> accounts, Collection<String> ids)
      throws SQLException {
    List<Row> out = new ArrayList<>();
    if (accounts.isEmpty() || ids.isEmpty()) {
      return out;
    }
    String[] values = ids.toArray(String[]::new);
    String byKey =
        " r.license_key IN (SELECT i.license_key FROM license_ids i"
            + " WHERE i.vendor_account_id = ANY(?) AND i.id_kind = ANY(?) AND i.id_value = ANY(?))";
    String sql;
    if (table == Table.TRANSACTIONS) {
      // Lines linked to a license by its key; lines not linked (yet) by their own ids.
      sql =
          "SELECT * FROM (SELECT "
              + select()
              + ", r.sale_date AS sort_day FROM "
              + from()
              + " WHERE r.vendor_account_id = ANY(?) AND"
              + byKey
              + " UNION ALL SELECT "
              + select()
              + ", r.sale_date FROM "
              + from()
              + " WHERE r.vendor_account_id = ANY(?) AND r.license_key IS NULL"
              + " AND (r.app_entitlement_number = ANY(?) OR r.app_entitlement_id = ANY(?)"
              + " OR r.license_id = ANY(?) OR r.addon_license_id = ANY(?))) found"
              + " ORDER BY sort_day, 2";
    } else {
      sql =
          "SELECT "
              + select()
              + " FROM "
              + from()
              + " WHERE r.vendor_account_id = ANY(?) AND"
              + byKey
              + " ORDER BY r.maintenance_start_date, r.license_key";
    }
    java.sql.Array accountArray = connection.createArrayOf("bigint", accounts.toArray(Long[]::new));
    java.sql.Array idArray = connection.createArrayOf("text", values);
    java.sql.Array kinds =
        connection.createArrayOf(
            "text",
            new String[] {
              "addonLicenseId", "licenseId", "appEntitlementId", "appEntitlementNumber"
            });
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      select.setArray(1, accountArray);
      select.setArray(2, accountArray);
      select.setArray(3, kinds);
      select.setArray(4, idArray);
      if (table == Table.TRANSACTIONS) {
        select.setArray(5, accountArray);
        for (int i = 6; i <= 9; i++) {
          select.setArray(i, idArray);
        }
      }
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          out.add(row(rows));
        }
      }
    }
    return out;
  }

  private void query(
      Connection connection,
      Criteria criteria,
      String suffix,
      List<Object> suffixParameters,
      int fetchSize,
      Consumer<Row> visitor)
      throws SQLException {
    List<Object> parameters = new ArrayList<>();
    String where = where(criteria, parameters);
    parameters.addAll(suffixParameters);
    String sql =
        "SELECT "
            + select()
            + " FROM "
            + from()
            + " WHERE "
            + where
            + " ORDER BY "
            + order(criteria)
            + suffix;
    try (PreparedStatement select = connection.prepareStatement(sql)) {
      if (fetchSize > 0) {
        select.setFetchSize(fetchSize);
      }
      bind(select, parameters);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          visitor.accept(row(rows));
        }
      }
    }
  }

  private String from() {
    return (table == Table.TRANSACTIONS ? "transaction_lines" : "licenses")
        + " r JOIN vendor_accounts a ON a.id = r.vendor_account_id";
  }

  private String key() {
    return table == Table.TRANSACTIONS ? "r.transaction_line_item_id" : "r.license_key::text";
  }

  private String select() {
    return "r.vendor_account_id, "
        + key()
        + ", "
        + columns(table).stream().map(Column::sql).collect(Collectors.joining(", "));
  }

  private Row row(ResultSet rows) throws SQLException {
    Map<String, Object> values = new LinkedHashMap<>();
    int i = 3;
    for (Column c : columns(table)) {
      Object value =
          switch (c.type()) {
            case TEXT -> rows.getString(i);
            case DATE -> {
              Date d = rows.getDate(i);
              yield d == null ? null : d.toLocalDate();
            }
            case CENTS -> {
              long cents = rows.getLong(i);
              yield rows.wasNull() ? null : cents;
            }
          };
      values.put(c.name(), value);
      i++;
    }
    return new Row(rows.getLong(1), rows.getString(2), values);
  }

  private String order(Criteria criteria) {
    String name = criteria.sort() == null ? defaultSort(table) : criteria.sort();
    Column column =
        columns(table).stream()
            .filter(c -> c.name().equals(name))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException(unknownSort(table, name)));
    // Sale dates are never null: without a NULLS clause the order is an index's (either way).
    String nulls = column.sql().equals("r.sale_date") ? "" : " NULLS LAST";
    String direction = criteria.descending() ? " DESC" : " ASC";
    String tieBreak = table == Table.TRANSACTIONS ? "r.transaction_line_item_id" : "r.license_key";
    String accounts =
        criteria.accounts().size() == 1 ? "" : "r.vendor_account_id" + direction + ", ";
    return column.sql() + direction + nulls + ", " + accounts + tieBreak + direction;
  }

  /** The message for a sort column that is not shown. */
  public static String unknownSort(Table table, String name) {
    return "sort must be one of "
        + columns(table).stream().map(Column::name).collect(Collectors.joining(", "))
        + ", not '"
        + name
        + "'";
  }

  private String where(Criteria criteria, List<Object> parameters) {
    StringBuilder where = new StringBuilder();
    if (criteria.accounts().size() == 1) {
      // One account, as a plain equality: the planner can then read an index in order.
      where.append("r.vendor_account_id = ?");
      parameters.add(criteria.accounts().iterator().next());
    } else {
      where.append("r.vendor_account_id = ANY(?)");
      parameters.add(criteria.accounts().toArray(Long[]::new));
    }
    Map<String, String> known = table == Table.TRANSACTIONS ? TRANSACTION_FILTERS : LICENSE_FILTERS;
    for (Map.Entry<String, String> f : new java.util.TreeMap<>(criteria.filters()).entrySet()) {
      String column = known.get(f.getKey());
      if (column == null) {
        throw new IllegalArgumentException(
            "unknown filter '" + f.getKey() + "'; expected one of " + known.keySet());
      }
      String value = f.getValue();
      if (f.getKey().equals("saleChannel")) {
        where.append(
            DIRECT.equalsIgnoreCase(value)
                ? " AND r.partner_name IS NULL"
                : " AND r.partner_name IS NOT NULL");
      } else if (UNKNOWN.equals(value)) {
        where
            .append(" AND (")
            .append(column)
            .append(" IS NULL OR ")
            .append(column)
            .append(" = '')");
      } else {
        where.append(" AND lower(").append(column).append(") = ?");
        parameters.add(value.toLowerCase(Locale.ROOT));
      }
    }
    if (criteria.text() != null && !criteria.text().isBlank()) {
      String pattern = "%" + escapeLike(criteria.text().strip()) + "%";
      List<String> columns = table == Table.TRANSACTIONS ? TRANSACTION_TEXT : LICENSE_TEXT;
      // One pass over the fields joined by a character no search holds, rather than one per field.
      where
          .append(" AND concat_ws(chr(31), ")
          .append(String.join(", ", columns))
          .append(") ILIKE ?");
      parameters.add(pattern.replace("\u001f", ""));
    }
    if (table == Table.TRANSACTIONS) {
      if (criteria.from() != null) {
        where.append(" AND r.sale_date >= ?");
        parameters.add(criteria.from());
      }
      if (criteria.until() != null) {
        where.append(" AND r.sale_date < ?");
        parameters.add(criteria.until());
      }
    } else {
      // Licenses whose maintenance overlaps the range.
      if (criteria.from() != null) {
        where.append(" AND (r.maintenance_end_date IS NULL OR r.maintenance_end_date >= ?)");
        parameters.add(criteria.from());
      }
      if (criteria.until() != null) {
        where.append(" AND (r.maintenance_start_date IS NULL OR r.maintenance_start_date < ?)");
        parameters.add(criteria.until());
      }
    }
    return where.toString();
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static void bind(PreparedStatement statement, List<Object> parameters)
      throws SQLException {
    for (int i = 0; i < parameters.size(); i++) {
      Object p = parameters.get(i);
      int at = i + 1;
      if (p instanceof Long[] ids) {
        statement.setArray(at, statement.getConnection().createArrayOf("bigint", ids));
      } else if (p instanceof LocalDate d) {
        statement.setObject(at, d);
      } else if (p instanceof Integer n) {
        statement.setInt(at, n);
      } else if (p instanceof Long n) {
        statement.setLong(at, n);
      } else {
        statement.setString(at, (String) p);
      }
    }
  }

  private static Map<String, String> ordered(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
