package dev.marketlens.emulator.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;

@Label("spec §4.1: money text is exact for every amount in cents")
class CentsPropertiesTest {

  @Property
  @Label(
      "spec §4.1: for any long of cents, the decimal text read as BigDecimal equals cents / 100 exactly")
  void decimalTextIsExact(@ForAll long cents) {
    String text = Cents.toDecimalString(cents);

    assertThat(new BigDecimal(text)).isEqualByComparingTo(BigDecimal.valueOf(cents, 2));
  }

  @Property
  @Label(
      "spec §4.1: the decimal text is plain JSON: optional minus, digits, a point and one or two digits")
  void decimalTextIsAPlainJsonNumber(@ForAll long cents) {
    String text = Cents.toDecimalString(cents);

    assertThat(text).matches("-?(0|[1-9][0-9]*)\\.[0-9]{1,2}");
    assertThat(text.startsWith("-")).isEqualTo(cents < 0);
    if (cents % 10 == 0) {
      assertThat(text).matches(".*\\.[0-9]");
    }
  }
}
