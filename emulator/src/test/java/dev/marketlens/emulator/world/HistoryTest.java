package dev.marketlens.emulator.world;

import static dev.marketlens.emulator.world.Worlds.describe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.License;
import dev.marketlens.emulator.wire.LicenseJsonWriter;
import dev.marketlens.emulator.wire.Transaction;
import dev.marketlens.emulator.wire.TransactionJsonWriter;
import dev.marketlens.emulator.wire.WireFormat;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("§17 W6/W10, K12: record histories, determinism and a moving clock")
class HistoryTest {

  private static final LocalDate DC_ENTITLEMENT_NUMBERS_FROM = LocalDate.of(2025, 9, 1);

  private final World world = Worlds.standard();

  private static <T> void checkVersions(
      World world,
      List<RecordHistory<T>> histories,
      Function<T, LocalDate> lastUpdated,
      Violations v) {
    for (RecordHistory<T> h : histories) {
      List<Versioned<T>> versions = h.versions();
      for (int i = 0; i < versions.size(); i++) {
        Versioned<T> version = versions.get(i);
        LocalDate previous = i == 0 ? null : versions.get(i - 1).since();
        v.check(
            lastUpdated.apply(version.record()).equals(version.since())
                && (previous == null || version.since().isAfter(previous))
                && !version.since().isAfter(world.clock())
                && !version.since().isBefore(world.spec().from()),
            () ->
                h.key()
                    + " version "
                    + version.since()
                    + " (previous "
                    + previous
                    + ") has lastUpdated "
                    + lastUpdated.apply(version.record()));
      }
    }
  }

  @Test
  @DisplayName(
      "W6 / K14: each version's lastUpdated is the day it was first served, and versions are"
          + " strictly increasing in date, within the world's dates")
  void lastUpdatedIsTheVersionDate() {
    Violations v = new Violations("W6 lastUpdated = since, strictly increasing");
    checkVersions(world, world.licenseHistories(), License::lastUpdated, v);
    checkVersions(world, world.transactionHistories(), Transaction::lastUpdated, v);
    v.assertNone();
    assertThat(world.transactionHistories())
        .as("transactions changed after the fact (K14)")
        .anySatisfy(h -> assertThat(h.versions()).hasSizeGreaterThan(1));
  }

  @Test
  @DisplayName(
      "K12: Data Center licenses show appEntitlementNumber only in versions from 2025-09-01, and"
          + " those existing before gain it in a version dated 2025-09-01")
  void dataCenterEntitlementNumbersFromSeptember2025() {
    Violations v = new Violations("K12 DC entitlement numbers");
    int gained = 0;
    for (RecordHistory<License> h : world.licenseHistories()) {
      if (h.latest().hosting() != Hosting.DATA_CENTER) {
        continue;
      }
      for (Versioned<License> version : h.versions()) {
        boolean numbered = version.record().ids().appEntitlementNumber() != null;
        v.check(
            numbered == !version.since().isBefore(DC_ENTITLEMENT_NUMBERS_FROM),
            () -> describe(version.record()) + " version " + version.since());
      }
      if (h.created().isBefore(DC_ENTITLEMENT_NUMBERS_FROM)) {
        boolean hasSeptemberVersion =
            h.versions().stream().anyMatch(x -> x.since().equals(DC_ENTITLEMENT_NUMBERS_FROM));
        v.check(hasSeptemberVersion, () -> describe(h.latest()) + " gained no 2025-09-01 version");
        if (hasSeptemberVersion) {
          gained++;
        }
      }
    }
    for (RecordHistory<Transaction> h : world.transactionHistories()) {
      if (h.latest().purchaseDetails().hosting() != Hosting.DATA_CENTER) {
        continue;
      }
      for (Versioned<Transaction> version : h.versions()) {
        if (version.record().ids().appEntitlementNumber() != null) {
          v.check(
              !h.created().isBefore(DC_ENTITLEMENT_NUMBERS_FROM),
              () -> describe(version.record()) + " version " + version.since());
        }
      }
    }
    v.assertNone();
    assertThat(gained).as("Data Center licenses numbered on 2025-09-01").isPositive();
  }

