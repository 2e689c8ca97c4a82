package dev.marketlens.store;

import static dev.marketlens.store.Columns.cents;
import static dev.marketlens.store.Columns.text;
import static dev.marketlens.store.Columns.wire;

import dev.marketlens.model.BillingPeriod;
import dev.marketlens.model.Hosting;
import dev.marketlens.model.LicenseType;
import dev.marketlens.model.PaymentStatus;
import dev.marketlens.model.SaleType;
import dev.marketlens.model.id.TransactionLineItemId;
import dev.marketlens.model.transaction.TransactionLine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The transaction lines of each vendor account, keyed by {@code transactionLineItemId} (a {@code
 * transactionId} repeats across the lines of one order), with every version. Methods take the
 * caller's connection so that a batch, its versions and a sync checkpoint commit together.
 */
public final class TransactionLines {
  private static final List<Versioned.Column<TransactionLine>> COLUMNS =
      List.of(
          new Versioned.Column<>("transaction_id", t -> text(t.transactionId())),
          new Versioned.Column<>("addon_key", t -> text(t.app())),
          new Versioned.Column<>("addon_license_id", t -> text(t.licenseIds().addonLicenseId())),
          new Versioned.Column<>("license_id", t -> text(t.licenseIds().licenseId())),
          new Versioned.Column<>(
              "app_entitlement_id", t -> text(t.licenseIds().appEntitlementId())),
          new Versioned.Column<>(
              "app_entitlement_number", t -> text(t.licenseIds().appEntitlementNumber())),
          new Versioned.Column<>("product_id", t -> text(t.productId())),
          new Versioned.Column<>("addon_name", TransactionLine::appName),
          new Versioned.Column<>("sale_date", TransactionLine::saleDate),
          new Versioned.Column<>("sale_type", t -> wire(t.saleType(), SaleType::wire)),
          new Versioned.Column<>("license_type", t -> wire(t.licenseType(), LicenseType::wire)),
          new Versioned.Column<>("hosting", t -> wire(t.hosting(), Hosting::wire)),
          new Versioned.Column<>(
              "billing_period", t -> wire(t.billingPeriod(), BillingPeriod::wire)),
          new Versioned.Column<>("tier", t -> text(t.tier())),
          new Versioned.Column<>("old_tier", t -> text(t.oldTier())),
          new Versioned.Column<>("purchase_price_cents", t -> cents(t.purchasePrice())),
          new Versioned.Column<>("vendor_amount_cents", t -> cents(t.vendorAmount())),
          new Versioned.Column<>(
              "partner_discount_cents", t -> cents(t.legacyPartnerDiscountAmount())),
          new Versioned.Column<>("discounts", t -> Columns.discounts(t.discounts())),
          new Versioned.Column<>("refund_reason", t -> t.details().refundReason()),
          new Versioned.Column<>("credit_note_reason", t -> t.details().creditNoteReason()),
          new Versioned.Column<>(
              "original_transaction_id",
              t -> t.refundOf().map(o -> text(o.transactionId())).orElse(null)),
          new Versioned.Column<>(
              "original_sale_date", t -> t.refundOf().map(o -> o.saleDate()).orElse(null)),
          new Versioned.Column<>("maintenance_start_date", TransactionLine::maintenanceStartDate),
          new Versioned.Column<>("maintenance_end_date", TransactionLine::maintenanceEndDate),
          new Versioned.Column<>(
              "payment_status", t -> wire(t.paymentStatus(), PaymentStatus::wire)),
          new Versioned.Column<>("company", t -> t.customer().company()),
          new Versioned.Column<>("country", t -> t.customer().country()),
          new Versioned.Column<>("region", t -> t.customer().region()),
          new Versioned.Column<>("partner_name", t -> Columns.partnerName(t.partner())),
          new Versioned.Column<>("partner_type", t -> Columns.partnerType(t.partner())),
          new Versioned.Column<>("last_updated", t -> lastUpdated(t.lastUpdated())));

  /** The license ids a line carries: their kind in license_ids and their column here. */
  private static final String[][] ID_COLUMNS = {
    {"appEntitlementId", "app_entitlement_id"},
    {"appEntitlementNumber", "app_entitlement_number"},
    {"licenseId", "license_id"},
    {"addonLicenseId", "addon_license_id"}
  };

  private final Versioned<TransactionLine> table =
      new Versioned<>(
          "transaction_lines",
          "transaction_line_versions",
          "transaction_line_item_id",
          "text",
          true,
          COLUMNS);

