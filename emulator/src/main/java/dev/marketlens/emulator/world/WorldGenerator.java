package dev.marketlens.emulator.world;

import dev.marketlens.emulator.commerce.RevenueShare;
import dev.marketlens.emulator.commerce.Vendor;
import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.License;
import dev.marketlens.emulator.wire.OriginalTransaction;
import dev.marketlens.emulator.wire.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Generates a world: the catalog, then every customer's life (in parallel, each from its own seeded
 * stream), then numbers licenses, orders and lines in the order they were created (so a later clock
 * only appends) and materialises the versions served up to the clock.
 */
public final class WorldGenerator {

  private static final Comparator<LicenseLife> LICENSE_ORDER =
      (a, b) -> {
        int c = a.created.compareTo(b.created);
        if (c == 0) {
          c = Integer.compare(a.customer.index, b.customer.index);
        }
        if (c == 0) {
          c = Long.compare(a.journeyKey, b.journeyKey);
        }
        return c != 0 ? c : Integer.compare(a.localSeq, b.localSeq);
      };

  private static final Comparator<SaleLife> SALE_ORDER =
      (a, b) -> {
        int c = a.created.compareTo(b.created);
        if (c == 0) {
          c = Integer.compare(a.customer.index, b.customer.index);
        }
        if (c == 0) {
          c = Long.compare(a.journeyKey, b.journeyKey);
        }
        return c != 0 ? c : Integer.compare(a.localSeq, b.localSeq);
      };

  /** Creation days are packed relative to this epoch day (1990-01-01) into 19 bits. */
  private static final long EPOCH_OFFSET = LocalDate.of(1990, 1, 1).toEpochDay();

  /** Lives materialised at a time: in parallel within a chunk, released after it. */
  private static final int CHUNK = 1 << 15;

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

    List<FreeStarterEntitlement> freeStarter = new ArrayList<>();
    List<EvaluationEpisode> evaluations = new ArrayList<>();
    for (Simulation.Outcome o : outcomes) {
      freeStarter.addAll(o.freeStarter);
      evaluations.addAll(o.evaluations);
    }
    List<LicenseLife> licenseLives =
        inCreationOrder(outcomes, o -> o.licenses, l -> l.created, LICENSE_ORDER);
    List<SaleLife> saleLives = inCreationOrder(outcomes, o -> o.sales, l -> l.created, SALE_ORDER);
    outcomes = null;
    number(licenseLives, saleLives, ids);

    // Materialise in creation order, letting go of each life once its versions exist, so that the
    // simulation's working state and the served records are never both held in full.
    List<RecordHistory<Transaction>> transactions = new ArrayList<>(saleLives.size());
    String[] customerOfLine = new String[saleLives.size()];
    String[] licenseOfLine = new String[saleLives.size()];
    for (int from = 0; from < saleLives.size(); from += CHUNK) {
      List<SaleLife> chunk = saleLives.subList(from, Math.min(saleLives.size(), from + CHUNK));
      List<RecordHistory<Transaction>> histories =
          chunk.parallelStream()
              .map(
                  life ->
                      new RecordHistory<>(life.state.transactionLineItemId, life.versions(clock)))
              .toList();
      for (int k = 0; k < histories.size(); k++) {
        transactions.add(histories.get(k));
        customerOfLine[from + k] = chunk.get(k).customer.key();
        licenseOfLine[from + k] = chunk.get(k).license.lineage();
      }
      chunk.replaceAll(life -> null);
    }
    saleLives = null;
    List<RecordHistory<License>> licenses = new ArrayList<>(licenseLives.size());
    for (int from = 0; from < licenseLives.size(); from += CHUNK) {
      List<LicenseLife> chunk =
          licenseLives.subList(from, Math.min(licenseLives.size(), from + CHUNK));
      licenses.addAll(
          chunk.parallelStream()
              .map(life -> new RecordHistory<>(life.lineage(), life.versions(clock)))
              .toList());
      chunk.replaceAll(life -> null);
    }
    licenseLives = null;
    return new World(
        spec,
        clock,
        vendors,
        licenses,
        transactions,
        freeStarter,
        customerOfLine,
        licenseOfLine,
        evaluations);
  }

  /**
   * Every customer's lives in creation order: (day, customer, journey, sequence). Each customer's
   * few lives are sorted with {@code order}; the merge across customers sorts packed primitive keys
   * (day, customer, rank).
   */
  private static <T> List<T> inCreationOrder(
      List<Simulation.Outcome> outcomes,
      Function<Simulation.Outcome, List<T>> lives,
      Function<T, LocalDate> created,
      Comparator<T> order) {
    int total = 0;
    for (Simulation.Outcome o : outcomes) {
      List<T> own = lives.apply(o);
      own.sort(order);
      total += own.size();
    }
    long[] keys = new long[total];
    int n = 0;
    for (int c = 0; c < outcomes.size(); c++) {
      List<T> own = lives.apply(outcomes.get(c));
      for (int rank = 0; rank < own.size(); rank++) {
        long day = created.apply(own.get(rank)).toEpochDay() - EPOCH_OFFSET;
        keys[n++] = (day << 44) | ((long) c << 20) | rank;
      }
    }
    Arrays.sort(keys);
    List<T> sorted = new ArrayList<>(total);
    for (long key : keys) {
      int c = (int) ((key >>> 20) & ((1L << 24) - 1));
      int rank = (int) (key & ((1L << 20) - 1));
      sorted.add(lives.apply(outcomes.get(c)).get(rank));
    }
    return sorted;
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
    // Sales come by day, then customer: a customer's orders of one day are consecutive.
    List<OrderKey> keys = new ArrayList<>();
    List<String> orderIds = new ArrayList<>();
    LocalDate day = null;
    int customer = -1;
    for (SaleLife s : sales) {
      if (!s.created.equals(day) || s.customer.index != customer) {
        keys.clear();
        orderIds.clear();
        day = s.created;
        customer = s.customer.index;
      }
      OrderKey key = new OrderKey(s.customer.index, s.orderKey, s.state.hosting);
      int known = keys.indexOf(key);
      String txId;
      if (known >= 0) {
        txId = orderIds.get(known);
      } else {
        txId = s.newBilling ? Ids.invoiceId(nextOrder++) : Ids.legacyTransactionId(nextOrder++);
        keys.add(key);
        orderIds.add(txId);
      }
      s.state.transactionId = txId;
      if (!s.newBilling) {
        s.state.transactionLineItemId = Ids.numericLineItemId(nextLine++);
      }
    }
    // Ids that depend only on the line itself are derived in parallel.
    sales.parallelStream()
        .forEach(
            s -> {
              if (s.newBilling) {
                s.state.transactionLineItemId =
                    ids.uuid(0x11, s.customer.index, s.journeyKey, s.localSeq);
              }
              s.state.ids = s.license.idsOn(s.created);
            });
    for (SaleLife s : sales) {
      if (s.refundOf != null) {
        s.state.originalTransactionDetails =
            new OriginalTransaction(s.refundOf.state.transactionId, s.refundOf.state.saleDate);
      }
    }
  }

  private record OrderKey(int customer, String kind, Hosting hosting) {}
}
