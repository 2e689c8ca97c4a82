package dev.marketlens.emulator.commerce;

import static dev.marketlens.emulator.commerce.CommerceFixtures.d;
import static dev.marketlens.emulator.commerce.CommerceFixtures.event;
import static dev.marketlens.emulator.wire.BillingPeriod.ANNUAL;
import static dev.marketlens.emulator.wire.BillingPeriod.MONTHLY;
import static dev.marketlens.emulator.wire.SaleType.NEW;
import static dev.marketlens.emulator.wire.SaleType.REFUND;
import static dev.marketlens.emulator.wire.SaleType.RENEWAL;
import static dev.marketlens.emulator.wire.SaleType.UPGRADE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.marketlens.emulator.commerce.MrrLedger.Basis;
import dev.marketlens.emulator.commerce.MrrLedger.Movements;
import dev.marketlens.emulator.wire.Hosting;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The ground-truth MRR ledger against examples worked by hand from metrics-spec.md §2–§4. All
 * amounts are cents; the grace G is 30 days; {@code asOf} is far in the future unless a test is
 * about pending lapses, so every lapse that is not bridged by a following renewal is churned.
 */
@DisplayName("metrics spec §2–§4: the ground-truth MRR ledger, worked by hand")
class MrrLedgerTest {

  private static final LocalDate FAR = d("2030-01-01");

  private final MrrLedger ledger = new MrrLedger(Basis.NET, 30, FAR);

  private static Movements at(List<Movements> movements, String month) {
    YearMonth m = YearMonth.parse(month);
    return movements.stream().filter(x -> x.month().equals(m)).findFirst().orElseThrow();
  }

  private List<Movements> movements(
      MrrLedger l, List<ServiceEvent> events, String from, String to) {
    return l.movements(events, ServiceEvent::customer, YearMonth.parse(from), YearMonth.parse(to));
  }

  private long[] series(List<ServiceEvent> events, String customer, String from, String to) {
    return ledger
        .monthEndMrr(events, ServiceEvent::customer, YearMonth.parse(from), YearMonth.parse(to))
        .get(customer);
  }

  private static void assertMovement(
      Movements m,
      long opening,
      long newMrr,
      long expansion,
      long contraction,
      long churn,
      long reactivation,
      long closing,
      int customers) {
    assertThat(m.openingMrr()).as("%s opening", m.month()).isEqualTo(opening);
    assertThat(m.newMrr()).as("%s new", m.month()).isEqualTo(newMrr);
    assertThat(m.expansionMrr()).as("%s expansion", m.month()).isEqualTo(expansion);
    assertThat(m.contractionMrr()).as("%s contraction", m.month()).isEqualTo(contraction);
    assertThat(m.churnedMrr()).as("%s churn", m.month()).isEqualTo(churn);
    assertThat(m.reactivationMrr()).as("%s reactivation", m.month()).isEqualTo(reactivation);
    assertThat(m.closingMrr()).as("%s closing", m.month()).isEqualTo(closing);
    assertThat(m.customers()).as("%s customers", m.month()).isEqualTo(customers);
  }

  // ------------------------------------------------------------------ §2.3 N1

  @DisplayName(
      "metrics spec §2.3/§4.2: a monthly subscription of 10000 cents/month has MRR 10000 and is NEW in its first month")
  @Test
  void monthlySubscriptionIsNew() {
    List<ServiceEvent> events =
        List.of(event("acme", "L1", "t1", NEW, d("2024-03-01"), d("2024-04-01"), MONTHLY, 10_000));

    List<Movements> m = movements(ledger, events, "2024-02", "2024-03");

    // February: nothing yet
    assertMovement(at(m, "2024-02"), 0, 0, 0, 0, 0, 0, 0, 0);
    // March: whole monthly term, n = 1 → m = 10000 / 1 = 10000, NEW
    assertMovement(at(m, "2024-03"), 0, 10_000, 0, 0, 0, 0, 10_000, 1);
  }

