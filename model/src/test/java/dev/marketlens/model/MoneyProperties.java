package dev.marketlens.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class MoneyProperties {

  @Property
  @Label("toString and parse are inverse for every amount of cents")
  void printedAmountsParseBack(@ForAll long cents) {
    Money money = Money.ofCents(cents);
    assertThat(Money.parse(money.toString())).isEqualTo(money);
  }

  @Property
  @Label("minus undoes plus, and negate is its own inverse")
  void plusAndMinusAreInverse(
      @ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long a,
      @ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long b) {
    Money x = Money.ofCents(a);
    Money y = Money.ofCents(b);
    assertThat(x.plus(y).minus(y)).isEqualTo(x);
    assertThat(x.negate().negate()).isEqualTo(x);
    assertThat(x.minus(y)).isEqualTo(x.plus(y.negate()));
  }

  @Property
  @Label("dividing and multiplying back is off by less than the divisor's worth of cents")
  void divisionLosesLessThanOneCentPerPart(
      @ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long cents,
      @ForAll @IntRange(min = 1, max = 1000) int divisor) {
    Money money = Money.ofCents(cents);
    Money part = money.dividedBy(divisor, RoundingMode.HALF_EVEN);
    assertThat(Math.abs(part.times(divisor).minus(money).cents())).isLessThan(divisor);
  }
}
