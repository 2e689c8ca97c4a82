package dev.marketlens.emulator.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("spec §4.1: money is written from cents in the live API's decimal style")
class CentsTest {

  @DisplayName(
      "spec §4.1: amounts read 40.0, 496.19, 40.5, -34.0, 0.0 — one or two fraction digits, never floats")
  @ParameterizedTest(name = "{0} cents → {1}")
  @CsvSource({
    "4000, 40.0",
    "49619, 496.19",
    "4050, 40.5",
    "-3400, -34.0",
    "0, 0.0",
    "9000, 90.0",
    "405, 4.05",
    "5, 0.05",
    "-5, -0.05",
    "-50, -0.5",
    "-49619, -496.19",
    "100, 1.0",
    "9223372036854775807, 92233720368547758.07",
    "-9223372036854775808, -92233720368547758.08"
  })
  void formatsCents(long cents, String text) {
    assertThat(Cents.toDecimalString(cents)).isEqualTo(text);
    assertThat(new BigDecimal(text)).isEqualByComparingTo(BigDecimal.valueOf(cents, 2));
  }
}
