package dev.marketlens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TierTest {

  @Test
  @DisplayName("spec §7.3: \"10 Users\" is a tier of 10 users")
  void usersTier() {
    Tier tier = Tier.parse("10 Users");
    assertThat(tier.kind()).isEqualTo(Tier.Kind.USERS);
    assertThat(tier.users()).hasValue(10);
    assertThat(tier).isEqualTo(Tier.users(10)).hasToString("10 Users");
    assertThat(tier.isNegative()).isFalse();
  }

  @Test
  @DisplayName("spec §7.3: \"Unlimited Users\" has no user count")
  void unlimitedTier() {
    Tier tier = Tier.parse("Unlimited Users");
    assertThat(tier.kind()).isEqualTo(Tier.Kind.UNLIMITED_USERS);
    assertThat(tier.users()).isEmpty();
    assertThat(tier).isEqualTo(Tier.unlimitedUsers()).hasToString("Unlimited Users");
  }

  @Test
  @DisplayName("spec §7.3: \"Per Unit Pricing (593 Users)\" is per-unit pricing for 593 users")
  void perUnitPricingTier() {
    Tier tier = Tier.parse("Per Unit Pricing (593 Users)");
    assertThat(tier.kind()).isEqualTo(Tier.Kind.PER_UNIT_PRICING);
    assertThat(tier.users()).isEqualTo(OptionalInt.of(593));
    assertThat(tier)
        .isEqualTo(Tier.perUnitPricing(593))
        .hasToString("Per Unit Pricing (593 Users)");
  }

  @Test
  @DisplayName("spec §7.3, K32: negative \"-N Users\" tiers, seen since 2025-11, keep their sign")
  void negativeTier() {
    Tier tier = Tier.parse("-5 Users");
    assertThat(tier.kind()).isEqualTo(Tier.Kind.USERS);
    assertThat(tier.users()).hasValue(-5);
    assertThat(tier.isNegative()).isTrue();
    assertThat(tier).isEqualTo(Tier.users(-5)).hasToString("-5 Users");
  }

  @Test
  @DisplayName("spec §7.3: \"Evaluation\" is the evaluation tier, without users")
  void evaluationTier() {
    Tier tier = Tier.parse("Evaluation");
    assertThat(tier.kind()).isEqualTo(Tier.Kind.EVALUATION);
    assertThat(tier.users()).isEmpty();
    assertThat(tier).isEqualTo(Tier.evaluation()).hasToString("Evaluation");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  @DisplayName("K32: an undefined tier (empty or absent) is a tier of its own, printed empty")
  void undefinedTier(String text) {
    Tier tier = Tier.parse(text);
    assertThat(tier.kind()).isEqualTo(Tier.Kind.UNDEFINED);
    assertThat(tier.isDefined()).isFalse();
    assertThat(tier.users()).isEmpty();
    assertThat(tier).isEqualTo(Tier.undefined()).hasToString("");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"1 User", "10 users", "unlimited users", "per unit pricing (7 users)"})
  @DisplayName("case and the singular are tolerated; the text is given back as received")
  void toleratesCaseAndSingular(String text) {
    Tier tier = Tier.parse(text);
    assertThat(tier.isDefined()).isTrue();
    assertThat(tier).hasToString(text);
  }

  @Test
  @DisplayName("tiers are equal by kind and user count, whatever the spelling")
  void equalityIgnoresSpelling() {
    assertThat(Tier.parse("10 users"))
        .isEqualTo(Tier.parse("10 Users"))
        .hasSameHashCodeAs(Tier.users(10));
    assertThat(Tier.parse("10 Users")).isNotEqualTo(Tier.parse("Per Unit Pricing (10 Users)"));
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"Ten Users", "10", "Users", "Per Unit Pricing", "Starter", "10 Seats"})
  @DisplayName("an unknown tier form is rejected with the value and the known forms")
  void rejectsUnknownForms(String text) {
    assertThatThrownBy(() -> Tier.parse(text))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("tier")
        .hasMessageContaining("\"" + text + "\"")
        .hasMessageContaining("Unlimited Users");
  }

  @Test
  @DisplayName("a user count beyond an int is rejected, not wrapped")
  void rejectsUserCountsOutOfRange() {
    assertThatThrownBy(() -> Tier.parse("99999999999 Users"))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("out of range");
  }
}
