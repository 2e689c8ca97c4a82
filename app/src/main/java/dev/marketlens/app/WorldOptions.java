package dev.marketlens.app;

import dev.marketlens.emulator.world.Rates;
import dev.marketlens.emulator.world.WorldSpec;
import java.time.LocalDate;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options that describe a generated world, shared by the commands that generate one. */
final class WorldOptions {

  /** About 8 GiB of heap: the most a single machine run is expected to hold. */
  static final int MAX_CUSTOMERS = 1_000_000;

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  @Option(
      names = "--seed",
      paramLabel = "N",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed = 42;

  @Option(
      names = "--customers",
      paramLabel = "N",
      description = "Customers arriving between --from and --to (default: ${DEFAULT-VALUE}).")
  int customers = 5000;

  @Option(
      names = "--vendors",
      paramLabel = "N",
      description = "Marketplace partners (default: ${DEFAULT-VALUE}).")
  int vendors = 1;

  @Option(
      names = "--from",
      paramLabel = "YYYY-MM-DD",
      description = "First day of the world's history (default: ${DEFAULT-VALUE}).")
  LocalDate from = WorldSpec.DEFAULT_FROM;

  @Option(
      names = "--to",
      paramLabel = "YYYY-MM-DD",
      description = "The world's clock: its last day (default: ${DEFAULT-VALUE}).")
  LocalDate to = WorldSpec.DEFAULT_TO;

  /** The spec, or a usage error naming the offending option. */
  WorldSpec spec() {
    if (customers < 1) {
      throw new ParameterException(
          command.commandLine(), "--customers: at least 1, got " + customers);
    }
    if (customers > MAX_CUSTOMERS) {
      throw new ParameterException(
          command.commandLine(),
          "--customers: at most "
              + MAX_CUSTOMERS
              + ", got "
              + customers
              + " (a world needs about 1 GiB of heap per 130,000 customers)");
    }
    if (vendors < 1 || vendors > WorldSpec.MAX_VENDORS) {
      throw new ParameterException(
          command.commandLine(),
          "--vendors: between 1 and " + WorldSpec.MAX_VENDORS + ", got " + vendors);
    }
    if (from.isBefore(WorldSpec.EARLIEST)) {
      throw new ParameterException(
          command.commandLine(), "--from: " + from + " is before " + WorldSpec.EARLIEST);
    }
    if (!to.isAfter(from)) {
      throw new ParameterException(
          command.commandLine(), "--to: " + to + " must be after --from " + from);
    }
    return new WorldSpec(seed, customers, vendors, from, to, Rates.defaults());
  }
}
