package dev.marketlens.store;

import static dev.marketlens.store.Columns.text;
import static dev.marketlens.store.Columns.wire;

import dev.marketlens.model.Hosting;
import dev.marketlens.model.LicenseStatus;
import dev.marketlens.model.LicenseType;
import dev.marketlens.model.license.License;
import dev.marketlens.model.license.UpgradeEvaluation;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The licenses of each vendor account, one row per license however many ids it has had: a record is
 * matched to a stored license by any of its {@code appEntitlementId}, {@code appEntitlementNumber},
 * {@code licenseId} (SEN) or {@code addonLicenseId}, so a SEN that becomes an entitlement number on
 * Data Center conversion keeps its license, its {@code license_key} and its history. Methods take
 * the caller's connection, so a batch commits with its versions.
 */
public final class Licenses {
  /** The ids that name one license, in the order they are trusted to find it. */
  private static final List<String> ID_KINDS =
      List.of("appEntitlementId", "appEntitlementNumber", "licenseId", "addonLicenseId");

  private static final List<Versioned.Column<License>> COLUMNS =
      List.of(
          new Versioned.Column<>("addon_key", l -> text(l.app())),
          new Versioned.Column<>("addon_license_id", l -> text(l.ids().addonLicenseId())),
          new Versioned.Column<>("license_id", l -> text(l.ids().licenseId())),
          new Versioned.Column<>("host_license_id", l -> text(l.ids().hostLicenseId())),
          new Versioned.Column<>("app_entitlement_id", l -> text(l.ids().appEntitlementId())),
          new Versioned.Column<>(
              "app_entitlement_number", l -> text(l.ids().appEntitlementNumber())),
          new Versioned.Column<>("host_entitlement_id", l -> text(l.ids().hostEntitlementId())),
          new Versioned.Column<>(
              "host_entitlement_number", l -> text(l.ids().hostEntitlementNumber())),
          new Versioned.Column<>("cloud_id", l -> text(l.ids().cloudId())),
          new Versioned.Column<>("cloud_site_hostname", License::cloudSiteHostname),
          new Versioned.Column<>("product_id", l -> text(l.productId())),
          new Versioned.Column<>("addon_name", License::appName),
          new Versioned.Column<>("hosting", l -> wire(l.hosting(), Hosting::wire)),
          new Versioned.Column<>("app_edition", License::appEdition),
          new Versioned.Column<>("license_type", l -> wire(l.licenseType(), LicenseType::wire)),
          new Versioned.Column<>("status", l -> wire(l.status(), LicenseStatus::wire)),
          new Versioned.Column<>("tier", l -> text(l.tier())),
          new Versioned.Column<>("maintenance_start_date", License::maintenanceStartDate),
          new Versioned.Column<>("maintenance_end_date", License::maintenanceEndDate),
          new Versioned.Column<>("company", l -> l.customer().company()),
          new Versioned.Column<>("country", l -> l.customer().country()),
          new Versioned.Column<>("region", l -> l.customer().region()),
          new Versioned.Column<>(
              "technical_contact_email", l -> l.customer().technicalContact().email()),
          new Versioned.Column<>(
              "technical_contact_name", l -> l.customer().technicalContact().name()),
          new Versioned.Column<>(
              "billing_contact_email", l -> l.customer().billingContact().email()),
          new Versioned.Column<>("billing_contact_name", l -> l.customer().billingContact().name()),
          new Versioned.Column<>("partner_name", l -> Columns.partnerName(l.partner())),
          new Versioned.Column<>("partner_type", l -> Columns.partnerType(l.partner())),
          new Versioned.Column<>(
              "evaluation_license",
              l -> l.dataInsights().map(i -> i.evaluationLicense()).orElse(null)),
          new Versioned.Column<>(
              "latest_evaluation_start_date", l -> l.details().latestEvaluationStartDate()),
          new Versioned.Column<>(
              "latest_maintenance_start_date", l -> l.details().latestMaintenanceStartDate()),
          new Versioned.Column<>(
              "upgrade_evaluation_start_date",
              l -> upgrade(l) == null ? null : upgrade(l).startDate()),
          new Versioned.Column<>(
              "upgrade_evaluation_end_date", l -> upgrade(l) == null ? null : upgrade(l).endDate()),
          new Versioned.Column<>(
              "upgrade_evaluating_edition", l -> upgrade(l) == null ? null : upgrade(l).edition()),
          new Versioned.Column<>("transaction_account_id", l -> l.details().transactionAccountId()),
          new Versioned.Column<>("license_source_type", l -> l.details().licenseSourceType()),
          new Versioned.Column<>("license_level", l -> l.details().licenseLevel()),
          new Versioned.Column<>(
              "last_updated", l -> TransactionLines.lastUpdated(l.lastUpdated())));

