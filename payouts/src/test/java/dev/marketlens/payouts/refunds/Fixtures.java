package dev.marketlens.payouts.refunds;

import dev.marketlens.model.BillingPeriod;
import dev.marketlens.model.Hosting;
import dev.marketlens.model.LicenseStatus;
import dev.marketlens.model.LicenseType;
import dev.marketlens.model.Money;
import dev.marketlens.model.PaymentStatus;
import dev.marketlens.model.SaleType;
import dev.marketlens.model.Tier;
import dev.marketlens.model.id.AddonLicenseId;
import dev.marketlens.model.id.AppEntitlementNumber;
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
import java.util.List;

/** Transaction lines and licenses for the worked examples: Data Center, annual, 75 % share. */
final class Fixtures {
  static final AppKey APP = AppKey.of("com.example.app");

  private Fixtures() {}

  static LocalDate d(String day) {
    return LocalDate.parse(day);
  }

  /** A Data Center license's ids: add-on license id {@code n} and SEN-{@code n}. */
  static LicenseIds dc(String n) {
    return LicenseIds.ofServer(AddonLicenseId.of(n), LicenseId.of("SEN-" + n));
  }

  /** The SEN alone. */
  static LicenseIds senOnly(String n) {
    return new LicenseIds(null, LicenseId.of("SEN-" + n), null, null, null, null, null, null);
  }

  /** The add-on license id alone. */
  static LicenseIds addonOnly(String n) {
    return new LicenseIds(AddonLicenseId.of(n), null, null, null, null, null, null, null);
  }

  /** A cloud entitlement number alone. */
  static LicenseIds entitlementOnly(String number) {
    return new LicenseIds(
        null, null, null, null, AppEntitlementNumber.of(number), null, null, null);
  }

  /** An add-on license id and an entitlement number (Data Center since 2025-09). */
  static LicenseIds addonAndEntitlement(String n, String number) {
    return new LicenseIds(
        AddonLicenseId.of(n), null, null, null, AppEntitlementNumber.of(number), null, null, null);
  }

  /** A sale sold on its maintenance start. */
  static TransactionLine sale(
      String id, LicenseIds ids, SaleType type, String start, String end, long cents) {
    return sale(id, "AT-" + id, ids, type, start, start, end, cents, "50 Users");
  }

  static TransactionLine sale(
      String id,
      String tx,
      LicenseIds ids,
      SaleType type,
      String sold,
      String start,
      String end,
      long cents,
      String tier) {
    return line(id, tx, ids, type, sold, start, end, cents, cents * 3 / 4, tier, null);
  }

  /** A refund of {@code cents} (positive) naming its original transaction. */
  static TransactionLine refund(
      String id,
      String tx,
      LicenseIds ids,
      String sold,
      String start,
      String end,
      long cents,
      String originalTx,
      String originalSold) {
    return line(
        id,
        tx,
        ids,
        SaleType.REFUND,
        sold,
        start,
        end,
        -cents,
        -(cents * 3 / 4),
        "50 Users",
        originalTx == null
            ? null
            : new OriginalTransaction(
                TransactionId.of(originalTx), originalSold == null ? null : d(originalSold)));
  }

  static TransactionLine line(
      String id,
      String tx,
      LicenseIds ids,
      SaleType type,
      String sold,
      String start,
      String end,
      long cents,
      long vendorCents,
      String tier,
      OriginalTransaction original) {
    return new TransactionLine(
        TransactionId.of(tx),
        TransactionLineItemId.of(id),
        ids,
        APP,
        "App",
        null,
        d(sold),
        type,
        LicenseType.COMMERCIAL,
        Hosting.DATA_CENTER,
        BillingPeriod.ANNUAL,
        Tier.parse(tier),
        null,
        null,
        Money.ofCents(cents),
        Money.ofCents(vendorCents),
        List.of(),
        null,
        original,
        d(start),
        d(end),
        PaymentStatus.PAID,
        null,
        null,
        null,
        Instant.parse("2026-01-01T00:00:00Z"),
        false);
  }

  static License license(LicenseIds ids, LicenseType type, String tier, String start, String end) {
    return license(ids, type, tier, start, end, null);
  }

  static License license(
      LicenseIds ids,
      LicenseType type,
      String tier,
      String start,
      String end,
      DataInsights insights) {
    return new License(
        ids,
        APP,
        "App",
        null,
        Hosting.DATA_CENTER,
        type,
        LicenseStatus.ACTIVE,
        Tier.parse(tier),
        null,
        d(start),
        end == null ? null : d(end),
        Instant.parse("2026-01-01T00:00:00Z"),
        null,
        null,
        null,
        insights);
  }

  static DataInsights sandbox() {
    return new DataInsights(null, null, null, "Yes", null, null, null, null, null, null, null);
  }
}
