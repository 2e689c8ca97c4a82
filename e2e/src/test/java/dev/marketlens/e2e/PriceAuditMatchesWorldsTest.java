package dev.marketlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.wire.ExportFormat;
import dev.marketlens.emulator.world.PriceBookCsvWriter;
import dev.marketlens.emulator.world.World;
import dev.marketlens.emulator.world.WorldGenerator;
import dev.marketlens.emulator.world.WorldSpec;
import dev.marketlens.metrics.Records;
import dev.marketlens.payouts.pricing.PriceAudit;
import dev.marketlens.payouts.pricing.PriceBook;
import dev.marketlens.payouts.pricing.PriceBookCsv;
import dev.marketlens.payouts.pricing.PricingTables;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End to end: a world's price book, written by the emulator as the price book CSV and read by the
 * platform, explains every transaction line of the world's exported records — list prices, cloud
 * annual = 10 × monthly, proration, the 60-day override, upgrades, discounts and refunds.
 */
class PriceAuditMatchesWorldsTest {

  /** Twenty-five worlds: seeds 1–25, 26 to 219 customers, histories of 2 to 15 years. */
  static Stream<WorldSpec> worlds() {
    return GeneratedWorlds.first(25);
  }

  @DisplayName(
      "issue 8: the world's own price book explains every line of its exported transactions")
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("worlds")
  void priceBookExplainsEveryLine(WorldSpec spec) {
    World world = new WorldGenerator().generate(spec);
    ByteArrayOutputStream csv = new ByteArrayOutputStream();
    PriceBookCsvWriter.write(world.vendors().get(0), csv);
    PriceBook book = PriceBookCsv.read(csv.toString(StandardCharsets.UTF_8), "price-book.csv");
    Records.Loaded loaded = WorldRecords.of(world, ExportFormat.JSON).load(Map.of(), Set.of());
    PriceAudit.Result result = PriceAudit.audit(book, loaded.allLines(), loaded.licenses());
    assertThat(result.lines()).hasSize(loaded.allLines().size() - result.skipped());
    assertThat(result.unexplained())
        .as("%s", PricingTables.audit(result.unexplained()).objects())
        .isEmpty();
  }
}
