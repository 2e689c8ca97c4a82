package dev.marketlens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.RoundingMode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {

  @ParameterizedTest(name = "\"{0}\" is {1} cents")
  @CsvSource({
    "40.0, 4000",
    "-34.0, -3400",
    "496.19, 49619",
    "90, 9000",
    "0, 0",
    "0.0, 0",
    "-0.01, -1",
    "1.230, 123",
    "' 12.5 ', 1250",
    "1E+2, 10000"
  })
  @DisplayName("spec §8.3: amounts parse exactly from the API's decimal text")
  void parsesTheApiDecimals(String text, long cents) {
    assertThat(Money.parse(text)).isEqualTo(Money.ofCents(cents));
  }

  @Test
  @DisplayName("ADR 0002: a third significant decimal cannot be held in cents and is rejected")
  void rejectsMoreThanTwoDecimals() {
    assertThatThrownBy(() -> Money.parse("12.345"))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("\"12.345\"")
        .hasMessageContaining("more than 2 decimals");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(strings = {"abc", "12,34", "$12.00", "12.34.56", "1 000", "NaN"})
  @DisplayName("text that is not a decimal is rejected with the value in the message")
  void rejectsNonDecimals(String text) {
    assertThatThrownBy(() -> Money.parse(text))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining(text)
        .hasMessageContaining("expected a decimal");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  @DisplayName("an absent amount is rejected, not read as zero")
  void rejectsAbsentAmounts(String text) {
    assertThatThrownBy(() -> Money.parse(text))
        .isInstanceOf(ModelException.class)
        .extracting(e -> ((ModelException) e).field())
        .isEqualTo("amount");
  }

  @Test
  @DisplayName("ADR 0002: amounts beyond a long of cents are rejected, not wrapped")
  void rejectsAmountsTooLargeForCents() {
    assertThatThrownBy(() -> Money.parse("100000000000000000000"))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("too large");
  }

  @ParameterizedTest(name = "{0} cents prints as {1}")
  @CsvSource({"1234, 12.34", "-50, -0.50", "0, 0.00", "4000, 40.00", "5, 0.05"})
  @DisplayName("toString prints dollars with two decimals and parses back to the same amount")
  void printsDollarsWithTwoDecimals(long cents, String text) {
    assertThat(Money.ofCents(cents)).hasToString(text);
    assertThat(Money.parse(text)).isEqualTo(Money.ofCents(cents));
  }

  @Test
  @DisplayName("plus, minus, negate and times are exact cent arithmetic")
  void arithmeticIsExact() {
    Money price = Money.parse("40.00");
    Money discount = Money.parse("10.00");
    assertThat(price.plus(discount)).isEqualTo(Money.ofCents(5000));
    assertThat(price.minus(discount)).isEqualTo(Money.ofCents(3000));
    assertThat(discount.minus(price)).isEqualTo(Money.ofCents(-3000));
    assertThat(price.negate()).isEqualTo(Money.parse("-40.0"));
    assertThat(price.times(3)).isEqualTo(Money.parse("120"));
    assertThat(price.times(-1)).isEqualTo(price.negate());
  }

  @Test
  @DisplayName("ADR 0002: overflow throws instead of wrapping around")
  void overflowThrows() {
    assertThatThrownBy(() -> Money.ofCents(Long.MAX_VALUE).plus(Money.ofCents(1)))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Money.ofCents(Long.MAX_VALUE / 2 + 1).times(2))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Money.ofCents(Long.MIN_VALUE).negate())
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  @DisplayName("conventions: division rounds as the caller says, never silently")
  void divisionRoundsAsTheCallerSays() {
    Money hundred = Money.parse("100.00");
    assertThat(hundred.dividedBy(3, RoundingMode.HALF_EVEN)).isEqualTo(Money.ofCents(3333));
    assertThat(hundred.dividedBy(3, RoundingMode.CEILING)).isEqualTo(Money.ofCents(3334));
    assertThat(Money.ofCents(5).dividedBy(2, RoundingMode.HALF_EVEN)).isEqualTo(Money.ofCents(2));
    assertThat(Money.ofCents(5).dividedBy(2, RoundingMode.HALF_UP)).isEqualTo(Money.ofCents(3));
    assertThat(Money.ofCents(-5).dividedBy(2, RoundingMode.FLOOR)).isEqualTo(Money.ofCents(-3));
    assertThatThrownBy(() -> hundred.dividedBy(3, RoundingMode.UNNECESSARY))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  @DisplayName("division by zero names the divisor")
  void divisionByZeroIsRejected() {
    assertThatThrownBy(() -> Money.ZERO.dividedBy(0, RoundingMode.HALF_EVEN))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("divisor");
  }

  @Test
  @DisplayName("zero, negative and positive are told apart; amounts order by cents")
  void signAndOrder() {
    assertThat(Money.ZERO.isZero()).isTrue();
    assertThat(Money.parse("-0.00").isZero()).isTrue();
    assertThat(Money.parse("-34.0").isNegative()).isTrue();
    assertThat(Money.parse("34.0").isNegative()).isFalse();
    assertThat(Money.parse("34.0").isPositive()).isTrue();
    assertThat(Money.parse("1.00")).isGreaterThan(Money.parse("0.99"));
  }
}
