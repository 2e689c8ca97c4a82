package dev.marketlens.emulator.commerce;

import dev.marketlens.emulator.wire.Hosting;
import java.time.LocalDate;
import java.util.List;

/**
 * The partner's share of a sale, in basis points (8500 = 85 %), by hosting, host product, app
 * platform and sale date.
 *
 * <p>Seed 004 (SR-V1…V3) states the rates for 2022-04-01 through 2024-12-31: 85 % cloud, 75 % Data
 * Center, 75 % server for Jira, Jira Service Management and Confluence apps; 75 % on every hosting
 * for other host products; 95 % for sales in the first year of Forge apps listed after 2022-04-01
 * on Atlassian-hosted storage. The other periods are configurable; {@link #defaults()} fills them
 * as documented in {@code docs/emulator.md}.
 */
public final class RevenueShare {

  /** Seed 004: the Forge incentive applies to apps listed after this date. */
  public static final LocalDate FORGE_INCENTIVE_LISTED_AFTER = LocalDate.of(2022, 4, 1);

  /** Seed 004: Forge incentive rate, 95 %, during the first year after listing. */
  public static final int FORGE_FIRST_YEAR_BPS = 9500;

  /**
   * The rates of one period, {@code [from, until)}; {@code until} null means open-ended.
   *
   * @param forgeCloudBps the cloud rate of Forge apps (after any first-year incentive)
   * @param connectCloudBps the cloud rate of Connect apps
   * @param otherProductsBps the rate on every hosting for apps of host products other than Jira,
   *     JSM and Confluence
   */
  public record Period(
      LocalDate from,
      LocalDate until,
      int connectCloudBps,
      int forgeCloudBps,
      int dataCenterBps,
      int serverBps,
      int otherProductsBps) {

    public Period {
      for (int bps :
          new int[] {connectCloudBps, forgeCloudBps, dataCenterBps, serverBps, otherProductsBps}) {
        if (bps < 0 || bps > 10_000) {
          throw new IllegalArgumentException(
              "a revenue share is between 0 and 10000 basis points, got " + bps);
        }
      }
      if (until != null && !until.isAfter(from)) {
        throw new IllegalArgumentException(
            "a period ends after it starts: " + from + " .. " + until);
      }
    }

    boolean contains(LocalDate date) {
      return !date.isBefore(from) && (until == null || date.isBefore(until));
    }
  }

  private final List<Period> periods;

  public RevenueShare(List<Period> periods) {
    if (periods.isEmpty()) {
      throw new IllegalArgumentException("a revenue-share schedule needs at least one period");
    }
    for (int i = 1; i < periods.size(); i++) {
      if (!periods.get(i).from().equals(periods.get(i - 1).until())) {
        throw new IllegalArgumentException(
            "revenue-share periods must follow each other without gaps: "
                + periods.get(i - 1).until()
                + " then "
                + periods.get(i).from());
      }
    }
    this.periods = List.copyOf(periods);
  }

  /**
   * The default schedule:
   *
   * <ul>
   *   <li>before 2020-04-01: 75 % everywhere (no source; configurable);
   *   <li>2020-04-01 – 2022-03-31: 85 % cloud, 75 % Data Center, 70 % server (Atlassian's 2020
   *       pricing terms; the metrics specification's "server was 70 % before 2022-04-01"; seed
   *       002's 2021 sample shows 85 % cloud);
   *   <li>2022-04-01 – 2026-03-31: seed 004's rates (85/75/75, others 75), stated until 2024-12-31
   *       and kept until the next announced change;
   *   <li>2026-04-01 – 2026-09-30: Connect cloud 80 %, Forge cloud 84 %;
   *   <li>from 2026-10-01: Connect cloud 75 %, Forge cloud 83 % (Atlassian's 2026 revenue-share
   *       announcements).
   * </ul>
   */
  public static RevenueShare defaults() {
    LocalDate apr2020 = LocalDate.of(2020, 4, 1);
    LocalDate apr2022 = LocalDate.of(2022, 4, 1);
    LocalDate apr2026 = LocalDate.of(2026, 4, 1);
    LocalDate oct2026 = LocalDate.of(2026, 10, 1);
    return new RevenueShare(
        List.of(
            new Period(LocalDate.of(2000, 1, 1), apr2020, 7500, 7500, 7500, 7500, 7500),
            new Period(apr2020, apr2022, 8500, 8500, 7500, 7000, 7500),
            new Period(apr2022, apr2026, 8500, 8500, 7500, 7500, 7500),
            new Period(apr2026, oct2026, 8000, 8400, 7500, 7500, 7500),
            new Period(oct2026, null, 7500, 8300, 7500, 7500, 7500)));
  }

  public List<Period> periods() {
    return periods;
  }

  /**
   * The partner's share of a sale of {@code app} on {@code hosting} dated {@code saleDate}, in
   * basis points.
   */
  public int basisPoints(App app, Hosting hosting, LocalDate saleDate) {
    Period p = periodOn(saleDate);
    if (!app.hostProduct().hasHostingSpecificShare()) {
      return p.otherProductsBps();
    }
    return switch (hosting) {
      case SERVER -> p.serverBps();
      case DATA_CENTER -> p.dataCenterBps();
      case CLOUD -> {
        if (app.qualifiesForForgeIncentive() && saleDate.isBefore(app.listingDate().plusYears(1))) {
          yield FORGE_FIRST_YEAR_BPS;
        }
        yield app.platform() == AppPlatform.FORGE ? p.forgeCloudBps() : p.connectCloudBps();
      }
    };
  }

  private Period periodOn(LocalDate date) {
    for (Period p : periods) {
      if (p.contains(date)) {
        return p;
      }
    }
    throw new IllegalArgumentException("no revenue-share period covers " + date);
  }

  /**
   * Seed 001/002 (SR-V4): the vendor amount is the share of the purchase price, rounded half away
   * from zero to the cent, so a $0 sale pays $0 and a refund mirrors its sale.
   */
  public static long vendorAmountCents(long purchasePriceCents, int basisPoints) {
    long magnitude = (Math.abs(purchasePriceCents) * basisPoints + 5_000) / 10_000;
    return purchasePriceCents < 0 ? -magnitude : magnitude;
  }
}