  private static byte[] licensesJson(World w) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new LicenseJsonWriter(WireFormat.V3.dataInsights(true)).write(w.licenses().iterator(), out);
    return out.toByteArray();
  }

  private static byte[] transactionsJson(World w) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new TransactionJsonWriter(WireFormat.V3).write(w.transactions().iterator(), out);
    return out.toByteArray();
  }

  @Test
  @DisplayName(
      "W10: two generations of one spec are equal record for record and byte for byte; another"
          + " seed gives another world")
  void generationIsDeterministic() {
    WorldSpec spec = WorldSpec.of(4242, 300);
    World a = new WorldGenerator().generate(spec);
    World b = new WorldGenerator().generate(spec);
    World other = new WorldGenerator().generate(WorldSpec.of(4243, 300));

    assertThat(a.licenses()).isNotEmpty().isEqualTo(b.licenses());
    assertThat(a.transactions()).isNotEmpty().isEqualTo(b.transactions());
    assertThat(a.licenseHistories()).isEqualTo(b.licenseHistories());
    assertThat(a.transactionHistories()).isEqualTo(b.transactionHistories());
    assertThat(a.evaluations()).isEqualTo(b.evaluations());
    assertThat(a.serviceEvents()).isEqualTo(b.serviceEvents());
    assertThat(a.freeStarterEntitlements()).isEqualTo(b.freeStarterEntitlements());
    assertThat(licensesJson(a)).isEqualTo(licensesJson(b));
    assertThat(transactionsJson(a)).isEqualTo(transactionsJson(b));

    assertThat(other.licenses()).isNotEqualTo(a.licenses());
    assertThat(other.transactions()).isNotEqualTo(a.transactions());
  }

  private static <T> int checkPrefix(
      List<RecordHistory<T>> before, List<RecordHistory<T>> after, LocalDate to, Violations v) {
    Map<String, RecordHistory<T>> later = new HashMap<>();
    for (RecordHistory<T> h : after) {
      later.put(h.key(), h);
    }
    int changedAfter = 0;
    for (RecordHistory<T> h : before) {
      RecordHistory<T> l = later.get(h.key());
      List<Versioned<T>> upToClock =
          l == null ? null : l.versions().stream().filter(x -> !x.since().isAfter(to)).toList();
      v.check(
          l != null && upToClock.equals(h.versions()) && h.asOf(to).equals(l.asOf(to)),
          () ->
              h.key()
                  + " differs up to "
                  + to
                  + ": "
                  + h.latest()
                  + " vs "
                  + (l == null ? null : l.asOf(to)));
      if (l != null && l.versions().size() > h.versions().size()) {
        changedAfter++;
      }
    }
    return changedAfter;
  }

  @Test
  @DisplayName(
      "W10 / §18 incremental sync: advancing the clock 90 days keeps every history up to the old"
          + " clock (same versions, same asOf) and adds new records and versions")
  void advancingTheClockOnlyAppends() {
    World later = Worlds.advanced();
    LocalDate to = world.clock();
    assertThat(later.clock()).isEqualTo(Worlds.ADVANCED_CLOCK);

    Violations v = new Violations("clock advance keeps history");
    int licensesChanged = checkPrefix(world.licenseHistories(), later.licenseHistories(), to, v);
    int transactionsChanged =
        checkPrefix(world.transactionHistories(), later.transactionHistories(), to, v);
    v.assertNone();

    assertThat(later.licenseHistories()).hasSizeGreaterThan(world.licenseHistories().size());
    assertThat(later.transactionHistories())
        .hasSizeGreaterThan(world.transactionHistories().size());
    assertThat(later.transactionHistories())
        .filteredOn(h -> h.created().isAfter(to))
        .as("new transactions after the old clock")
        .isNotEmpty();
    assertThat(licensesChanged).as("licenses with new versions after the old clock").isPositive();
    assertThat(transactionsChanged + licensesChanged).isPositive();
  }
}
