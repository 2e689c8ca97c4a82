package dev.marketlens.emulator.world;

import dev.marketlens.emulator.commerce.App;
import dev.marketlens.emulator.commerce.AppPlatform;
import dev.marketlens.emulator.commerce.HostProduct;
import dev.marketlens.emulator.commerce.PaymentModel;
import dev.marketlens.emulator.commerce.PriceBook;
import dev.marketlens.emulator.commerce.PricePlan;
import dev.marketlens.emulator.commerce.UserTiers;
import dev.marketlens.emulator.commerce.Vendor;
import dev.marketlens.emulator.wire.BillingPeriod;
import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.Tier;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Generates the vendors of a world and their apps: a Jira app sold on every hosting, a Confluence
 * app, a cloud-only Forge app listed after 2022-04-01 with a free starter tier, optionally a
 * Bitbucket app (server and Data Center only, since Paid via Atlassian is not offered for Bitbucket
 * Cloud) and a free app. Each hosting has a price book with one or two price increases over the
 * world's history.
 */
final class CatalogGenerator {

  private final WorldSpec spec;
  private final Ids ids;

  CatalogGenerator(WorldSpec spec, Ids ids) {
    this.spec = spec;
    this.ids = ids;
  }

  List<Vendor> vendors() {
    List<Vendor> vendors = new ArrayList<>();
    for (int v = 0; v < spec.vendors(); v++) {
      Rng rng = new Rng(Rng.hash(spec.seed(), 0xC0FFEE, v));
      long vendorId =
          1_000_000L + Long.remainderUnsigned(Rng.hash(spec.seed(), 0xBEEF, v), 8_000_000L);
      String name =
          Vocabulary.VENDOR_NAMES.get(
              (int)
                  ((Long.remainderUnsigned(Rng.hash(spec.seed(), 7), 20) + v)
                      % Vocabulary.VENDOR_NAMES.size()));
      vendors.add(new Vendor(vendorId, ids.uuid(0xD5, v), name, apps(v, name, rng)));
    }
    return vendors;
  }

