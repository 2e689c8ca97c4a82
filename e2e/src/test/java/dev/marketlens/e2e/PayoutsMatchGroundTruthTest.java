package dev.marketlens.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.commerce.App;
import dev.marketlens.emulator.commerce.AppPlatform;
import dev.marketlens.emulator.commerce.Payouts;
import dev.marketlens.emulator.wire.ExportFormat;
import dev.marketlens.emulator.world.GroundTruth;
import dev.marketlens.emulator.world.World;
import dev.marketlens.emulator.world.WorldGenerator;
import dev.marketlens.emulator.world.WorldSpec;
import dev.marketlens.model.id.AppKey;
import dev.marketlens.model.transaction.TransactionLine;
import dev.marketlens.payouts.monthly.AppTerms;
import dev.marketlens.payouts.monthly.HostProduct;
import dev.marketlens.payouts.monthly.PayoutLedger;
import dev.marketlens.payouts.monthly.PayoutMonth;
import dev.marketlens.payouts.monthly.RevenueShare;
import dev.marketlens.payouts.monthly.ShareCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The payouts computed from a world's exported transactions equal the world's ground-truth payouts
 * month by month, to the cent; and, with the world's app catalog configured (host product, Forge,
 * listing day), every line's vendor amount is the share the schedule expects — for the fifty worlds
 * of {@link MetricsMatchGroundTruthTest}.
 */
class PayoutsMatchGroundTruthTest {

  static Stream<WorldSpec> worlds() {
    return GeneratedWorlds.first(50);
  }

  @DisplayName(
      "issue 8: SR-M1…M3 payouts and SR-V1…V4 shares from the exported records equal the ground truth")
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("worlds")
  void payoutsEqualGroundTruth(WorldSpec spec) {
    World world = new WorldGenerator().generate(spec);
    GroundTruth truth = GroundTruth.of(world, world.vendors().get(0));
    List<TransactionLine> lines =
        WorldRecords.of(world, ExportFormat.JSON).load(Map.of(), Set.of()).allLines();

    List<String> expected = new ArrayList<>();
    for (Payouts.Month m : truth.payouts()) {
      expected.add(
          row(
              m.month().toString(),
              m.salesCents(),
              m.refundsCents(),
              m.carriedInCents(),
              m.paidCents(),
              String.valueOf(m.paymentDate()),
              m.carriedOutCents()));
    }
    List<String> actual = new ArrayList<>();
    for (PayoutMonth m : PayoutLedger.of(lines, world.clock())) {
      actual.add(
          row(
              m.month().toString(),
              m.salesCents(),
              m.refundsCents(),
              m.carriedInCents(),
              m.paidCents(),
              String.valueOf(m.expectedPaymentDate()),
              m.carriedOutCents()));
    }
    assertThat(actual).as("payouts").isNotEmpty().containsExactlyElementsOf(expected);

    RevenueShare share = RevenueShare.defaults().withApps(catalog(truth.vendor().apps()));
    List<ShareCheck.Difference> differences = new ShareCheck(share).differences(lines);
    assertThat(differences.stream().map(ShareCheck.Difference::arithmetic).limit(10).toList())
        .as("lines whose vendor amount is not the expected share")
        .isEmpty();
  }

  /**
   * The configuration a vendor would write for its apps: host product, whether the cloud app is on
   * Forge, the listing day, and whether it is a new Forge app on Atlassian-hosted storage, not
   * rebuilt from Connect (the incentive's conditions the records cannot show).
   */
  static List<AppTerms> catalog(List<App> apps) {
    List<AppTerms> terms = new ArrayList<>();
    for (App a : apps) {
      boolean forge = a.platform() == AppPlatform.FORGE;
      boolean incentive =
          forge
              && a.atlassianHostedStorage()
              && !a.migratedFromConnect()
              && a.listingDate().isAfter(RevenueShare.FORGE_INCENTIVE_LISTED_AFTER);
      terms.add(
          new AppTerms(
              AppKey.of(a.addonKey()),
              HostProduct.named(a.hostProduct().name().replace('_', ' ')),
              forge,
              a.listingDate(),
              incentive));
    }
    return terms;
  }

  private static String row(
      String month, long sales, long refunds, long in, long paid, String date, long out) {
    return month + " " + sales + " " + refunds + " " + in + " " + paid + " " + date + " " + out;
  }
}
