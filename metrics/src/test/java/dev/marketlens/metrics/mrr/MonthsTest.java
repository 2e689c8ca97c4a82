package dev.marketlens.metrics.mrr;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class MonthsTest {

  @Test
  void theMonthOfAnEpochDayIsTheCalendarsFromYear1600To2500() {
    long from = LocalDate.of(1600, 1, 1).toEpochDay();
    long to = LocalDate.of(2500, 12, 31).toEpochDay();
    for (long day = from; day <= to; day++) {
      LocalDate d = LocalDate.ofEpochDay(day);
      assertThat(Months.ofEpochDay(day))
          .as("%s", d)
          .isEqualTo(d.getYear() * 12 + d.getMonthValue() - 1);
    }
  }

  @Test
  void plusMonthsIsLocalDates() {
    long from = LocalDate.of(1896, 1, 1).toEpochDay();
    long to = LocalDate.of(2104, 12, 31).toEpochDay();
    for (long day = from; day <= to; day++) {
      for (int n : new int[] {0, 1, 2, 11, 12, 13, 24, 36, 120}) {
        assertThat(Months.plusMonths(day, n))
            .as("%s + %d months", LocalDate.ofEpochDay(day), n)
            .isEqualTo(LocalDate.ofEpochDay(day).plusMonths(n).toEpochDay());
      }
    }
  }

  @Test
  void firstDayIsTheFirstOfTheMonth() {
    for (int month = 1600 * 12; month < 2500 * 12; month++) {
      assertThat(Months.firstDay(month)).isEqualTo(Months.toYearMonth(month).atDay(1).toEpochDay());
    }
  }
}
