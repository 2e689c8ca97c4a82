package dev.marketlens.emulator.world;

import dev.marketlens.emulator.commerce.App;
import dev.marketlens.emulator.commerce.PaymentModel;
import dev.marketlens.emulator.commerce.PriceBook;
import dev.marketlens.emulator.commerce.RefundPolicy;
import dev.marketlens.emulator.commerce.RevenueShare;
import dev.marketlens.emulator.commerce.UserTiers;
import dev.marketlens.emulator.commerce.Vendor;
import dev.marketlens.emulator.wire.Attribution;
import dev.marketlens.emulator.wire.BillingPeriod;
import dev.marketlens.emulator.wire.ChangeInTier;
import dev.marketlens.emulator.wire.CmtDetails;
import dev.marketlens.emulator.wire.Contact;
import dev.marketlens.emulator.wire.ContactDetails;
import dev.marketlens.emulator.wire.Discount;
import dev.marketlens.emulator.wire.DiscountType;
import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.LicenseInsights;
import dev.marketlens.emulator.wire.LicenseStatus;
import dev.marketlens.emulator.wire.LicenseType;
import dev.marketlens.emulator.wire.OriginalTransaction;
import dev.marketlens.emulator.wire.PaymentStatus;
import dev.marketlens.emulator.wire.PaymentTerms;
import dev.marketlens.emulator.wire.SaleType;
import dev.marketlens.emulator.wire.Tier;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Simulates one customer's life: evaluations, purchases, renewals, upgrades and downgrades,
 * billing-period switches, hosting migrations, refunds, churn and reactivation, contact changes and
 * RTBF requests, following the seeds' rules. Every draw comes from the customer's own seeded
 * stream, split per journey, and the simulation stops at the clock, so a later clock only adds
 * events after the earlier one.
 */
final class Simulation {

  /** Seed 004 / spec SR-N4: no new server sales or evaluations from this day. */
  static final LocalDate SERVER_NEW_SALES_END = LocalDate.of(2021, 2, 2);

  /** Seed 004: server renewals from this day are prorated to the end of support. */
  static final LocalDate SERVER_PRORATION_FROM = LocalDate.of(2023, 2, 15);

  /** Seed 004: the end of server support; no server maintenance beyond it. */
  static final LocalDate SERVER_END_OF_SUPPORT = LocalDate.of(2024, 2, 15);

  /** Seed 001: 100 %-discount ($0) transactions are reported from this sale date on. */
  static final LocalDate ZERO_DOLLAR_FROM = LocalDate.of(2019, 7, 1);

  /** Seed 004: opt-in migration (loyalty) discounts from July 2020. */
  static final LocalDate MIGRATION_DISCOUNTS_FROM = LocalDate.of(2020, 7, 1);

  /**
   * Seed 004: opt-in dual licensing (a free on-premise year after migrating) from September 2020.
   */
  static final LocalDate DUAL_LICENSING_FROM = LocalDate.of(2020, 9, 1);

  /**
   * Seed 001: concessions after the April 2022 outage applied to renewals in the following year.
   */
  static final LocalDate CONCESSIONS_FROM = LocalDate.of(2022, 4, 15);

  static final LocalDate CONCESSIONS_UNTIL = LocalDate.of(2023, 4, 15);

  /** Spec §7.4: insight data exists for licenses from July 2018. */
  static final LocalDate INSIGHTS_FROM = LocalDate.of(2018, 7, 1);

  /** Seed 002 (SR-P5): parent-product insights for evaluations created from January 2020. */
  static final LocalDate PARENT_INSIGHTS_FROM = LocalDate.of(2020, 1, 1);

  /** Cloud invoices from Atlassian's newer billing system (IN- ids) from this day. */
  static final LocalDate NEW_BILLING_FROM = LocalDate.of(2021, 1, 1);

  /** Cloud licenses created from this day no longer get a SEN (spec §7.3). */
  static final LocalDate CLOUD_WITHOUT_SEN_FROM = LocalDate.of(2023, 1, 1);

  /** Spec K12: Data Center licenses gained entitlement numbers in September 2025. */
  static final LocalDate DC_ENTITLEMENT_NUMBERS_FROM = LocalDate.of(2025, 9, 1);

  private static final List<String> COMMERCIAL_BOUNDARY = List.of("commercial");

  /** Server maintenance renewals cost half the license price (metrics spec §2.8). */
  static final int SERVER_RENEWAL_PERCENT = 50;

  /** Seed 000 (SR-E1): evaluations last at least 30 days. */
  static final int EVALUATION_DAYS = 30;

  /** What one customer's simulation produced. */
  static final class Outcome {
    final Customer customer;
    final List<LicenseLife> licenses = new ArrayList<>();
    final List<SaleLife> sales = new ArrayList<>();
    final List<EvaluationEpisode> evaluations = new ArrayList<>();
    final List<FreeStarterEntitlement> freeStarter = new ArrayList<>();

    Outcome(Customer customer) {
      this.customer = customer;
    }
  }

  /** One line of a customer's history with its own random stream and sequence numbers. */
  private final class Journey {
    final Rng rng;
    final long key;
    int licenses;
    int sales;

    Journey(Rng parent) {
      this.rng = parent.split();
      this.key = rng.nextLong();
    }

    Journey child() {
      return new Journey(rng);
    }
  }

  /** An active paid subscription. */
  private final class Sub {
    final Journey journey;
    final App app;
    final Hosting hosting;
    final LicenseLife license;
    BillingPeriod period;
    Tier tier;
    LocalDate termStart;
    LocalDate termEnd;
    long termListCents;
    LocalDate since;
    SaleLife lastSale;
    boolean concessionUsed;
    LocalDate concessionYearEnd;
    boolean termEnded;

    /**
     * The app on the customer's sandbox site, licensed with the production site (no transactions).
     */
    LicenseLife sandbox;

    Sub(Journey journey, App app, Hosting hosting, LicenseLife license) {
      this.journey = journey;
      this.app = app;
      this.hosting = hosting;
      this.license = license;
    }
  }

  private final WorldSpec spec;
  private final Rates rates;
  private final List<Vendor> vendors;
  private final RevenueShare share;
  private final Ids ids;
  private final LocalDate clock;
  private Outcome out;
  private Customer customer;

  Simulation(WorldSpec spec, List<Vendor> vendors, RevenueShare share, Ids ids, LocalDate clock) {
    this.spec = spec;
    this.rates = spec.rates();
    this.vendors = vendors;
    this.share = share;
    this.ids = ids;
    this.clock = clock;
  }

  /**
   * The arrival day of customer {@code index}: growing over {@code [from, to]}, then steady past
   * {@code to}.
   */
  LocalDate arrival(int index) {
    Rng rng = new Rng(Rng.hash(spec.seed(), 0xA11, index));
    double u = rng.unit();
    long days = spec.days();
    if (index < spec.customers()) {
      double x = (-1 + Math.sqrt(1 + 8 * u)) / 2;
      return spec.from().plusDays((long) Math.floor(x * days));
    }
    double perDay = spec.customers() * 1.5 / days;
    return spec.to().plusDays(1 + (long) Math.floor((index - spec.customers() + u) / perDay));
  }

