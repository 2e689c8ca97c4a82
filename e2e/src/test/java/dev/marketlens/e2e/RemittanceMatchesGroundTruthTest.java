package dev.marketlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.wire.ExportFormat;
import dev.marketlens.emulator.wire.RemittanceCsvWriter;
import dev.marketlens.emulator.wire.RemittanceRow;
import dev.marketlens.emulator.world.Remittance;
import dev.marketlens.emulator.world.World;
import dev.marketlens.emulator.world.WorldGenerator;
import dev.marketlens.emulator.world.WorldSpec;
import dev.marketlens.model.transaction.TransactionLine;
import dev.marketlens.payouts.remittance.Outcome;
import dev.marketlens.payouts.remittance.ReconciledLine;
import dev.marketlens.payouts.remittance.RemittanceReconciliation;
import dev.marketlens.payouts.remittance.Remitted;
import dev.marketlens.sync.files.RemittanceReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The remittance CSVs the emulator writes for a world, read by the platform's reader and reconciled
 * with the world's exported transactions, give exactly the mismatches the emulator injected and the
 * remittance-only lines it added; everything else matches.
 */
class RemittanceMatchesGroundTruthTest {

  static Stream<WorldSpec> worlds() {
    return Stream.of(
        WorldSpec.of(7, 400),
        WorldSpec.of(8, 150),
        new WorldSpec(
            21,
            300,
            1,
            LocalDate.of(2020, 8, 1),
            WorldSpec.DEFAULT_TO,
            dev.marketlens.emulator.world.Rates.defaults()));
  }

  record Key(
      String outcome, String orderId, String licenseId, Long remittedNet, Long expectedNet) {}

  @DisplayName(
      "issue 8: reconciling a world's remittance with its transactions finds exactly the injected"
          + " mismatches and the remittance-only lines (SR-M5…M9)")
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("worlds")
  void reconciliationFindsWhatWasInjected(WorldSpec spec) {
    World world = new WorldGenerator().generate(spec);
    Remittance remittance = Remittance.of(world, world.vendors().get(0), true);
    List<Remitted> lines = new ArrayList<>();
    for (Map.Entry<YearMonth, List<RemittanceRow>> month : remittance.months().entrySet()) {
      ByteArrayOutputStream csv = new ByteArrayOutputStream();
      RemittanceCsvWriter.write(month.getValue(), csv);
      String name = month.getKey() + ".csv";
      AtomicInteger number = new AtomicInteger();
      try (RemittanceReader reader =
          RemittanceReader.open(new ByteArrayInputStream(csv.toByteArray()), name)) {
        reader.lines().forEach(l -> lines.add(new Remitted(name, number.incrementAndGet(), l)));
      }
    }
    List<TransactionLine> transactions =
        WorldRecords.of(world, ExportFormat.JSON).load(Map.of(), Set.of()).allLines();
    RemittanceReconciliation result =
        RemittanceReconciliation.of(lines, transactions, remittance.months().keySet());

    assertThat(remittance.mismatches())
        .extracting(Remittance.Mismatch::kind)
        .contains(
            Remittance.MismatchKind.MISSING_LINE,
            Remittance.MismatchKind.CHANGED_AMOUNT,
            Remittance.MismatchKind.CANCELLED_REFUND);

    List<Key> expected = new ArrayList<>();
    for (Remittance.Mismatch m : remittance.mismatches()) {
      expected.add(
          switch (m.kind()) {
            case MISSING_LINE ->
                new Key(
                    "NOT_IN_REMITTANCE",
                    m.orderId(),
                    m.licenseId(),
                    null,
                    m.expectedNetRevenueCents());
            case CHANGED_AMOUNT ->
                new Key(
                    "AMOUNT_DIFFERENCE",
                    m.orderId(),
                    m.licenseId(),
                    m.remittedNetRevenueCents(),
                    m.expectedNetRevenueCents());
            case CANCELLED_REFUND ->
                new Key(
                    "CANCELLED_REFUND",
                    m.orderId(),
                    m.licenseId(),
                    m.remittedNetRevenueCents(),
                    null);
          });
    }
    for (RemittanceRow r : remittance.remittanceOnly()) {
      String kind =
          r.reference().startsWith("ATL")
              ? "TEN_K_BILL"
              : r.reference().endsWith("A") ? "CONCESSION_BILL" : "ELA_BILL";
      expected.add(new Key(kind, r.orderId(), r.licenseId(), r.netRevenueCents(), null));
    }
    List<Key> found =
        result.lines().stream()
            .filter(l -> l.outcome() != Outcome.MATCHED)
            .map(
                l ->
                    new Key(
                        l.outcome().name(),
                        l.orderId(),
                        l.licenseId(),
                        l.remittedNetRevenue(),
                        l.expectedNetRevenue()))
            .toList();
    assertThat(found).containsExactlyInAnyOrderElementsOf(expected);

    // Every month's remitted total is the CSV's, and the variance is what the differences add to.
    Map<YearMonth, Long> remitted =
        remittance.months().entrySet().stream()
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey,
                    e -> e.getValue().stream().mapToLong(RemittanceRow::netRevenueCents).sum()));
    for (RemittanceReconciliation.MonthSummary m : result.summaries()) {
      assertThat(m.remitted()).as(m.month().toString()).isEqualTo(remitted.get(m.month()));
      long differences =
          result.lines().stream()
              .filter(l -> l.month().equals(m.month()))
              .mapToLong(ReconciledLine::netDifference)
              .sum();
      assertThat(m.variance()).as(m.month().toString()).isEqualTo(differences);
    }
  }

  @DisplayName(
      "issue 8: without the switch the remittance holds only matched lines and the"
          + " remittance-only bills (SR-M6, SR-M7)")
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("worlds")
  void withoutMismatchesEverythingMatches(WorldSpec spec) {
    World world = new WorldGenerator().generate(spec);
    Remittance remittance = Remittance.of(world, world.vendors().get(0), false);
    assertThat(remittance.mismatches()).isEmpty();
    List<Remitted> lines = new ArrayList<>();
    for (List<RemittanceRow> month : remittance.months().values()) {
      ByteArrayOutputStream csv = new ByteArrayOutputStream();
      RemittanceCsvWriter.write(month, csv);
      try (RemittanceReader reader =
          RemittanceReader.open(new ByteArrayInputStream(csv.toByteArray()), "r.csv")) {
        reader.lines().forEach(l -> lines.add(new Remitted("r.csv", lines.size() + 1, l)));
      }
    }
    List<TransactionLine> transactions =
        WorldRecords.of(world, ExportFormat.CSV).load(Map.of(), Set.of()).allLines();
    RemittanceReconciliation result =
        RemittanceReconciliation.of(lines, transactions, remittance.months().keySet());
    assertThat(result.lines())
        .extracting(ReconciledLine::outcome)
        .allMatch(o -> o == Outcome.MATCHED || o.remittanceOnly() && o != Outcome.CANCELLED_REFUND);
    assertThat(result.lines().stream().filter(l -> l.outcome() != Outcome.MATCHED).count())
        .isEqualTo(remittance.remittanceOnly().size());
  }
}
