package dev.marketlens.emulator.world;

import dev.marketlens.emulator.commerce.App;
import dev.marketlens.emulator.commerce.Vendor;
import dev.marketlens.emulator.wire.Discount;
import dev.marketlens.emulator.wire.License;
import dev.marketlens.emulator.wire.LicenseIds;
import dev.marketlens.emulator.wire.PurchaseDetails;
import dev.marketlens.emulator.wire.SaleType;
import dev.marketlens.emulator.wire.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The worlds the world-level tests share, each generated once per JVM: seed 12 has every app kind
 * (a Jira app on every hosting, a Confluence app outside the Solution Partner program, a Forge JSM
 * app with a free starter tier, a Bitbucket app and a free app), so every rule has data to bite on.
 */
final class Worlds {

  static final long SEED = 12;
  static final int CUSTOMERS = 2_000;
  static final WorldSpec SPEC = WorldSpec.of(SEED, CUSTOMERS);

  /** The clock of the advanced world: 90 days past the standard world's end. */
  static final LocalDate ADVANCED_CLOCK = SPEC.to().plusDays(90);

  private static World standard;
  private static World advanced;
  private static Index standardIndex;

  private Worlds() {}

  /** Seed 12, 2,000 customers, 2018-01-01 … 2026-10-31. */
  static synchronized World standard() {
    if (standard == null) {
      standard = new WorldGenerator().generate(SPEC);
    }
    return standard;
  }

  /** The standard spec generated with its clock moved 90 days on. */
  static synchronized World advanced() {
    if (advanced == null) {
      advanced = new WorldGenerator().generate(SPEC, ADVANCED_CLOCK);
    }
    return advanced;
  }

  static synchronized Index index() {
    if (standardIndex == null) {
      standardIndex = new Index(standard());
    }
    return standardIndex;
  }

  /**
   * The key that ties a license to its transactions: the addonLicenseId (server, Data Center and
   * pre-2023 cloud) or else the appEntitlementId (cloud on the new platform).
   */
  static String licenseKey(LicenseIds ids) {
    return ids.addonLicenseId() != null ? ids.addonLicenseId() : ids.appEntitlementId();
  }

  static String licenseKey(License l) {
    return licenseKey(l.ids());
  }

  static String licenseKey(Transaction t) {
    return licenseKey(t.ids());
  }

  /** Lookups over one world's current records. */
  static final class Index {
    final World world;
    final Map<String, App> apps = new HashMap<>();
    final Map<String, License> licenses = new LinkedHashMap<>();
    final Map<String, RecordHistory<License>> licenseHistories = new LinkedHashMap<>();
    final Map<String, List<Transaction>> transactionsByLicense = new LinkedHashMap<>();
    final Map<String, List<Transaction>> transactionsById;

    Index(World world) {
      this.world = world;
      for (Vendor v : world.vendors()) {
        for (App a : v.apps()) {
          apps.put(a.addonKey(), a);
        }
      }
      for (RecordHistory<License> h : world.licenseHistories()) {
        String key = licenseKey(h.latest());
        if (licenses.put(key, h.latest()) != null) {
          throw new IllegalStateException("two licenses share the key " + key);
        }
        licenseHistories.put(key, h);
      }
      for (Transaction t : world.transactions()) {
        transactionsByLicense.computeIfAbsent(licenseKey(t), k -> new ArrayList<>()).add(t);
      }
      transactionsById =
          world.transactions().stream()
              .collect(
                  Collectors.groupingBy(
                      Transaction::transactionId, LinkedHashMap::new, Collectors.toList()));
    }

    App app(String addonKey) {
      App a = apps.get(addonKey);
      if (a == null) {
        throw new IllegalStateException("no app " + addonKey);
      }
      return a;
    }

    List<Transaction> transactionsOf(License l) {
      return transactionsByLicense.getOrDefault(licenseKey(l), List.of());
    }

    /** The line a refund refunds: same order, sale date, app and license, not itself a refund. */
    List<Transaction> refunded(Transaction refund) {
      PurchaseDetails p = refund.purchaseDetails();
      if (p.originalTransactionDetails() == null) {
        return List.of();
      }
      return transactionsById
          .getOrDefault(p.originalTransactionDetails().transactionId(), List.of())
          .stream()
          .filter(
              o ->
                  o.purchaseDetails().saleType() != SaleType.REFUND
                      && o.purchaseDetails()
                          .saleDate()
                          .equals(p.originalTransactionDetails().saleDate())
                      && o.addonKey().equals(refund.addonKey())
                      && licenseKey(o).equals(licenseKey(refund)))
          .toList();
    }
  }

  /** A transaction line in one line, for failure messages and reports. */
  static String describe(Transaction t) {
    PurchaseDetails p = t.purchaseDetails();
    return "line "
        + t.transactionLineItemId()
        + " (order "
        + t.transactionId()
        + ", license "
        + licenseKey(t)
        + ", "
        + t.addonKey()
        + ", "
        + p.hosting().wire()
        + " "
        + p.billingPeriod().wire()
        + ", "
        + p.saleType().wire()
        + " on "
        + p.saleDate()
        + ", maintenance "
        + p.maintenanceStartDate()
        + ".."
        + p.maintenanceEndDate()
        + ", tier "
        + p.tier()
        + ", price "
        + cents(p.purchasePriceCents())
        + ", vendor "
        + cents(p.vendorAmountCents())
        + ", discounts "
        + discounts(p.discounts())
        + (t.partnerDetails() == null ? "" : ", partner " + t.partnerDetails().partnerType())
        + (p.originalTransactionDetails() == null
            ? ""
            : ", original "
                + p.originalTransactionDetails().transactionId()
                + "@"
                + p.originalTransactionDetails().saleDate())
        + ", paymentStatus "
        + (t.paymentStatus() == null ? null : t.paymentStatus().wire())
        + ", lastUpdated "
        + t.lastUpdated()
        + ")";
  }

  /** A license in one line, for failure messages and reports. */
  static String describe(License l) {
    return "license "
        + licenseKey(l)
        + " ("
        + (l.ids().licenseId() == null ? "" : l.ids().licenseId() + ", ")
        + (l.ids().appEntitlementNumber() == null ? "" : l.ids().appEntitlementNumber() + ", ")
        + l.addonKey()
        + ", "
        + l.hosting().wire()
        + ", "
        + l.licenseType()
        + ", "
        + l.status().wire()
        + ", tier "
        + l.tier()
        + ", maintenance "
        + l.maintenanceStartDate()
        + ".."
        + l.maintenanceEndDate()
        + ", company "
        + (l.contactDetails() == null ? null : l.contactDetails().company())
        + ", lastUpdated "
        + l.lastUpdated()
        + ")";
  }

  static String discounts(List<Discount> discounts) {
    return discounts.stream()
        .map(
            d ->
                d.type().wire()
                    + " "
                    + cents(d.amountCents())
                    + (d.reason() == null ? "" : " " + d.reason()))
        .toList()
        .toString();
  }

  static String cents(long cents) {
    return (cents < 0 ? "-" : "")
        + "$"
        + Math.abs(cents) / 100
        + "."
        + String.format("%02d", Math.abs(cents) % 100);
  }
}
