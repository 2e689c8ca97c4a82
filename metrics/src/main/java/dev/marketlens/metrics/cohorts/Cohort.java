package dev.marketlens.metrics.cohorts;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * The units first paying in one month, and the share of them still paying (logos) or of their first
 * month's MRR (revenue) {@code k} months later, k = 0, 1, … up to the report's last month.
 */
public record Cohort(YearMonth cohort, String segment, int size, List<BigDecimal> retention) {

  /** What a cohort's retention measures. */
  public enum Measure {
    /** The share of the cohort's units paying. */
    LOGOS,
    /** Σ MRR of the cohort's units / Σ their MRR in the cohort month. */
    REVENUE;

    public static Measure parse(String text) {
      for (Measure m : values()) {
        if (m.name().equalsIgnoreCase(text)) {
          return m;
        }
      }
      throw new IllegalArgumentException(
          "unknown cohort measure '" + text + "'; expected logos or revenue");
    }
  }
}
