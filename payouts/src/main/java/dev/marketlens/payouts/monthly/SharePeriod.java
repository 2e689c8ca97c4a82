package dev.marketlens.payouts.monthly;

import java.time.LocalDate;

/**
 * The partner's shares, in basis points (8500 = 85 %), for sales dated in {@code [from, until)};
 * {@code until} null means open-ended.
 *
 * @param connectCloudBps cloud sales of Connect apps (and of apps not configured as Forge)
 * @param forgeCloudBps cloud sales of Forge apps outside the first-year incentive
 * @param otherProductsBps every hosting, for apps of products other than Jira, JSM and Confluence
 */
public record SharePeriod(
    LocalDate from,
    LocalDate until,
    int connectCloudBps,
    int forgeCloudBps,
    int dataCenterBps,
    int serverBps,
    int otherProductsBps) {

  public SharePeriod {
    if (from == null) {
      throw new IllegalArgumentException("a revenue-share period needs a first day");
    }
    for (int bps :
        new int[] {connectCloudBps, forgeCloudBps, dataCenterBps, serverBps, otherProductsBps}) {
      if (bps < 0 || bps > 10_000) {
        throw new IllegalArgumentException(
            "a revenue share is between 0 and 10000 basis points, not " + bps);
      }
    }
    if (until != null && !until.isAfter(from)) {
      throw new IllegalArgumentException(
          "a period ends after it starts, not " + from + " .. " + until);
    }
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(from) && (until == null || day.isBefore(until));
  }

  /** The period as people read it: {@code 2022-04-01 – 2026-03-31}, or {@code from 2026-10-01}. */
  public String label() {
    return until == null ? "from " + from : from + " – " + until.minusDays(1);
  }
}