  @DisplayName(
      "metrics spec §2.3: an annual term of 120000 cents is 10000/month, for a 365-day and a leap-year 366-day term")
  @Test
  void annualTermIsOneTwelfth() {
    List<ServiceEvent> events =
        List.of(
            // 2022-03-01 → 2023-03-01 = 365 days
            event("a", "LA", "t1", NEW, d("2022-03-01"), d("2023-03-01"), ANNUAL, 120_000),
            // 2023-03-01 → 2024-03-01 = 366 days (holds 2024-02-29)
            event("b", "LB", "t2", NEW, d("2023-03-01"), d("2024-03-01"), ANNUAL, 120_000));

    long[] a = series(events, "a", "2022-03", "2024-03");
    long[] b = series(events, "b", "2022-03", "2024-03");

    // 25 month-ends 2022-03-31 … 2024-03-31; 120000 / 12 = 10000 on each month-end in the term
    long[] expectedA = new long[25];
    long[] expectedB = new long[25];
    for (int k = 0; k < 12; k++) {
      expectedA[k] = 10_000; // 2022-03-31 … 2023-02-28
      expectedB[12 + k] = 10_000; // 2023-03-31 … 2024-02-29
    }
    assertThat(a).containsExactly(expectedA);
    assertThat(b).containsExactly(expectedB);
  }

  @DisplayName(
      "metrics spec §2.3: a prorated piece is normalised by actual/365 — 20 days for 6575 cents → 6575×365/(12×20) = 9999.48 → 9999")
  @Test
  void proratedPiece() {
    // 2024-05-20 → 2024-06-09 = 20 days, an annual piece co-terminated with the site
    List<ServiceEvent> events =
        List.of(event("acme", "L1", "t1", NEW, d("2024-05-20"), d("2024-06-09"), ANNUAL, 6_575));

    // 6575 × 365 = 2399875; / 240 = 9999.479… → 9999 on 2024-05-31; nothing on 2024-06-30
    assertThat(series(events, "acme", "2024-05", "2024-06")).containsExactly(9_999, 0);
    assertThat(MrrLedger.wholeTermMonths(ANNUAL, d("2024-05-20"), d("2024-06-09"))).isZero();
  }

  @DisplayName("metrics spec §2.3 rule 1: a zero-length period (same-day renewal) adds no MRR")
  @Test
  void zeroLengthAddsNothing() {
    List<ServiceEvent> events =
        List.of(
            event("acme", "L1", "t1", RENEWAL, d("2024-05-31"), d("2024-05-31"), ANNUAL, 50_000));

    assertThat(series(events, "acme", "2024-05", "2024-06")).containsExactly(0, 0);
  }

  @DisplayName(
      "metrics spec §4.3: monthly → annual at the same tier is a contraction (annual = 10 × monthly: 10000 → 100000/12 = 8333)")
  @Test
  void monthlyToAnnualIsContraction() {
    List<ServiceEvent> events =
        List.of(
            event("acme", "L1", "t1", NEW, d("2024-01-01"), d("2024-02-01"), MONTHLY, 10_000),
            // 2024-02-01 → 2025-02-01 = 366 days, a whole annual term
            event("acme", "L1", "t2", RENEWAL, d("2024-02-01"), d("2025-02-01"), ANNUAL, 100_000));

    List<Movements> m = movements(ledger, events, "2024-01", "2024-02");

    // 100000 / 12 = 8333.33 → 8333; contraction 10000 − 8333 = 1667
    assertMovement(at(m, "2024-02"), 10_000, 0, 0, 1_667, 0, 0, 8_333, 1);
  }

  @DisplayName(
      "metrics spec §2.1: the NET ledger feeds the vendor amount, the GROSS ledger the purchase price")
  @Test
  void basisChoosesTheAmount() {
    ServiceEvent sale =
        new ServiceEvent(
            "acme",
            "com.example.app",
            Hosting.CLOUD,
            "L1",
            "t1",
            NEW,
            d("2024-03-01"),
            d("2024-03-01"),
            d("2024-04-01"),
            MONTHLY,
            8_500,
            10_000,
            12_000);
    YearMonth march = YearMonth.of(2024, 3);

    for (Basis basis : Basis.values()) {
      long expected =
          switch (basis) {
            case NET -> 8_500;
            case GROSS -> 10_000;
            case LIST -> 12_000;
          };
      List<Movements> m =
          new MrrLedger(basis, 30, FAR)
              .movements(List.of(sale), ServiceEvent::customer, march, march);
      assertThat(m.get(0).closingMrr()).as("%s", basis).isEqualTo(expected);
    }
  }

