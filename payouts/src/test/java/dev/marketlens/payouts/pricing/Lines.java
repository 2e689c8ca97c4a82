package dev.marketlens.payouts.pricing;

import dev.marketlens.model.BillingPeriod;
import dev.marketlens.model.Discount;
import dev.marketlens.model.DiscountType;
import dev.marketlens.model.Hosting;
import dev.marketlens.model.LicenseStatus;
import dev.marketlens.model.LicenseType;
import dev.marketlens.model.Money;
import dev.marketlens.model.Partner;
import dev.marketlens.model.PartnerType;
import dev.marketlens.model.PaymentStatus;
import dev.marketlens.model.SaleType;
import dev.marketlens.model.Tier;
import dev.marketlens.model.id.AddonLicenseId;
import dev.marketlens.model.id.AppKey;
import dev.marketlens.model.id.LicenseId;
import dev.marketlens.model.id.LicenseIds;
import dev.marketlens.model.id.TransactionId;
import dev.marketlens.model.id.TransactionLineItemId;
import dev.marketlens.model.license.DataInsights;
import dev.marketlens.model.license.License;
import dev.marketlens.model.transaction.OriginalTransaction;
import dev.marketlens.model.transaction.TransactionLine;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Hand-written transaction lines for the pricing tests, amounts in dollars. */
final class Lines {

  static final String APP = "com.example.app";
  private static int next = 1;

  String license = "1";
  SaleType type = SaleType.NEW;
  Hosting hosting = Hosting.CLOUD;
  BillingPeriod period = BillingPeriod.ANNUAL;
  String tier = "100 Users";
  String oldTier;
  String saleDate;
  String start;
  String end;
  String purchase;
  List<Discount> discounts = new ArrayList<>();
  Partner partner;
  OriginalTransaction original;
  String app = APP;

  static Lines sale(String license, SaleType type, String start, String end, String purchase) {
    Lines l = new Lines();
    l.license = license;
    l.type = type;
    l.start = start;
    l.saleDate = start;
    l.end = end;
    l.purchase = purchase;
    return l;
  }

  Lines hosting(Hosting h) {
    hosting = h;
    return this;
  }

  Lines monthly() {
    period = BillingPeriod.MONTHLY;
    return this;
  }

  Lines tier(String t) {
    tier = t;
    return this;
  }

  Lines oldTier(String t) {
    oldTier = t;
    return this;
  }

  Lines soldOn(String day) {
    saleDate = day;
    return this;
  }

  Lines app(String key) {
    app = key;
    return this;
  }

  Lines discount(DiscountType type, String usd) {
    discounts.add(Discount.of(type, Money.parse(usd)));
    return this;
  }

  Lines partner(PartnerType type) {
    partner = new Partner("A Partner", type, null);
    return this;
  }

  Lines refundOf(TransactionLine sale) {
    original = new OriginalTransaction(sale.transactionId(), sale.saleDate());
    return this;
  }

  TransactionLine build() {
    int n = next++;
    Money price = Money.parse(purchase);
    return new TransactionLine(
        TransactionId.of("AT-" + (1000 + n)),
        TransactionLineItemId.of(String.valueOf(5000 + n)),
        ids(license),
        AppKey.of(app),
        "App",
        null,
        LocalDate.parse(saleDate),
        type,
        LicenseType.COMMERCIAL,
        hosting,
        period,
        Tier.parse(tier),
        oldTier == null ? null : Tier.parse(oldTier),
        null,
        price,
        Money.ofCents(price.cents() * 85 / 100),
        discounts,
        null,
        original,
        LocalDate.parse(start),
        LocalDate.parse(end),
        PaymentStatus.PAID,
        null,
        partner,
        null,
        Instant.parse("2026-01-01T00:00:00Z"),
        false);
  }

  static LicenseIds ids(String number) {
    return LicenseIds.ofServer(AddonLicenseId.of(number), LicenseId.of("SEN-" + number));
  }

  /** A cloud license whose evaluation ran from {@code start} to {@code end}. */
  static License evaluated(String number, String start, String end) {
    DataInsights insights =
        new DataInsights(
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            LocalDate.parse(start),
            LocalDate.parse(end),
            null,
            null);
    return new License(
        ids(number),
        AppKey.of(APP),
        "App",
        null,
        Hosting.CLOUD,
        LicenseType.COMMERCIAL,
        LicenseStatus.ACTIVE,
        Tier.parse("100 Users"),
        null,
        LocalDate.parse(start),
        LocalDate.parse(end).plusYears(1),
        Instant.parse("2026-01-01T00:00:00Z"),
        null,
        null,
        null,
        insights);
  }
}