  Outcome simulate(int index) {
    Rng rng = new Rng(Rng.hash(spec.seed(), 0xC057, index));
    Vendor vendor = vendors.get(index % vendors.size());
    customer = new Customer(index, vendor, arrival(index), rates, rng);
    out = new Outcome(customer);
    if (customer.arrival.isAfter(clock)) {
      return out;
    }
    Journey root = new Journey(rng);
    Journey second = new Journey(rng);
    Journey free = new Journey(rng);
    if (customer.internal != Customer.Internal.NONE) {
      internalLicenses(root, vendor);
      return finish();
    }
    boolean secondApp = rng.chance(rates.secondAppPpm());
    boolean bundled = rng.chance(rates.multiAppOrderPpm());
    int secondDelay = rng.between(30, 900);

    List<App> paid = listedApps(vendor, customer.arrival, PaymentModel.PAID_VIA_ATLASSIAN);
    if (!paid.isEmpty()) {
      App primary = paid.get(root.rng.weighted(weights(paid)));
      Hosting hosting = chooseHosting(primary, customer.arrival, root.rng);
      App other = null;
      if (secondApp) {
        List<App> candidates = new ArrayList<>(paid);
        candidates.remove(primary);
        candidates.removeIf(a -> !a.sells(hosting));
        if (!candidates.isEmpty()) {
          other = candidates.get(second.rng.between(0, candidates.size() - 1));
        }
      }
      App bundle = other != null && bundled ? other : null;
      journey(root, primary, hosting, customer.arrival, bundle, bundle == null ? null : second);
      if (other != null && !bundled) {
        LocalDate start = customer.arrival.plusDays(secondDelay);
        if (!start.isAfter(clock)
            && other.sells(hosting)
            && !(hosting == Hosting.SERVER && !start.isBefore(SERVER_NEW_SALES_END))) {
          journey(second, other, hosting, start, null, null);
        }
      }
    }
    List<App> freeApps = listedApps(vendor, customer.arrival, PaymentModel.FREE);
    if (!freeApps.isEmpty() && free.rng.chance(Rates.ppm(25))) {
      freeInstall(free, freeApps.get(0));
    }
    return finish();
  }

  private Outcome finish() {
    for (LicenseLife l : out.licenses) {
      if (l.scheduledEnd != null) {
        expire(l, l.scheduledEnd);
      }
    }
    return out;
  }

  private static int[] weights(List<App> apps) {
    int[] w = new int[apps.size()];
    for (int i = 0; i < w.length; i++) {
      w[i] = i == 0 ? 50 : 25;
    }
    return w;
  }

  private static List<App> listedApps(Vendor vendor, LocalDate day, PaymentModel model) {
    List<App> apps = new ArrayList<>();
    for (App a : vendor.apps()) {
      if (a.paymentModel() == model && !a.listingDate().isAfter(day)) {
        apps.add(a);
      }
    }
    return apps;
  }

  /** Cloud grows from 40 % of new customers to 80 %; server only until its new sales ended. */
  private Hosting chooseHosting(App app, LocalDate day, Rng rng) {
    int year = day.getYear();
    int server =
        app.sells(Hosting.SERVER) && day.isBefore(SERVER_NEW_SALES_END)
            ? (year < 2019 ? 40 : 30)
            : 0;
    int dc = app.sells(Hosting.DATA_CENTER) ? (year < 2020 ? 15 : 20) : 0;
    int cloud = app.sells(Hosting.CLOUD) ? Math.min(80, 40 + 6 * Math.max(0, year - 2018)) : 0;
    int pick = rng.weighted(server, dc, cloud);
    return pick == 0 ? Hosting.SERVER : pick == 1 ? Hosting.DATA_CENTER : Hosting.CLOUD;
  }

  // ---------------------------------------------------------------- journeys

  private void journey(
      Journey j, App app, Hosting hosting, LocalDate start, App bundle, Journey bundleJourney) {
    if (app.freeStarterTier() && hosting == Hosting.CLOUD && customer.usersOn(start) <= 10) {
      freeStarter(j, app, start);
      return;
    }
    boolean evaluate = bundle == null && j.rng.chance(rates.evaluationFirstPpm());
    boolean converts = j.rng.chance(rates.conversionPpm());
    LicenseLife cloudLicense = null;
    LocalDate evalStart = null;
    LocalDate evalEnd = null;
    LicenseLife lastEval = null;
    LocalDate saleDate = start;
    if (evaluate) {
      evalStart = start;
      List<LicenseLife> keys = evaluate(j, app, hosting, start);
      lastEval = keys.get(keys.size() - 1);
      evalEnd = lastEval.state.maintenanceEndDate;
      saleDate = conversionDate(j.rng, hosting, evalStart, evalEnd);
      if (hosting == Hosting.CLOUD) {
        cloudLicense = lastEval;
      }
      boolean serverClosed = hosting == Hosting.SERVER && !saleDate.isBefore(SERVER_NEW_SALES_END);
      if (!converts || serverClosed || saleDate.isAfter(clock)) {
        out.evaluations.add(
            new EvaluationEpisode(
                customer.key(), app.addonKey(), hosting, evalStart, evalEnd, null));
        return;
      }
      out.evaluations.add(
          new EvaluationEpisode(
              customer.key(), app.addonKey(), hosting, evalStart, evalEnd, saleDate));
    }
    if (saleDate.isAfter(clock)) {
      return;
    }
    String orderKey = "new";
    Sub sub =
        purchase(
            j, app, hosting, saleDate, cloudLicense, lastEval, evalStart, evalEnd, null, orderKey);
    if (bundle != null
        && bundle.sells(hosting)
        && bundle.freeStarterTier()
        && hosting == Hosting.CLOUD
        && customer.usersOn(saleDate) <= 10) {
      freeStarter(bundleJourney, bundle, saleDate);
    } else if (bundle != null && bundle.sells(hosting)) {
      Sub other =
          purchase(
              bundleJourney, bundle, hosting, saleDate, null, null, null, null, null, orderKey);
      if (other != null) {
        renewals(other);
      }
    }
    if (sub != null) {
      renewals(sub);
    }
  }

  /**
   * Seed 000: evaluation keys; cloud ends on a billing date, server and Data Center may take extra
   * keys.
   */
  private List<LicenseLife> evaluate(Journey j, App app, Hosting hosting, LocalDate start) {
    List<LicenseLife> keys = new ArrayList<>();
    int extra =
        hosting != Hosting.CLOUD && j.rng.chance(rates.extraEvaluationKeyPpm())
            ? j.rng.between(1, 3)
            : 0;
    LocalDate from = start;
    for (int k = 0; k <= extra; k++) {
      LocalDate end =
          hosting == Hosting.CLOUD
              ? customer.billingDateOnOrAfter(from.plusDays(EVALUATION_DAYS))
              : from.plusDays(EVALUATION_DAYS);
      if (from.isAfter(clock)
          || (hosting == Hosting.SERVER && !from.isBefore(SERVER_NEW_SALES_END))) {
        break;
      }
      LicenseLife l = newLicense(j, app, hosting, from);
      LicenseState s = l.state;
      s.licenseType = LicenseType.EVALUATION;
      s.tier = Tier.EVALUATION;
      s.maintenanceStartDate = from;
      s.maintenanceEndDate = end;
      s.latestEvaluationStartDate = from;
      s.insights = evaluationInsights(l, from, end, null);
      s.evaluationKey = l;
      pendingInsights(l, from);
      l.scheduledEnd = end;
      keys.add(l);
      from = end;
    }
    return keys;
  }

