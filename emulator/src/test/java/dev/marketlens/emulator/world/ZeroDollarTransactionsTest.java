package dev.marketlens.emulator.world;

import static dev.marketlens.emulator.world.Worlds.describe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.commerce.App;
import dev.marketlens.emulator.commerce.PriceBook;
import dev.marketlens.emulator.wire.DiscountType;
import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.PurchaseDetails;
import dev.marketlens.emulator.wire.SaleType;
import dev.marketlens.emulator.wire.Transaction;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Seed 001 / SR-Z1…Z3: $0 (100 %-discount) transactions")
class ZeroDollarTransactionsTest {

  private static final LocalDate ZERO_DOLLAR_FROM = LocalDate.of(2019, 7, 1);

  private final World world = Worlds.standard();

  private List<Transaction> zeroRows() {
    return world.transactions().stream()
        .filter(t -> t.purchaseDetails().saleType() != SaleType.REFUND)
        .filter(t -> t.purchaseDetails().purchasePriceCents() == 0)
        .toList();
  }

  @Test
  @DisplayName("SR-Z1/SR-Z3 (seed 001): $0 rows exist, and only with a sale date from 2019-07-01")
  void zeroRowsOnlyFromJuly2019() {
    Violations v = new Violations("SR-Z3 $0 rows dated from 2019-07-01");
    for (RecordHistory<Transaction> h : world.transactionHistories()) {
      for (Versioned<Transaction> version : h.versions()) {
        PurchaseDetails p = version.record().purchaseDetails();
        if (p.purchasePriceCents() == 0) {
          v.check(
              !p.saleDate().isBefore(ZERO_DOLLAR_FROM),
              () -> describe(version.record()) + " version of " + version.since());
        }
      }
    }
    v.assertNone();
    assertThat(zeroRows()).as("$0 rows in the world").isNotEmpty();
  }

  @Test
  @DisplayName("SR-Z2 / SR-V4 (seed 001): a $0 row has vendorAmount 0")
  void zeroRowsPayTheVendorNothing() {
    assertThat(zeroRows())
        .isNotEmpty()
        .allSatisfy(
            t -> assertThat(t.purchaseDetails().vendorAmountCents()).as(describe(t)).isZero());
  }

  @Test
  @DisplayName(
      "SR-Z2 (seed 001): a $0 row carries discounts (MANUAL, EXPERT or MARKETPLACE_PROMOTION)"
          + " summing to the would-be price")
  void zeroRowsCarryTheirWholePriceAsDiscount() {
    Set<DiscountType> allowed =
        EnumSet.of(DiscountType.MANUAL, DiscountType.EXPERT, DiscountType.MARKETPLACE_PROMOTION);
    Violations v = new Violations("SR-Z2 $0 rows are 100 % discounts");
    Violations price = new Violations("SR-Z2 the discounts of a whole-term $0 row equal a price");
    for (Transaction t : zeroRows()) {
      PurchaseDetails p = t.purchaseDetails();
      v.check(
          !p.discounts().isEmpty()
              && p.discountTotalCents() > 0
              && p.discounts().stream().allMatch(d -> allowed.contains(d.type())),
          () -> describe(t));
      if (WholeTerms.isWholeTerm(p)) {
        App app = Worlds.index().app(t.addonKey());
        List<Long> prices = WholeTerms.listPrices(app, t);
        price.check(
            prices.contains(p.discountTotalCents()),
            () -> describe(t) + " but the price book has " + prices);
      }
    }
    price.assertNone();
    v.assertNone();
  }

  /** Whole-term rows and the list prices a price book allows for them. */
  static final class WholeTerms {
    private WholeTerms() {}

    /** Whether the row's maintenance is exactly one month or one year. */
    static boolean isWholeTerm(PurchaseDetails p) {
      return p.maintenanceStartDate()
          .plusMonths(p.billingPeriod().months())
          .equals(p.maintenanceEndDate());
    }

    /**
     * Every list price the row's tier had for a whole term in any plan in effect on or before its
     * sale date (older plans included: seed 004's 60-day override lets customers keep them), and
     * half of each for server maintenance renewals.
     */
    static List<Long> listPrices(App app, Transaction t) {
      PurchaseDetails p = t.purchaseDetails();
      PriceBook book = app.priceBook(p.hosting());
      boolean serverRenewal =
          p.hosting() == Hosting.SERVER
              && p.saleType() == SaleType.RENEWAL
              && p.discounts().stream().noneMatch(d -> "DUAL_LICENSING".equals(d.reason()));
      return book.entries().stream()
          .filter(e -> !e.effectiveFrom().isAfter(p.saleDate()))
          .map(e -> e.plan().listPriceCents(p.tier(), p.billingPeriod()))
          .map(c -> serverRenewal ? (c * 50 + 50) / 100 : c)
          .toList();
    }
  }
}
