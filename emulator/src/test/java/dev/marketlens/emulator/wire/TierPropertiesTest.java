package dev.marketlens.emulator.wire;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

@Label("spec §7.3: every canonical tier survives wire(parse(x))")
class TierPropertiesTest {

  @Property
  @Label("spec §7.3: \"N Users\" round-trips for every positive N")
  void userTiersRoundTrip(@ForAll @IntRange(min = 1) int users) {
    String text = users + " Users";

    assertThat(Tier.parse(text).wire()).isEqualTo(text);
    assertThat(Tier.parse(text)).isEqualTo(Tier.users(users));
  }

  @Property
  @Label("spec §7.3: \"Per Unit Pricing (N Users)\" round-trips for every positive N")
  void perUnitTiersRoundTrip(@ForAll @IntRange(min = 1) int users) {
    String text = "Per Unit Pricing (" + users + " Users)";

    assertThat(Tier.parse(text).wire()).isEqualTo(text);
    assertThat(Tier.parse(text)).isEqualTo(Tier.perUnit(users));
  }

  @Property
  @Label("spec §14 K32: negative tiers \"-N Users\" round-trip for every positive N")
  void negativeTiersRoundTrip(@ForAll @IntRange(min = 1) int users) {
    String text = "-" + users + " Users";

    assertThat(Tier.parse(text).wire()).isEqualTo(text);
    assertThat(Tier.parse(text).kind()).isEqualTo(Tier.Kind.NEGATIVE);
  }
}