  /**
   * When an evaluator buys: cloud mostly rolls over at the end, some buy early, a few come back
   * later.
   */
  private LocalDate conversionDate(Rng rng, Hosting hosting, LocalDate start, LocalDate end) {
    long length = ChronoUnit.DAYS.between(start, end);
    if (hosting == Hosting.CLOUD) {
      int kind = rng.weighted(55, 35, 10);
      if (kind == 0) {
        return end;
      }
      if (kind == 1) {
        return start.plusDays(rng.between(1, (int) Math.max(1, length - 1)));
      }
      return end.plusDays(rng.between(1, 75));
    }
    return rng.chance(Rates.ppm(70))
        ? start.plusDays(rng.between(3, (int) length))
        : end.plusDays(rng.between(1, 60));
  }

  // ---------------------------------------------------------------- purchases

  /**
   * A new sale: a new license (or the converted cloud evaluation), whole term or prorated to the
   * billing date, with partner, promotion, loyalty and 100 % discounts where they apply.
   */
  private Sub purchase(
      Journey j,
      App app,
      Hosting hosting,
      LocalDate day,
      LicenseLife cloudEval,
      LicenseLife eval,
      LocalDate evalStart,
      LocalDate evalEnd,
      LicenseLife migratedFrom,
      String orderKey) {
    if (hosting == Hosting.SERVER && !day.isBefore(SERVER_NEW_SALES_END)) {
      return null;
    }
    if (app.freeStarterTier() && hosting == Hosting.CLOUD && customer.usersOn(day) <= 10) {
      freeStarter(j.child(), app, day);
      return null;
    }
    BillingPeriod period =
        hosting == Hosting.CLOUD && j.rng.chance(rates.cloudMonthlyPpm())
            ? BillingPeriod.MONTHLY
            : BillingPeriod.ANNUAL;
    int users = customer.usersOn(day);
    Tier tier = UserTiers.tierFor(hosting, period, users);
    LocalDate end = termEnd(hosting, period, day, true);
    LicenseLife license = cloudEval != null ? cloudEval : newLicense(j, app, hosting, day);
    Sub sub = new Sub(j, app, hosting, license);
    sub.period = period;
    sub.tier = tier;
    sub.since = day;
    PriceBook.Quote quote =
        app.priceBook(hosting).quote(tier, period, day, null, null, evalStart, evalEnd);
    sub.termListCents = quote.listPriceCents();
    long list = prorate(quote.listPriceCents(), period, day, end);

    List<Discount> discounts = new ArrayList<>();
    int expertPct =
        customer.expertPartner && app.solutionPartnerOptIn()
            ? j.rng.pick(List.of(10, 15, 20, 25))
            : 0;
    boolean promo = j.rng.chance(rates.promotionPpm());
    int promoPct = j.rng.pick(List.of(10, 15, 20, 25, 30));
    String code = j.rng.pick(Vocabulary.PROMO_CODES);
    boolean full = j.rng.chance(rates.fullDiscountPpm()) && !day.isBefore(ZERO_DOLLAR_FROM);
    if (full) {
      addDiscount(discounts, DiscountType.MARKETPLACE_PROMOTION, list, code, null);
    } else {
      if (expertPct > 0) {
        addDiscount(discounts, DiscountType.EXPERT, percentOf(list, expertPct), null, null);
      }
      if (promo) {
        addDiscount(
            discounts, DiscountType.MARKETPLACE_PROMOTION, percentOf(list, promoPct), code, null);
      }
      if (migratedFrom != null
          && hosting == Hosting.CLOUD
          && !day.isBefore(MIGRATION_DISCOUNTS_FROM)) {
        addDiscount(
            discounts,
            DiscountType.LOYALTY_DISCOUNT,
            percentOf(list, loyaltyPercent(day)),
            null,
            null);
      }
    }
    SaleLife sale = sale(j, sub, SaleType.NEW, day, day, end, list, discounts, orderKey);
    sale.state.oldTier = cloudEval != null ? Tier.EVALUATION : null;
    sale.state.changeInTier = cloudEval != null ? ChangeInTier.INCREASE : null;
    LicenseState ls = license.state;
    if (cloudEval != null) {
      LocalDate start = day;
      license.timeline.on(
          day,
          s -> {
            s.licenseType = LicenseType.COMMERCIAL;
            s.status = LicenseStatus.ACTIVE;
            s.maintenanceStartDate = start;
            s.tier = tier;
            s.latestMaintenanceStartDate = start;
            s.partnerDetails = customer.partner;
            s.insights = evaluationInsights(license, evalStart, evalEnd, start);
          });
      pendingInsights(license, day);
    } else {
      ls.licenseType = LicenseType.COMMERCIAL;
      ls.tier = tier;
      ls.maintenanceStartDate = day;
      ls.latestMaintenanceStartDate = day;
      ls.partnerDetails = customer.partner;
      if (eval != null) {
        ls.insights = evaluationInsights(eval, evalStart, evalEnd, day);
        ls.evaluationKey = eval;
        pendingInsights(license, day);
      } else {
        ls.insights =
            day.isBefore(INSIGHTS_FROM)
                ? LicenseInsights.notAvailable()
                : noEvaluationInsights(license);
      }
      if (migratedFrom != null) {
        ls.cmtDetails = new CmtDetails("converted", null);
        LicenseLife from = migratedFrom;
        license.timeline.on(day, s -> s.cmtDetails = new CmtDetails("converted", from.sen()));
      }
    }
    if (hosting == Hosting.CLOUD && customer.sandbox) {
      sub.sandbox = sandboxLicense(j, app, day);
    }
    extendLicense(sub, day, end);
    sub.lastSale = sale;
    sub.termStart = day;
    sub.termEnd = end;
    maybeRefund(sub, sale, true);
    return sub;
  }

  private static int loyaltyPercent(LocalDate day) {
    int year = day.getYear();
    return year <= 2020 ? 25 : year == 2021 ? 20 : year == 2022 ? 15 : 10;
  }

