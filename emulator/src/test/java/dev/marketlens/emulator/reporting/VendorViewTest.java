package dev.marketlens.emulator.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.commerce.Vendor;
import dev.marketlens.emulator.wire.Transaction;
import dev.marketlens.emulator.world.Rates;
import dev.marketlens.emulator.world.RecordHistory;
import dev.marketlens.emulator.world.World;
import dev.marketlens.emulator.world.WorldGenerator;
import dev.marketlens.emulator.world.WorldSpec;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A vendor's view of the world on a day")
class VendorViewTest {

  private static final WorldSpec SPEC =
      new WorldSpec(
          11, 1_500, 1, LocalDate.of(2019, 1, 1), LocalDate.of(2022, 5, 31), Rates.defaults());
  private static final World WORLD = new WorldGenerator().generate(SPEC, LocalDate.of(2022, 7, 31));
  private static final Vendor VENDOR = WORLD.vendors().get(0);

  @Test
  @DisplayName(
      "seed 001/K16: $0 lines are not served before 2022-06-09, then appear backfilled with their"
          + " original lastUpdated, so a lastUpdated cursor misses them")
  void zeroDollarBackfill() {
    LocalDate before = LocalDate.of(2022, 6, 8);
    LocalDate after = VendorView.ZERO_DOLLAR_REPORTED_FROM;
    VendorView earlier = VendorView.of(WORLD, VENDOR, before, false);
    VendorView later = VendorView.of(WORLD, VENDOR, after, false);
    assertThat(earlier.transactions())
        .noneMatch(t -> t.purchaseDetails().purchasePriceCents() == 0);
    List<Transaction> zero =
        later.transactions().stream()
            .filter(t -> t.purchaseDetails().purchasePriceCents() == 0)
            .toList();
    assertThat(zero).isNotEmpty();
    assertThat(zero).allMatch(t -> t.lastUpdated().isBefore(after));
    Set<String> paidBefore =
        earlier.transactions().stream()
            .map(Transaction::transactionLineItemId)
            .collect(Collectors.toSet());
    assertThat(
            later.transactions().stream()
                .filter(t -> t.purchaseDetails().purchasePriceCents() != 0)
                .filter(t -> !t.purchaseDetails().saleDate().isAfter(before))
                .map(Transaction::transactionLineItemId))
        .as("paid lines sold by 2022-06-08 were all served already")
        .allMatch(paidBefore::contains);
  }

  @Test
  @DisplayName("K29: with the reporting lag, only lines changed on the day itself can be missing")
  void reportingLag() {
    LocalDate day = LocalDate.of(2022, 7, 15);
    VendorView prompt = VendorView.of(WORLD, VENDOR, day, false);
    VendorView lagging = VendorView.of(WORLD, VENDOR, day, true);
    Set<Transaction> late = new java.util.HashSet<>(prompt.transactions());
    late.removeAll(Set.copyOf(lagging.transactions()));
    assertThat(late).isNotEmpty();
    assertThat(late).allMatch(t -> t.lastUpdated().equals(day));
    assertThat(lagging.licenses()).containsExactlyElementsOf(prompt.licenses());
    // The day after, everything changed on the day is reported.
    VendorView next = VendorView.of(WORLD, VENDOR, day.plusDays(1), true);
    Set<String> nextIds =
        next.transactions().stream()
            .map(Transaction::transactionLineItemId)
            .collect(Collectors.toSet());
    assertThat(late).allMatch(t -> nextIds.contains(t.transactionLineItemId()));
  }

  @Test
  @DisplayName("a view serves each record as it was on its day: nothing created or changed later")
  void asOfTheDay() {
    LocalDate day = LocalDate.of(2022, 6, 30);
    VendorView view = VendorView.of(WORLD, VENDOR, day, false);
    assertThat(view.transactions()).allMatch(t -> !t.lastUpdated().isAfter(day));
    assertThat(view.licenses()).allMatch(l -> !l.lastUpdated().isAfter(day));
    long expected =
        WORLD.licenseHistories().stream().map(h -> h.asOf(day)).filter(l -> l != null).count();
    assertThat(view.licenses()).hasSize((int) expected);
    assertThat(WORLD.transactionHistories().stream().map(RecordHistory::created))
        .anyMatch(created -> created.isAfter(day));
  }
}
