package dev.marketlens.emulator.world;

import dev.marketlens.emulator.commerce.ServiceEvent;
import dev.marketlens.emulator.commerce.Vendor;
import dev.marketlens.emulator.wire.License;
import dev.marketlens.emulator.wire.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A generated vendor world as of its clock: the catalog, every license and transaction line with
 * its version history, free-starter-tier entitlements, and what really happened (service events and
 * evaluation episodes) for the ground truth.
 */
public final class World {

  private final WorldSpec spec;
  private final LocalDate clock;
  private final List<Vendor> vendors;
  private final List<RecordHistory<License>> licenses;
  private final List<RecordHistory<Transaction>> transactions;
  private final List<FreeStarterEntitlement> freeStarter;
  private final List<ServiceEvent> events;
  private final List<List<RecordHistory<Transaction>>> transactionsByCustomer;
  private final List<List<ServiceEvent>> eventsByCustomer;
  private final LocalDate firstServiceStart;
  private final List<EvaluationEpisode> evaluations;

  World(
      WorldSpec spec,
      LocalDate clock,
      List<Vendor> vendors,
      List<RecordHistory<License>> licenses,
      List<RecordHistory<Transaction>> transactions,
      List<FreeStarterEntitlement> freeStarter,
      ServiceEvent[] eventOfLine,
      List<List<RecordHistory<Transaction>>> transactionsByCustomer,
      List<List<ServiceEvent>> eventsByCustomer,
      LocalDate firstServiceStart,
      List<EvaluationEpisode> evaluations) {
    this.spec = spec;
    this.clock = clock;
    this.vendors = List.copyOf(vendors);
    this.licenses = List.copyOf(licenses);
    this.transactions = List.copyOf(transactions);
    this.freeStarter = List.copyOf(freeStarter);
    this.events = Collections.unmodifiableList(Arrays.asList(eventOfLine));
    this.transactionsByCustomer = transactionsByCustomer;
    this.eventsByCustomer = eventsByCustomer;
    this.firstServiceStart = firstServiceStart;
    this.evaluations = List.copyOf(evaluations);
  }

  public WorldSpec spec() {
    return spec;
  }

  /** The last day that has happened. */
  public LocalDate clock() {
    return clock;
  }

  public List<Vendor> vendors() {
    return vendors;
  }

  /** Every license with every version up to the clock, in the order they were created. */
  public List<RecordHistory<License>> licenseHistories() {
    return licenses;
  }

  /** Every transaction line with every version up to the clock, in the order they were created. */
  public List<RecordHistory<Transaction>> transactionHistories() {
    return transactions;
  }

  /** The licenses as the reporting API serves them on the clock day: the latest version of each. */
  public List<License> licenses() {
    List<License> current = new ArrayList<>(licenses.size());
    for (RecordHistory<License> h : licenses) {
      current.add(h.latest());
    }
    return current;
  }

  /** The transaction lines as the reporting API serves them on the clock day. */
  public List<Transaction> transactions() {
    return transactions.parallelStream().map(RecordHistory::latest).toList();
  }

  public List<FreeStarterEntitlement> freeStarterEntitlements() {
    return freeStarter;
  }

  /**
   * Every sale, renewal, upgrade and refund as it happened, with true customer and license
   * identities, in the order of {@link #transactionHistories()}, as of the clock.
   */
  public List<ServiceEvent> serviceEvents() {
    return events;
  }

  /**
   * The transaction lines of each customer (by customer index), in the order they were created: the
   * same histories as {@link #transactionHistories()}, grouped.
   */
  List<List<RecordHistory<Transaction>>> transactionHistoriesByCustomer() {
    return transactionsByCustomer;
  }

  /** The service events of each customer (by customer index), in the order they were created. */
  List<List<ServiceEvent>> serviceEventsByCustomer() {
    return eventsByCustomer;
  }

  /** The earliest start of service of any event, null when there are none. */
  LocalDate firstServiceStart() {
    return firstServiceStart;
  }

  /** The customers who have at least one transaction line. */
  Set<String> customersWithSales() {
    Set<String> customers = new HashSet<>();
    for (ServiceEvent e : events) {
      customers.add(e.customer());
    }
    return customers;
  }

  /** Every evaluation episode as it happened. */
  public List<EvaluationEpisode> evaluations() {
    return evaluations;
  }
}
