package dev.marketlens.emulator.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.commerce.MrrLedger.Basis;
import dev.marketlens.emulator.commerce.MrrLedger.Movements;
import dev.marketlens.emulator.wire.BillingPeriod;
import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.SaleType;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

@Label("metrics spec §4.1: the MRR ledger balances for any history")
class MrrLedgerPropertiesTest {

  private static final LocalDate ORIGIN = LocalDate.of(2020, 1, 1);
  private static final YearMonth FROM = YearMonth.of(2019, 12);
  private static final YearMonth TO = YearMonth.of(2027, 12);

  /**
   * The random inputs of one event; refunds use {@code pick} to choose an earlier event and refund
   * part of it over a tail of its period.
   */
  record Seed(
      int lineage,
      int startDay,
      int days,
      long amount,
      SaleType type,
      BillingPeriod period,
      int pick) {}

  @Provide
  Arbitrary<List<Seed>> histories() {
    Arbitrary<Seed> seed =
        Combinators.combine(
                Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 1_500),
                Arbitraries.integers().between(1, 800),
                Arbitraries.longs().between(0, 10_000_000L),
                Arbitraries.of(SaleType.class),
                Arbitraries.of(BillingPeriod.class),
                Arbitraries.integers().between(0, 1_000))
            .as(Seed::new);
    return seed.list().ofMinSize(1).ofMaxSize(25);
  }

  /** Lineage i belongs to customer i % 3, so customers hold one or two licenses. */
  private static List<ServiceEvent> events(List<Seed> seeds) {
    List<ServiceEvent> events = new ArrayList<>();
    int n = 0;
    for (Seed s : seeds) {
      String lineItem = "li" + n++;
      if (s.type() == SaleType.REFUND && !events.isEmpty()) {
        ServiceEvent original = events.get(s.pick() % events.size());
        long length = original.end().toEpochDay() - original.start().toEpochDay();
        LocalDate start = original.start().plusDays(s.startDay() % length);
        long amount = original.netCents() <= 0 ? 0 : s.amount() % (original.netCents() + 1);
        events.add(
            new ServiceEvent(
                original.customer(),
                original.addonKey(),
                original.hosting(),
                original.lineage(),
                lineItem,
                SaleType.REFUND,
                start,
                start,
                original.end(),
                original.billingPeriod(),
                -amount,
                -amount,
                -amount));
      } else {
        SaleType type = s.type() == SaleType.REFUND ? SaleType.NEW : s.type();
        LocalDate start = ORIGIN.plusDays(s.startDay());
        events.add(
            new ServiceEvent(
                "c" + (s.lineage() % 3),
                "com.example.app",
                Hosting.CLOUD,
                "L" + s.lineage(),
                lineItem,
                type,
                start,
                start,
                start.plusDays(s.days()),
                s.period(),
                s.amount(),
                s.amount(),
                s.amount()));
      }
    }
    return events;
  }

  @Property
  @Label(
      "metrics spec §4.1: for any history of sales, renewals, upgrades, downgrades and refunds, every month balances and opens at last month's close; customers and closing MRR are never negative")
  void everyMonthBalances(
      @ForAll("histories") List<Seed> seeds, @ForAll @IntRange(min = 0, max = 3_000) int asOfDay) {
    List<ServiceEvent> events = events(seeds);
    MrrLedger ledger = new MrrLedger(Basis.NET, 30, ORIGIN.plusDays(asOfDay));

    List<Movements> months = ledger.movements(events, ServiceEvent::customer, FROM, TO);

    Set<String> customers = new HashSet<>();
    events.forEach(e -> customers.add(e.customer()));
    long previousClose = 0;
    for (Movements m : months) {
      long rebuilt =
          m.openingMrr()
              + m.newMrr()
              + m.reactivationMrr()
              + m.expansionMrr()
              - m.contractionMrr()
              - m.churnedMrr();
      assertThat(rebuilt).as("%s", m.month()).isEqualTo(m.closingMrr());
      assertThat(m.openingMrr()).as("%s", m.month()).isEqualTo(previousClose);
      assertThat(m.closingMrr()).as("%s", m.month()).isNotNegative();
      assertThat(m.customers()).as("%s", m.month()).isBetween(0, customers.size());
      assertThat(
              List.of(
                  m.newMrr(),
                  m.expansionMrr(),
                  m.contractionMrr(),
                  m.churnedMrr(),
                  m.reactivationMrr()))
          .as("%s movements are magnitudes", m.month())
          .allMatch(x -> x >= 0);
      previousClose = m.closingMrr();
    }
  }

  @Property
  @Label(
      "metrics spec §4.1: the closing MRR of every month is the sum of the units' month-end MRR, each a whole non-negative number of cents")
  void closingIsSumOfUnits(@ForAll("histories") List<Seed> seeds) {
    List<ServiceEvent> events = events(seeds);
    MrrLedger ledger = new MrrLedger(Basis.NET, 30, ORIGIN.plusDays(3_000));

    Map<String, long[]> units = ledger.monthEndMrr(events, ServiceEvent::customer, FROM, TO);
    List<Movements> months = ledger.movements(events, ServiceEvent::customer, FROM, TO);

    for (int k = 0; k < months.size(); k++) {
      long sum = 0;
      int paying = 0;
      for (long[] series : units.values()) {
        assertThat(series[k]).isNotNegative();
        sum += series[k];
        paying += series[k] > 0 ? 1 : 0;
      }
      assertThat(months.get(k).closingMrr()).isEqualTo(sum);
      assertThat(months.get(k).customers()).isEqualTo(paying);
    }
  }

  @Property
  @Label(
      "metrics spec §2.5: refunding every sale in full over its own period leaves no MRR in any month")
  void fullRefundsLeaveNothing(@ForAll("histories") List<Seed> seeds) {
    List<ServiceEvent> sales = new ArrayList<>();
    for (ServiceEvent e : events(seeds)) {
      if (e.saleType() == SaleType.NEW || e.saleType() == SaleType.RENEWAL) {
        sales.add(e);
      }
    }
    List<ServiceEvent> withRefunds = new ArrayList<>(sales);
    for (ServiceEvent e : sales) {
      withRefunds.add(
          new ServiceEvent(
              e.customer(),
              e.addonKey(),
              e.hosting(),
              e.lineage(),
              e.lineItem() + "-refund",
              SaleType.REFUND,
              e.saleDate(),
              e.start(),
              e.end(),
              e.billingPeriod(),
              -e.netCents(),
              -e.grossCents(),
              -e.listCents()));
    }
    MrrLedger ledger = new MrrLedger(Basis.NET, 30, ORIGIN.plusDays(3_000));

    for (Movements m : ledger.movements(withRefunds, ServiceEvent::customer, FROM, TO)) {
      assertThat(m.closingMrr()).as("%s", m.month()).isZero();
      assertThat(m.newMrr()).as("%s", m.month()).isZero();
    }
  }
}
