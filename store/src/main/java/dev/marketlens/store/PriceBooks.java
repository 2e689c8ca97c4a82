package dev.marketlens.store;

import dev.marketlens.model.Hosting;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Each vendor account's price book (table {@code price_book_prices}): list prices by app, hosting,
 * effective date and tier, as the pricing audit reads them.
 */
public final class PriceBooks {

  /**
   * One stored price.
   *
   * @param tier the tier's wire spelling, e.g. {@code 100 Users}
   * @param priceCents a month for Cloud, a year for Server and Data Center
   * @param renewalPriceCents a renewed year, or null
   */
  public record Price(
      String app,
      Hosting hosting,
      LocalDate effectiveFrom,
      String tier,
      long priceCents,
      Long renewalPriceCents) {}

  private final Database database;

  public PriceBooks(Database database) {
    this.database = database;
  }

  /** The account's prices, by app, hosting, effective date and tier. */
  public List<Price> list(long accountId) {
    return database.inTransaction(
        "read the price book",
        c -> {
          List<Price> out = new ArrayList<>();
          try (PreparedStatement s =
              c.prepareStatement(
                  "SELECT app_key, hosting, effective_from, tier, price_cents, renewal_price_cents"
                      + " FROM price_book_prices WHERE vendor_account_id = ?"
                      + " ORDER BY app_key, hosting, effective_from, tier")) {
            s.setLong(1, accountId);
            try (ResultSet rows = s.executeQuery()) {
              while (rows.next()) {
                long renewal = rows.getLong(6);
                Long renewalOrNull = rows.wasNull() ? null : renewal;
                out.add(
                    new Price(
                        rows.getString(1),
                        Hosting.fromWire(rows.getString(2)),
                        rows.getDate(3).toLocalDate(),
                        rows.getString(4),
                        rows.getLong(5),
                        renewalOrNull));
              }
            }
          }
          return out;
        });
  }

  /**
   * Imports prices in one transaction: every plan (app, hosting, effective date) the prices name is
   * replaced by the prices given; other plans stay. Nothing is written when anything fails.
   *
   * @return the number of plans written
   */
  public int importPlans(long accountId, List<Price> prices) {
    return database.inTransaction(
        "import the price book",
        c -> {
          Set<List<Object>> plans = new LinkedHashSet<>();
          for (Price p : prices) {
            plans.add(List.of(p.app(), p.hosting(), p.effectiveFrom()));
          }
          try (PreparedStatement delete =
              c.prepareStatement(
                  "DELETE FROM price_book_prices WHERE vendor_account_id = ? AND app_key = ?"
                      + " AND hosting = ? AND effective_from = ?")) {
            for (List<Object> plan : plans) {
              delete.setLong(1, accountId);
              delete.setString(2, (String) plan.get(0));
              delete.setString(3, ((Hosting) plan.get(1)).wire());
              delete.setDate(4, Date.valueOf((LocalDate) plan.get(2)));
              delete.addBatch();
            }
            delete.executeBatch();
          }
          for (Price p : prices) {
            upsert(c, accountId, p);
          }
          return plans.size();
        });
  }

  /** Adds or changes one price. */
  public void put(long accountId, Price price) {
    database.inTransaction(
        "save a price",
        c -> {
          upsert(c, accountId, price);
          return null;
        });
  }

  /** Removes one price; false when there was none. */
  public boolean remove(
      long accountId, String app, Hosting hosting, LocalDate effectiveFrom, String tier) {
    return database.inTransaction(
        "remove a price",
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "DELETE FROM price_book_prices WHERE vendor_account_id = ? AND app_key = ?"
                      + " AND hosting = ? AND effective_from = ? AND tier = ?")) {
            s.setLong(1, accountId);
            s.setString(2, app);
            s.setString(3, hosting.wire());
            s.setDate(4, Date.valueOf(effectiveFrom));
            s.setString(5, tier);
            return s.executeUpdate() > 0;
          }
        });
  }

  private static void upsert(Connection c, long accountId, Price p) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement(
            "INSERT INTO price_book_prices (vendor_account_id, app_key, hosting, effective_from,"
                + " tier, price_cents, renewal_price_cents) VALUES (?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (vendor_account_id, app_key, hosting, effective_from, tier) DO"
                + " UPDATE SET price_cents = excluded.price_cents, renewal_price_cents ="
                + " excluded.renewal_price_cents, updated_at = now()")) {
      s.setLong(1, accountId);
      s.setString(2, p.app());
      s.setString(3, p.hosting().wire());
      s.setDate(4, Date.valueOf(p.effectiveFrom()));
      s.setString(5, p.tier());
      s.setLong(6, p.priceCents());
      if (p.renewalPriceCents() == null) {
        s.setNull(7, Types.BIGINT);
      } else {
        s.setLong(7, p.renewalPriceCents());
      }
      s.executeUpdate();
    }
  }
}