  // ------------------------------------------------------------------ §2.4 N2

  @DisplayName(
      "metrics spec §2.4/§4.3: an annual co-terminated upgrade on day 182 (120000 → 240000, charged (240000−120000)×183/365 rounded up to whole dollars) is an expansion to ≈ 20000 in the upgrade month")
  @Test
  void coTerminatedUpgradeIsExpansion() {
    // remaining days 2023-07-02 → 2024-01-01 = 183 of 365;
    // charged (240000 − 120000) × 183 / 365 = 60164.38 cents = $601.64 → rounded up to $602
    long upgradeCharge = (120_000L * 183 + 365 * 100 - 1) / (365 * 100) * 100;
    assertThat(upgradeCharge).isEqualTo(60_200);
    List<ServiceEvent> events =
        List.of(
            event("acme", "L1", "t1", NEW, d("2023-01-01"), d("2024-01-01"), ANNUAL, 120_000),
            event(
                "acme",
                "L1",
                "t2",
                UPGRADE,
                d("2023-07-02"),
                d("2024-01-01"),
                ANNUAL,
                upgradeCharge));

    List<Movements> m = movements(ledger, events, "2023-01", "2023-07");

    // credit = 10000 × 12 × 183 / 365 = 60164.38
    // m_u = (60200 + 60164.38) × 365 / (12 × 183) = (21973000 + 21960000) / 2196 = 20005.92
    //     → 20006 (≈ 240000 / 12 = 20000; the residual is Atlassian's whole-dollar round-up)
    // expansion = 20006 − 10000 = 10006
    assertMovement(at(m, "2023-06"), 10_000, 0, 0, 0, 0, 0, 10_000, 1);
    assertMovement(at(m, "2023-07"), 10_000, 0, 10_006, 0, 0, 0, 20_006, 1);
    assertThat(at(m, "2023-07").closingMrr()).isCloseTo(20_000L, within(10L));
    // the old interval is superseded: December still shows only the new rate, not the sum
    assertThat(series(events, "acme", "2023-12", "2023-12")).containsExactly(20_006);
  }

  // ------------------------------------------------------------------ §2.5 N3

  @DisplayName(
      "metrics spec §2.5: a full refund of a New voids it — no MRR and no NEW movement in any month")
  @Test
  void fullRefundVoidsNew() {
    List<ServiceEvent> events =
        List.of(
            // 2024-03-01 → 2025-03-01 = 365 days
            event("acme", "L1", "t1", NEW, d("2024-03-01"), d("2025-03-01"), ANNUAL, 120_000),
            event("acme", "L1", "t2", REFUND, d("2024-03-01"), d("2025-03-01"), ANNUAL, -120_000));

    List<Movements> m = movements(ledger, events, "2024-02", "2025-04");

    // +120000/12 − 120000/12 = 0 on every month-end
    for (Movements month : m) {
      assertMovement(month, 0, 0, 0, 0, 0, 0, 0, 0);
    }
  }

  @DisplayName(
      "metrics spec §2.5/§4.3: a cancellation refund of the unused remainder churns the customer from the refund's month")
  @Test
  void cancellationRefundChurns() {
    // term 2023-01-01 → 2024-01-01 = 365 days; cancelled 2023-05-10 with 236 days left;
    // remainder = 120000 × 236 / 365 = 77589.04 → 77589 refunded
    List<ServiceEvent> events =
        List.of(
            event("acme", "L1", "t1", NEW, d("2023-01-01"), d("2024-01-01"), ANNUAL, 120_000),
            event("acme", "L1", "t2", REFUND, d("2023-05-10"), d("2024-01-01"), ANNUAL, -77_589));

    List<Movements> m = movements(ledger, events, "2023-01", "2023-06");

    // refund rate = −77589 × 365 / (12 × 236) = −28319985 / 2832 = −9999.995
    // May: 10000 − 9999.995 = 0.005 cent → 0 → CHURN of 10000
    assertMovement(at(m, "2023-01"), 0, 10_000, 0, 0, 0, 0, 10_000, 1);
    assertMovement(at(m, "2023-04"), 10_000, 0, 0, 0, 0, 0, 10_000, 1);
    assertMovement(at(m, "2023-05"), 10_000, 0, 0, 0, 10_000, 0, 0, 0);
    assertMovement(at(m, "2023-06"), 0, 0, 0, 0, 0, 0, 0, 0);
  }

