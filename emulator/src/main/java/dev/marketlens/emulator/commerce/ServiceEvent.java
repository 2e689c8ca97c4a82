package dev.marketlens.emulator.commerce;

import dev.marketlens.emulator.wire.BillingPeriod;
import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.SaleType;
import java.time.LocalDate;

/**
 * A sale, renewal, upgrade, downgrade or refund as it happened: the engine's own record of the
 * money and the service period it bought, with the true customer and license it belongs to. The
 * ground-truth ledger is computed from these, never from the exported records.
 *
 * @param customer the customer's true identity
 * @param lineage the license the sale belongs to, across every id it was reported under
 * @param lineItem the transaction line reporting it (tie-breaker when ordering)
 * @param netCents the vendor amount
 * @param grossCents the purchase price
 * @param listCents the purchase price plus every discount
 */
public record ServiceEvent(
    String customer,
    String addonKey,
    Hosting hosting,
    String lineage,
    String lineItem,
    SaleType saleType,
    LocalDate saleDate,
    LocalDate start,
    LocalDate end,
    BillingPeriod billingPeriod,
    long netCents,
    long grossCents,
    long listCents) {

  /** The amount that feeds MRR on a basis. */
  public long amount(MrrLedger.Basis basis) {
    return switch (basis) {
      case NET -> netCents;
      case GROSS -> grossCents;
      case LIST -> listCents;
    };
  }
}
