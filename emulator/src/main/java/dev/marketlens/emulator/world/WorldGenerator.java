package dev.marketlens.emulator.world;

import dev.marketlens.emulator.commerce.RevenueShare;
import dev.marketlens.emulator.commerce.ServiceEvent;
import dev.marketlens.emulator.commerce.Vendor;
import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.License;
import dev.marketlens.emulator.wire.OriginalTransaction;
import dev.marketlens.emulator.wire.PurchaseDetails;
import dev.marketlens.emulator.wire.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Generates a world: the catalog, then every customer's life (in parallel, each from its own seeded
 * stream), then numbers licenses, orders and lines in the order they were created (so a later clock
 * only appends) and materialises the versions served up to the clock.
 */
public final class WorldGenerator {

  private static final Comparator<LicenseLife> LICENSE_ORDER =
      Comparator.comparing((LicenseLife l) -> l.created)
          .thenComparingInt(l -> l.customer.index)
          .thenComparingLong(l -> l.journeyKey)
          .thenComparingInt(l -> l.localSeq);

  private static final Comparator<SaleLife> SALE_ORDER =
      Comparator.comparing((SaleLife s) -> s.created)
          .thenComparingInt(s -> s.customer.index)
          .thenComparingLong(s -> s.journeyKey)
          .thenComparingInt(s -> s.localSeq);

  private final RevenueShare share;

  public WorldGenerator() {
    this(RevenueShare.defaults());
  }

  public WorldGenerator(RevenueShare share) {
    this.share = share;
  }

  /** The world as of {@code spec.to()}. */
  public World generate(WorldSpec spec) {
    return generate(spec, spec.to());
  }

  /**
   * The world as of {@code clock} (on or after {@code spec.to()}): the same history as {@link
   * #generate(WorldSpec)} up to {@code spec.to()}, plus what happened since.
   */
  public World generate(WorldSpec spec, LocalDate clock) {
    if (clock.isBefore(spec.to())) {
      throw new IllegalArgumentException(
          "clock " + clock + " is before the world's end " + spec.to());
    }
    Ids ids = new Ids(spec.seed());
    List<Vendor> vendors = new CatalogGenerator(spec, ids).vendors();
    Simulation probe = new Simulation(spec, vendors, share, ids, clock);
    int customers = spec.customers();
    while (!probe.arrival(customers).isAfter(clock)) {
      customers++;
    }
    List<Simulation.Outcome> outcomes =
        IntStream.range(0, customers)
            .parallel()
            .mapToObj(i -> new Simulation(spec, vendors, share, ids, clock).simulate(i))
            .toList();

    List<LicenseLife> licenseLives = new ArrayList<>();
    List<SaleLife> saleLives = new ArrayList<>();
    List<FreeStarterEntitlement> freeStarter = new ArrayList<>();
    List<EvaluationEpisode> evaluations = new ArrayList<>();
    for (Simulation.Outcome o : outcomes) {
      licenseLives.addAll(o.licenses);
      saleLives.addAll(o.sales);
      freeStarter.addAll(o.freeStarter);
      evaluations.addAll(o.evaluations);
    }
    licenseLives.sort(LICENSE_ORDER);
    saleLives.sort(SALE_ORDER);
    number(licenseLives, saleLives, ids);

    List<RecordHistory<License>> licenses =
        licenseLives.parallelStream()
            .map(l -> new RecordHistory<>(l.lineage(), l.versions(clock)))
            .toList();
    List<RecordHistory<Transaction>> transactions =
        saleLives.parallelStream()
            .map(s -> new RecordHistory<>(s.state.transactionLineItemId, s.versions(clock)))
            .toList();
    List<ServiceEvent> events = new ArrayList<>(transactions.size());
    for (int i = 0; i < transactions.size(); i++) {
      events.add(serviceEvent(saleLives.get(i), transactions.get(i).latest()));
    }
    return new World(
        spec, clock, vendors, licenses, transactions, freeStarter, events, evaluations);
  }

  /** Assigns SENs, host license ids, transaction ids and line item ids in creation order. */
  private static void number(List<LicenseLife> licenses, List<SaleLife> sales, Ids ids) {
    long nextLicense = 10_000_001L;
    long nextHost = 50_000_001L;
    for (LicenseLife l : licenses) {
      if (l.hasSen) {
        l.addonLicenseId = Long.toString(nextLicense++);
        if (l.hosting == Hosting.CLOUD) {
          l.hostLicenseId = Long.toString(nextHost++);
        }
      }
      l.state.ids = l.idsOn(l.created);
    }
    long nextOrder = 1;
    long nextLine = 1;
    Map<String, String> orders = new HashMap<>();
    for (SaleLife s : sales) {
      String orderKey = s.customer.index + "|" + s.orderKey;
      String txId = orders.get(orderKey);
      if (txId == null) {
        txId = s.newBilling ? Ids.invoiceId(nextOrder++) : Ids.legacyTransactionId(nextOrder++);
        orders.put(orderKey, txId);
      }
      s.state.transactionId = txId;
      s.state.transactionLineItemId =
          s.newBilling
              ? ids.uuid(0x11, s.customer.index, s.journeyKey, s.localSeq)
              : Ids.numericLineItemId(nextLine++);
      s.state.ids = s.license.idsOn(s.created);
    }
    for (SaleLife s : sales) {
      if (s.refundOf != null) {
        s.state.originalTransactionDetails =
            new OriginalTransaction(s.refundOf.state.transactionId, s.refundOf.state.saleDate);
      }
    }
  }

  private static ServiceEvent serviceEvent(SaleLife life, Transaction t) {
    PurchaseDetails p = t.purchaseDetails();
    return new ServiceEvent(
        life.customer.key(),
        t.addonKey(),
        p.hosting(),
        life.license.lineage(),
        t.transactionLineItemId(),
        p.saleType(),
        p.saleDate(),
        p.maintenanceStartDate(),
        p.maintenanceEndDate(),
        p.billingPeriod(),
        p.vendorAmountCents(),
        p.purchasePriceCents(),
        p.purchasePriceCents() + p.discountTotalCents());
  }
}
