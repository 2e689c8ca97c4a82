package dev.marketlens.emulator.world;

import static dev.marketlens.emulator.world.Worlds.describe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.commerce.App;
import dev.marketlens.emulator.commerce.RevenueShare;
import dev.marketlens.emulator.wire.Discount;
import dev.marketlens.emulator.wire.DiscountType;
import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.PartnerType;
import dev.marketlens.emulator.wire.PurchaseDetails;
import dev.marketlens.emulator.wire.SaleType;
import dev.marketlens.emulator.wire.Transaction;
import dev.marketlens.emulator.wire.TransactionJsonWriter;
import dev.marketlens.emulator.wire.WireFormat;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Seeds 002/004: prices, discounts and the revenue share of every transaction line")
class MoneyTest {

  private static final LocalDate LOYALTY_FROM = LocalDate.of(2020, 7, 1);

  private final World world = Worlds.standard();
  private final Worlds.Index index = Worlds.index();
  private final RevenueShare share = RevenueShare.defaults();

  /**
   * The share's date: the sale date, or for a refund the refunded sale's date (a refund mirrors the
   * row it refunds, W4).
   */
  private static LocalDate shareDate(PurchaseDetails p) {
    return p.saleType() == SaleType.REFUND && p.originalTransactionDetails() != null
        ? p.originalTransactionDetails().saleDate()
        : p.saleDate();
  }

  /** purchasePrice × share, rounded half away from zero to the cent, computed independently. */
  private static long expectedVendorCents(long purchaseCents, int basisPoints) {
    return BigDecimal.valueOf(purchaseCents)
        .multiply(BigDecimal.valueOf(basisPoints))
        .divide(BigDecimal.valueOf(10_000), 0, RoundingMode.HALF_UP)
        .longValueExact();
  }

  @Test
  @DisplayName(
      "SR-V4 / W4 (seeds 001, 002, 004): vendorAmount = RevenueShare.defaults() share of the app,"
          + " hosting and date × purchasePrice, rounded to the cent")
  void vendorAmountIsTheShareOfThePurchasePrice() {
    Violations v = new Violations("SR-V4 vendorAmount = share × purchasePrice");
    Set<Integer> shares = new TreeSet<>();
    for (Transaction t : world.transactions()) {
      PurchaseDetails p = t.purchaseDetails();
      App app = index.app(t.addonKey());
      int bps = share.basisPoints(app, p.hosting(), shareDate(p));
      shares.add(bps);
      long expected = expectedVendorCents(p.purchasePriceCents(), bps);
      v.check(
          p.vendorAmountCents() == expected,
          () -> describe(t) + " expected vendor " + Worlds.cents(expected) + " at " + bps + " bps");
    }
    v.assertNone();
    assertThat(shares)
        .as("the world exercises the 75 %, 85 % and 95 % (Forge first year) shares")
        .contains(7500, 8500, 9500);
  }

  @Test
  @DisplayName(
      "W5 (seed 002 SR-D6): purchasePrice = list − Σ discounts ≥ 0, every discount positive, and"
          + " a whole term's list price is a price of the app's price book")
  void purchasePriceIsListPriceLessDiscounts() {
    Violations signs = new Violations("W5 non-refund price ≥ 0, discounts positive");
    Violations list = new Violations("W5 whole-term list price = price book price");
    int discounted = 0;
    for (Transaction t : world.transactions()) {
      PurchaseDetails p = t.purchaseDetails();
      if (p.saleType() == SaleType.REFUND) {
        continue;
      }
      signs.check(
          p.purchasePriceCents() >= 0
              && p.discounts().stream().allMatch(d -> d.amountCents() > 0)
              && p.purchasePriceCents() + p.discountTotalCents() >= p.purchasePriceCents(),
          () -> describe(t));
      if (!p.discounts().isEmpty() && p.purchasePriceCents() > 0) {
        discounted++;
      }
      if ((p.saleType() == SaleType.NEW || p.saleType() == SaleType.RENEWAL)
          && ZeroDollarTransactionsTest.WholeTerms.isWholeTerm(p)) {
        List<Long> prices =
            ZeroDollarTransactionsTest.WholeTerms.listPrices(index.app(t.addonKey()), t);
        long listCents = p.purchasePriceCents() + p.discountTotalCents();
        list.check(
            prices.contains(listCents),
            () -> describe(t) + " list " + Worlds.cents(listCents) + " not in " + prices);
      }
    }
    signs.assertNone();
    list.assertNone();
    assertThat(discounted).as("partly discounted rows").isPositive();
  }

  @Test
  @DisplayName(
      "SR-D7 (seed 004): EXPERT discounts only on rows sold by an Expert Solution Partner and only"
          + " for apps that opted into the Solution Partner program")
  void expertDiscountsOnlyForOptedInSolutionPartners() {
    Violations v = new Violations("SR-D7 EXPERT discounts");
    int expertRows = 0;
    int expertRowsOfAppsNotOptedIn = 0;
    for (Transaction t : world.transactions()) {
      PurchaseDetails p = t.purchaseDetails();
      boolean expertDiscount = p.discountCents(DiscountType.EXPERT) > 0;
      boolean expertPartner =
          t.partnerDetails() != null && t.partnerDetails().partnerType() == PartnerType.EXPERT;
      boolean optedIn = index.app(t.addonKey()).solutionPartnerOptIn();
      if (expertDiscount) {
        expertRows++;
        v.check(expertPartner && optedIn, () -> describe(t) + " opted in: " + optedIn);
      }
      if (expertPartner && !optedIn) {
        expertRowsOfAppsNotOptedIn++;
      }
    }
    v.assertNone();
    assertThat(expertRows).as("rows with an EXPERT discount").isPositive();
    assertThat(expertRowsOfAppsNotOptedIn)
        .as("Expert-partner rows of apps outside the program (which must carry no EXPERT discount)")
        .isPositive();
  }

  @Test
  @DisplayName(
      "K19 / SR-D2 (seed 002): the loyalty discount is spelled LOYALTY_DISCOUNT on the wire and"
          + " appears only on cloud rows sold from 2020-07-01")
  void loyaltyDiscountsAreCloudMigrationDiscountsFromJuly2020() {
    Violations v = new Violations("K19 LOYALTY_DISCOUNT only on cloud rows from 2020-07-01");
    for (Transaction t : world.transactions()) {
      PurchaseDetails p = t.purchaseDetails();
      if (p.discountCents(DiscountType.LOYALTY_DISCOUNT) > 0) {
        v.check(
            p.hosting() == Hosting.CLOUD && !p.saleDate().isBefore(LOYALTY_FROM),
            () -> describe(t));
      }
    }
    v.assertNone();

    List<Transaction> loyal =
        world.transactions().stream()
            .filter(t -> t.purchaseDetails().discountCents(DiscountType.LOYALTY_DISCOUNT) > 0)
            .limit(20)
            .toList();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new TransactionJsonWriter(WireFormat.V2).write(loyal.iterator(), out);
    String json = out.toString(StandardCharsets.UTF_8);
    assertThat(json).contains("\"LOYALTY_DISCOUNT\"").doesNotContain("\"LOYALTY\"");
    assertThat(DiscountType.values())
        .extracting(DiscountType::wire)
        .containsExactlyInAnyOrder("LOYALTY_DISCOUNT", "EXPERT", "MANUAL", "MARKETPLACE_PROMOTION");
    assertThat(loyal.stream().flatMap(t -> t.purchaseDetails().discounts().stream()))
        .extracting(Discount::type)
        .contains(DiscountType.LOYALTY_DISCOUNT);
  }
}
