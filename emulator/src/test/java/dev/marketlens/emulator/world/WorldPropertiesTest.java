package dev.marketlens.emulator.world;

import static dev.marketlens.emulator.world.Worlds.describe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.commerce.MrrLedger;
import dev.marketlens.emulator.commerce.RevenueShare;
import dev.marketlens.emulator.commerce.Vendor;
import dev.marketlens.emulator.wire.License;
import dev.marketlens.emulator.wire.LicenseType;
import dev.marketlens.emulator.wire.PurchaseDetails;
import dev.marketlens.emulator.wire.SaleType;
import dev.marketlens.emulator.wire.Transaction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * The world invariants of issue 3 §5 over random seeds and sizes. Each try generates a small world
 * (200–400 customers, the default 2018-01-01 … 2026-10-31 history); shrinking is off because a
 * shrink step costs a whole generation.
 */
@Label("World invariants hold for every seed")
class WorldPropertiesTest {

  private static final int TRIES = 6;

  private static World world(long seed, int customers) {
    return new WorldGenerator().generate(WorldSpec.of(seed, customers));
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
  @Label("metrics spec: ground-truth movements balance every month and chain month to month")
  void movementsBalance(
      @ForAll @LongRange(min = 1, max = 1_000_000_000L) long seed,
      @ForAll @IntRange(min = 200, max = 400) int customers) {
    World w = world(seed, customers);
    for (Vendor v : w.vendors()) {
      List<MrrLedger.Movements> months = GroundTruth.of(w, v).movements();
      assertThat(months).isNotEmpty().allMatch(MrrLedger.Movements::balances);
      for (int i = 1; i < months.size(); i++) {
        assertThat(months.get(i).openingMrr())
            .as(months.get(i - 1) + " → " + months.get(i))
            .isEqualTo(months.get(i - 1).closingMrr());
      }
    }
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
  @Label("SR-Z3 (seed 001): no $0 transaction is dated before 2019-07-01")
  void noZeroDollarRowsBeforeJuly2019(
      @ForAll @LongRange(min = 1, max = 1_000_000_000L) long seed,
      @ForAll @IntRange(min = 200, max = 400) int customers) {
    LocalDate from = LocalDate.of(2019, 7, 1);
    assertThat(world(seed, customers).transactions())
        .filteredOn(t -> t.purchaseDetails().purchasePriceCents() == 0)
        .allSatisfy(
            t -> assertThat(t.purchaseDetails().saleDate()).as(describe(t)).isAfterOrEqualTo(from));
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
  @Label("§8.4 / SR-F1: a refund never exceeds the row it refunds")
  void refundsNeverExceedWhatTheyRefund(
      @ForAll @LongRange(min = 1, max = 1_000_000_000L) long seed,
      @ForAll @IntRange(min = 200, max = 400) int customers) {
    Worlds.Index index = new Worlds.Index(world(seed, customers));
    for (Transaction r : index.world.transactions()) {
      PurchaseDetails p = r.purchaseDetails();
      if (p.saleType() != SaleType.REFUND) {
        continue;
      }
      List<Transaction> originals = index.refunded(r);
      assertThat(originals).as(describe(r)).hasSize(1);
      PurchaseDetails o = originals.get(0).purchaseDetails();
      assertThat(p.purchasePriceCents()).as(describe(r)).isNegative();
      assertThat(-p.purchasePriceCents())
          .as(describe(r))
          .isLessThanOrEqualTo(o.purchasePriceCents());
      assertThat(-p.vendorAmountCents()).as(describe(r)).isLessThanOrEqualTo(o.vendorAmountCents());
    }
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
  @Label("SR-E1/SR-E3 (seed 000): no evaluation license lasts less than 30 or more than 60 days")
  void evaluationsLastThirtyToSixtyDays(
      @ForAll @LongRange(min = 1, max = 1_000_000_000L) long seed,
      @ForAll @IntRange(min = 200, max = 400) int customers) {
    for (RecordHistory<License> h : world(seed, customers).licenseHistories()) {
      for (Versioned<License> v : h.versions()) {
        License l = v.record();
        if (l.licenseType() == LicenseType.EVALUATION) {
          assertThat(ChronoUnit.DAYS.between(l.maintenanceStartDate(), l.maintenanceEndDate()))
              .as(describe(l))
              .isBetween(30L, 60L);
        }
      }
    }
  }

  @Property(tries = TRIES, shrinking = ShrinkingMode.OFF)
  @Label("SR-V4 / W4: vendorAmount is within a cent of share × purchasePrice")
  void vendorAmountWithinACentOfTheShare(
      @ForAll @LongRange(min = 1, max = 1_000_000_000L) long seed,
      @ForAll @IntRange(min = 200, max = 400) int customers) {
    Worlds.Index index = new Worlds.Index(world(seed, customers));
    RevenueShare share = RevenueShare.defaults();
    for (Transaction t : index.world.transactions()) {
      PurchaseDetails p = t.purchaseDetails();
      LocalDate date =
          p.saleType() == SaleType.REFUND
              ? p.originalTransactionDetails().saleDate()
              : p.saleDate();
      int bps = share.basisPoints(index.app(t.addonKey()), p.hosting(), date);
      BigDecimal exact =
          BigDecimal.valueOf(p.purchasePriceCents())
              .multiply(BigDecimal.valueOf(bps))
              .divide(BigDecimal.valueOf(10_000));
      assertThat(BigDecimal.valueOf(p.vendorAmountCents()).subtract(exact).abs())
          .as(describe(t) + " at " + bps + " bps")
          .isLessThanOrEqualTo(BigDecimal.ONE);
    }
  }
}
