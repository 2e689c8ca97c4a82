package dev.marketlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.wire.ExportFormat;
import dev.marketlens.emulator.world.GroundTruth;
import dev.marketlens.emulator.world.World;
import dev.marketlens.emulator.world.WorldGenerator;
import dev.marketlens.emulator.world.WorldSpec;
import dev.marketlens.metrics.Records;
import dev.marketlens.model.Hosting;
import dev.marketlens.model.SaleType;
import dev.marketlens.model.transaction.TransactionLine;
import dev.marketlens.payouts.refunds.LicenseChecks;
import dev.marketlens.payouts.refunds.RefundRule;
import dev.marketlens.payouts.refunds.Refunds;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The refunds classified from a world's exported records equal the world's ground truth month by
 * month — count, amounts and the count of each rule of seed 004 (SR-F1…F4) — and the license checks
 * of its records find only what the world explains.
 */
class RefundsMatchGroundTruthTest {

  /** Fifty worlds: seeds 1–50, 26 to 219 customers, histories of 2 to 15 years. */
  static Stream<WorldSpec> worlds() {
    return GeneratedWorlds.first(50);
  }

  @DisplayName(
      "SR-F1…F4: refunds from the exported records equal the ground truth: count, amounts and rules per month")
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("worlds")
  void refundsEqualGroundTruth(WorldSpec spec) {
    World world = new WorldGenerator().generate(spec);
    GroundTruth truth = GroundTruth.of(world, world.vendors().get(0));
    Records.Loaded loaded = WorldRecords.of(world, ExportFormat.JSON).load(Map.of(), Set.of());
    Refunds refunds = Refunds.of(loaded);

    List<String> expected = new ArrayList<>();
    for (GroundTruth.Refunds r : truth.refunds()) {
      Map<String, Integer> byRule = new TreeMap<>();
      r.byRule().forEach((rule, n) -> byRule.put(rule.name(), n));
      expected.add(
          r.month()
              + " "
              + r.count()
              + " "
              + r.purchaseCents()
              + " "
              + r.vendorCents()
              + " "
              + byRule);
    }
    List<String> actual = new ArrayList<>();
    for (Refunds.Month m : refunds.months(truth.from(), truth.to())) {
      if (m.refunds() == 0) {
        continue;
      }
      Map<String, Integer> byRule = new TreeMap<>();
      m.byRule()
          .forEach(
              (rule, n) -> {
                if (n > 0) {
                  byRule.put(rule.name(), n);
                }
              });
      actual.add(
          m.month()
              + " "
              + m.refunds()
              + " "
              + m.purchaseCents()
              + " "
              + m.vendorCents()
              + " "
              + byRule);
    }
    assertThat(actual).containsExactlyElementsOf(expected);
    assertThat(refunds.rows()).noneMatch(r -> r.rule() == RefundRule.UNLINKED);
  }

  @DisplayName(
      "license checks of a world's records find nothing but late renewals not yet backdated at the clock")
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("worlds")
  void licenseChecksFindOnlyWhatTheWorldExplains(WorldSpec spec) {
    World world = new WorldGenerator().generate(spec);
    Records.Loaded loaded = WorldRecords.of(world, ExportFormat.JSON).load(Map.of(), Set.of());
    Map<String, TransactionLine> lines = new HashMap<>();
    loaded.allLines().forEach(t -> lines.put(t.lineItemId().value(), t));
    for (LicenseChecks.Finding f : LicenseChecks.of(loaded).findings()) {
      // The emulator records a late on-premise renewal from its purchase day and backdates it to
      // the previous expiry 2–10 days later: until then, its records show a gap.
      assertThat(f.kind()).as("%s", f).isEqualTo(LicenseChecks.Kind.MAINTENANCE_GAP);
      TransactionLine renewal = lines.get(f.lineItemId());
      assertThat(renewal.saleType()).as("%s", f).isEqualTo(SaleType.RENEWAL);
      assertThat(renewal.hosting()).as("%s", f).isNotEqualTo(Hosting.CLOUD);
      assertThat(renewal.maintenanceStartDate()).as("%s", f).isEqualTo(renewal.saleDate());
      assertThat(renewal.saleDate()).as("%s", f).isAfter(world.clock().minusDays(11));
    }
  }
}