  @DisplayName(
      "metrics spec §2.5/§4.3: a cancellation refund of the remainder of a leap-year (366-day) annual term also churns from the refund's month")
  @Test
  void cancellationRefundOfLeapYearTermChurns() {
    // term 2024-01-01 → 2025-01-01 = 366 days (whole annual term → 120000 / 12 = 10000/month);
    // cancelled 2024-05-10 with 236 days left; the world refunds the remainder on the days/365
    // basis
    // that prorates terms: 120000 × 236 / 365 = 77589.04 → 77589; its rate −77589 × 365 / (12 ×
    // 236)
    // = −9999.99 cents cancels the 10000 of the whole term to within half a cent.
    List<ServiceEvent> events =
        List.of(
            event("acme", "L1", "t1", NEW, d("2024-01-01"), d("2025-01-01"), ANNUAL, 120_000),
            event("acme", "L1", "t2", REFUND, d("2024-05-10"), d("2025-01-01"), ANNUAL, -77_589));

    List<Movements> m = movements(ledger, events, "2024-04", "2024-05");

    // the customer paid for nothing after 2024-05-10: CHURN of 10000 in May, MRR 0
    assertMovement(at(m, "2024-05"), 10_000, 0, 0, 0, 10_000, 0, 0, 0);
  }

  // ------------------------------------------------------------------ §2.6 $0

  @DisplayName(
      "metrics spec §2.6/§4.3 (CHURN policy): a $0 renewal after a paid term is CHURN, a later paid renewal is REACTIVATION")
  @Test
  void zeroDollarRenewalChurnsThenReactivates() {
    List<ServiceEvent> events =
        List.of(
            // 365 days each for 2022 and 2023, 366 for 2024: all whole annual terms
            event("acme", "L1", "t1", NEW, d("2022-01-01"), d("2023-01-01"), ANNUAL, 120_000),
            event("acme", "L1", "t2", RENEWAL, d("2023-01-01"), d("2024-01-01"), ANNUAL, 0),
            event("acme", "L1", "t3", RENEWAL, d("2024-01-01"), d("2025-01-01"), ANNUAL, 120_000));

    List<Movements> m = movements(ledger, events, "2022-01", "2024-02");

    assertMovement(at(m, "2022-01"), 0, 10_000, 0, 0, 0, 0, 10_000, 1);
    assertMovement(at(m, "2022-12"), 10_000, 0, 0, 0, 0, 0, 10_000, 1);
    // $0 coverage is covered (never bridged) with m = 0 → CHURN
    assertMovement(at(m, "2023-01"), 10_000, 0, 0, 0, 10_000, 0, 0, 0);
    assertMovement(at(m, "2023-12"), 0, 0, 0, 0, 0, 0, 0, 0);
    // paid again, and paid before → REACTIVATION, not NEW
    assertMovement(at(m, "2024-01"), 0, 0, 0, 0, 0, 10_000, 10_000, 1);
  }

  // ------------------------------------------------------------------ §3.5 grace