  /**
   * Runs renewals, upgrades, billing switches, migrations and churn until the subscription ends or
   * the clock.
   */
  private void renewals(Sub sub) {
    while (sub != null) {
      Rng rng = sub.journey.rng;
      if (sub.termEnded) {
        return;
      }
      midTermUpgrades(sub);
      LocalDate e = sub.termEnd;
      if (e.isAfter(clock)) {
        return;
      }
      // Decisions at the renewal date, drawn in a fixed order.
      boolean churn =
          rng.chance(
              sub.period == BillingPeriod.MONTHLY
                  ? rates.monthlyChurnPpm()
                  : rates.annualChurnPpm());
      boolean toCloud = rng.chance(rates.migrationToCloudPpm());
      boolean toDc = rng.chance(rates.migrationToDataCenterPpm());
      boolean late = rng.chance(rates.lateRenewalPpm());
      int lateDays = rng.between(5, 120);
      boolean switchPeriod =
          rng.chance(sub.period == BillingPeriod.MONTHLY ? Rates.ppm(1.5) : Rates.ppm(5));
      boolean reactivate = rng.chance(rates.reactivationPpm());
      int reactivateAfter = rng.between(45, 400);
      boolean dualLicense = rng.chance(rates.dualLicensingPpm());

      if (sub.hosting.isOnPremise()) {
        boolean eos = sub.hosting == Hosting.SERVER && !e.isBefore(SERVER_END_OF_SUPPORT);
        boolean migrationYear = e.getYear() >= 2019;
        if (toCloud && sub.app.sells(Hosting.CLOUD) && (migrationYear || eos)) {
          migrate(sub, Hosting.CLOUD, e, dualLicense);
          return;
        }
        if (sub.hosting == Hosting.SERVER
            && (toDc || eos)
            && sub.app.sells(Hosting.DATA_CENTER)
            && (toDc || !churn)) {
          migrate(sub, Hosting.DATA_CENTER, e, false);
          return;
        }
        if (eos) {
          endSubscription(sub, e, false);
          return;
        }
      }
      if (churn) {
        endSubscription(sub, e, true);
        if (reactivate && sub.hosting == Hosting.CLOUD) {
          LocalDate back = e.plusDays(reactivateAfter);
          if (!back.isAfter(clock)) {
            Journey again = sub.journey.child();
            Sub next =
                purchase(again, sub.app, sub.hosting, back, null, null, null, null, null, "new");
            sub = next;
            continue;
          }
        }
        return;
      }
      sub = renew(sub, e, late && sub.hosting.isOnPremise() ? lateDays : 0, switchPeriod);
    }
  }

  /** A renewal (or a downgrade at renewal) starting at the previous end. */
  private Sub renew(Sub sub, LocalDate e, int lateDays, boolean switchPeriod) {
    Rng rng = sub.journey.rng;
    BillingPeriod oldPeriod = sub.period;
    if (switchPeriod && sub.hosting == Hosting.CLOUD) {
      sub.period =
          oldPeriod == BillingPeriod.MONTHLY ? BillingPeriod.ANNUAL : BillingPeriod.MONTHLY;
    }
    LocalDate saleDate = e.plusDays(lateDays);
    if (sub.hosting == Hosting.SERVER && !saleDate.isBefore(SERVER_END_OF_SUPPORT)) {
      endSubscription(sub, e, false);
      return null;
    }
    if (saleDate.isAfter(clock)) {
      sub.termEnded = true;
      return null;
    }
    if (sub.app.freeStarterTier() && sub.hosting == Hosting.CLOUD && customer.usersOn(e) <= 10) {
      // Seed 001 (SR-Z6): a site back at 10 users or fewer uses the free starter tier, not a $0
      // sale.
      endSubscription(sub, e, true);
      freeStarter(sub.journey.child(), sub.app, e);
      return null;
    }
    Tier oldTier = sub.tier;
    Tier tier = UserTiers.tierFor(sub.hosting, sub.period, customer.usersOn(e));
    LocalDate end = termEnd(sub.hosting, sub.period, e, false);
    if (!end.isAfter(e)) {
      endSubscription(sub, e, false);
      return null;
    }
    PriceBook.Quote quote =
        sub.app
            .priceBook(sub.hosting)
            .quote(tier, sub.period, saleDate, sub.since, oldTier, null, null);
    long whole = quote.listPriceCents();
    if (sub.hosting == Hosting.SERVER) {
      whole = percentOf(whole, SERVER_RENEWAL_PERCENT);
    }
    sub.termListCents = quote.listPriceCents();
    long list = prorate(whole, sub.period, e, end);
    List<Discount> discounts = new ArrayList<>();
    boolean concession =
        customer.concession
            && sub.hosting == Hosting.CLOUD
            && !sub.concessionUsed
            && !e.isBefore(CONCESSIONS_FROM)
            && e.isBefore(CONCESSIONS_UNTIL);
    if (concession) {
      sub.concessionUsed = true;
      sub.concessionYearEnd = e.plusYears(1);
      addDiscount(discounts, DiscountType.MANUAL, list, null, null);
    } else if (customer.expertPartner && sub.app.solutionPartnerOptIn()) {
      addDiscount(
          discounts,
          DiscountType.EXPERT,
          percentOf(list, rng.pick(List.of(10, 15, 20, 25))),
          null,
          null);
    }
    int cmp = Integer.compare(UserTiers.pricedUsers(tier), UserTiers.pricedUsers(oldTier));
    SaleType type =
        cmp < 0 && sub.period == BillingPeriod.ANNUAL ? SaleType.DOWNGRADE : SaleType.RENEWAL;
    String orderKey = "renewal";
    sub.tier = tier;
    SaleLife sale = sale(sub.journey, sub, type, saleDate, e, end, list, discounts, orderKey);
    sale.state.changeInTier =
        cmp > 0
            ? ChangeInTier.INCREASE
            : cmp < 0 ? ChangeInTier.DECREASE : ChangeInTier.NOT_APPLICABLE;
    sale.state.oldTier = oldTier;
    if (sub.hosting == Hosting.CLOUD && oldPeriod == BillingPeriod.MONTHLY) {
      // Cloud monthly quantity billing: the users added during the cycle that just ended.
      sale.state.proratedDetails =
          customer.usersAddedBetween(e.minusMonths(1), e, Rng.hash(customer.index, e.toEpochDay()));
    }
    sale.state.changeInBillingPeriod = oldPeriod != sub.period ? "Yes" : "No";
    sale.state.oldBillingPeriod = oldPeriod.wire();
    if (lateDays > 0) {
      // Recorded from the purchase day first, then backdated to the previous expiry (Data Center
      // renewals are
      // backdated whatever day they are bought): history restated with a new lastUpdated.
      LocalDate notBackdatedEnd = termEnd(sub.hosting, sub.period, saleDate, false);
      sale.state.maintenanceStartDate = saleDate;
      sale.state.maintenanceEndDate = notBackdatedEnd;
      LocalDate fixed = saleDate.plusDays(rng.between(2, 10));
      sale.timeline.on(
          fixed,
          s -> {
            s.maintenanceStartDate = e;
            s.maintenanceEndDate = end;
          });
    }
    extendLicense(sub, saleDate, end, tier);
    sub.lastSale = sale;
    sub.termStart = e;
    sub.termEnd = end;
    if (sub.period == BillingPeriod.ANNUAL) {
      maybeRefund(sub, sale, false);
    }
    return sub;
  }

