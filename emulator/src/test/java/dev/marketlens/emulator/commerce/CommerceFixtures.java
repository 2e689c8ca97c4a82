package dev.marketlens.emulator.commerce;

import dev.marketlens.emulator.wire.BillingPeriod;
import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.SaleType;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Small builders for the commerce tests: apps, plans and service events written by hand. */
final class CommerceFixtures {

  private CommerceFixtures() {}

  /** A cloud plan: $10/month up to 10 users, then $1, $0.80, $0.60, $0.40 per user and month. */
  static final PricePlan.Cloud CLOUD_PLAN = new PricePlan.Cloud(1000, 100, 80, 60, 40);

  /** The same plan after a price increase: $15, then $1.50, $1.20, $0.90, $0.60 per user. */
  static final PricePlan.Cloud CLOUD_PLAN_RAISED = new PricePlan.Cloud(1500, 150, 120, 90, 60);

  /** A Data Center plan: 50 users $1,000, 100 users $1,800, 250 users $3,000, unlimited $5,000. */
  static final PricePlan.Tiered DC_PLAN =
      new PricePlan.Tiered(List.of(50, 100, 250), List.of(100_000L, 180_000L, 300_000L), 500_000);

  /** The Data Center plan after a price increase: $1,200, $2,000, $3,500, unlimited $6,000. */
  static final PricePlan.Tiered DC_PLAN_RAISED =
      new PricePlan.Tiered(List.of(50, 100, 250), List.of(120_000L, 200_000L, 350_000L), 600_000);

  static App app(
      HostProduct product,
      AppPlatform platform,
      boolean atlassianHostedStorage,
      boolean migratedFromConnect,
      LocalDate listed,
      PaymentModel model,
      Hosting... hostings) {
    Map<Hosting, PriceBook> books = new EnumMap<>(Hosting.class);
    for (Hosting h : hostings) {
      books.put(
          h, PriceBook.listed(h, listed, h == Hosting.CLOUD ? CLOUD_PLAN : (PricePlan) DC_PLAN));
    }
    return new App(
        "com.example." + product.name().toLowerCase() + "." + platform.name().toLowerCase(),
        "Example app",
        "1000",
        product,
        platform,
        atlassianHostedStorage,
        migratedFromConnect,
        listed,
        model,
        false,
        false,
        books);
  }

  /** A Paid-via-Atlassian Connect app for {@code product}, listed in 2015, on every hosting. */
  static App connectApp(HostProduct product) {
    return app(
        product,
        AppPlatform.CONNECT,
        false,
        false,
        LocalDate.of(2015, 1, 1),
        PaymentModel.PAID_VIA_ATLASSIAN,
        Hosting.CLOUD,
        Hosting.DATA_CENTER,
        Hosting.SERVER);
  }

  /** A Paid-via-Atlassian cloud Forge app for Jira. */
  static App forgeApp(LocalDate listed, boolean atlassianHostedStorage, boolean migrated) {
    return app(
        HostProduct.JIRA,
        AppPlatform.FORGE,
        atlassianHostedStorage,
        migrated,
        listed,
        PaymentModel.PAID_VIA_ATLASSIAN,
        Hosting.CLOUD);
  }

  /** A service event whose NET, GROSS and LIST amounts are all {@code cents}. */
  static ServiceEvent event(
      String customer,
      String lineage,
      String lineItem,
      SaleType type,
      LocalDate start,
      LocalDate end,
      BillingPeriod period,
      long cents) {
    return new ServiceEvent(
        customer,
        "com.example.app",
        Hosting.CLOUD,
        lineage,
        lineItem,
        type,
        start,
        start,
        end,
        period,
        cents,
        cents,
        cents);
  }

  static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }
}
