package dev.marketlens.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of US dollars in whole cents. Arithmetic is exact and overflows loudly; division takes
 * its rounding from the caller.
 */
public record Money(long cents) implements Comparable<Money> {

  public static final Money ZERO = new Money(0);

  public static Money ofCents(long cents) {
    return new Money(cents);
  }

  /**
   * Parses the API's decimal text ({@code "40.0"}, {@code "-34.0"}, {@code "496.19"}, {@code
   * "90"}). Trailing zeros beyond the cents are accepted ({@code "1.230"}); any other third decimal
   * is not, since it cannot be held in cents.
   */
  public static Money parse(String text) {
    if (text == null || text.isBlank()) {
      throw new ModelException("amount", text, "is not an amount: expected a decimal like 12.34");
    }
    BigDecimal decimal;
    try {
      decimal = new BigDecimal(text.trim());
    } catch (NumberFormatException e) {
      throw new ModelException(
          "amount", text, "is not an amount: expected a decimal like 12.34", e);
    }
    BigDecimal inCents;
    try {
      inCents = decimal.setScale(2, RoundingMode.UNNECESSARY);
    } catch (ArithmeticException e) {
      throw new ModelException(
          "amount", text, "has more than 2 decimals: amounts are whole cents", e);
    }
    try {
      return new Money(inCents.unscaledValue().longValueExact());
    } catch (ArithmeticException e) {
      throw new ModelException("amount", text, "is too large to hold in cents", e);
    }
  }

  public Money plus(Money other) {
    return new Money(Math.addExact(cents, other.cents));
  }

  public Money minus(Money other) {
    return new Money(Math.subtractExact(cents, other.cents));
  }

  public Money negate() {
    return new Money(Math.negateExact(cents));
  }

  public Money times(long factor) {
    return new Money(Math.multiplyExact(cents, factor));
  }

  /** Divides by {@code divisor}, rounding the cents as {@code rounding} says. */
  public Money dividedBy(long divisor, RoundingMode rounding) {
    if (divisor == 0) {
      throw new ModelException("divisor", divisor, "must not be zero");
    }
    return new Money(
        BigDecimal.valueOf(cents)
            .divide(BigDecimal.valueOf(divisor), 0, rounding)
            .longValueExact());
  }

  public boolean isZero() {
    return cents == 0;
  }

  public boolean isNegative() {
    return cents < 0;
  }

  public boolean isPositive() {
    return cents > 0;
  }

  /** The amount as a decimal, exactly. */
  public BigDecimal toBigDecimal() {
    return BigDecimal.valueOf(cents, 2);
  }

  @Override
  public int compareTo(Money other) {
    return Long.compare(cents, other.cents);
  }

  /** Dollars with two decimals: {@code 12.34}, {@code -0.50}, {@code 0.00}. */
  @Override
  public String toString() {
    return toBigDecimal().toPlainString();
  }
}
