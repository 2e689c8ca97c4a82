package dev.marketlens.emulator.world;

import dev.marketlens.emulator.commerce.MrrLedger;
import dev.marketlens.emulator.commerce.Vendor;
import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.License;
import dev.marketlens.emulator.wire.LicenseType;
import dev.marketlens.emulator.wire.PurchaseDetails;
import dev.marketlens.emulator.wire.SaleType;
import dev.marketlens.emulator.wire.Transaction;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Counts and totals that describe a world at a glance. */
public record WorldSummary(
    int customers,
    int licenses,
    int evaluationLicenses,
    int transactionLines,
    int licenseVersions,
    int transactionVersions,
    int zeroDollarLines,
    Map<Hosting, Integer> linesByHosting,
    Map<SaleType, Integer> linesBySaleType,
    long grossCents,
    long vendorCents,
    long refundedCents,
    List<VendorMrr> vendors) {

  /** A vendor's MRR and paying customers at the end of the world. */
  public record VendorMrr(Vendor vendor, long closingMrrCents, int payingCustomers) {}

  public static WorldSummary of(World world, List<GroundTruth> truths) {
    Map<Hosting, Integer> byHosting = new EnumMap<>(Hosting.class);
    Map<SaleType, Integer> bySaleType = new EnumMap<>(SaleType.class);
    long gross = 0;
    long vendor = 0;
    long refunded = 0;
    int zero = 0;
    int transactionVersions = 0;
    for (RecordHistory<Transaction> h : world.transactionHistories()) {
      transactionVersions += h.size();
      PurchaseDetails p = h.latest().purchaseDetails();
      byHosting.merge(p.hosting(), 1, Integer::sum);
      bySaleType.merge(p.saleType(), 1, Integer::sum);
      gross += p.purchasePriceCents();
      vendor += p.vendorAmountCents();
      if (p.saleType() == SaleType.REFUND) {
        refunded += p.purchasePriceCents();
      }
      if (p.purchasePriceCents() == 0) {
        zero++;
      }
    }
    int evaluations = 0;
    int licenseVersions = 0;
    for (RecordHistory<License> h : world.licenseHistories()) {
      licenseVersions += h.size();
      if (h.latest().licenseType() == LicenseType.EVALUATION) {
        evaluations++;
      }
    }
    java.util.Set<String> customers = new java.util.HashSet<>();
    customers.addAll(world.customersWithSales());
    world.evaluations().forEach(e -> customers.add(e.customer()));
    List<VendorMrr> vendors =
        truths.stream()
            .map(
                t -> {
                  List<MrrLedger.Movements> m = t.movements();
                  MrrLedger.Movements last = m.get(m.size() - 1);
                  return new VendorMrr(t.vendor(), last.closingMrr(), last.customers());
                })
            .toList();
    return new WorldSummary(
        customers.size(),
        world.licenseHistories().size(),
        evaluations,
        world.transactionHistories().size(),
        licenseVersions,
        transactionVersions,
        zero,
        byHosting,
        bySaleType,
        gross,
        vendor,
        refunded,
        vendors);
  }
}
