package dev.marketlens.emulator.world;

import static dev.marketlens.emulator.world.Worlds.describe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.wire.PaymentStatus;
import dev.marketlens.emulator.wire.PurchaseDetails;
import dev.marketlens.emulator.wire.SaleType;
import dev.marketlens.emulator.wire.Transaction;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Seeds 002/004 (SR-F1…F4, SR-P10): refunds")
class RefundsTest {

  private final World world = Worlds.standard();
  private final Worlds.Index index = Worlds.index();

  private List<Transaction> refunds() {
    return world.transactions().stream()
        .filter(t -> t.purchaseDetails().saleType() == SaleType.REFUND)
        .toList();
  }

  @Test
  @DisplayName(
      "§8.4 / W4: a Refund row has a negative purchasePrice and vendorAmount, and refunds no more"
          + " than the row its originalTransactionDetails (transactionId + saleDate) name")
  void refundsAreNegativeAndNeverExceedWhatTheyRefund() {
    Violations v = new Violations("refund ≤ refunded row");
    int partial = 0;
    int full = 0;
    for (Transaction r : refunds()) {
      PurchaseDetails p = r.purchaseDetails();
      List<Transaction> originals = index.refunded(r);
      v.check(
          p.purchasePriceCents() < 0 && p.vendorAmountCents() < 0 && originals.size() == 1,
          () -> describe(r) + " refunds " + originals.stream().map(Worlds::describe).toList());
      if (originals.size() != 1) {
        continue;
      }
      PurchaseDetails o = originals.get(0).purchaseDetails();
      v.check(
          -p.purchasePriceCents() <= o.purchasePriceCents()
              && -p.vendorAmountCents() <= o.vendorAmountCents(),
          () -> describe(r) + " refunds more than " + describe(originals.get(0)));
      if (-p.purchasePriceCents() == o.purchasePriceCents()) {
        full++;
      } else {
        partial++;
      }
    }
    v.assertNone();
    assertThat(full).as("full refunds").isPositive();
    assertThat(partial).as("partial (31–60 day) refunds").isPositive();
  }

  @Test
  @DisplayName(
      "SR-P10 (seed 002 #10): refund rows leave changeInTier, oldTier, changeInBillingPeriod,"
          + " oldBillingPeriod, changeInParentProductEdition and oldParentProductEdition empty")
  void refundsHaveNoChangeFields() {
    assertThat(refunds())
        .isNotEmpty()
        .allSatisfy(
            r -> {
              PurchaseDetails p = r.purchaseDetails();
              assertThat(p.changeInTier()).as(describe(r)).isNull();
              assertThat(p.oldTier()).as(describe(r)).isNull();
              assertThat(p.changeInBillingPeriod()).as(describe(r)).isNull();
              assertThat(p.oldBillingPeriod()).as(describe(r)).isNull();
              assertThat(p.changeInParentProductEdition()).as(describe(r)).isNull();
              assertThat(p.oldParentProductEdition()).as(describe(r)).isNull();
            });
  }

  @Test
  @DisplayName(
      "SR-F1/SR-F2/SR-F4 (seed 004): a refund is dated 1–60 days after the sale it refunds")
  void refundsWithinSixtyDays() {
    Violations v = new Violations("refund within 60 days");
    int late = 0;
    for (Transaction r : refunds()) {
      List<Transaction> originals = index.refunded(r);
      if (originals.size() != 1) {
        continue;
      }
      long days =
          ChronoUnit.DAYS.between(
              originals.get(0).purchaseDetails().saleDate(), r.purchaseDetails().saleDate());
      v.check(days >= 1 && days <= 60, () -> describe(r) + " " + days + " days after the sale");
      if (days > 30) {
        late++;
      }
    }
    v.assertNone();
    assertThat(late).as("refunds in days 31–60").isPositive();
  }

  @Test
  @DisplayName(
      "§8.3 paymentStatus: a fully refunded row reads Refunded, and only fully refunded rows do")
  void fullyRefundedRowsShowRefunded() {
    Map<String, Long> refundedCents = new HashMap<>();
    Map<String, Transaction> originals = new HashMap<>();
    for (Transaction r : refunds()) {
      for (Transaction o : index.refunded(r)) {
        refundedCents.merge(
            o.transactionLineItemId(), -r.purchaseDetails().purchasePriceCents(), Long::sum);
        originals.put(o.transactionLineItemId(), o);
      }
    }
    Violations v = new Violations("Refunded ⇔ fully refunded");
    int fully = 0;
    for (Transaction t : world.transactions()) {
      if (t.purchaseDetails().saleType() == SaleType.REFUND) {
        continue;
      }
      long refunded = refundedCents.getOrDefault(t.transactionLineItemId(), 0L);
      boolean full = refunded > 0 && refunded == t.purchaseDetails().purchasePriceCents();
      if (full) {
        fully++;
      }
      v.check(
          full == (t.paymentStatus() == PaymentStatus.REFUNDED),
          () -> describe(t) + " refunded " + Worlds.cents(refunded));
    }
    v.assertNone();
    assertThat(fully).as("fully refunded rows").isPositive();
  }
}
