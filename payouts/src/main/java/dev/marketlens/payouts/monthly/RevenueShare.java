package dev.marketlens.payouts.monthly;

import dev.marketlens.model.Hosting;
import dev.marketlens.model.ModelException;
import dev.marketlens.model.id.AppKey;
import dev.marketlens.model.transaction.TransactionLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The revenue-share schedule: the partner's share of each sale by sale date, hosting, host product
 * and app (seed 004, SR-V1…V3), with the per-app facts the records cannot carry ({@link AppTerms}).
 *
 * <p>A line's host product is the configured one of its app; else the line's {@code parentProduct}
 * name (cloud lines carry it); else Jira, JSM or Confluence are assumed, the products whose apps
 * get the hosting-specific rates. The Forge first-year incentive and the Forge cloud rates apply
 * only to apps configured as Forge: the records cannot tell Forge from Connect, nor the listing
 * day.
 *
 * <p>The schedule can be read from a small CSV ({@link #parse}); see {@code
 * docs/payouts/monthly.md}.
 */
public final class RevenueShare {

  /** SR-V3: the incentive is for Forge apps listed after this day. */
  public static final LocalDate FORGE_INCENTIVE_LISTED_AFTER = LocalDate.of(2022, 4, 1);

  /** SR-V3: 95 % for sales in the first year after listing. */
  public static final int FORGE_FIRST_YEAR_BPS = 9500;

  /** The configuration file's name in {@code $MARKETLENS_HOME}. */
  public static final String FILE = "revenue-share.csv";

  private final List<SharePeriod> periods;
  private final Map<AppKey, AppTerms> apps;

  /** Parent product names, read once each (a handful of names over many lines). */
  private final Map<String, Optional<HostProduct>> names =
      new java.util.concurrent.ConcurrentHashMap<>();

  public RevenueShare(List<SharePeriod> periods, List<AppTerms> apps) {
    if (periods.isEmpty()) {
      throw new IllegalArgumentException("a revenue-share schedule needs at least one period");
    }
    for (int i = 1; i < periods.size(); i++) {
      LocalDate end = periods.get(i - 1).until();
      if (end == null || !end.equals(periods.get(i).from())) {
        throw new IllegalArgumentException(
            "revenue-share periods follow each other without gap or overlap: "
                + periods.get(i - 1).label()
                + " is followed by "
                + periods.get(i).label());
      }
    }
    this.periods = List.copyOf(periods);
    Map<AppKey, AppTerms> byKey = new LinkedHashMap<>();
    for (AppTerms a : apps) {
      if (byKey.put(a.app(), a) != null) {
        throw new IllegalArgumentException("app " + a.app() + " is configured twice");
      }
    }
    this.apps = Map.copyOf(byKey);
  }

  /**
   * The default schedule, no app configured:
   *
   * <ul>
   *   <li>before 2020-04-01: 75 % on every hosting (no source states older rates);
   *   <li>2020-04-01 – 2022-03-31: cloud 85 %, Data Center 75 %, server 70 %, other products 75 %
   *       (metrics specification §2.1: "server was 70 % before 2022-04-01"; seed 002's 2021 sample
   *       pays 85 % on cloud);
   *   <li>2022-04-01 – 2026-03-31: seed 004 (SR-V1, SR-V2): cloud 85 %, Data Center 75 %, server 75
   *       %, other products 75 % — stated until 2024-12-31, kept until the next announced change;
   *   <li>2026-04-01 – 2026-09-30: Connect cloud 80 %, Forge cloud 84 %; from 2026-10-01: Connect
   *       cloud 75 %, Forge cloud 83 % (Atlassian's 2026 commissions of 20 → 25 % for Connect and
   *       16 → 17 % for Forge, metrics specification §2.1).
   * </ul>
   */
  public static RevenueShare defaults() {
    return new RevenueShare(defaultPeriods(), List.of());
  }

  static List<SharePeriod> defaultPeriods() {
    LocalDate apr2020 = LocalDate.of(2020, 4, 1);
    LocalDate apr2022 = LocalDate.of(2022, 4, 1);
    LocalDate apr2026 = LocalDate.of(2026, 4, 1);
    LocalDate oct2026 = LocalDate.of(2026, 10, 1);
    return List.of(
        new SharePeriod(LocalDate.of(1990, 1, 1), apr2020, 7500, 7500, 7500, 7500, 7500),
        new SharePeriod(apr2020, apr2022, 8500, 8500, 7500, 7000, 7500),
        new SharePeriod(apr2022, apr2026, 8500, 8500, 7500, 7500, 7500),
        new SharePeriod(apr2026, oct2026, 8000, 8400, 7500, 7500, 7500),
        new SharePeriod(oct2026, null, 7500, 8300, 7500, 7500, 7500));
  }

  public List<SharePeriod> periods() {
    return periods;
  }

  public Map<AppKey, AppTerms> apps() {
    return apps;
  }

  /** The same schedule with these apps' terms (replacing any configured before). */
  public RevenueShare withApps(List<AppTerms> terms) {
    Map<AppKey, AppTerms> merged = new LinkedHashMap<>(apps);
    for (AppTerms t : terms) {
      merged.put(t.app(), t);
    }
    return new RevenueShare(periods, List.copyOf(merged.values()));
  }

  /**
   * The share a line earns; empty when no period covers its day. The day is the sale date, but for
   * a refund that names its original sale's date, that date: a refund gives back the share its sale
   * paid (a sale at 80 % refunded after a change to 75 % returns 80 %).
   */
  public Optional<ShareRate> rate(TransactionLine line) {
    // A refund gives back what its sale paid: the rate of the original sale's day.
    LocalDate day = rateDay(line);
    String of = day.equals(line.saleDate()) ? "" : " (refund of a sale of " + day + ")";
    SharePeriod period = periodOn(day);
    if (period == null) {
      return Optional.empty();
    }
    AppTerms terms = apps.get(line.app());
    HostProduct product;
    String source;
    if (terms != null && terms.hostProduct() != null) {
      product = terms.hostProduct();
      source = "configured";
    } else if (line.parentProduct() != null
        && HostProduct.named(line.parentProduct().name()) != null) {
      product = HostProduct.named(line.parentProduct().name());
      source = "parentProduct";
    } else {
      product = HostProduct.JIRA;
      source = "assumed";
    }
    if (line.hosting() == Hosting.CLOUD && terms != null && terms.inForgeFirstYear(day)) {
      return Optional.of(
          new ShareRate(
              FORGE_FIRST_YEAR_BPS,
              "SR-V3 Forge first year (listed " + terms.listed() + ")" + of,
              period,
              product,
              source));
    }
    if (!product.hasHostingSpecificShare()) {
      return Optional.of(
          new ShareRate(
              period.otherProductsBps(),
              "SR-V2 " + line.hosting().wire() + ", other product" + of,
              period,
              product,
              source));
    }
    boolean forge = terms != null && terms.forge();
    return Optional.of(
        switch (line.hosting()) {
          case SERVER ->
              new ShareRate(period.serverBps(), "SR-V1 Server" + of, period, product, source);
          case DATA_CENTER ->
              new ShareRate(
                  period.dataCenterBps(), "SR-V1 Data Center" + of, period, product, source);
          case CLOUD ->
              new ShareRate(
                  forge ? period.forgeCloudBps() : period.connectCloudBps(),
                  (forge ? "SR-V1 Cloud (Forge)" : "SR-V1 Cloud (Connect)") + of,
                  period,
                  product,
                  source);
        });
  }

  /**
   * The share a line earns in basis points, as {@link #rate} gives it, without the explanation; -1
   * when no period covers its day. The check runs this for every line and explains only those that
   * differ.
   */
  public int basisPoints(TransactionLine line) {
    LocalDate day = rateDay(line);
    SharePeriod period = periodOn(day);
    if (period == null) {
      return -1;
    }
    AppTerms terms = apps.get(line.app());
    if (line.hosting() == Hosting.CLOUD && terms != null && terms.inForgeFirstYear(day)) {
      return FORGE_FIRST_YEAR_BPS;
    }
    HostProduct product;
    if (terms != null && terms.hostProduct() != null) {
      product = terms.hostProduct();
    } else {
      product = line.parentProduct() == null ? null : named(line.parentProduct().name());
    }
    if (product != null && !product.hasHostingSpecificShare()) {
      return period.otherProductsBps();
    }
    return switch (line.hosting()) {
      case SERVER -> period.serverBps();
      case DATA_CENTER -> period.dataCenterBps();
      case CLOUD ->
          terms != null && terms.forge() ? period.forgeCloudBps() : period.connectCloudBps();
    };
  }

  /** The day whose rate applies: the sale date, or a refund's original sale date. */
  private static LocalDate rateDay(TransactionLine line) {
    if (line.isRefund()
        && line.originalTransaction() != null
        && line.originalTransaction().saleDate() != null) {
      return line.originalTransaction().saleDate();
    }
    return line.saleDate();
  }

  private SharePeriod periodOn(LocalDate day) {
    for (SharePeriod p : periods) {
      if (p.contains(day)) {
        return p;
      }
    }
    return null;
  }

  private HostProduct named(String name) {
    if (name == null) {
      return null;
    }
    return names.computeIfAbsent(name, n -> Optional.ofNullable(HostProduct.named(n))).orElse(null);
  }

  /**
   * SR-V4: the vendor amount of a purchase price at a share, rounded half away from zero to the
   * cent, so a $0 sale earns $0 and a refund mirrors its sale.
   */
  public static long vendorAmountCents(long purchasePriceCents, int basisPoints) {
    long magnitude =
        Math.addExact(Math.multiplyExact(Math.abs(purchasePriceCents), basisPoints), 5_000)
            / 10_000;
    return purchasePriceCents < 0 ? -magnitude : magnitude;
  }

  /**
   * Reads the configuration: lines {@code period,FROM,UNTIL,CLOUD,FORGE_CLOUD,DATA_CENTER,SERVER,
   * OTHER_PRODUCTS} (shares in percent, e.g. {@code 85} or {@code 82.5}; {@code UNTIL} the first
   * day after the period, empty on the last) and {@code app,ADDON_KEY,HOST_PRODUCT,PLATFORM,
   * LISTED,FORGE_INCENTIVE} ({@code PLATFORM} connect, forge or server; {@code FORGE_INCENTIVE} yes
   * or no, by default yes for Forge apps listed after 2022-04-01). Blank lines and lines starting
   * with {@code #} are skipped. Without period lines the default periods apply; with them, they
   * replace the defaults.
   *
   * @param source the file's name, for messages
   * @throws IllegalArgumentException naming the file, line, field and value of the first error
   */
  public static RevenueShare parse(String source, List<String> lines) {
    List<SharePeriod> periods = new ArrayList<>();
    List<AppTerms> apps = new ArrayList<>();
    Map<AppKey, Integer> appLine = new LinkedHashMap<>();
    int lastPeriodLine = 0;
    for (int n = 1; n <= lines.size(); n++) {
      String text = lines.get(n - 1).strip();
      if (n == 1 && text.startsWith("\uFEFF")) {
        text = text.substring(1).strip();
      }
      if (text.isEmpty() || text.startsWith("#")) {
        continue;
      }
      Line line = new Line(source, n, text.split(",", -1));
      String kind = line.field(0, "KIND").toLowerCase(Locale.ROOT);
      switch (kind) {
        case "period" -> {
          line.expect(8, "period,FROM,UNTIL,CLOUD,FORGE_CLOUD,DATA_CENTER,SERVER,OTHER_PRODUCTS");
          LocalDate from = line.date(1, "FROM", true);
          LocalDate until = line.date(2, "UNTIL", false);
          if (!periods.isEmpty()) {
            SharePeriod previous = periods.get(periods.size() - 1);
            if (previous.until() == null || !previous.until().equals(from)) {
              throw line.error(
                  "FROM",
                  line.field(1, "FROM"),
                  "must be the UNTIL of the period on line "
                      + lastPeriodLine
                      + " ("
                      + (previous.until() == null
                          ? "empty: that period is open-ended"
                          : previous.until())
                      + "): periods follow each other without gap or overlap");
            }
          }
          if (until != null && !until.isAfter(from)) {
            throw line.error("UNTIL", line.field(2, "UNTIL"), "must be after FROM " + from);
          }
          periods.add(
              new SharePeriod(
                  from,
                  until,
                  line.share(3, "CLOUD"),
                  line.share(4, "FORGE_CLOUD"),
                  line.share(5, "DATA_CENTER"),
                  line.share(6, "SERVER"),
                  line.share(7, "OTHER_PRODUCTS")));
          lastPeriodLine = n;
        }
        case "app" -> {
          line.expect(6, "app,ADDON_KEY,HOST_PRODUCT,PLATFORM,LISTED,FORGE_INCENTIVE");
          String keyText = line.field(1, "ADDON_KEY");
          AppKey key;
          try {
            key = AppKey.of(keyText);
          } catch (ModelException e) {
            throw line.error("ADDON_KEY", keyText, "is not an app key like com.example.app");
          }
          Integer earlier = appLine.put(key, n);
          if (earlier != null) {
            throw line.error("ADDON_KEY", keyText, "is configured on line " + earlier + " too");
          }
          String productText = line.field(2, "HOST_PRODUCT");
          HostProduct product = HostProduct.named(productText);
          if (!productText.isEmpty() && product == null) {
            throw line.error(
                "HOST_PRODUCT",
                productText,
                "is not a product: expected e.g. Jira, Jira Service Management, Confluence,"
                    + " Bitbucket, or empty to read it from the lines' parent product");
          }
          String platform = line.field(3, "PLATFORM").toLowerCase(Locale.ROOT);
          boolean forge =
              switch (platform) {
                case "forge" -> true;
                case "", "connect", "server", "p2", "plugins" -> false;
                default ->
                    throw line.error(
                        "PLATFORM", line.field(3, "PLATFORM"), "must be connect, forge or server");
              };
          LocalDate listed = line.date(4, "LISTED", false);
          String incentiveText = line.field(5, "FORGE_INCENTIVE").toLowerCase(Locale.ROOT);
          boolean incentive =
              switch (incentiveText) {
                case "" -> forge && listed != null && listed.isAfter(FORGE_INCENTIVE_LISTED_AFTER);
                case "yes", "true" -> true;
                case "no", "false" -> false;
                default ->
                    throw line.error(
                        "FORGE_INCENTIVE", line.field(5, "FORGE_INCENTIVE"), "must be yes or no");
              };
          try {
            apps.add(new AppTerms(key, product, forge, listed, incentive));
          } catch (IllegalArgumentException e) {
            throw line.error("FORGE_INCENTIVE", incentiveText, e.getMessage());
          }
        }
        default ->
            throw line.error(
                "KIND", line.field(0, "KIND"), "must be period or app (or # for a comment)");
      }
    }
    return new RevenueShare(periods.isEmpty() ? defaultPeriods() : periods, apps);
  }

  /** One line of the configuration, split at commas, with errors naming file, line and field. */
  private record Line(String source, int number, String[] fields) {

    String field(int index, String name) {
      return index < fields.length ? fields[index].strip() : "";
    }

    void expect(int count, String shape) {
      if (fields.length != count) {
        throw new IllegalArgumentException(
            source
                + " line "
                + number
                + ": expected "
                + count
                + " fields ("
                + shape
                + "), not "
                + fields.length
                + " in '"
                + String.join(",", fields)
                + "'");
      }
    }

    IllegalArgumentException error(String field, String value, String problem) {
      return new IllegalArgumentException(
          source + " line " + number + ", field " + field + ": '" + value + "' " + problem);
    }

    LocalDate date(int index, String name, boolean required) {
      String text = field(index, name);
      if (text.isEmpty()) {
        if (required) {
          throw error(name, text, "is missing: expected a day as YYYY-MM-DD");
        }
        return null;
      }
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        throw error(name, text, "is not a day as YYYY-MM-DD");
      }
    }

    /** A percentage with at most two decimals, as basis points. */
    int share(int index, String name) {
      String text = field(index, name);
      String number = text.endsWith("%") ? text.substring(0, text.length() - 1).strip() : text;
      BigDecimal percent;
      try {
        percent = new BigDecimal(number);
      } catch (NumberFormatException e) {
        throw error(name, text, "is not a percentage: expected e.g. 85 or 82.5");
      }
      if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
        throw error(name, text, "must be between 0 and 100 (percent)");
      }
      BigDecimal bps = percent.movePointRight(2);
      if (bps.stripTrailingZeros().scale() > 0) {
        throw error(name, text, "has more than two decimals");
      }
      return bps.intValueExact();
    }
  }
}