  /**
   * Upgrades inside the current term when the host product grew into a higher tier (seed 004,
   * SR-C5): cloud annual upgrades at once (co-terminated), Data Center mostly within a month
   * (co-terminated), server with a new 12-month term; cloud monthly picks up the new tier at its
   * next renewal.
   */
  private void midTermUpgrades(Sub sub) {
    if (sub.period == BillingPeriod.MONTHLY) {
      return;
    }
    Rng rng = sub.journey.rng;
    for (Customer.Growth g : customer.growth) {
      if (!g.date().isAfter(sub.termStart) || !g.date().isBefore(sub.termEnd)) {
        continue;
      }
      Tier target = UserTiers.tierFor(sub.hosting, sub.period, g.users());
      boolean upgrades =
          sub.hosting == Hosting.CLOUD
              || rng.chance(Rates.ppm(sub.hosting == Hosting.SERVER ? 60 : 70));
      int delay = sub.hosting == Hosting.CLOUD ? 0 : rng.between(0, 30);
      if (UserTiers.pricedUsers(target) <= UserTiers.pricedUsers(sub.tier) || !upgrades) {
        continue;
      }
      LocalDate day = g.date().plusDays(delay);
      if (!day.isAfter(sub.lastSale.created)) {
        // A late renewal restated to start earlier: the upgrade can only follow the renewal's sale.
        day = sub.lastSale.created.plusDays(1);
      }
      if (!day.isBefore(sub.termEnd) || day.isAfter(clock)) {
        continue;
      }
      if (sub.hosting == Hosting.SERVER && !day.isBefore(SERVER_PRORATION_FROM)) {
        continue;
      }
      upgrade(sub, target, day);
    }
  }

  private void upgrade(Sub sub, Tier target, LocalDate day) {
    long oldAnnual = sub.termListCents;
    PriceBook.Quote quote =
        sub.app.priceBook(sub.hosting).quote(target, sub.period, day, null, null, null, null);
    long newAnnual = quote.listPriceCents();
    if (newAnnual <= oldAnnual) {
      return;
    }
    long remaining = ChronoUnit.DAYS.between(day, sub.termEnd);
    LocalDate end;
    long list;
    if (sub.hosting == Hosting.SERVER) {
      end = day.plusYears(1);
      list = ceilDollars(newAnnual - oldAnnual * remaining / 365);
    } else {
      end = sub.termEnd;
      list = ceilDollars((newAnnual - oldAnnual) * remaining / 365);
    }
    if (list <= 0) {
      return;
    }
    List<Discount> discounts = new ArrayList<>();
    boolean freeUpgrade = sub.concessionYearEnd != null && day.isBefore(sub.concessionYearEnd);
    if (freeUpgrade) {
      addDiscount(discounts, DiscountType.MANUAL, list, null, null);
    } else if (customer.expertPartner && sub.app.solutionPartnerOptIn()) {
      addDiscount(discounts, DiscountType.EXPERT, percentOf(list, 10), null, null);
    }
    Tier old = sub.tier;
    sub.tier = target;
    sub.termListCents = newAnnual;
    SaleLife sale =
        sale(sub.journey, sub, SaleType.UPGRADE, day, day, end, list, discounts, "upgrade");
    sale.state.oldTier = old;
    sale.state.changeInTier = ChangeInTier.INCREASE;
    sale.state.changeInBillingPeriod = "No";
    sale.state.oldBillingPeriod = sub.period.wire();
    sub.license.timeline.on(day, s -> s.tier = target);
    if (sub.hosting == Hosting.SERVER) {
      sub.termStart = day;
      sub.termEnd = end;
      extendLicense(sub, day, end);
    }
  }

  /** Moves an on-premise subscription to cloud or Data Center at its renewal date. */
  private void migrate(Sub sub, Hosting to, LocalDate e, boolean dualLicense) {
    endSubscription(sub, e, false);
    if (to == Hosting.CLOUD && dualLicense && !e.isBefore(DUAL_LICENSING_FROM)) {
      LocalDate end =
          sub.hosting == Hosting.SERVER && e.plusYears(1).isAfter(SERVER_END_OF_SUPPORT)
              ? SERVER_END_OF_SUPPORT
              : e.plusYears(1);
      if (end.isAfter(e)) {
        long list =
            prorate(
                sub.app
                    .priceBook(sub.hosting)
                    .quote(sub.tier, BillingPeriod.ANNUAL, e, sub.since, sub.tier, null, null)
                    .listPriceCents(),
                BillingPeriod.ANNUAL,
                e,
                end);
        if (list <= 0) {
          list = 0;
        }
        SaleLife sale =
            sale(
                sub.journey,
                sub,
                SaleType.RENEWAL,
                e,
                e,
                end,
                list,
                list > 0
                    ? List.of(new Discount(DiscountType.MANUAL, list, null, "DUAL_LICENSING"))
                    : List.of(),
                "dual");
        sale.state.oldTier = sub.tier;
        sale.state.changeInTier = ChangeInTier.NOT_APPLICABLE;
        sale.state.changeInBillingPeriod = "No";
        sale.state.oldBillingPeriod = BillingPeriod.ANNUAL.wire();
        extendLicense(sub, e, end);
      }
    }
    Journey next = sub.journey.child();
    Sub moved = purchase(next, sub.app, to, e, null, null, null, null, sub.license, "new");
    if (moved != null) {
      renewals(moved);
    }
  }

  /**
   * The subscription stops at {@code end}: cloud subscriptions are cancelled, on-premise ones
   * expire.
   */
  private void endSubscription(Sub sub, LocalDate end, boolean cancelled) {
    sub.termEnded = true;
    if (cancelled && sub.hosting == Hosting.CLOUD) {
      sub.license.timeline.on(end, s -> s.status = LicenseStatus.CANCELLED);
    }
  }

  // ---------------------------------------------------------------- refunds

  /**
   * Seed 004's refund windows: a full refund within 30 days; for annual terms, a cancellation 31–60
   * days after the purchase refunds the unused remainder if Atlassian grants it (discretionary up
   * to $1,500, otherwise the partner decides).
   */
  private void maybeRefund(Sub sub, SaleLife sale, boolean isNew) {
    Rng rng = sub.journey.rng;
    boolean within30 =
        rng.chance(isNew ? rates.refundWithin30Ppm() : rates.refundWithin30Ppm() / 2);
    boolean late = rng.chance(rates.refund31To60Ppm());
    boolean granted = rng.chance(Rates.ppm(70));
    long termDays =
        ChronoUnit.DAYS.between(sale.state.maintenanceStartDate, sale.state.maintenanceEndDate);
    LocalDate bought = sale.state.saleDate;
    if (sale.state.purchasePriceCents <= 0) {
      return;
    }
    if (within30 && termDays >= 3) {
      LocalDate day = bought.plusDays(rng.between(1, (int) Math.min(30, termDays - 1)));
      RefundPolicy.Rule rule =
          RefundPolicy.classify(bought, day, sale.state.purchasePriceCents, false);
      refund(
          sub,
          sale,
          day,
          sale.state.maintenanceStartDate,
          sale.state.maintenanceEndDate,
          sale.state.purchasePriceCents,
          rule);
      return;
    }
    if (late && sub.period == BillingPeriod.ANNUAL && termDays > 90) {
      LocalDate day = bought.plusDays(rng.between(31, 60));
      long remaining = ChronoUnit.DAYS.between(day, sale.state.maintenanceEndDate);
      // The unused remainder on the days/365 basis that prorates terms, so the refund cancels the
      // rest exactly.
      long amount =
          Math.min(
              sale.state.purchasePriceCents,
              (sale.state.purchasePriceCents * remaining * 2 + 365) / (365 * 2));
      RefundPolicy.Rule rule = RefundPolicy.classify(bought, day, amount, false);
      if (granted && rule.refunds() && amount > 0) {
        refund(sub, sale, day, day, sale.state.maintenanceEndDate, amount, rule);
      }
    }
  }