  private List<App> apps(int v, String vendorName, Rng rng) {
    String slug = vendorName.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "");
    List<String> usedNames = new ArrayList<>();
    List<App> apps = new ArrayList<>();
    apps.add(
        app(
            v,
            0,
            slug,
            usedNames,
            rng,
            HostProduct.JIRA,
            AppPlatform.CONNECT,
            LocalDate.of(2014, 3, 1).plusDays(rng.between(0, 700)),
            PaymentModel.PAID_VIA_ATLASSIAN,
            true,
            false,
            List.of(Hosting.SERVER, Hosting.DATA_CENTER, Hosting.CLOUD)));
    apps.add(
        app(
            v,
            1,
            slug,
            usedNames,
            rng,
            HostProduct.CONFLUENCE,
            rng.chance(Rates.ppm(50)) ? AppPlatform.FORGE : AppPlatform.CONNECT,
            LocalDate.of(2016, 1, 1).plusDays(rng.between(0, 900)),
            PaymentModel.PAID_VIA_ATLASSIAN,
            rng.chance(Rates.ppm(60)),
            false,
            List.of(Hosting.SERVER, Hosting.DATA_CENTER, Hosting.CLOUD)));
    apps.add(
        app(
            v,
            2,
            slug,
            usedNames,
            rng,
            HostProduct.JIRA_SERVICE_MANAGEMENT,
            AppPlatform.FORGE,
            LocalDate.of(2022, 9, 1).plusDays(rng.between(0, 400)),
            PaymentModel.PAID_VIA_ATLASSIAN,
            true,
            true,
            List.of(Hosting.CLOUD)));
    if (rng.chance(Rates.ppm(50))) {
      apps.add(
          app(
              v,
              3,
              slug,
              usedNames,
              rng,
              HostProduct.BITBUCKET,
              AppPlatform.PLUGINS_V2,
              LocalDate.of(2015, 6, 1).plusDays(rng.between(0, 500)),
              PaymentModel.PAID_VIA_ATLASSIAN,
              false,
              false,
              List.of(Hosting.SERVER, Hosting.DATA_CENTER)));
    }
    if (rng.chance(Rates.ppm(50))) {
      apps.add(
          app(
              v,
              4,
              slug,
              usedNames,
              rng,
              HostProduct.CONFLUENCE,
              AppPlatform.CONNECT,
              LocalDate.of(2017, 2, 1).plusDays(rng.between(0, 300)),
              PaymentModel.FREE,
              false,
              false,
              List.of(Hosting.DATA_CENTER, Hosting.CLOUD)));
    }
    return apps;
  }

  private App app(
      int v,
      int index,
      String vendorSlug,
      List<String> usedNames,
      Rng rng,
      HostProduct product,
      AppPlatform platform,
      LocalDate listed,
      PaymentModel model,
      boolean partnerOptIn,
      boolean freeStarter,
      List<Hosting> hostings) {
    String name;
    do {
      name = rng.pick(Vocabulary.APP_FIRST) + " " + rng.pick(Vocabulary.APP_SECOND);
    } while (usedNames.contains(name));
    usedNames.add(name);
    String productName =
        switch (product) {
          case JIRA -> "Jira";
          case CONFLUENCE -> "Confluence";
          case JIRA_SERVICE_MANAGEMENT -> "JSM";
          case BITBUCKET -> "Bitbucket";
          case BAMBOO -> "Bamboo";
        };
    String displayName = name + " for " + productName;
    String key =
        "com."
            + vendorSlug
            + "."
            + name.toLowerCase(Locale.ROOT).replace(' ', '-')
            + "-"
            + product.name().toLowerCase(Locale.ROOT).replace('_', '-');
    Map<Hosting, PriceBook> books = new EnumMap<>(Hosting.class);
    if (model == PaymentModel.PAID_VIA_ATLASSIAN) {
      PricePlan.Cloud cloud =
          new PricePlan.Cloud(
              freeStarter ? 0 : 1000L * rng.between(1, 5), 25L * rng.between(2, 8), 0, 0, 0);
      cloud =
          new PricePlan.Cloud(
              cloud.upTo10Cents(),
              cloud.perUser11To100Cents(),
              cloud.perUser11To100Cents() * 60 / 100,
              cloud.perUser11To100Cents() * 35 / 100,
              cloud.perUser11To100Cents() * 15 / 100);
      for (Hosting h : hostings) {
        PricePlan plan =
            switch (h) {
              case CLOUD -> cloud;
              case DATA_CENTER -> tiered(cloud, UserTiers.DATA_CENTER, 120, 0);
              case SERVER -> tiered(cloud, UserTiers.SERVER, 70, 1);
            };
        books.put(h, priceChanges(PriceBook.listed(h, listed, plan), listed, rng));
      }
    } else {
      for (Hosting h : hostings) {
        books.put(
            h,
            PriceBook.listed(
                h,
                listed,
                h == Hosting.CLOUD
                    ? new PricePlan.Cloud(0, 0, 0, 0, 0)
                    : new PricePlan.Tiered(
                        UserTiers.ladder(h),
                        UserTiers.ladder(h).stream().map(t -> 0L).toList(),
                        0)));
      }
    }
    boolean hostedStorage = platform == AppPlatform.FORGE;
    return new App(
        key,
        displayName,
        ids.uuid(0xA9, v, index),
        product,
        platform,
        hostedStorage,
        false,
        listed,
        model,
        partnerOptIn,
        freeStarter,
        books);
  }

  /**
   * Annual on-premise tier prices derived from the cloud curve, whole dollars, strictly increasing.
   */
  private static PricePlan.Tiered tiered(
      PricePlan.Cloud cloud, List<Integer> ladder, int percent, int floorDollars) {
    List<Long> prices = new ArrayList<>();
    long previous = 0;
    PricePlan.Cloud base =
        cloud.upTo10Cents() == 0
            ? new PricePlan.Cloud(
                1000,
                cloud.perUser11To100Cents(),
                cloud.perUser101To250Cents(),
                cloud.perUser251To1000Cents(),
                cloud.perUserAbove1000Cents())
            : cloud;
    for (int users : ladder) {
      long annual = base.listPriceCents(Tier.users(users), BillingPeriod.ANNUAL);
      long dollars = Math.max(floorDollars + 10, (annual * percent / 100 + 50) / 100);
      if (dollars * 100 <= previous) {
        dollars = previous / 100 + 10;
      }
      previous = dollars * 100;
      prices.add(previous);
    }
    return new PricePlan.Tiered(ladder, prices, previous * 2);
  }

  /** One or two price increases, the second possibly amended within its 24-hour draft window. */
  private PriceBook priceChanges(PriceBook book, LocalDate listed, Rng rng) {
    LocalDate start = listed.isAfter(spec.from()) ? listed : spec.from();
    long span = ChronoUnit.DAYS.between(start, spec.to().plusYears(2));
    if (span < 60) {
      return book;
    }
    int changes = rng.between(1, 2);
    LocalDate previous = start;
    for (int i = 0; i < changes; i++) {
      LocalDate day =
          previous.plusDays(30 + rng.between(0, (int) Math.max(1, span / changes - 30)));
      Instant at =
          day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(rng.between(8, 17) * 3600L);
      int percent = 110 + rng.between(0, 15);
      PricePlan current = book.planOn(day);
      book = book.submit(scale(current, percent), at);
      if (rng.chance(Rates.ppm(25))) {
        book = book.submit(scale(current, percent + 3), at.plusSeconds(rng.between(1, 20) * 3600L));
      }
      previous = day.plusDays(2);
    }
    return book;
  }

  private static PricePlan scale(PricePlan plan, int percent) {
    if (plan instanceof PricePlan.Cloud c) {
      return c.scaled(percent);
    }
    return ((PricePlan.Tiered) plan).scaled(percent);
  }
}