  private static UpgradeEvaluation upgrade(License license) {
    return license.details().upgradeEvaluation();
  }

  private final Versioned<License> table =
      new Versioned<>("licenses", "license_versions", "license_key", "int8", false, COLUMNS);

  /**
   * Writes a batch of licenses received for one account in the caller's transaction, each matched
   * to its stored license by any id it shares with it; new ids of a known license are added to it.
   * A license that appears twice in the batch is written as its last occurrence.
   *
   * @param syncRun the sync run that received them; null for an import
   * @param seenAt when they were received
   */
  public WriteResult write(
      Connection connection,
      long account,
      List<Received<License>> batch,
      Long syncRun,
      Instant seenAt)
      throws SQLException {
    if (batch.isEmpty()) {
      return WriteResult.NONE;
    }
    List<String> values = new ArrayList<>();
    for (Received<License> received : batch) {
      ids(received.value()).forEach((kind, value) -> values.add(value));
    }
    Map<String, Long> known = knownIds(connection, account, values);

    // Resolve each license to a stored key, or to a new one shared by the batch's duplicates.
    Map<String, Long> keys = new HashMap<>(known);
    Long[] resolved = new Long[batch.size()];
    int newCount = 0;
    for (int i = 0; i < batch.size(); i++) {
      Map<String, String> ids = ids(batch.get(i).value());
      Long key = null;
      for (var id : ids.entrySet()) {
        key = keys.get(id.getKey() + ':' + id.getValue());
        if (key != null) {
          break;
        }
      }
      if (key == null) {
        key = -(long) ++newCount; // a placeholder until the sequence gives the real key
      }
      resolved[i] = key;
      for (var id : ids.entrySet()) {
        keys.putIfAbsent(id.getKey() + ':' + id.getValue(), key);
      }
    }
    long[] allocated = allocate(connection, newCount);

    Map<String, String> apps = new LinkedHashMap<>();
    List<Versioned.Pending<License>> pending = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      License license = batch.get(i).value();
      apps.putIfAbsent(license.app().value(), license.appName());
      pending.add(
          new Versioned.Pending<>(
              real(resolved[i], allocated),
              () -> "license " + label(license),
              license,
              batch.get(i).json(),
              TransactionLines.lastUpdated(license.lastUpdated()),
              batch.get(i).unknown()));
    }
    Apps.ensure(connection, account, apps);
    WriteResult result = table.write(connection, account, pending, syncRun, seenAt);
    addIds(connection, account, keys, known, allocated);
    return result;
  }

  /** The license an id names (any kind), if any. */
  public Optional<Long> find(Connection connection, long account, String id) throws SQLException {
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT license_key FROM license_ids WHERE vendor_account_id = ? AND id_value = ?"
                + " LIMIT 1")) {
      select.setLong(1, account);
      select.setString(2, id);
      try (ResultSet rows = select.executeQuery()) {
        return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
      }
    }
  }

  /** Every stored license of an account as JSON, in license key order, read with a cursor. */
  public void forEachRecord(Connection connection, long account, RecordVisitor visitor)
      throws SQLException {
    table.forEachRecord(connection, account, visitor);
  }

  /**
   * The licenses of the account neither written nor seen since a time, each by the id a person
   * would search for (entitlement number, else SEN, else add-on license id, else entitlement id),
   * in order.
   */
  /** Forgets the sightings before a full pass's start, once the pass is done. */
  public int forgetSightingsBefore(Connection connection, long account, Instant before)
      throws SQLException {
    return table.forgetSightingsBefore(connection, account, before);
  }

  public List<String> notSeenSince(Connection connection, long account, Instant since)
      throws SQLException {
    return table.notSeenSince(
        connection,
        account,
        since,
        "coalesce(t.app_entitlement_number, t.license_id, t.addon_license_id,"
            + " t.app_entitlement_id)");
  }

  /** Every version of one license, oldest first; empty when the key is unknown. */
  public List<RecordVersion> history(Connection connection, long account, long licenseKey)
      throws SQLException {
    return table.history(connection, account, licenseKey);
  }

  /** How many licenses an account has. */
  public long count(Connection connection, long account) throws SQLException {
    return Counts.of(connection, "licenses", account);
  }

  /** The ids of a license that name it, by kind, in the order they are trusted. */
  private static Map<String, String> ids(License license) {
    Map<String, String> ids = new LinkedHashMap<>();
    var all = license.ids();
    put(ids, ID_KINDS.get(0), all.appEntitlementId());
    put(ids, ID_KINDS.get(1), all.appEntitlementNumber());
    put(ids, ID_KINDS.get(2), all.licenseId());
    put(ids, ID_KINDS.get(3), all.addonLicenseId());
    return ids;
  }

  private static void put(Map<String, String> ids, String kind, Object id) {
    if (id != null) {
      ids.put(kind, id.toString());
    }
  }

  private static String label(License license) {
    Map<String, String> ids = ids(license);
    return ids.isEmpty() ? license.ids().toString() : ids.values().iterator().next();
  }

  private static Map<String, Long> knownIds(
      Connection connection, long account, List<String> values) throws SQLException {
    Map<String, Long> known = new HashMap<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT id_kind, id_value, license_key FROM license_ids"
                + " WHERE vendor_account_id = ? AND id_value = ANY(?)")) {
      select.setLong(1, account);
      select.setArray(2, connection.createArrayOf("text", values.toArray()));
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          known.put(rows.getString(1) + ':' + rows.getString(2), rows.getLong(3));
        }
      }
    }
    return known;
  }

  /** The key a placeholder (negative: the n-th new license) stands for; a real key itself. */
  private static long real(long key, long[] allocated) {
    return key < 0 ? allocated[(int) (-key - 1)] : key;
  }

  private static long[] allocate(Connection connection, int count) throws SQLException {
    long[] keys = new long[count];
    if (count == 0) {
      return keys;
    }
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT nextval(pg_get_serial_sequence('licenses', 'license_key'))"
                + " FROM generate_series(1, ?)")) {
      select.setInt(1, count);
      try (ResultSet rows = select.executeQuery()) {
        for (int i = 0; rows.next(); i++) {
          keys[i] = rows.getLong(1);
        }
      }
    }
    return keys;
  }

  /** Records every id of the batch that was not yet known, under its license. */
  private static void addIds(
      Connection connection,
      long account,
      Map<String, Long> keys,
      Map<String, Long> known,
      long[] allocated)
      throws SQLException {
    CopyRows rows = new CopyRows();
    for (var id : keys.entrySet()) {
      if (known.containsKey(id.getKey())) {
        continue;
      }
      long key = real(id.getValue(), allocated);
      int colon = id.getKey().indexOf(':');
      rows.add(account)
          .add(id.getKey().substring(0, colon))
          .add(id.getKey().substring(colon + 1))
          .add(key)
          .endRow();
    }
    rows.copyInto(
        connection,
        "license_ids",
        List.of("vendor_account_id", "id_kind", "id_value", "license_key"));
  }
}