  private void refund(
      Sub sub,
      SaleLife original,
      LocalDate day,
      LocalDate start,
      LocalDate end,
      long amount,
      RefundPolicy.Rule rule) {
    if (day.isAfter(clock)) {
      sub.termEnded = true;
      return;
    }
    SaleState o = original.state;
    SaleLife r =
        new SaleLife(customer, sub.license, sub.journey.key, sub.journey.sales++, day, "refund");
    SaleState s = r.state;
    copyCommon(o, s);
    s.saleType = SaleType.REFUND;
    s.saleDate = day;
    s.maintenanceStartDate = start;
    s.maintenanceEndDate = end;
    s.purchasePriceCents = -amount;
    s.vendorAmountCents =
        amount == o.purchasePriceCents
            ? -o.vendorAmountCents
            : RevenueShare.vendorAmountCents(
                -amount, share.basisPoints(sub.app, sub.hosting, o.saleDate));
    s.discounts = List.of();
    s.partnerDiscountAmountCents = null;
    s.refundReason = "REFUND_CANCELLED_PURCHASE";
    s.creditNoteReason =
        rule == RefundPolicy.Rule.FULL_WITHIN_30_DAYS ? "30 DAY REFUND REQUEST" : "CANCELLATION";
    s.originalTransactionDetails = new OriginalTransaction(null, o.saleDate);
    s.customerDetails = transactionContacts(day);
    s.paymentStatus = PaymentStatus.PAID;
    r.refundOf = original;
    r.newBilling = original.newBilling;
    out.sales.add(r);
    if (amount == o.purchasePriceCents) {
      original.timeline.on(day, x -> x.paymentStatus = PaymentStatus.REFUNDED);
    }
    sub.termEnded = true;
    LicenseLife license = sub.license;
    license.timeline.on(
        day,
        x -> {
          x.status = LicenseStatus.CANCELLED;
          x.maintenanceEndDate = day.isAfter(x.maintenanceStartDate) ? day : x.maintenanceStartDate;
        });
  }

  // ---------------------------------------------------------------- records

  private SaleLife sale(
      Journey j,
      Sub sub,
      SaleType type,
      LocalDate saleDate,
      LocalDate start,
      LocalDate end,
      long listCents,
      List<Discount> discounts,
      String orderKey) {
    long discountTotal = 0;
    for (Discount d : discounts) {
      discountTotal += d.amountCents();
    }
    long purchase = Math.max(0, listCents - discountTotal);
    SaleLife sale = new SaleLife(customer, sub.license, j.key, j.sales++, saleDate, orderKey);
    sale.newBilling = sub.hosting == Hosting.CLOUD && !saleDate.isBefore(NEW_BILLING_FROM);
    SaleState s = sale.state;
    s.addonKey = sub.app.addonKey();
    s.productId = sub.app.productId();
    s.addonName = sub.app.name();
    s.hosting = sub.hosting;
    s.billingPeriod = sub.period;
    s.tier = sub.tier;
    s.saleType = type;
    s.saleDate = saleDate;
    s.maintenanceStartDate = start;
    s.maintenanceEndDate = end;
    s.discounts = List.copyOf(discounts);
    s.purchasePriceCents = purchase;
    s.vendorAmountCents =
        RevenueShare.vendorAmountCents(purchase, share.basisPoints(sub.app, sub.hosting, saleDate));
    s.customerDetails = transactionContacts(saleDate);
    s.partnerDetails = customer.partner;
    long expert = 0;
    for (Discount d : discounts) {
      if (d.type() == DiscountType.EXPERT) {
        expert += d.amountCents();
      }
    }
    if (customer.partner != null) {
      boolean faulty = j.rng.chance(rates.faultyPartnerDiscountPpm());
      s.partnerDiscountAmountCents = faulty ? percentOf(listCents, 10) + 100 : expert;
    }
    if (sub.hosting == Hosting.CLOUD) {
      s.parentProductName = sub.app.hostProduct().parentProductName();
      String edition = customer.editionOn(saleDate);
      s.parentProductEdition = edition;
      String previous = sub.lastSale == null ? null : sub.lastSale.state.parentProductEdition;
      s.changeInParentProductEdition =
          previous == null ? "No" : previous.equals(edition) ? "No" : "Yes";
      s.oldParentProductEdition = previous == null ? edition : previous;
      s.cloudComplianceBoundaries = COMMERCIAL_BOUNDARY;
    }
    if (sub.hosting == Hosting.DATA_CENTER
        && type != SaleType.REFUND
        && purchase > 0
        && !saleDate.isBefore(LocalDate.of(2020, 1, 1))
        && j.rng.chance(Rates.ppm(8))) {
      s.paymentTerms = PaymentTerms.NET30;
      s.paymentStatus = PaymentStatus.OPEN;
      LocalDate paid = saleDate.plusDays(j.rng.between(5, 30));
      sale.timeline.on(paid, x -> x.paymentStatus = PaymentStatus.PAID);
    }
    if (j.rng.chance(rates.mutationPpm())) {
      LocalDate when = saleDate.plusDays(j.rng.between(20, 600));
      if (sub.hosting == Hosting.CLOUD) {
        String edition = j.rng.pick(Vocabulary.PARENT_EDITIONS);
        sale.timeline.on(when, x -> x.parentProductEdition = edition);
      } else {
        sale.timeline.on(
            when,
            x ->
                x.customerDetails =
                    new ContactDetails(
                        x.customerDetails.company() + " ",
                        x.customerDetails.country(),
                        x.customerDetails.region(),
                        x.customerDetails.technicalContact(),
                        x.customerDetails.billingContact()));
      }
    }
    redactOnRtbf(sale);
    out.sales.add(sale);
    return sale;
  }

  private static void copyCommon(SaleState o, SaleState s) {
    s.addonKey = o.addonKey;
    s.productId = o.productId;
    s.addonName = o.addonName;
    s.hosting = o.hosting;
    s.billingPeriod = o.billingPeriod;
    s.tier = o.tier;
    s.partnerDetails = o.partnerDetails;
    s.parentProductName = o.parentProductName;
    s.parentProductEdition = o.parentProductEdition;
    s.cloudComplianceBoundaries = o.cloudComplianceBoundaries;
    s.licenseType = o.licenseType;
  }

  private ContactDetails transactionContacts(LocalDate day) {
    return customer.transactionContactsOn(day);
  }

  /**
   * Seed 000 (SR-R4): once a replaced contact asks to be forgotten, every record showing them reads
   * RTBF.
   */
  private void redactOnRtbf(SaleLife sale) {
    if (customer.rtbf == null) {
      return;
    }
    String email = customer.technicalContacts.get(0).email();
    sale.timeline.on(
        customer.rtbf,
        x -> {
          Contact t = x.customerDetails.technicalContact();
          if (t != null && email.equals(t.email())) {
            x.customerDetails =
                new ContactDetails(
                    x.customerDetails.company(),
                    x.customerDetails.country(),
                    x.customerDetails.region(),
                    Contact.of(Contact.RTBF, Contact.RTBF),
                    x.customerDetails.billingContact());
          }
        });
  }

