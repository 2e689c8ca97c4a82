package dev.marketlens.emulator.world;

import static dev.marketlens.emulator.world.Worlds.describe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.wire.License;
import dev.marketlens.emulator.wire.LicenseType;
import dev.marketlens.emulator.wire.Tier;
import dev.marketlens.emulator.wire.Transaction;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName(
    "Seed 002 (SR-P9) / spec §7.2, K31: Atlassian's own licenses, vendor test licenses and sandboxes")
class InternalLicensesTest {

  /** A larger world, so that the rare internal customers occur. */
  private static final World WORLD = new WorldGenerator().generate(WorldSpec.of(12, 6_000));

  private static boolean isInternal(License l) {
    return l.licenseType() == LicenseType.INTERNAL_USE
        || l.licenseType() == LicenseType.DEMONSTRATION;
  }

  @Test
  @DisplayName("SR-P9 (seed 002 #9): Atlassian-owned and free test licenses carry no data insights")
  void internalLicensesHaveNoInsights() {
    Violations v = new Violations("no insights on internal licenses");
    int atlassian = 0;
    int tests = 0;
    for (License l : WORLD.licenses()) {
      if (isInternal(l)) {
        v.check(l.insights() == null, () -> describe(l));
        atlassian += l.licenseType() == LicenseType.INTERNAL_USE ? 1 : 0;
        tests += l.licenseType() == LicenseType.DEMONSTRATION ? 1 : 0;
      }
    }
    v.assertNone();
    assertThat(atlassian).as("Atlassian internal-use licenses").isPositive();
    assertThat(tests).as("vendor test licenses").isPositive();
  }

  @Test
  @DisplayName(
      "spec §7.2: Atlassian's own licenses are sourced 'Atlassian' (dropped unless"
          + " includeAtlassianLicenses), every other license 'Non-Atlassian'")
  void licenseSourceType() {
    Violations v = new Violations("licenseSourceType");
    for (License l : WORLD.licenses()) {
      String expected = l.licenseType() == LicenseType.INTERNAL_USE ? "Atlassian" : "Non-Atlassian";
      v.check(expected.equals(l.licenseSourceType()), () -> describe(l));
    }
    v.assertNone();
  }

  @Test
  @DisplayName("SR-P9: internal and test licenses are free: none has a transaction")
  void internalLicensesHaveNoTransactions() {
    Set<String> internalIds = new HashSet<>();
    for (License l : WORLD.licenses()) {
      if (isInternal(l)) {
        internalIds.add(Worlds.licenseKey(l));
      }
    }
    assertThat(internalIds).isNotEmpty();
    for (Transaction t : WORLD.transactions()) {
      assertThat(internalIds).doesNotContain(Worlds.licenseKey(t));
    }
  }

  @Test
  @DisplayName(
      "seed 002 / K31: apps on sandbox sites show installedOnSandbox Yes, a site of their own and"
          + " a tier of the exact user count that changes over time")
  void sandboxes() {
    List<RecordHistory<License>> sandboxes =
        WORLD.licenseHistories().stream()
            .filter(
                h ->
                    h.latest().insights() != null
                        && "Yes".equals(h.latest().insights().installedOnSandbox()))
            .toList();
    assertThat(sandboxes).isNotEmpty();
    Set<String> productionSites = new HashSet<>();
    for (License l : WORLD.licenses()) {
      if (l.insights() != null && "No".equals(l.insights().installedOnSandbox())) {
        productionSites.add(l.ids().cloudId());
      }
    }
    boolean tierChanged = false;
    for (RecordHistory<License> h : sandboxes) {
      License l = h.latest();
      assertThat(l.ids().cloudSiteHostname()).as(describe(l)).contains("-sandbox");
      assertThat(productionSites).as(describe(l)).doesNotContain(l.ids().cloudId());
      assertThat(l.tier().kind()).as(describe(l)).isEqualTo(Tier.Kind.USERS);
      Set<Tier> tiers = new HashSet<>();
      h.versions().forEach(v -> tiers.add(v.record().tier()));
      tierChanged |= tiers.size() > 1;
    }
    assertThat(tierChanged).as("some sandbox re-tiered with its user count").isTrue();
  }
}
