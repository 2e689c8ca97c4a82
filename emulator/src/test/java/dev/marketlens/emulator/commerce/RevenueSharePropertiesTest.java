package dev.marketlens.emulator.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

@Label("spec §17 W4 (SR-V4): vendor amount = share × purchase price, within half a cent")
class RevenueSharePropertiesTest {

  private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
  private static final BigDecimal HALF_CENT = new BigDecimal("0.5");

  @Property
  @Label(
      "spec §17 W4 (SR-V4): for any price ≥ 0 and share in [0, 10000] bps, |vendor − price × bps / 10000| ≤ 0.5 cent")
  void vendorAmountWithinHalfACent(
      @ForAll @LongRange(min = 0, max = 100_000_000_000L) long priceCents,
      @ForAll @IntRange(min = 0, max = 10_000) int bps) {
    long vendor = RevenueShare.vendorAmountCents(priceCents, bps);

    BigDecimal exact =
        BigDecimal.valueOf(priceCents)
            .multiply(BigDecimal.valueOf(bps))
            .divide(TEN_THOUSAND, 4, RoundingMode.UNNECESSARY);
    assertThat(BigDecimal.valueOf(vendor).subtract(exact).abs()).isLessThanOrEqualTo(HALF_CENT);
    assertThat(vendor).isBetween(0L, priceCents);
  }

  @Property
  @Label(
      "seed 001/002 (SR-V4): the vendor amount is price × share rounded half away from zero, and a refund mirrors its sale")
  void roundsHalfAwayFromZeroAndMirrors(
      @ForAll @LongRange(min = -100_000_000_000L, max = 100_000_000_000L) long priceCents,
      @ForAll @IntRange(min = 0, max = 10_000) int bps) {
    long vendor = RevenueShare.vendorAmountCents(priceCents, bps);

    // HALF_UP on BigDecimal rounds half away from zero for negative values too
    long expected =
        BigDecimal.valueOf(priceCents)
            .multiply(BigDecimal.valueOf(bps))
            .divide(TEN_THOUSAND, 0, RoundingMode.HALF_UP)
            .longValueExact();
    assertThat(vendor).isEqualTo(expected);
    assertThat(RevenueShare.vendorAmountCents(-priceCents, bps)).isEqualTo(-vendor);
  }
}
