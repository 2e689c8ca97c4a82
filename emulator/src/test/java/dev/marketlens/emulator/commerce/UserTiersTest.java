package dev.marketlens.emulator.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketlens.emulator.wire.BillingPeriod;
import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.Tier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("seed 004 (SR-C5): the app license size equals the host product license")
class UserTiersTest {

  @DisplayName(
      "seed 004 (SR-C5): a server app's tier is the smallest server tier holding the host's users")
  @ParameterizedTest(name = "{0} host users → {1} Users")
  @CsvSource({
    "1, 10",
    "10, 10",
    "11, 25",
    "26, 50",
    "100, 100",
    "500, 500",
    "501, 2000",
    "10000, 10000"
  })
  void serverTier(int users, int tier) {
    assertThat(UserTiers.tierFor(Hosting.SERVER, BillingPeriod.ANNUAL, users))
        .isEqualTo(Tier.users(tier));
  }

  @DisplayName(
      "seed 004 (SR-C5): a Data Center app's tier is the smallest Data Center tier holding the host's users")
  @ParameterizedTest(name = "{0} host users → {1} Users")
  @CsvSource({"1, 50", "50, 50", "51, 100", "500, 500", "501, 1000", "2001, 3000", "10000, 10000"})
  void dataCenterTier(int users, int tier) {
    assertThat(UserTiers.tierFor(Hosting.DATA_CENTER, BillingPeriod.ANNUAL, users))
        .isEqualTo(Tier.users(tier));
  }

  @DisplayName(
      "seed 004 (SR-C5): a cloud annual app's tier is the smallest cloud tier holding the site's users")
  @ParameterizedTest(name = "{0} site users → {1} Users")
  @CsvSource({"1, 10", "10, 10", "11, 25", "251, 500", "1001, 2500", "2501, 5000", "10000, 10000"})
  void cloudAnnualTier(int users, int tier) {
    assertThat(UserTiers.tierFor(Hosting.CLOUD, BillingPeriod.ANNUAL, users))
        .isEqualTo(Tier.users(tier));
  }

  @DisplayName(
      "seed 004 (SR-C5): cloud monthly bills up to 10 users as \"10 Users\" and above 10 users per unit for the exact count")
  @Test
  void cloudMonthlyPerUnit() {
    assertThat(UserTiers.tierFor(Hosting.CLOUD, BillingPeriod.MONTHLY, 1).wire())
        .isEqualTo("10 Users");
    assertThat(UserTiers.tierFor(Hosting.CLOUD, BillingPeriod.MONTHLY, 10).wire())
        .isEqualTo("10 Users");
    assertThat(UserTiers.tierFor(Hosting.CLOUD, BillingPeriod.MONTHLY, 11).wire())
        .isEqualTo("Per Unit Pricing (11 Users)");
    assertThat(UserTiers.tierFor(Hosting.CLOUD, BillingPeriod.MONTHLY, 593).wire())
        .isEqualTo("Per Unit Pricing (593 Users)");
  }

  @DisplayName("seed 004 (SR-C5): a server host above 10000 users needs the Unlimited Users tier")
  @Test
  void serverAbove10000IsUnlimited() {
    assertThat(UserTiers.tierFor(Hosting.SERVER, BillingPeriod.ANNUAL, 10_001))
        .isEqualTo(Tier.UNLIMITED);
    assertThat(UserTiers.tierFor(Hosting.SERVER, BillingPeriod.ANNUAL, 50_000).wire())
        .isEqualTo("Unlimited Users");
  }

  @DisplayName("seed 004 (SR-C5): a host product without users has no app tier")
  @Test
  void zeroUsersRejected() {
    for (Hosting h : Hosting.values()) {
      assertThatThrownBy(() -> UserTiers.tierFor(h, BillingPeriod.ANNUAL, 0))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> UserTiers.tierFor(Hosting.CLOUD, BillingPeriod.MONTHLY, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> UserTiers.tierFor(Hosting.SERVER, BillingPeriod.ANNUAL, -5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @DisplayName(
      "seed 004 (SR-C5): the chosen tier always holds the host's users and the next smaller tier does not")
  @Test
  void tierIsTheSmallestThatFits() {
    for (Hosting h : Hosting.values()) {
      int top = UserTiers.ladder(h).get(UserTiers.ladder(h).size() - 1);
      for (int users = 1; users <= top; users++) {
        int tier = UserTiers.tierFor(h, BillingPeriod.ANNUAL, users).users();
        assertThat(tier).as("%s, %d users", h, users).isGreaterThanOrEqualTo(users);
        int index = UserTiers.ladder(h).indexOf(tier);
        assertThat(index).as("%s, %d users: tier on the ladder", h, users).isNotNegative();
        if (index > 0) {
          assertThat(UserTiers.ladder(h).get(index - 1)).isLessThan(users);
        }
      }
    }
  }

  @DisplayName(
      "seed 004 (SR-C5): a Data Center host above the top ladder tier (15000 users) gets an app tier that holds its users")
  @Test
  void dataCenterAboveTopTierHoldsUsers() {
    // the world's customers grow up to 20000 users; the app license must match the host license
    Tier tier = UserTiers.tierFor(Hosting.DATA_CENTER, BillingPeriod.ANNUAL, 15_000);

    assertThat(tier.kind() == Tier.Kind.UNLIMITED || tier.users() >= 15_000)
        .as("tier %s holds 15000 users", tier)
        .isTrue();
  }
}
