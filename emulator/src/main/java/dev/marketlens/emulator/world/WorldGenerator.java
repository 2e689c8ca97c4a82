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
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Generates a world: the catalog, then every customer's life (in parallel, each from its own seeded
 * stream), then numbers licenses, orders and lines in the order they were created (so a later clock
 * only appends) and materialises the versions served up to the clock.
 */
public final class WorldGenerator {

  /** A customer's licenses in creation order: day, journey, place in the journey. */
  private static final Comparator<LicenseLife> LICENSE_ORDER =
      (a, b) -> {
        int c = a.created.compareTo(b.created);
        if (c == 0) {
          c = Long.compare(a.journeyKey, b.journeyKey);
        }
        return c != 0 ? c : Integer.compare(a.localSeq, b.localSeq);
      };

  /** A customer's transaction lines in creation order. */
  private static final Comparator<SaleLife> SALE_ORDER =
      (a, b) -> {
        int c = a.created.compareTo(b.created);
        if (c == 0) {
          c = Long.compare(a.journeyKey, b.journeyKey);
        }
        return c != 0 ? c : Integer.compare(a.localSeq, b.localSeq);
      };

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
    // Each customer is simulated and materialised on its own, in parallel: its working state is
    // dropped as soon as its records exist. Ids are derived from (day, customer, rank), so no
    // global numbering pass is needed and a later clock only adds ids.
    List<CustomerRecords> perCustomer =
        IntStream.range(0, customers)
            .parallel()
            .mapToObj(
                i ->
                    materialise(
                        new Simulation(spec, vendors, share, ids, clock).simulate(i), ids, clock))
            .toList();

