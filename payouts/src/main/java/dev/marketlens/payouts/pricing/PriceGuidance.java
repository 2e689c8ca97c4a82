package dev.marketlens.payouts.pricing;

import dev.marketlens.model.Hosting;
import dev.marketlens.model.ModelException;
import dev.marketlens.model.Money;
import dev.marketlens.model.Tier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Price guidance as seed 004 defines it (SR-C6), computed step by step as the seed lists them:
 *
 * <ul>
 *   <li>the cloud–server price ratio per tier: the monthly per-user price of the cloud version over
 *       the approximated monthly per-user price of the server version (its annual tier price / 10,
 *       over the users of the tier; the unlimited tier's price for 10,000 users and above);
 *   <li>the normalised price ratio: the average Data Center price per tier, from a reference table
 *       the user provides (average annual price for the maximum users of each tier), / 10 for a
 *       month, turned into a per-user price of each band (the difference to the previous tier over
 *       the difference in users), and scaled so that the [11-100] tier equals the app's own
 *       per-user price of that tier.
 * </ul>
 */
public final class PriceGuidance {

  /** Seed 004: annual = 10 × monthly, so a month is an annual price / 10. */
  static final int MONTHS_IN_ANNUAL_PRICE = 10;

  /** Seed 004: the unlimited tier prices 10,000 users and above. */
  static final int UNLIMITED_FROM = 10_000;

  /** The tier of reference for the normalisation: [11-100]. */
  public static final int REFERENCE_TIER_USERS = 100;

  private static final int SCALE = 10;

  /** One row of the reference table: the average annual Data Center price for {@code users}. */
  public record Reference(int users, long averageAnnualPrice) {}

  /**
   * The cloud–server ratio of one cloud tier.
   *
   * @param cloudMonthly cents a month for the cloud tier
   * @param serverMonthly the server tier's annual price / 10, in cents (may have a fraction)
   * @param cloudPerUser cents per user per month, cloud
   * @param serverPerUser cents per user per month, server
   * @param ratio cloud / server
   */
  public record CloudServer(
      String app,
      int users,
      String serverTier,
      long cloudMonthly,
      long serverAnnual,
      BigDecimal serverMonthly,
      BigDecimal cloudPerUser,
      BigDecimal serverPerUser,
      BigDecimal ratio) {}

  /**
   * The normalised guidance of one tier.
   *
   * @param dcMonthly average Data Center monthly price (annual / 10), cents
   * @param dcPerUser the band's per-user monthly price of the average, cents
   * @param guidancePerUser {@code dcPerUser} normalised to the app's [11-100] per-user price
   * @param appPerUser the app's per-user monthly price of the band, cents
   * @param ratio {@code appPerUser / guidancePerUser}
   */
  public record Normalised(
      String app,
      int fromUsers,
      int toUsers,
      long dcAnnual,
      BigDecimal dcMonthly,
      BigDecimal dcPerUser,
      BigDecimal guidancePerUser,
      long appMonthly,
      BigDecimal appPerUser,
      BigDecimal ratio) {}

  private PriceGuidance() {}

  /** The cloud–server ratio of every app with a cloud and a server plan in force on {@code day}. */
  public static List<CloudServer> cloudServer(PriceBook book, LocalDate day) {
    List<CloudServer> out = new ArrayList<>();
    for (String app : apps(book)) {
      Optional<PriceBook.Plan> cloud = book.planOn(app, Hosting.CLOUD, day);
      Optional<PriceBook.Plan> server = book.planOn(app, Hosting.SERVER, day);
      if (cloud.isEmpty() || server.isEmpty()) {
        continue;
      }
      for (PriceBook.Row row : cloud.get().rows()) {
        int users = row.tier().users().getAsInt();
        Optional<PriceBook.Row> st = serverTier(server.get(), users);
        if (st.isEmpty()) {
          continue;
        }
        // Step 1: average monthly price = annual / 10 (cloud prices are monthly already).
        BigDecimal serverMonthly =
            div(BigDecimal.valueOf(st.get().price()), MONTHS_IN_ANNUAL_PRICE);
        // Step 2: per user = monthly price of the tier / users in the tier.
        BigDecimal cloudPerUser = div(BigDecimal.valueOf(row.price()), users);
        BigDecimal serverPerUser = div(serverMonthly, users);
        // Step 3: cloud / server.
        BigDecimal ratio =
            serverPerUser.signum() == 0
                ? null
                : cloudPerUser.divide(serverPerUser, 4, RoundingMode.HALF_UP);
        out.add(
            new CloudServer(
                app,
                users,
                st.get().tier().toString(),
                row.price(),
                st.get().price(),
                serverMonthly,
                cloudPerUser,
                serverPerUser,
                ratio));
      }
    }
    return out;
  }

  /** The server tier that holds {@code users}; the unlimited tier from 10,000 users. */
  private static Optional<PriceBook.Row> serverTier(PriceBook.Plan server, int users) {
    List<PriceBook.Row> rows = server.rows();
    if (users >= UNLIMITED_FROM) {
      Optional<PriceBook.Row> unlimited =
          rows.stream().filter(r -> r.tier().kind() == Tier.Kind.UNLIMITED_USERS).findFirst();
      if (unlimited.isPresent()) {
        return unlimited;
      }
    }
    return rows.stream()
        .filter(r -> PriceBook.users(r.tier()) >= users)
        .min(Comparator.comparingLong(r -> PriceBook.users(r.tier())));
  }

  /**
   * The normalised guidance of every app with a cloud plan in force on {@code day}, against the
   * reference table (which needs a row for 100 users, the [11-100] tier).
   */
  public static List<Normalised> normalised(
      PriceBook book, List<Reference> reference, LocalDate day) {
    List<Reference> tiers =
        reference.stream().sorted(Comparator.comparingInt(Reference::users)).toList();
    int refIndex = -1;
    for (int i = 0; i < tiers.size(); i++) {
      if (tiers.get(i).users() == REFERENCE_TIER_USERS) {
        refIndex = i;
      }
    }
    if (refIndex < 0) {
      throw new IllegalArgumentException(
          "the reference table needs a row for 100 users: the [11-100] tier is the one guidance"
              + " is normalised to");
    }
    // Steps 1–3 for the Data Center averages: monthly = annual / 10; per user = the difference
    // to the previous tier's monthly price over the difference in users.
    List<BigDecimal> dcMonthly = new ArrayList<>();
    List<BigDecimal> dcPerUser = new ArrayList<>();
    for (int i = 0; i < tiers.size(); i++) {
      BigDecimal monthly =
          div(BigDecimal.valueOf(tiers.get(i).averageAnnualPrice()), MONTHS_IN_ANNUAL_PRICE);
      BigDecimal previous = i == 0 ? BigDecimal.ZERO : dcMonthly.get(i - 1);
      int previousUsers = i == 0 ? 0 : tiers.get(i - 1).users();
      dcMonthly.add(monthly);
      dcPerUser.add(div(monthly.subtract(previous), tiers.get(i).users() - previousUsers));
    }
    List<Normalised> out = new ArrayList<>();
    for (String app : apps(book)) {
      Optional<PriceBook.Plan> cloud = book.planOn(app, Hosting.CLOUD, day);
      if (cloud.isEmpty()) {
        continue;
      }
      List<Long> appMonthly = new ArrayList<>();
      List<BigDecimal> appPerUser = new ArrayList<>();
      boolean complete = true;
      for (int i = 0; i < tiers.size(); i++) {
        OptionalLong m = cloud.get().cloudMonthly(tiers.get(i).users());
        if (m.isEmpty()) {
          complete = false;
          break;
        }
        long previous = i == 0 ? 0 : appMonthly.get(i - 1);
        int previousUsers = i == 0 ? 0 : tiers.get(i - 1).users();
        appMonthly.add(m.getAsLong());
        appPerUser.add(
            div(
                BigDecimal.valueOf(m.getAsLong() - previous),
                tiers.get(i).users() - previousUsers));
      }
      if (!complete) {
        continue;
      }
      // Step 4: the [11-100] guidance equals the app's own [11-100] per-user price.
      BigDecimal dcRef = dcPerUser.get(refIndex);
      for (int i = 0; i < tiers.size(); i++) {
        BigDecimal guidance =
            dcRef.signum() == 0
                ? null
                : dcPerUser
                    .get(i)
                    .multiply(appPerUser.get(refIndex))
                    .divide(dcRef, SCALE, RoundingMode.HALF_UP);
        BigDecimal ratio =
            guidance == null || guidance.signum() == 0
                ? null
                : appPerUser.get(i).divide(guidance, 4, RoundingMode.HALF_UP);
        out.add(
            new Normalised(
                app,
                i == 0 ? 1 : tiers.get(i - 1).users() + 1,
                tiers.get(i).users(),
                tiers.get(i).averageAnnualPrice(),
                dcMonthly.get(i),
                dcPerUser.get(i),
                guidance,
                appMonthly.get(i),
                appPerUser.get(i),
                ratio));
      }
    }
    return out;
  }

  public static final String USERS = "Users";
  public static final String AVERAGE_ANNUAL_PRICE = "Average Annual Price";

  /**
   * Reads the reference table: a CSV with the columns {@code Users} (the maximum users of a tier)
   * and {@code Average Annual Price} (US dollars, the average annual price of all Data Center apps
   * for that many users).
   */
  public static List<Reference> readReference(String text, String source) {
    Csv csv = Csv.read(text, source, List.of(USERS, AVERAGE_ANNUAL_PRICE), List.of());
    List<Reference> out = new ArrayList<>();
    Map<Integer, Integer> seen = new HashMap<>();
    for (Csv.Row row : csv.data()) {
      String usersText = csv.cell(row, USERS);
      int users;
      try {
        users = Integer.parseInt(usersText);
      } catch (NumberFormatException e) {
        throw csv.error(row, USERS, usersText, "is not a whole number of users");
      }
      if (users < 1) {
        throw csv.error(row, USERS, usersText, "must be at least 1");
      }
      Integer earlier = seen.putIfAbsent(users, row.line());
      if (earlier != null) {
        throw csv.error(row, USERS, usersText, "appears twice (first on line " + earlier + ")");
      }
      String priceText = csv.cell(row, AVERAGE_ANNUAL_PRICE);
      Money price;
      try {
        price = Money.parse(priceText);
      } catch (ModelException e) {
        throw csv.error(
            row,
            AVERAGE_ANNUAL_PRICE,
            priceText,
            "is not an amount: expected US dollars with at most 2 decimals, like 1200.00");
      }
      if (price.isNegative()) {
        throw csv.error(
            row, AVERAGE_ANNUAL_PRICE, priceText, "is negative: a price is zero or more");
      }
      out.add(new Reference(users, price.cents()));
    }
    if (out.isEmpty()) {
      throw new PriceBookException(source, 0, null, null, "has a header but no rows");
    }
    if (out.stream().noneMatch(r -> r.users() == REFERENCE_TIER_USERS)) {
      throw new PriceBookException(
          source,
          0,
          USERS,
          null,
          "has no row for 100 users: the [11-100] tier is the one guidance is normalised to");
    }
    return out;
  }

  private static List<String> apps(PriceBook book) {
    return book.plans().stream().map(PriceBook.Plan::app).distinct().toList();
  }

  private static BigDecimal div(BigDecimal value, long by) {
    return value.divide(BigDecimal.valueOf(by), SCALE, RoundingMode.HALF_UP);
  }
}
