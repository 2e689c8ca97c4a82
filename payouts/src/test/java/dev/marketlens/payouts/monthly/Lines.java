package dev.marketlens.payouts.monthly;

import dev.marketlens.model.BillingPeriod;
import dev.marketlens.model.Hosting;
import dev.marketlens.model.LicenseType;
import dev.marketlens.model.Money;
import dev.marketlens.model.PaymentStatus;
import dev.marketlens.model.SaleType;
import dev.marketlens.model.Tier;
import dev.marketlens.model.id.AddonLicenseId;
import dev.marketlens.model.id.AppKey;
import dev.marketlens.model.id.LicenseId;
import dev.marketlens.model.id.LicenseIds;
import dev.marketlens.model.id.TransactionId;
import dev.marketlens.model.id.TransactionLineItemId;
import dev.marketlens.model.transaction.OriginalTransaction;
import dev.marketlens.model.transaction.ParentProduct;
import dev.marketlens.model.transaction.TransactionLine;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Transaction lines for hand-worked examples: an app, a day, a hosting and the amounts. */
final class Lines {
  static final AppKey APP = AppKey.of("com.example.app");
  private static final AtomicInteger IDS = new AtomicInteger(1000);

  private Lines() {}

  static TransactionLine sale(String day, long priceCents, long vendorCents) {
    return line(APP, SaleType.NEW, Hosting.CLOUD, null, day, priceCents, vendorCents);
  }

  static TransactionLine refund(String day, long priceCents, long vendorCents) {
    return line(APP, SaleType.REFUND, Hosting.CLOUD, null, day, priceCents, vendorCents);
  }

  static TransactionLine line(
      AppKey app,
      SaleType type,
      Hosting hosting,
      String parentProduct,
      String day,
      long priceCents,
      long vendorCents) {
    return line(app, type, hosting, parentProduct, day, priceCents, vendorCents, null);
  }

  /** A refund of a sale made on {@code soldOn}. */
  static TransactionLine refundOf(
      String soldOn, Hosting hosting, String day, long priceCents, long vendorCents) {
    return line(
        APP,
        SaleType.REFUND,
        hosting,
        null,
        day,
        priceCents,
        vendorCents,
        new OriginalTransaction(TransactionId.of("AT-1"), LocalDate.parse(soldOn)));
  }

  static TransactionLine line(
      AppKey app,
      SaleType type,
      Hosting hosting,
      String parentProduct,
      String day,
      long priceCents,
      long vendorCents,
      OriginalTransaction original) {
    int id = IDS.incrementAndGet();
    return new TransactionLine(
        TransactionId.of("AT-" + id),
        TransactionLineItemId.of(String.valueOf(id)),
        LicenseIds.ofServer(AddonLicenseId.of(String.valueOf(id)), LicenseId.of("SEN-" + id)),
        app,
        "App",
        null,
        LocalDate.parse(day),
        type,
        LicenseType.COMMERCIAL,
        hosting,
        BillingPeriod.ANNUAL,
        Tier.parse("50 Users"),
        null,
        null,
        Money.ofCents(priceCents),
        Money.ofCents(vendorCents),
        List.of(),
        null,
        original,
        LocalDate.parse(day),
        LocalDate.parse(day).plusYears(1),
        PaymentStatus.PAID,
        null,
        null,
        parentProduct == null ? null : new ParentProduct(parentProduct, "Standard", null),
        Instant.parse("2026-01-01T00:00:00Z"),
        false);
  }
}
