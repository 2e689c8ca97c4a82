package dev.marketlens.metrics.reconciliation;

import java.time.YearMonth;

/**
 * One figure of one month, ours against the API's: {@code difference = ours − published}, of which
 * {@code explained} comes from a difference of definition named in {@code explanation}; {@code
 * unexplained} is the rest (records the API counts differently, or not at all).
 *
 * @param metric {@code mrr}, {@code renewals} or {@code conversion}
 * @param field the figure, e.g. {@code churnedMrr} (cents) or {@code Annual renewals} (a count)
 */
public record Difference(
    YearMonth month,
    String metric,
    String field,
    long ours,
    long published,
    long difference,
    long explained,
    long unexplained,
    String explanation) {

  static Difference of(
      YearMonth month,
      String metric,
      String field,
      long ours,
      long published,
      long oursUnderTheirDefinition,
      String definition) {
    long explained = ours - oursUnderTheirDefinition;
    return new Difference(
        month,
        metric,
        field,
        ours,
        published,
        ours - published,
        explained,
        oursUnderTheirDefinition - published,
        explained == 0 ? "" : definition);
  }
}
