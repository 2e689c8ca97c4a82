package dev.marketlens.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * How pages show numbers: cents as dollars, decimal rates as percentages, nothing as a dash. Used
 * by the templates as {@code ${@fmt.money(x)}}.
 */
@Component("fmt")
public class Format {

  /** {@code 123456} cents as {@code $1,234.56}; negative amounts with a minus sign. */
  public String money(Object cents) {
    if (!(cents instanceof Number n)) {
      return "–";
    }
    long c = n.longValue();
    BigDecimal dollars = BigDecimal.valueOf(Math.abs(c)).movePointLeft(2);
    return (c < 0 ? "−$" : "$") + String.format(Locale.ROOT, "%,.2f", dollars);
  }

  /** Whole dollars, for tiles: {@code $12,346}. */
  public String dollars(Object cents) {
    if (!(cents instanceof Number n)) {
      return "–";
    }
    long c = n.longValue();
    BigDecimal dollars = BigDecimal.valueOf(Math.abs(c)).movePointLeft(2);
    return (c < 0 ? "−$" : "$")
        + String.format(Locale.ROOT, "%,d", dollars.setScale(0, RoundingMode.HALF_UP).longValue());
  }

  /** {@code 0.6714} as {@code 67.14%}. */
  public String rate(Object rate) {
    if (rate == null) {
      return "–";
    }
    BigDecimal r = rate instanceof BigDecimal b ? b : new BigDecimal(rate.toString());
    return r.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
  }

  public String count(Object count) {
    if (!(count instanceof Number n)) {
      return "–";
    }
    return String.format(Locale.ROOT, "%,d", n.longValue());
  }
}
