package dev.marketlens.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketlens.metrics.conversion.Evaluation;
import dev.marketlens.metrics.customers.CustomerMonth;
import dev.marketlens.metrics.customers.CustomerMrr;
import dev.marketlens.metrics.customers.MovementKind;
import dev.marketlens.metrics.movements.Movements;
import dev.marketlens.metrics.mrr.Book;
import dev.marketlens.metrics.segments.Dimension;
import dev.marketlens.metrics.segments.Where;
import dev.marketlens.model.BillingPeriod;
import dev.marketlens.model.SaleType;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The customers behind each month's movements add up to the movements report, month by month and
 * kind by kind, on a generated book of customers who buy, renew, upgrade, downgrade, get refunds,
 * lapse and come back.
 */
class CustomerMovementsTest {

  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 15);

  /** A seeded book: 400 customers, one to three licenses each, 2021–2026. */
  private static Metrics generated(long seed) {
    Random random = new Random(seed);
    Book.Builder b = Book.builder();
    for (int c = 0; c < 400; c++) {
      int customer = b.customer("domain:c" + c + ".example");
      int licenses = 1 + random.nextInt(3);
      for (int l = 0; l < licenses; l++) {
        int license = b.license("E-" + c + "-" + l);
        String hosting = random.nextBoolean() ? "Cloud" : "Data Center";
        boolean monthly = hosting.equals("Cloud") && random.nextBoolean();
        int profile = b.profile(profile(hosting, monthly));
        LocalDate start = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(1900));
        long price = (10 + random.nextInt(200)) * 100L * (monthly ? 1 : 12);
        SaleType type = SaleType.NEW;
        while (start.isBefore(AS_OF.plusMonths(2))) {
          LocalDate end = monthly ? start.plusMonths(1) : start.plusYears(1);
          b.line(
              license,
              customer,
              profile,
              type,
              start.toEpochDay(),
              end.toEpochDay(),
              start.toEpochDay(),
              monthly ? BillingPeriod.MONTHLY : BillingPeriod.ANNUAL,
              price,
              price,
              price);
          int roll = random.nextInt(100);
          if (roll < 5) {
            // A refund of the whole term.
            b.line(
                license,
                customer,
                profile,
                SaleType.REFUND,
                start.toEpochDay(),
                end.toEpochDay(),
                start.plusDays(10).toEpochDay(),
                monthly ? BillingPeriod.MONTHLY : BillingPeriod.ANNUAL,
                -price,
                -price,
                -price);
          } else if (roll < 15 && !monthly) {
            // An upgrade or downgrade mid-term, co-terminated.
            LocalDate mid = start.plusMonths(1 + random.nextInt(10));
            boolean up = random.nextBoolean();
            long extra = price / 4;
            b.line(
                license,
                customer,
                profile,
                up ? SaleType.UPGRADE : SaleType.DOWNGRADE,
                mid.toEpochDay(),
                end.toEpochDay(),
                mid.toEpochDay(),
                BillingPeriod.ANNUAL,
                up ? extra : 0,
                up ? extra : 0,
                up ? extra : 0);
          }
          if (random.nextInt(100) < (monthly ? 4 : 20)) {
            break; // churns
          }
          // Renews on time, late within the grace, or after a long lapse (reactivation).
          int gap = random.nextInt(100) < 80 ? 0 : random.nextBoolean() ? 20 : 100;
          start = end.plusDays(gap);
          type = SaleType.RENEWAL;
        }
      }
    }
    return Metrics.of(b.build(), List.<Evaluation>of(), Parameters.defaults(AS_OF));
  }

  private static String[] profile(String hosting, boolean monthly) {
    String[] v = new String[Dimension.values().length];
    v[Dimension.APP.ordinal()] = "com.example.app";
    v[Dimension.HOSTING.ordinal()] = hosting;
    v[Dimension.BILLING_PERIOD.ordinal()] = monthly ? "Monthly" : "Annual";
    return v;
  }

  private static void assertMatchesReport(Metrics metrics, Metrics.View filter) {
    YearMonth first = YearMonth.of(2021, 1);
    YearMonth last = YearMonth.from(AS_OF).plusMonths(3);
    List<Movements> report =
        metrics.movements(new Metrics.View(first, last, filter.by(), filter.where()));
    Map<MovementKind, Integer> seen = new EnumMap<>(MovementKind.class);
    for (Movements m : report) {
      List<CustomerMonth> customers = metrics.customers(filter, m.month());
      Map<MovementKind, Long> byKind =
          customers.stream()
              .collect(
                  Collectors.groupingBy(
                      CustomerMonth::movement,
                      () -> new EnumMap<>(MovementKind.class),
                      Collectors.summingLong(CustomerMonth::amount)));
      customers.forEach(c -> seen.merge(c.movement(), 1, Integer::sum));
      String month = "month " + m.month();
      assertThat(byKind.getOrDefault(MovementKind.NEW, 0L)).as(month).isEqualTo(m.newMrr());
      assertThat(byKind.getOrDefault(MovementKind.EXPANSION, 0L))
          .as(month)
          .isEqualTo(m.expansionMrr());
      assertThat(byKind.getOrDefault(MovementKind.CONTRACTION, 0L))
          .as(month)
          .isEqualTo(m.contractionMrr());
      assertThat(byKind.getOrDefault(MovementKind.CHURN, 0L)).as(month).isEqualTo(m.churnedMrr());
      assertThat(byKind.getOrDefault(MovementKind.REACTIVATION, 0L))
          .as(month)
          .isEqualTo(m.reactivationMrr());
      assertThat(customers.stream().mapToLong(CustomerMonth::openingMrr).sum())
          .as(month)
          .isEqualTo(m.openingMrr());
      assertThat(customers.stream().mapToLong(CustomerMonth::closingMrr).sum())
          .as(month)
          .isEqualTo(m.closingMrr());
      assertThat(customers.stream().filter(c -> c.closingMrr() > 0).count())
          .as(month)
          .isEqualTo(m.customers());
      long newOnes = customers.stream().filter(c -> c.movement() == MovementKind.NEW).count();
      assertThat(
              customers.stream()
                  .filter(c -> c.movement() == MovementKind.NEW)
                  .mapToLong(CustomerMonth::change)
                  .sum())
          .as(month + ", the MRR change of " + newOnes + " new customers")
          .isEqualTo(m.newMrr());
    }
    // The generated book exercises every kind.
    assertThat(seen.keySet())
        .contains(
            MovementKind.NEW,
            MovementKind.EXPANSION,
            MovementKind.CONTRACTION,
            MovementKind.CHURN,
            MovementKind.REACTIVATION);
  }

  @Test
  @DisplayName(
      "each month's customers, summed by movement kind, equal the movements report in every month")
  void customersAddUpToTheReport() {
    Metrics metrics = generated(11);
    assertMatchesReport(metrics, Metrics.View.of(YearMonth.of(2026, 1), YearMonth.of(2026, 6)));
  }

  @Test
  @DisplayName("with a filter, the customers add up to the filtered movements report")
  void filteredCustomersAddUpToTheFilteredReport() {
    Metrics metrics = generated(12);
    assertMatchesReport(
        metrics,
        Metrics.View.of(YearMonth.of(2026, 1), YearMonth.of(2026, 6))
            .where(new Where(Dimension.HOSTING, "Cloud")));
  }

  @Test
  @DisplayName("a customer's MRR by month equals its closing MRR in that month's customer list")
  void seriesMatchesTheMonths() {
    Metrics metrics = generated(13);
    Metrics.View view = Metrics.View.of(YearMonth.of(2024, 1), YearMonth.of(2026, 6));
    for (YearMonth month = view.from(); !month.isAfter(view.to()); month = month.plusMonths(1)) {
      for (CustomerMonth c : metrics.customers(view, month)) {
        if (c.customer().hashCode() % 7 != 0) {
          continue; // a sample keeps the test quick
        }
        List<CustomerMrr> series = metrics.customerMrr(view, c.customer()).orElseThrow();
        CustomerMrr at =
            series.get((int) view.from().until(month, java.time.temporal.ChronoUnit.MONTHS));
        assertThat(at.month()).isEqualTo(month);
        assertThat(at.mrr()).as(c.customer() + " in " + month).isEqualTo(c.closingMrr());
        assertThat(at.movement()).as(c.customer() + " in " + month).isEqualTo(c.movement());
      }
    }
  }

  @Test
  @DisplayName("an unknown customer has no MRR series and no records")
  void unknownCustomer() {
    Metrics metrics = generated(14);
    Metrics.View view = Metrics.View.of(YearMonth.of(2026, 1), YearMonth.of(2026, 6));
    assertThat(metrics.customerMrr(view, "domain:nobody.example")).isEmpty();
    assertThat(metrics.customerRecords("domain:nobody.example")).isEmpty();
    assertThat(metrics.hasCustomer("domain:c1.example")).isTrue();
  }

  @Test
  @DisplayName("a customer's records are its license lineages")
  void customerLineages() {
    Metrics metrics = generated(15);
    assertThat(metrics.customerRecords("domain:c3.example").orElseThrow().lineages())
        .isNotEmpty()
        .allMatch(l -> l.startsWith("E-3-"));
  }

  @Test
  @DisplayName("movement kinds: 0→x new or reactivation, x→0 churn, up expansion, down contraction")
  void kinds() {
    assertThat(MovementKind.of(0, 100, false)).isEqualTo(MovementKind.NEW);
    assertThat(MovementKind.of(0, 100, true)).isEqualTo(MovementKind.REACTIVATION);
    assertThat(MovementKind.of(100, 0, true)).isEqualTo(MovementKind.CHURN);
    assertThat(MovementKind.of(100, 150, true)).isEqualTo(MovementKind.EXPANSION);
    assertThat(MovementKind.of(150, 100, true)).isEqualTo(MovementKind.CONTRACTION);
    assertThat(MovementKind.of(100, 100, true)).isEqualTo(MovementKind.NONE);
    assertThat(MovementKind.CHURN.amount(100, 0)).isEqualTo(100);
    assertThat(MovementKind.CONTRACTION.amount(150, 100)).isEqualTo(50);
  }

  @Test
  @DisplayName("a movement kind parses case-insensitively; an unknown one names the value")
  void parseKinds() {
    assertThat(MovementKind.parse("Expansion")).isEqualTo(MovementKind.EXPANSION);
    assertThat(MovementKind.parse("churned")).isEqualTo(MovementKind.CHURN);
    assertThatThrownBy(() -> MovementKind.parse("growth"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'growth'")
        .hasMessageContaining("expansion");
  }
}
