package dev.marketlens.emulator.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketlens.emulator.wire.Tier.Kind;
import java.util.OptionalInt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("spec §7.3: tiers are read in every form the live API sends")
class TierTest {

  @DisplayName(
      "spec §7.3: user, unlimited, per-unit, negative and evaluation tiers parse to their kind and count")
  @ParameterizedTest(name = "\"{0}\" → {1} {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "10 Users | USERS | 10",
        "Unlimited Users | UNLIMITED | 0",
        "Per Unit Pricing (593 Users) | PER_UNIT | 593",
        "-5 Users | NEGATIVE | -5",
        "Evaluation | EVALUATION | 0",
        "' 25 users ' | USERS | 25",
        "1 User | USERS | 1",
        "per unit pricing (7 users) | PER_UNIT | 7"
      })
  void parsesLiveForms(String text, Kind kind, int users) {
    Tier tier = Tier.parse(text);

    assertThat(tier.kind()).isEqualTo(kind);
    assertThat(tier.users()).isEqualTo(users);
  }

  @DisplayName(
      "spec §14 K32: an empty or absent tier is the EMPTY tier, written back as the empty string")
  @ParameterizedTest(name = "[{0}]")
  @NullAndEmptySource
  @ValueSource(strings = {"   "})
  void emptyTier(String text) {
    Tier tier = Tier.parse(text);

    assertThat(tier).isEqualTo(Tier.EMPTY);
    assertThat(tier.wire()).isEmpty();
    assertThat(tier.userCount()).isEmpty();
  }

  @DisplayName(
      "spec §7.2: the user count of a tier is N, 10001 for unlimited and 0 for a negative tier")
  @Test
  void userCounts() {
    assertThat(Tier.parse("10 Users").userCount()).isEqualTo(OptionalInt.of(10));
    assertThat(Tier.parse("Per Unit Pricing (593 Users)").userCount())
        .isEqualTo(OptionalInt.of(593));
    assertThat(Tier.parse("Unlimited Users").userCount())
        .isEqualTo(OptionalInt.of(Tier.UNLIMITED_USERS));
    assertThat(Tier.parse("-5 Users").userCount()).isEqualTo(OptionalInt.of(0));
    assertThat(Tier.parse("Evaluation").userCount()).isEmpty();
  }

  @DisplayName(
      "spec §7.3: a value that is no tier is rejected with an IllegalArgumentException naming it")
  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"Ten Users", "10 Seats", "Users", "Per Unit Pricing", "0 Users"})
  void rejectsNonTiers(String text) {
    assertThatThrownBy(() -> Tier.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + text + "'");
  }

  @DisplayName("spec §7.3: canonical tiers are written back exactly as the API spells them")
  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "10 Users",
        "Unlimited Users",
        "Per Unit Pricing (593 Users)",
        "-5 Users",
        "Evaluation",
        ""
      })
  void roundTripsCanonicalForms(String text) {
    assertThat(Tier.parse(text).wire()).isEqualTo(text);
  }

  @DisplayName("spec §7.3: lenient spellings are written back in canonical form")
  @Test
  void normalisesLenientSpellings() {
    assertThat(Tier.parse(" 25 users ").wire()).isEqualTo("25 Users");
    assertThat(Tier.parse("Unlimited").wire()).isEqualTo("Unlimited Users");
  }

  @Test
  @DisplayName("spec §7.3: a user count beyond the integer range is rejected naming the tier")
  void rejectsUserCountsOutOfRange() {
    assertThatThrownBy(() -> Tier.parse("99999999999 Users"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'99999999999 Users'")
        .hasMessageContaining("out of range");
  }

  @Test
  @DisplayName("tiers without a user count compare equal whatever count they were built with")
  void countlessTiersAreValues() {
    assertThat(new Tier(Kind.UNLIMITED, 5)).isEqualTo(Tier.UNLIMITED);
    assertThat(new Tier(Kind.EVALUATION, 3)).isEqualTo(Tier.EVALUATION);
  }
}