  @DisplayName(
      "metrics spec §3.5 (G = 30): a renewal 20 days late is bridged — no churn, no reactivation")
  @Test
  void lateRenewalWithinGraceIsBridged() {
    List<ServiceEvent> events =
        List.of(
            // 2023-01-15 → 2024-01-15 (365 days); renewal 2024-02-04 = 20 days later (366 days)
            event("acme", "L1", "t1", NEW, d("2023-01-15"), d("2024-01-15"), ANNUAL, 120_000),
            event("acme", "L1", "t2", RENEWAL, d("2024-02-04"), d("2025-02-04"), ANNUAL, 120_000));

    List<Movements> m = movements(ledger, events, "2023-01", "2024-03");

    // 2024-01-31 is uncovered, but 2024-02-04 − 2024-01-15 = 20 ≤ 30 → keeps 10000
    assertMovement(at(m, "2024-01"), 10_000, 0, 0, 0, 0, 0, 10_000, 1);
    assertMovement(at(m, "2024-02"), 10_000, 0, 0, 0, 0, 0, 10_000, 1);
    assertThat(m).allSatisfy(x -> assertThat(x.churnedMrr()).isZero());
    assertThat(m).allSatisfy(x -> assertThat(x.reactivationMrr()).isZero());
  }

  @DisplayName(
      "metrics spec §3.5/§4.3 (G = 30): a renewal 40 days late is churn in the month coverage ended, then reactivation")
  @Test
  void lateRenewalBeyondGraceChurnsAndReactivates() {
    List<ServiceEvent> events =
        List.of(
            // renewal 2024-02-24 = 40 days after 2024-01-15 (366-day term)
            event("acme", "L1", "t1", NEW, d("2023-01-15"), d("2024-01-15"), ANNUAL, 120_000),
            event("acme", "L1", "t2", RENEWAL, d("2024-02-24"), d("2025-02-24"), ANNUAL, 120_000));

    List<Movements> m = movements(ledger, events, "2023-01", "2024-03");

    // 40 > 30: churn dated at the coverage end (January), reactivation in February
    assertMovement(at(m, "2024-01"), 10_000, 0, 0, 0, 10_000, 0, 0, 0);
    assertMovement(at(m, "2024-02"), 0, 0, 0, 0, 0, 10_000, 10_000, 1);
  }

  @DisplayName(
      "metrics spec §3.5 (G = 30): a gap of exactly 30 days is bridged, a gap of 31 days is not")
  @Test
  void graceBoundary() {
    List<ServiceEvent> bridged =
        List.of(
            event("acme", "L1", "t1", NEW, d("2023-01-15"), d("2024-01-15"), ANNUAL, 120_000),
            // 2024-01-15 + 30 = 2024-02-14
            event("acme", "L1", "t2", RENEWAL, d("2024-02-14"), d("2025-02-14"), ANNUAL, 120_000));
    List<ServiceEvent> lapsed =
        List.of(
            event("acme", "L1", "t1", NEW, d("2023-01-15"), d("2024-01-15"), ANNUAL, 120_000),
            // 2024-01-15 + 31 = 2024-02-15
            event("acme", "L1", "t2", RENEWAL, d("2024-02-15"), d("2025-02-15"), ANNUAL, 120_000));

    assertThat(at(movements(ledger, bridged, "2023-12", "2024-02"), "2024-01").churnedMrr())
        .isZero();
    assertThat(at(movements(ledger, lapsed, "2023-12", "2024-02"), "2024-01").churnedMrr())
        .isEqualTo(10_000);
  }

  @DisplayName(
      "metrics spec §3.5: an open lapse younger than the grace at asOf is pending (MRR kept); 30 days or older it is churned")
  @Test
  void openLapseAtAsOf() {
    List<ServiceEvent> events =
        List.of(
            // 2024-01-15 → 2025-01-15 = 366 days, nothing after
            event("acme", "L1", "t1", NEW, d("2024-01-15"), d("2025-01-15"), ANNUAL, 120_000));

    // asOf 2025-02-05: 21 days since the end < 30 → pending, January keeps 10000
    Movements young =
        at(
            movements(new MrrLedger(Basis.NET, 30, d("2025-02-05")), events, "2024-12", "2025-01"),
            "2025-01");
    // asOf 2025-02-14: 30 days, not < 30 → churned in January
    Movements boundary =
        at(
            movements(new MrrLedger(Basis.NET, 30, d("2025-02-14")), events, "2024-12", "2025-01"),
            "2025-01");
    // asOf 2025-02-20: 36 days → churned in January
    Movements old =
        at(
            movements(new MrrLedger(Basis.NET, 30, d("2025-02-20")), events, "2024-12", "2025-01"),
            "2025-01");

    assertMovement(young, 10_000, 0, 0, 0, 0, 0, 10_000, 1);
    assertMovement(boundary, 10_000, 0, 0, 0, 10_000, 0, 0, 0);
    assertMovement(old, 10_000, 0, 0, 0, 10_000, 0, 0, 0);
  }