  /**
   * Writes a batch of lines received for one account in the caller's transaction: new lines, new
   * versions of changed lines with their field diff, drift and redactions (see {@link
   * WriteResult}). A line that appears twice in the batch is written as its last occurrence.
   *
   * @param syncRun the sync run that received them; null for an import
   * @param seenAt when they were received
   */
  public WriteResult write(
      Connection connection,
      long account,
      List<Received<TransactionLine>> batch,
      Long syncRun,
      Instant seenAt)
      throws SQLException {
    Map<String, String> apps = new LinkedHashMap<>();
    List<Versioned.Pending<TransactionLine>> pending = new ArrayList<>(batch.size());
    for (Received<TransactionLine> received : batch) {
      TransactionLine line = received.value();
      apps.putIfAbsent(line.app().value(), line.appName());
      pending.add(
          new Versioned.Pending<>(
              line.lineItemId().value(),
              () -> "transaction line " + line.lineItemId() + " (" + line.transactionId() + ")",
              line,
              received.json(),
              lastUpdated(line.lastUpdated()),
              received.unknown()));
    }
    Apps.ensure(connection, account, apps);
    return table.write(connection, account, pending, syncRun, seenAt);
  }

  /** Every stored line of an account as JSON, in line item id order, read with a cursor. */
  public void forEachRecord(Connection connection, long account, RecordVisitor visitor)
      throws SQLException {
    table.forEachRecord(connection, account, visitor);
  }

  /** Every version of one line, oldest first; empty when the line is unknown. */
  public List<RecordVersion> history(
      Connection connection, long account, TransactionLineItemId lineItem) throws SQLException {
    return table.history(connection, account, lineItem.value());
  }

  /** The line item ids of an order ({@code transactionId}), in order. */
  public List<TransactionLineItemId> linesOf(
      Connection connection, long account, String transactionId) throws SQLException {
    List<TransactionLineItemId> lines = new ArrayList<>();
    try (PreparedStatement select =
        connection.prepareStatement(
            "SELECT transaction_line_item_id FROM transaction_lines"
                + " WHERE vendor_account_id = ? AND transaction_id = ?"
                + " ORDER BY transaction_line_item_id")) {
      select.setLong(1, account);
      select.setString(2, transactionId);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          lines.add(TransactionLineItemId.of(rows.getString(1)));
        }
      }
    }
    return lines;
  }

  /**
   * Points each line at its license, by any id the license has had; returns how many lines were
   * linked. Lines can arrive before their license, so this runs after each sync or import.
   */
  public int linkLicenses(Connection connection, long account) throws SQLException {
    // Tables just loaded in this transaction, or not analyzed since, look tiny to the planner,
    // which then joins by nested loop: one scan of the account's lines per license id, quadratic
    // in the size of a first sync or import. A hash or merge join reads each side once.
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET LOCAL enable_nestloop = off");
    }
    try {
      return link(connection, account);
    } finally {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SET LOCAL enable_nestloop = on");
      }
    }
  }

  private static int link(Connection connection, long account) throws SQLException {
    int linked = 0;
    for (String[] id : ID_COLUMNS) {
      try (PreparedStatement update =
          connection.prepareStatement(
              "UPDATE transaction_lines t SET license_key = i.license_key FROM license_ids i"
                  + " WHERE t.vendor_account_id = ? AND t.license_key IS NULL"
                  + " AND i.vendor_account_id = t.vendor_account_id AND i.id_kind = ?"
                  + " AND i.id_value = t."
                  + id[1])) {
        update.setLong(1, account);
        update.setString(2, id[0]);
        linked += update.executeUpdate();
      }
    }
    return linked;
  }

  /**
   * The line item ids of the account's lines neither written nor seen since a time (by a write of
   * this class), in order.
   */
  /** Forgets the sightings before a full pass's start, once the pass is done. */
  public int forgetSightingsBefore(Connection connection, long account, Instant before)
      throws SQLException {
    return table.forgetSightingsBefore(connection, account, before);
  }

  public List<String> notSeenSince(Connection connection, long account, Instant since)
      throws SQLException {
    return table.notSeenSince(connection, account, since, "t.transaction_line_item_id");
  }

  /** How many lines an account has. */
  public long count(Connection connection, long account) throws SQLException {
    return Counts.of(connection, "transaction_lines", account);
  }

  static LocalDate lastUpdated(Instant lastUpdated) {
    return lastUpdated == null ? null : LocalDate.ofInstant(lastUpdated, ZoneOffset.UTC);
  }
}
