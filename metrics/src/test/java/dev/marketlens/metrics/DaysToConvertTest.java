package dev.marketlens.metrics;

import static dev.marketlens.metrics.Books.book;
import static dev.marketlens.metrics.Books.months;
import static dev.marketlens.model.SaleType.NEW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.metrics.conversion.ConversionMonth;
import dev.marketlens.metrics.conversion.Conversions;
import dev.marketlens.metrics.conversion.DaysToConvert;
import dev.marketlens.metrics.segments.Dimension;
import dev.marketlens.metrics.segments.Where;
import dev.marketlens.model.BillingPeriod;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("days to convert: the distribution of the conversion episodes' days")
class DaysToConvertTest {
  private static final LocalDate MARCH_1 = LocalDate.parse("2025-03-01");
  private static final LocalDate APRIL_5 = LocalDate.parse("2025-04-05");

  /**
   * Customers evaluating in March (starting March 1) and April (starting April 5), each converting
   * on its own lineage after the given number of days, or never (-1); some on Server.
   */
  private static Books trials() {
    Books b = book();
    int[] march = {0, 3, 7, 8, 29, 45, 61, 95, 200, -1, -1};
    int[] april = {14, 15, 60, -1};
    add(b, "m", MARCH_1, march);
    b.hosting("Server");
    add(b, "s", MARCH_1, new int[] {2, 31, 90});
    b.hosting("Cloud");
    add(b, "a", APRIL_5, april);
    return b;
  }

  private static void add(Books b, String prefix, LocalDate start, int[] days) {
    for (int i = 0; i < days.length; i++) {
      String customer = prefix + i;
      String license = "E-" + customer;
      b.evaluation(customer, license, start.toString(), start.plusDays(29).toString());
      if (days[i] >= 0) {
        LocalDate sale = start.plusDays(days[i]);
        b.line(
            customer,
            license,
            NEW,
            sale.toString(),
            sale.plusYears(1).toString(),
            BillingPeriod.ANNUAL,
            "1200.00",
            sale.toString());
      }
    }
  }

  @Test
  @DisplayName("each month lists the days of the episodes started in it that converted, ascending")
  void daysPerMonth() {
    Metrics m = trials().metrics("2026-03-31");
    List<DaysToConvert> d = m.daysToConvert(months("2025-03", "2025-04"));
    assertThat(d)
        .extracting(DaysToConvert::month)
        .containsExactly(YearMonth.parse("2025-03"), YearMonth.parse("2025-04"));
    assertThat(d.get(0).days()).containsExactly(0, 2, 3, 7, 8, 29, 31, 45, 61, 90, 95, 200);
    assertThat(d.get(1).days()).containsExactly(14, 15, 60);
    assertThat(d.get(0).windowDays()).isEqualTo(Parameters.DEFAULT_CONVERSION_WINDOW_DAYS);
  }

  @Test
  @DisplayName(
      "buckets 0–7, 8–14, 15–30, 31–60, 61–90, 91+ count each conversion once, bounds included")
  void buckets() {
    Metrics m = trials().metrics("2026-03-31");
    List<DaysToConvert> d = m.daysToConvert(months("2025-03", "2025-04"));
    assertThat(DaysToConvert.BUCKETS)
        .extracting(DaysToConvert.Bucket::label)
        .containsExactly("0–7", "8–14", "15–30", "31–60", "61–90", "91+");
    // March: 0 2 3 7 | 8 | 29 | 31 45 | 61 90 | 95 200
    assertThat(d.get(0).counts()).containsExactly(4, 1, 1, 2, 2, 2);
    // April: 14 | 15 | 60
    assertThat(d.get(1).counts()).containsExactly(0, 1, 1, 1, 0, 0);
  }

  @Test
  @DisplayName("the days are those of the conversion episodes, month of the episode's start")
  void sameAsEpisodes() {
    Books b = trials();
    Metrics m = b.metrics("2026-03-31");
    List<Conversions.Episode> episodes =
        Conversions.episodes(m.book(), b.evaluations(), m.parameters());
    for (DaysToConvert month : m.daysToConvert(months("2025-01", "2025-06"))) {
      List<Integer> expected = new ArrayList<>();
      for (Conversions.Episode e : episodes) {
        if (YearMonth.from(LocalDate.ofEpochDay(e.start())).equals(month.month())
            && e.eventuallyConverted()
            && e.day() >= 0) {
          expected.add(e.day());
        }
      }
      expected.sort(null);
      assertThat(month.days()).as(month.month().toString()).isEqualTo(expected);
    }
  }

  @Test
  @DisplayName(
      "totals and median agree with the conversion report: eventual conversions, converted within"
          + " the window, median day")
  void agreesWithConversionReport() {
    Metrics m = trials().metrics("2026-03-31");
    Metrics.View view = months("2025-01", "2025-06");
    List<ConversionMonth> report = m.conversion(view);
    List<DaysToConvert> days = m.daysToConvert(view);
    assertThat(days).hasSameSizeAs(report);
    for (int k = 0; k < report.size(); k++) {
      ConversionMonth c = report.get(k);
      DaysToConvert d = days.get(k);
      assertThat(d.month()).isEqualTo(c.month());
      assertThat(d.eventualConversions())
          .as(c.month() + " eventual")
          .isEqualTo(c.eventualConversions());
      assertThat(d.converted()).as(c.month() + " converted").isEqualTo(c.converted());
      assertThat(d.medianDaysToConvert())
          .as(c.month() + " median")
          .isEqualTo(c.medianDaysToConvert());
      assertThat(d.counts().stream().mapToInt(Integer::intValue).sum())
          .isEqualTo(c.eventualConversions());
    }
    assertThat(report.get(2).converted()).isEqualTo(8);
    assertThat(report.get(2).medianDaysToConvert()).isEqualTo(7);
  }

  @Test
  @DisplayName(
      "segmented by hosting and filtered, the days split and filter like the conversion report")
  void segmentsAndFilters() {
    Metrics m = trials().metrics("2026-03-31");
    Metrics.View march = months("2025-03", "2025-03");
    List<DaysToConvert> byHosting = m.daysToConvert(march.by(Dimension.HOSTING));
    assertThat(byHosting).extracting(DaysToConvert::segment).containsExactly("Cloud", "Server");
    assertThat(byHosting.get(1).days()).containsExactly(2, 31, 90);
    List<ConversionMonth> report = m.conversion(march.by(Dimension.HOSTING));
    for (int g = 0; g < 2; g++) {
      assertThat(byHosting.get(g).converted()).isEqualTo(report.get(g).converted());
      assertThat(byHosting.get(g).medianDaysToConvert())
          .isEqualTo(report.get(g).medianDaysToConvert());
    }
    List<DaysToConvert> server =
        m.daysToConvert(march.where(new Where(Dimension.HOSTING, "server")));
    assertThat(server.get(0).days()).containsExactly(2, 31, 90);
  }

  @Test
  @DisplayName("a month without conversions has no days, no median and zero in every bucket")
  void emptyMonth() {
    DaysToConvert d =
        trials().metrics("2026-03-31").daysToConvert(months("2025-06", "2025-06")).get(0);
    assertThat(d.days()).isEmpty();
    assertThat(d.medianDaysToConvert()).isNull();
    assertThat(d.counts()).containsOnly(0);
  }
}