  // ------------------------------------------------------------------ §3.3 units

  @DisplayName(
      "metrics spec §3.3/§3.4 (D4): two licenses of one customer are one unit — the second license is expansion, not a new customer")
  @Test
  void twoLicensesOneCustomer() {
    List<ServiceEvent> events =
        List.of(
            event("acme", "L1", "t1", NEW, d("2023-01-01"), d("2024-01-01"), ANNUAL, 120_000),
            // 2023-04-10 → 2024-04-10 = 366 days; 60000 / 12 = 5000
            event("acme", "L2", "t2", NEW, d("2023-04-10"), d("2024-04-10"), ANNUAL, 60_000));

    List<Movements> byCustomer = movements(ledger, events, "2023-01", "2023-04");
    List<Movements> byLicense =
        ledger.movements(
            events, ServiceEvent::lineage, YearMonth.of(2023, 1), YearMonth.of(2023, 4));

    assertMovement(at(byCustomer, "2023-01"), 0, 10_000, 0, 0, 0, 0, 10_000, 1);
    assertMovement(at(byCustomer, "2023-04"), 10_000, 0, 5_000, 0, 0, 0, 15_000, 1);
    // per license the second one is a new unit of its own
    assertMovement(at(byLicense, "2023-04"), 10_000, 5_000, 0, 0, 0, 0, 15_000, 2);
  }

  // ------------------------------------------------------------------ §4.1 identity

  @DisplayName(
      "metrics spec §4.1: every month balances — opening + new + reactivation + expansion − contraction − churn = closing, and opens at last month's close")
  @Test
  void everyMonthBalances() {
    List<ServiceEvent> events = new ArrayList<>();
    events.add(event("a", "A1", "1", NEW, d("2022-01-01"), d("2023-01-01"), ANNUAL, 120_000));
    events.add(event("a", "A1", "2", RENEWAL, d("2023-01-01"), d("2024-01-01"), ANNUAL, 0));
    events.add(event("a", "A1", "3", RENEWAL, d("2024-01-01"), d("2025-01-01"), ANNUAL, 120_000));
    events.add(event("b", "B1", "1", NEW, d("2023-01-01"), d("2024-01-01"), ANNUAL, 120_000));
    events.add(event("b", "B1", "2", UPGRADE, d("2023-07-02"), d("2024-01-01"), ANNUAL, 60_200));
    events.add(event("c", "C1", "1", NEW, d("2023-01-01"), d("2024-01-01"), ANNUAL, 120_000));
    events.add(event("c", "C1", "2", REFUND, d("2023-05-10"), d("2024-01-01"), ANNUAL, -77_589));
    events.add(event("e", "E1", "1", NEW, d("2023-01-15"), d("2024-01-15"), ANNUAL, 120_000));
    events.add(event("e", "E1", "2", RENEWAL, d("2024-02-24"), d("2025-02-24"), ANNUAL, 120_000));
    events.add(event("f", "F1", "1", NEW, d("2023-01-01"), d("2024-01-01"), ANNUAL, 120_000));
    events.add(event("f", "F2", "1", NEW, d("2023-04-10"), d("2024-04-10"), ANNUAL, 60_000));
    events.add(event("g", "G1", "1", NEW, d("2024-01-01"), d("2024-02-01"), MONTHLY, 10_000));
    events.add(event("g", "G1", "2", RENEWAL, d("2024-02-01"), d("2025-02-01"), ANNUAL, 100_000));
    events.add(event("h", "H1", "1", NEW, d("2024-05-20"), d("2024-06-09"), ANNUAL, 6_575));

    List<Movements> m = movements(ledger, events, "2021-12", "2025-06");

    long previousClose = 0;
    for (Movements x : m) {
      long rebuilt =
          x.openingMrr()
              + x.newMrr()
              + x.reactivationMrr()
              + x.expansionMrr()
              - x.contractionMrr()
              - x.churnedMrr();
      assertThat(rebuilt).as("%s", x.month()).isEqualTo(x.closingMrr());
      assertThat(x.balances()).as("%s", x.month()).isTrue();
      assertThat(x.openingMrr()).as("%s opens at last close", x.month()).isEqualTo(previousClose);
      previousClose = x.closingMrr();
    }
    // a spot check from the worked examples: January 2023 — a churns (10000 → $0),
    // b, c, e and f start (4 × 10000 NEW); e is active 2023-01-15 … so 4 new customers
    assertMovement(at(m, "2023-01"), 10_000, 40_000, 0, 0, 10_000, 0, 40_000, 4);
  }

