package dev.marketlens.emulator.quirks;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Behaviours of the live reporting API that change the protocol (spec §14), each behind a switch
 * named as in the spec and off by default, so that a client sees the documented API unless a test
 * asks for the live API's oddities.
 */
public enum Quirk {
  /** K4: {@code order} is ignored on licenses, which are always sorted descending. */
  LICENSES_ORDER_IGNORED("licensesOrderIgnored"),
  /** K6: sync list and export calls over more than 50,000 rows answer 504. */
  SYNC_EXPORT_MAX_ROWS("syncExportMaxRows"),
  /** K9: an async export with the same parameters as a recent one gets the same export id. */
  DEDUP_ASYNC_EXPORTS("dedupAsyncExports"),
  /** K10 (MP-557): licenses that started in 2018 are exported twice, whatever the date filter. */
  DUPLICATE_2018_LICENSES("duplicate2018Licenses"),
  /** K33: a {@code tier} filter on transactions also returns rows on the Evaluation tier. */
  TIER_FILTER_INCLUDES_EVALUATION("tierFilterIncludesEvaluation"),
  /** K30: {@code proratedDetails} come back in a different order in every response. */
  SHUFFLED_PRORATED_DETAILS("shuffledProratedDetails"),
  /** K21: about half the Data Center JSON records spell their hosting {@code Data center}. */
  HOSTING_SPELLING_VARIANTS("hostingSpellingVariants"),
  /** §4.2: v3 hrefs carry the {@code /rest/3} prefix (by default they omit it, as live). */
  V3_PREFIXED_HREFS("v3PrefixedHrefs"),
  /** K4: on cloud license events, {@code order=desc} is not monotonic. */
  DETAILS_DESC_SCRAMBLED("detailsDescScrambled");

  private final String switchName;

  Quirk(String switchName) {
    this.switchName = switchName;
  }

  /** The name used on the command line and in the admin API. */
  public String switchName() {
    return switchName;
  }

  /**
   * Reads a comma-separated list of switch names ({@code --quirks a,b}); blank means none.
   *
   * @throws IllegalArgumentException naming the unknown switch and listing the known ones
   */
  public static Set<Quirk> parse(String list) {
    Set<Quirk> out = EnumSet.noneOf(Quirk.class);
    if (list == null || list.isBlank()) {
      return out;
    }
    for (String name : list.split(",")) {
      String n = name.trim();
      if (n.isEmpty()) {
        continue;
      }
      out.add(
          Arrays.stream(values())
              .filter(q -> q.switchName.equalsIgnoreCase(n))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown quirk '"
                              + n
                              + "'; known quirks: "
                              + Arrays.stream(values())
                                  .map(Quirk::switchName)
                                  .collect(Collectors.joining(", ")))));
    }
    return out;
  }

  @Override
  public String toString() {
    return switchName;
  }
}
