package dev.marketlens.emulator.world;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Everything a world is generated from. The same spec always yields the same world, byte for byte.
 *
 * @param seed the random seed
 * @param customers customers who arrive between {@code from} and {@code to}; later ones keep
 *     arriving at the same pace when the clock is advanced past {@code to}
 * @param vendors Marketplace partners; customers are spread evenly over them
 * @param from first day of the world's history
 * @param to the world's clock: the last day that has happened
 * @param rates how often things happen
 */
public record WorldSpec(
    long seed, int customers, int vendors, LocalDate from, LocalDate to, Rates rates) {

  /** The earliest day a world may start (partner tools export from 2010). */
  public static final LocalDate EARLIEST = LocalDate.of(2010, 1, 1);

  public static final LocalDate DEFAULT_FROM = LocalDate.of(2018, 1, 1);
  public static final LocalDate DEFAULT_TO = LocalDate.of(2026, 10, 31);
  public static final int MAX_VENDORS = 20;

  public WorldSpec {
    if (customers < 1) {
      throw new IllegalArgumentException("customers: at least 1, got " + customers);
    }
    if (vendors < 1 || vendors > MAX_VENDORS) {
      throw new IllegalArgumentException(
          "vendors: between 1 and " + MAX_VENDORS + ", got " + vendors);
    }
    if (from == null || to == null) {
      throw new IllegalArgumentException("from and to are required");
    }
    if (from.isBefore(EARLIEST)) {
      throw new IllegalArgumentException("from: " + from + " is before " + EARLIEST);
    }
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("to: " + to + " must be after from " + from);
    }
    if (rates == null) {
      throw new IllegalArgumentException("rates are required");
    }
  }

  /** A spec with the default dates and rates. */
  public static WorldSpec of(long seed, int customers) {
    return new WorldSpec(seed, customers, 1, DEFAULT_FROM, DEFAULT_TO, Rates.defaults());
  }

  /** Days of history between {@code from} and {@code to}. */
  public long days() {
    return ChronoUnit.DAYS.between(from, to);
  }
}