  // ------------------------------------------------------------------ §2.3 whole terms

  @DisplayName(
      "metrics spec §2.3: whole terms — Monthly is 1 month; Annual of 365, 366 and 730 days is 12, 12 and 24 months; a 200-day annual piece is prorated (0)")
  @Test
  void wholeTermMonths() {
    assertThat(MrrLedger.wholeTermMonths(MONTHLY, d("2024-03-01"), d("2024-04-01"))).isEqualTo(1);
    // anchored on the 31st: plusMonths(1) clamps to 2024-02-29
    assertThat(MrrLedger.wholeTermMonths(MONTHLY, d("2024-01-31"), d("2024-02-29"))).isEqualTo(1);
    // 365 days
    assertThat(MrrLedger.wholeTermMonths(ANNUAL, d("2022-03-01"), d("2023-03-01"))).isEqualTo(12);
    // 366 days
    assertThat(MrrLedger.wholeTermMonths(ANNUAL, d("2023-03-01"), d("2024-03-01"))).isEqualTo(12);
    // 730 days: k = round(730 / 365) = 2 → 24
    assertThat(MrrLedger.wholeTermMonths(ANNUAL, d("2022-01-01"), d("2024-01-01"))).isEqualTo(24);
    // a 3-year Data Center term, 2022-01-01 → 2025-01-01 = 1096 days: k = 3 → 36
    assertThat(MrrLedger.wholeTermMonths(ANNUAL, d("2022-01-01"), d("2025-01-01"))).isEqualTo(36);
    // 200 days: k = round(200 / 365) = 1 → n = 12, but 2025-01-01 is 166 days from 2024-07-19
    assertThat(MrrLedger.wholeTermMonths(ANNUAL, d("2024-01-01"), d("2024-07-19"))).isZero();
  }

  @DisplayName(
      "metrics spec §2.3: a whole term may miss the calendar by up to 3 days (snap tolerance), not 4")
  @Test
  void snapTolerance() {
    // 2023-01-01 + 12 months = 2024-01-01; 2024-01-04 is 3 days off, 2024-01-05 is 4
    assertThat(MrrLedger.wholeTermMonths(ANNUAL, d("2023-01-01"), d("2024-01-04"))).isEqualTo(12);
    assertThat(MrrLedger.wholeTermMonths(ANNUAL, d("2023-01-01"), d("2024-01-05"))).isZero();
    // a monthly term 11 days off is a prorated piece: 2024-05-20 + 1 month = 2024-06-20
    assertThat(MrrLedger.wholeTermMonths(MONTHLY, d("2024-05-20"), d("2024-06-09"))).isZero();
  }

  // ------------------------------------------------------------------ window

  @DisplayName(
      "metrics spec §0.1/§4.2: the first month of a window opens at the previous month's close, and a customer paying before the window is not NEW")
  @Test
  void windowOpensAtPreviousClose() {
    List<ServiceEvent> events =
        List.of(event("acme", "L1", "t1", NEW, d("2023-01-01"), d("2024-01-01"), ANNUAL, 120_000));

    List<Movements> m = movements(ledger, events, "2023-06", "2023-07");

    // open(2023-06) = close(2023-05) = 10000; nothing moves in June
    assertMovement(at(m, "2023-06"), 10_000, 0, 0, 0, 0, 0, 10_000, 1);
  }
}
