package dev.marketlens.e2e;

import dev.marketlens.emulator.world.Rates;
import dev.marketlens.emulator.world.WorldSpec;
import java.time.LocalDate;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The worlds the ground-truth tests compare on: seeds 1…n, 20 to 219 customers, histories that
 * start in 2012, 2016, 2019, 2021 or 2024 and end up to six months before the default clock.
 */
final class GeneratedWorlds {

  private static final LocalDate[] STARTS = {
    LocalDate.of(2012, 1, 1),
    LocalDate.of(2016, 7, 1),
    LocalDate.of(2019, 3, 1),
    LocalDate.of(2021, 11, 1),
    LocalDate.of(2024, 1, 1)
  };

  private GeneratedWorlds() {}

  static Stream<WorldSpec> first(int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(
            seed ->
                new WorldSpec(
                    seed,
                    20 + (seed * 37) % 200,
                    1,
                    STARTS[seed % STARTS.length],
                    WorldSpec.DEFAULT_TO.minusMonths(seed % 7),
                    Rates.defaults()));
  }
}