    List<FreeStarterEntitlement> freeStarter = new ArrayList<>();
    List<EvaluationEpisode> evaluations = new ArrayList<>();
    for (CustomerRecords r : perCustomer) {
      freeStarter.addAll(r.freeStarter);
      evaluations.addAll(r.evaluations);
    }
    // The two merges are independent: run them side by side.
    List<CustomerRecords> all = perCustomer;
    CompletableFuture<RecordHistory<?>[]> mergedLicenses =
        CompletableFuture.supplyAsync(
            () -> {
              RecordHistory<?>[] merged = new RecordHistory<?>[total(all, r -> r.licenseDays)];
              inCreationOrder(
                  all, r -> r.licenseDays, (r, k, at) -> merged[at] = r.licenses.get(k));
              return merged;
            });
    int lineCount = total(perCustomer, r -> r.lineDays);
    RecordHistory<?>[] lines = new RecordHistory<?>[lineCount];
    ServiceEvent[] eventOfLine = new ServiceEvent[lineCount];
    inCreationOrder(
        perCustomer,
        r -> r.lineDays,
        (r, k, at) -> {
          lines[at] = r.lines.get(k);
          eventOfLine[at] = r.events.get(k);
        });
    List<List<ServiceEvent>> eventsByCustomer = new ArrayList<>(perCustomer.size());
    List<List<RecordHistory<Transaction>>> linesByCustomer = new ArrayList<>(perCustomer.size());
    LocalDate firstServiceStart = null;
    for (CustomerRecords r : perCustomer) {
      eventsByCustomer.add(r.events);
      linesByCustomer.add(r.lines);
      if (r.firstServiceStart != null
          && (firstServiceStart == null || r.firstServiceStart.isBefore(firstServiceStart))) {
        firstServiceStart = r.firstServiceStart;
      }
    }
    perCustomer = null;
    @SuppressWarnings("unchecked")
    List<RecordHistory<License>> licenses =
        (List<RecordHistory<License>>) (List<?>) Arrays.asList(mergedLicenses.join());
    @SuppressWarnings("unchecked")
    List<RecordHistory<Transaction>> transactions =
        (List<RecordHistory<Transaction>>) (List<?>) Arrays.asList(lines);
    return new World(
        spec,
        clock,
        vendors,
        licenses,
        transactions,
        freeStarter,
        eventOfLine,
        linesByCustomer,
        eventsByCustomer,
        firstServiceStart,
        evaluations);
  }

  /** What one customer left in the world: its records, ready to be merged in creation order. */
  static final class CustomerRecords {
    final List<RecordHistory<License>> licenses = new ArrayList<>();

    /** The licenses' creation days (epoch days), in order. */
    final int[] licenseDays;

    final List<RecordHistory<Transaction>> lines = new ArrayList<>();

    /** The service event each line reports, as of the clock. */
    final List<ServiceEvent> events = new ArrayList<>();

    /** The lines' creation days (epoch days), in order. */
    final int[] lineDays;

    /** The earliest start of service of the customer's events, null without any. */
    LocalDate firstServiceStart;

    final List<FreeStarterEntitlement> freeStarter;
    final List<EvaluationEpisode> evaluations;

    CustomerRecords(Simulation.Outcome o) {
      this.freeStarter = o.freeStarter;
      this.evaluations = o.evaluations;
      this.licenseDays = new int[o.licenses.size()];
      this.lineDays = new int[o.sales.size()];
    }
  }

  /**
   * Numbers one customer's licenses, orders and lines, then materialises their versions up to the
   * clock. Licenses and lines come out in creation order (day, journey, sequence).
   */
  private static CustomerRecords materialise(Simulation.Outcome o, Ids ids, LocalDate clock) {
    int customer = o.customer.index;
    o.licenses.sort(LICENSE_ORDER);
    o.sales.sort(SALE_ORDER);
    LocalDate day = null;
    int rank = 0;
    for (LicenseLife l : o.licenses) {
      rank = l.created.equals(day) ? rank + 1 : 0;
      day = l.created;
      if (l.hasSen) {
        l.addonLicenseId = Ids.licenseNumber(day, customer, rank);
        if (l.hosting == Hosting.CLOUD) {
          l.hostLicenseId = Ids.hostLicenseNumber(day, customer, rank);
        }
      }
      l.state.ids = l.idsOn(l.created);
    }
    List<OrderKey> keys = new ArrayList<>();
    List<String> orderIds = new ArrayList<>();
    day = null;
    rank = 0;
    for (SaleLife s : o.sales) {
      if (!s.created.equals(day)) {
        keys.clear();
        orderIds.clear();
        day = s.created;
        rank = 0;
      } else {
        rank++;
      }
      OrderKey key = new OrderKey(s.orderKey, s.state.hosting, s.newBilling);
      int known = keys.indexOf(key);
      String txId;
      if (known >= 0) {
        txId = orderIds.get(known);
      } else {
        txId =
            s.newBilling
                ? Ids.invoiceId(day, customer, keys.size())
                : Ids.legacyTransactionId(day, customer, keys.size());
        keys.add(key);
        orderIds.add(txId);
      }
      s.state.transactionId = txId;
      s.state.transactionLineItemId =
          s.newBilling
              ? ids.uuid(0x11, customer, s.journeyKey, s.localSeq)
              : Ids.lineNumber(day, customer, rank);
      s.state.ids = s.license.idsOn(s.created);
    }
    CustomerRecords records = new CustomerRecords(o);
    for (SaleLife s : o.sales) {
      if (s.refundOf != null) {
        s.state.originalTransactionDetails =
            new OriginalTransaction(s.refundOf.state.transactionId, s.refundOf.state.saleDate);
      }
      RecordHistory<Transaction> history =
          new RecordHistory<>(s.state.transactionLineItemId, s.versions(clock));
      records.lineDays[records.lines.size()] = (int) s.created.toEpochDay();
      records.lines.add(history);
      ServiceEvent event = serviceEvent(o.customer.key(), s.license.lineage(), history.latest());
      records.events.add(event);
      if (records.firstServiceStart == null || event.start().isBefore(records.firstServiceStart)) {
        records.firstServiceStart = event.start();
      }
    }
    for (LicenseLife l : o.licenses) {
      records.licenseDays[records.licenses.size()] = (int) l.created.toEpochDay();
      records.licenses.add(new RecordHistory<>(l.lineage(), l.versions(clock)));
    }
    return records;
  }

  /** What a line reports as of the clock, with the true customer and license behind it. */
  private static ServiceEvent serviceEvent(String customer, String lineage, Transaction t) {
    PurchaseDetails p = t.purchaseDetails();
    return new ServiceEvent(
        customer,
        t.addonKey(),
        p.hosting(),
        lineage,
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

  /** Puts a customer's {@code rank}-th record at {@code position} of the merged list. */
  @FunctionalInterface
  private interface Placement {
    void place(CustomerRecords customer, int rank, int position);
  }

  private static int total(List<CustomerRecords> customers, Function<CustomerRecords, int[]> days) {
    int total = 0;
    for (CustomerRecords r : customers) {
      total += days.apply(r).length;
    }
    return total;
  }

  /**
   * Places every customer's records in creation order: (day, customer, rank). Each customer's
   * records are already in order of their creation days, so a counting sort on the days, taking
   * customers in turn, is the merge.
   */
  private static void inCreationOrder(
      List<CustomerRecords> customers, Function<CustomerRecords, int[]> days, Placement place) {
    int first = Integer.MAX_VALUE;
    int last = Integer.MIN_VALUE;
    for (CustomerRecords r : customers) {
      int[] own = days.apply(r);
      if (own.length > 0) {
        first = Math.min(first, own[0]);
        last = Math.max(last, own[own.length - 1]);
      }
    }
    if (first > last) {
      return;
    }
    int[] next = new int[last - first + 2];
    for (CustomerRecords r : customers) {
      for (int day : days.apply(r)) {
        next[day - first + 1]++;
      }
    }
    for (int d = 1; d < next.length; d++) {
      next[d] += next[d - 1];
    }
    for (CustomerRecords r : customers) {
      int[] own = days.apply(r);
      for (int rank = 0; rank < own.length; rank++) {
        place.place(r, rank, next[own[rank] - first]++);
      }
    }
  }

  private record OrderKey(String kind, Hosting hosting, boolean newBilling) {}
}