  /**
   * The app installed on the customer's cloud sandbox: licensed with the production site, never a
   * transaction, {@code installedOnSandbox = Yes} (seed 002).
   */
  private LicenseLife sandboxLicense(Journey j, App app, LocalDate day) {
    LicenseLife l = newLicense(j, app, Hosting.CLOUD, day, "-sandbox");
    LicenseState s = l.state;
    s.licenseType = LicenseType.COMMERCIAL;
    s.tier = Tier.users(customer.usersOn(day));
    s.maintenanceStartDate = day;
    String na = LicenseInsights.NA;
    s.insights = new LicenseInsights(na, na, na, na, na, na, null, na, na, na, "Yes");
    return l;
  }

  private LicenseLife newLicense(Journey j, App app, Hosting hosting, LocalDate day) {
    return newLicense(j, app, hosting, day, "");
  }

  private LicenseLife newLicense(
      Journey j, App app, Hosting hosting, LocalDate day, String siteSuffix) {
    boolean hasSen = hosting != Hosting.CLOUD || day.isBefore(CLOUD_WITHOUT_SEN_FROM);
    LicenseLife l =
        new LicenseLife(customer, app, hosting, j.key, j.licenses++, day, hasSen, ids, siteSuffix);
    LicenseState s = l.state;
    s.addonKey = app.addonKey();
    s.productId = app.productId();
    s.addonName = app.name();
    s.hosting = hosting;
    s.contactDetails =
        app.paymentModel().hasSalesReports()
            ? customer.contactDetailsOn(day)
            : new ContactDetails(
                null, customer.country.name(), customer.country.region(), null, null);
    s.partnerDetails = null;
    s.extendedServerSupport = hosting == Hosting.SERVER ? "No" : "NA";
    s.newBillingSystem = hosting == Hosting.CLOUD && !day.isBefore(NEW_BILLING_FROM) ? "Yes" : "No";
    if (hosting == Hosting.CLOUD) {
      s.cloudComplianceBoundaries = COMMERCIAL_BOUNDARY;
      s.transactionAccountId =
          day.isBefore(NEW_BILLING_FROM) ? null : ids.uuid(0x7A, customer.index);
      s.licenseLevel = "single-instance";
    }
    if (hosting == Hosting.DATA_CENTER) {
      l.dcEntitlement = true;
      l.timeline.on(DC_ENTITLEMENT_NUMBERS_FROM, x -> x.ids = l.idsOn(DC_ENTITLEMENT_NUMBERS_FROM));
    }
    if (customer.contactChange != null && app.paymentModel().hasSalesReports()) {
      l.timeline.on(
          customer.contactChange,
          x -> {
            if (x.status == LicenseStatus.ACTIVE) {
              x.contactDetails = customer.contactDetailsOn(customer.contactChange);
            }
          });
    }
    if (customer.rtbf != null) {
      String email = customer.technicalContacts.get(0).email();
      l.timeline.on(
          customer.rtbf,
          x -> {
            ContactDetails c = x.contactDetails;
            if (c != null
                && c.technicalContact() != null
                && email.equals(c.technicalContact().email())) {
              x.contactDetails =
                  new ContactDetails(
                      c.company(), c.country(), c.region(), Contact.redacted(), c.billingContact());
            }
          });
    }
    out.licenses.add(l);
    return l;
  }

  /**
   * The license's maintenance now runs to {@code end}; it lapses (inactive) the day after unless
   * extended.
   */
  private void extendLicense(Sub sub, LocalDate day, LocalDate end) {
    extendLicense(sub, day, end, null);
  }

  /**
   * The license's maintenance runs to {@code end} from {@code day} (and its tier becomes {@code
   * tier}, when given). A lapse before {@code day} shows as inactive; the final expiry is scheduled
   * once the simulation ends.
   */
  private void extendLicense(Sub sub, LocalDate day, LocalDate end, Tier tier) {
    LicenseLife l = sub.license;
    if (sub.sandbox != null) {
      // K31: the sandbox's tier follows the exact user count at every change.
      Tier exact = Tier.users(customer.usersOn(day));
      LicenseLife box = sub.sandbox;
      box.scheduledEnd = end;
      box.timeline.on(
          day,
          s -> {
            s.maintenanceEndDate = end;
            s.tier = exact;
          });
    }
    if (l.scheduledEnd != null && day.isAfter(l.scheduledEnd)) {
      expire(l, l.scheduledEnd);
    }
    l.scheduledEnd = end;
    l.timeline.on(
        day,
        s -> {
          s.maintenanceEndDate = end;
          if (tier != null) {
            s.tier = tier;
          }
          if (s.status != LicenseStatus.CANCELLED) {
            s.status = end.isBefore(day) ? LicenseStatus.INACTIVE : LicenseStatus.ACTIVE;
          }
        });
  }

  /**
   * W7: a license is inactive from the day after its maintenance end unless it was extended
   * meanwhile.
   */
  private static void expire(LicenseLife l, LocalDate end) {
    l.timeline.on(
        end.plusDays(1),
        s -> {
          if (s.maintenanceEndDate.equals(end) && s.status == LicenseStatus.ACTIVE) {
            s.status = LicenseStatus.INACTIVE;
          }
        });
  }

  // ---------------------------------------------------------------- insights

  private LicenseInsights evaluationInsights(
      LicenseLife l, LocalDate evalStart, LocalDate evalEnd, LocalDate saleDate) {
    if (evalStart.isBefore(INSIGHTS_FROM)) {
      return LicenseInsights.notAvailable();
    }
    boolean cloud = l.hosting == Hosting.CLOUD;
    boolean parent = !evalStart.isBefore(PARENT_INSIGHTS_FROM);
    String na = LicenseInsights.NA;
    Attribution attribution = attribution(l);
    return new LicenseInsights(
        Integer.toString(customer.usersOn(evalStart)),
        cloud ? l.appEntitlementId : null,
        saleDate == null ? na : Long.toString(ChronoUnit.DAYS.between(evalEnd, saleDate)),
        evalStart.toString(),
        evalEnd.toString(),
        saleDate == null ? na : saleDate.toString(),
        attribution,
        parent ? (cloud ? customer.parentBillingCycle : "ANNUAL") : na,
        parent ? l.app.hostProduct().parentProductName() : na,
        parent && cloud ? customer.editionOn(evalStart) : na,
        parent && cloud ? "No" : na);
  }

  private LicenseInsights noEvaluationInsights(LicenseLife l) {
    String na = LicenseInsights.NA;
    boolean cloud = l.hosting == Hosting.CLOUD;
    return new LicenseInsights(
        na, na, na, na, na, na, attribution(l), na, na, na, cloud ? "No" : na);
  }

  private Attribution attribution(LicenseLife l) {
    long h = Rng.hash(spec.seed(), customer.index, l.journeyKey, l.localSeq);
    String channel =
        Vocabulary.ATTRIBUTION_CHANNELS.get(
            (int) Long.remainderUnsigned(h, Vocabulary.ATTRIBUTION_CHANNELS.size()));
    return switch (channel) {
      case "Paid Search" ->
          new Attribution(
              channel,
              "www.google.com",
              "google",
              "cpc",
              "P:"
                  + l.app.addonKey()
                  + "|G:"
                  + customer.country.region().toLowerCase(java.util.Locale.ROOT),
              null);
      case "Organic Search" ->
          new Attribution(channel, "www.google.com", "google", "organic", null, null);
      case "Referral" ->
          new Attribution(channel, "community.atlassian.com", null, "referral", null, null);
      case "Email" -> new Attribution(channel, null, "newsletter", "email", "monthly-digest", null);
      default -> new Attribution(channel, null, null, null, null, null);
    };
  }

