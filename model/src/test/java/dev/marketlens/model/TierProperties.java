package dev.marketlens.model;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;

class TierProperties {

  @Property
  @Label("spec §7.3, K32: \"N Users\" reads back as N users for every N, negative ones included")
  void usersTiersRoundTrip(@ForAll int users) {
    Tier tier = Tier.users(users);
    Tier parsed = Tier.parse(tier.toString());
    assertThat(parsed).isEqualTo(tier).hasToString(tier.toString());
    assertThat(parsed.users()).hasValue(users);
    assertThat(parsed.isNegative()).isEqualTo(users < 0);
  }

  @Property
  @Label("spec §7.3: \"Per Unit Pricing (N Users)\" reads back as per-unit pricing for N users")
  void perUnitTiersRoundTrip(@ForAll int users) {
    Tier tier = Tier.perUnitPricing(users);
    assertThat(Tier.parse(tier.toString())).isEqualTo(tier);
    assertThat(Tier.parse(tier.toString()).users()).hasValue(users);
  }
}
