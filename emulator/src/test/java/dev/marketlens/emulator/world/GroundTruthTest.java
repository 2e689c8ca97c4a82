package dev.marketlens.emulator.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.commerce.App;
import dev.marketlens.emulator.commerce.MrrLedger;
import dev.marketlens.emulator.commerce.Payouts;
import dev.marketlens.emulator.commerce.Vendor;
import dev.marketlens.emulator.wire.Transaction;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Seed 004 (SR-M1…M3) and metrics spec: the ground truth of a vendor")
class GroundTruthTest {

  private final World world = Worlds.standard();
  private final Vendor vendor = world.vendors().get(0);
  private final GroundTruth truth = GroundTruth.of(world, vendor);

  /** A vendor small enough (40 customers) for months under the $500 threshold. */
  private static GroundTruth small;

  private static synchronized GroundTruth small() {
    if (small == null) {
      World w = new WorldGenerator().generate(WorldSpec.of(Worlds.SEED, 40));
      small = GroundTruth.of(w, w.vendors().get(0));
    }
    return small;
  }

  @Test
  @DisplayName(
      "SR-M1/SR-M2/SR-M3 (seed 004): a month is paid only once the balance reaches $500"
          + " (otherwise it carries over), on the 17th–20th of the next month, within 30 days of"
          + " the month's end")
  void payoutsFollowTheThresholdAndTheCalendar() {
    Violations v = new Violations("SR-M1..M3 payouts");
    checkPayouts(truth.payouts(), v);
    checkPayouts(small().payouts(), v);
    v.assertNone();
    List<Payouts.Month> months = new ArrayList<>(truth.payouts());
    months.addAll(small().payouts());
    assertThat(months).as("paid months").anyMatch(m -> m.paidCents() > 0);
    assertThat(months)
        .as("months under the threshold that carry over")
        .anyMatch(m -> m.paidCents() == 0 && m.carriedOutCents() != 0);
    assertThat(months).as("months with refunds (MPVCR)").anyMatch(m -> m.refundsCents() < 0);
  }

  private static void checkPayouts(List<Payouts.Month> months, Violations v) {
    assertThat(months).isNotEmpty();
    long carried = 0;
    YearMonth expectedMonth = months.get(0).month();
    for (Payouts.Month m : months) {
      long balance = m.carriedInCents() + m.salesCents() + m.refundsCents();
      long carriedIn = carried;
      YearMonth expected = expectedMonth;
      LocalDate monthEnd = m.month().atEndOfMonth();
      v.check(
          m.month().equals(expected)
              && m.carriedInCents() == carriedIn
              && m.salesCents() >= 0
              && m.refundsCents() <= 0
              && (balance >= Payouts.THRESHOLD_CENTS
                  ? m.paidCents() == balance
                      && m.carriedOutCents() == 0
                      && m.paymentDate() != null
                      && YearMonth.from(m.paymentDate()).equals(m.month().plusMonths(1))
                      && m.paymentDate().getDayOfMonth() >= 17
                      && m.paymentDate().getDayOfMonth() <= 20
                      && ChronoUnit.DAYS.between(monthEnd, m.paymentDate()) <= 30
                  : m.paidCents() == 0
                      && m.paymentDate() == null
                      && m.carriedOutCents() == balance),
          () -> m + " (expected month " + expected + ", carried in " + carriedIn + ")");
      carried = m.carriedOutCents();
      expectedMonth = m.month().plusMonths(1);
    }
  }

  @Test
  @DisplayName(
      "SR-M5 (seed 004): a month's MPV is the sum of its positive vendor amounts and MPVCR the sum"
          + " of its refunds, from the vendor's transactions")
  void payoutSalesAndRefundsComeFromTheTransactions() {
    Set<String> keys = vendor.apps().stream().map(App::addonKey).collect(Collectors.toSet());
    Map<YearMonth, long[]> expected = new HashMap<>();
    for (Transaction t : world.transactions()) {
      if (!keys.contains(t.addonKey())) {
        continue;
      }
      long cents = t.purchaseDetails().vendorAmountCents();
      long[] sr =
          expected.computeIfAbsent(
              YearMonth.from(t.purchaseDetails().saleDate()), k -> new long[2]);
      sr[cents < 0 ? 1 : 0] += cents;
    }
    assertThat(truth.payouts())
        .allSatisfy(
            m -> {
              long[] sr = expected.getOrDefault(m.month(), new long[2]);
              assertThat(m.salesCents()).as(m.toString()).isEqualTo(sr[0]);
              assertThat(m.refundsCents()).as(m.toString()).isEqualTo(sr[1]);
            });
    assertThat(truth.payouts().stream().map(Payouts.Month::month).collect(Collectors.toSet()))
        .containsAll(expected.keySet());
  }

  private static void checkChain(String what, List<MrrLedger.Movements> months, Violations v) {
    for (int i = 0; i < months.size(); i++) {
      MrrLedger.Movements m = months.get(i);
      MrrLedger.Movements previous = i == 0 ? null : months.get(i - 1);
      v.check(
          m.balances()
              && m.openingMrr()
                      + m.newMrr()
                      + m.reactivationMrr()
                      + m.expansionMrr()
                      - m.contractionMrr()
                      - m.churnedMrr()
                  == m.closingMrr()
              && (previous == null
                  || (previous.closingMrr() == m.openingMrr()
                      && previous.month().plusMonths(1).equals(m.month())))
              && m.openingMrr() >= 0
              && m.closingMrr() >= 0
              && m.newMrr() >= 0
              && m.expansionMrr() >= 0
              && m.contractionMrr() >= 0
              && m.churnedMrr() >= 0
              && m.reactivationMrr() >= 0,
          () -> what + " " + m + " after " + previous);
    }
  }

  @Test
  @DisplayName(
      "metrics spec: ground-truth MRR movements balance every month (opening + new + reactivation"
          + " + expansion − contraction − churn = closing), and closing of M = opening of M+1,"
          + " vendor-wide and per app")
  void movementsBalance() {
    Violations v = new Violations("movements balance");
    checkChain("vendor", truth.movements(), v);
    truth.movementsByApp().forEach((app, months) -> checkChain(app, months, v));
    v.assertNone();
    List<MrrLedger.Movements> months = truth.movements();
    assertThat(months).hasSize((int) ChronoUnit.MONTHS.between(truth.from(), truth.to()) + 1);
    assertThat(months.get(months.size() - 1).closingMrr()).isPositive();
    assertThat(months).anyMatch(m -> m.newMrr() > 0);
    assertThat(months).anyMatch(m -> m.churnedMrr() > 0);
    assertThat(months).anyMatch(m -> m.expansionMrr() > 0);
    assertThat(months).anyMatch(m -> m.contractionMrr() > 0);
    assertThat(months).anyMatch(m -> m.reactivationMrr() > 0);
  }
}
