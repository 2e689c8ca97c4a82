package dev.marketlens.store;

import dev.marketlens.model.Money;
import dev.marketlens.model.remittance.RemittanceLine;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The imported remittance lines ({@code remittance_lines}, written by the importer), read back per
 * vendor account and month of sale date for the reconciliation.
 */
public final class RemittanceLines {

  /** One stored line: its account, the file it was imported from, its number there. */
  public record Stored(long accountId, String fileName, int lineNumber, RemittanceLine line) {}

  private static final LocalDate FIRST = LocalDate.of(1, 1, 1);
  private static final LocalDate LAST = LocalDate.of(9999, 12, 31);

  private final Database database;

  public RemittanceLines(Database database) {
    this.database = database;
  }

  /**
   * The lines of the accounts sold in {@code from}…{@code to} (either null: open), by account,
   * import and line number. A file imported later that carries a reference (a bill or bill-credit
   * number) an earlier file carries re-issues it: the earlier file's lines no longer count, so a
   * corrected remittance replaces the one it corrects instead of adding to it.
   */
  public List<Stored> list(Collection<Long> accounts, YearMonth from, YearMonth to) {
    if (accounts.isEmpty()) {
      return List.of();
    }
    return database.inTransaction(
        "read the imported remittance lines",
        c -> {
          List<Stored> out = new ArrayList<>();
          try (PreparedStatement select =
              c.prepareStatement(
                  "WITH refs AS (SELECT DISTINCT vendor_account_id, import_batch_id, reference"
                      + " FROM remittance_lines WHERE vendor_account_id = ANY (?)),"
                      + " superseded AS (SELECT DISTINCT o.import_batch_id FROM refs o JOIN refs"
                      + " n ON n.vendor_account_id = o.vendor_account_id AND n.reference ="
                      + " o.reference AND n.import_batch_id > o.import_batch_id)"
                      + " SELECT r.vendor_account_id, b.file_name, r.line_number, r.sale_date,"
                      + " r.order_id, r.license_id, r.customer_name, r.app_name,"
                      + " r.sale_price_cents, r.net_revenue_cents, r.reference"
                      + " FROM remittance_lines r JOIN import_batches b ON b.id ="
                      + " r.import_batch_id WHERE r.vendor_account_id = ANY (?) AND r.sale_date"
                      + " >= ? AND r.sale_date <= ? AND r.import_batch_id NOT IN (SELECT"
                      + " import_batch_id FROM superseded) ORDER BY r.vendor_account_id, b.id,"
                      + " r.line_number")) {
            Array ids = ids(c, accounts);
            select.setArray(1, ids);
            select.setArray(2, ids);
            select.setObject(3, from == null ? FIRST : from.atDay(1));
            select.setObject(4, to == null ? LAST : to.atEndOfMonth());
            select.setFetchSize(10_000);
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                out.add(
                    new Stored(
                        rows.getLong(1),
                        rows.getString(2),
                        rows.getInt(3),
                        new RemittanceLine(
                            rows.getObject(4, LocalDate.class),
                            rows.getString(5),
                            rows.getString(6),
                            rows.getString(7),
                            rows.getString(8),
                            Money.ofCents(rows.getLong(9)),
                            Money.ofCents(rows.getLong(10)),
                            rows.getString(11))));
              }
            }
          }
          return out;
        });
  }

  /** The months of sale date the accounts' imported lines cover, in order. */
  public List<YearMonth> months(Collection<Long> accounts) {
    if (accounts.isEmpty()) {
      return List.of();
    }
    return database.inTransaction(
        "read the months of the imported remittance lines",
        c -> {
          List<YearMonth> out = new ArrayList<>();
          try (PreparedStatement select =
              c.prepareStatement(
                  "SELECT DISTINCT date_trunc('month', sale_date)::date AS month FROM"
                      + " remittance_lines WHERE vendor_account_id = ANY (?) ORDER BY month")) {
            select.setArray(1, ids(c, accounts));
            try (ResultSet rows = select.executeQuery()) {
              while (rows.next()) {
                out.add(YearMonth.from(rows.getObject(1, LocalDate.class)));
              }
            }
          }
          return out;
        });
  }

  private static Array ids(Connection c, Collection<Long> accounts) throws SQLException {
    return c.createArrayOf("bigint", accounts.toArray(new Long[0]));
  }
}