  /**
   * Seed 002 (SR-P4): parent-product insights read "Pending" for 48–72 hours after an evaluation is
   * created or converted.
   */
  private void pendingInsights(LicenseLife l, LocalDate day) {
    if (day.isBefore(PARENT_INSIGHTS_FROM)) {
      return;
    }
    LicenseInsights[] kept = new LicenseInsights[2];
    l.timeline.on(
        day,
        s -> {
          LicenseInsights i = s.insights;
          if (i == null || LicenseInsights.NA.equals(i.parentProductName())) {
            return; // no parent insights for this license (SR-P5): nothing to wait for
          }
          kept[0] = i;
          kept[1] = i.pending();
          s.insights = kept[1];
        });
    int hours =
        48 + (int) Long.remainderUnsigned(Rng.hash(l.localSeq, l.journeyKey, day.toEpochDay()), 25);
    l.timeline.on(
        day.plusDays((hours + 23) / 24),
        s -> {
          // Only this wait's own Pending is replaced: a conversion meanwhile brought newer
          // insights.
          if (kept[1] != null && s.insights == kept[1]) {
            s.insights = kept[0];
          }
        });
  }

  // ---------------------------------------------------------------- free apps and the free starter
  // tier

  /**
   * Atlassian's own internal-use licenses and a vendor's free test licenses: one per paid app,
   * renewed yearly, never a transaction, and without data insights (seed 002 item 9, SR-P9).
   */
  private void internalLicenses(Journey j, Vendor vendor) {
    boolean atlassian = customer.internal == Customer.Internal.ATLASSIAN;
    for (App app : listedApps(vendor, customer.arrival, PaymentModel.PAID_VIA_ATLASSIAN)) {
      Hosting hosting = chooseHosting(app, customer.arrival, j.rng);
      LicenseLife l =
          yearlyFreeLicense(
              j,
              app,
              hosting,
              atlassian ? LicenseType.INTERNAL_USE : LicenseType.DEMONSTRATION,
              Rates.MILLION);
      l.state.licenseSourceType = atlassian ? "Atlassian" : "Non-Atlassian";
    }
  }

  private void freeInstall(Journey j, App app) {
    Hosting hosting = app.sells(Hosting.CLOUD) ? Hosting.CLOUD : Hosting.DATA_CENTER;
    yearlyFreeLicense(j, app, hosting, LicenseType.FREE, Rates.ppm(80));
  }

  /**
   * A license that costs nothing and never has a transaction: a year from the customer's arrival,
   * extended a year at a time with probability {@code renewPpm} (server maintenance never beyond
   * the end of support), without data insights.
   */
  private LicenseLife yearlyFreeLicense(
      Journey j, App app, Hosting hosting, LicenseType type, int renewPpm) {
    LicenseLife l = newLicense(j, app, hosting, customer.arrival);
    LicenseState s = l.state;
    s.licenseType = type;
    s.tier = UserTiers.tierFor(hosting, BillingPeriod.ANNUAL, customer.usersOn(customer.arrival));
    s.maintenanceStartDate = customer.arrival;
    s.maintenanceEndDate = customer.arrival.plusYears(1);
    s.insights = null;
    boolean server = hosting == Hosting.SERVER;
    LocalDate end = s.maintenanceEndDate;
    for (LocalDate d = end;
        !d.isAfter(clock)
            && !(server && !d.isBefore(SERVER_END_OF_SUPPORT))
            && (renewPpm >= Rates.MILLION || j.rng.chance(renewPpm));
        d = d.plusYears(1)) {
      LocalDate next =
          server && d.plusYears(1).isAfter(SERVER_END_OF_SUPPORT)
              ? SERVER_END_OF_SUPPORT
              : d.plusYears(1);
      l.timeline.on(d, x -> x.maintenanceEndDate = next);
      end = next;
    }
    l.scheduledEnd = end;
    return l;
  }

  /**
   * Seed 001 (SR-Z6): small cloud sites use the app free; they buy once they grow past 10 users.
   */
  private void freeStarter(Journey j, App app, LocalDate start) {
    LocalDate upgrade = null;
    for (Customer.Growth g : customer.growth) {
      if (g.date().isAfter(start) && g.users() > 10) {
        upgrade = g.date();
        break;
      }
    }
    LocalDate end = upgrade != null && !upgrade.isAfter(clock) ? upgrade : null;
    Contact tech = customer.technicalContactOn(start);
    out.freeStarter.add(
        new FreeStarterEntitlement(
            customer.vendor.vendorId(),
            app.addonKey(),
            app.name(),
            app.productId(),
            null,
            ids.uuid(0xF5, customer.index, j.key),
            ids.entitlementNumber(0xF6, customer.index, j.key),
            tech == null ? null : tech.email(),
            customer.editionOn(start),
            customer.usersOn(start),
            null,
            start,
            end));
    if (end != null) {
      Sub sub = purchase(j, app, Hosting.CLOUD, end, null, null, null, null, null, "new");
      if (sub != null) {
        renewals(sub);
      }
    }
  }

  // ---------------------------------------------------------------- arithmetic

  /**
   * The end of a term starting {@code start}: cloud monthly runs to the next billing date (the
   * first one prorated), annual terms a year; server maintenance from 2023-02-15 ends at the end of
   * support (seed 004).
   */
  private LocalDate termEnd(Hosting hosting, BillingPeriod period, LocalDate start, boolean first) {
    if (hosting == Hosting.CLOUD && period == BillingPeriod.MONTHLY) {
      return customer.nextBillingDate(start);
    }
    if (hosting == Hosting.SERVER && !start.isBefore(SERVER_PRORATION_FROM)) {
      return SERVER_END_OF_SUPPORT.isAfter(start) ? SERVER_END_OF_SUPPORT : start;
    }
    return start.plusYears(1);
  }

  /**
   * The list price of a term: the whole-term price when the term is whole, otherwise the annualised
   * price × days / 365 (the proration the metrics specification inverts).
   */
  private static long prorate(
      long wholeTermCents, BillingPeriod period, LocalDate start, LocalDate end) {
    long days = ChronoUnit.DAYS.between(start, end);
    LocalDate whole = start.plusMonths(period.months());
    if (Math.abs(ChronoUnit.DAYS.between(whole, end)) <= 3) {
      return wholeTermCents;
    }
    long annual = wholeTermCents * (12 / period.months());
    return (annual * days * 2 + 365) / (365 * 2);
  }

  /** Adds a discount unless it comes to nothing (a percentage of a tiny or free price). */
  private static void addDiscount(
      List<Discount> discounts, DiscountType type, long cents, String code, String reason) {
    if (cents > 0) {
      discounts.add(new Discount(type, cents, code, reason));
    }
  }

  private static long percentOf(long cents, int percent) {
    return (cents * percent + 50) / 100;
  }

  /** Atlassian rounds upgrade amounts up to whole dollars. */
  private static long ceilDollars(long cents) {
    return cents <= 0 ? 0 : ((cents + 99) / 100) * 100;
  }
}
