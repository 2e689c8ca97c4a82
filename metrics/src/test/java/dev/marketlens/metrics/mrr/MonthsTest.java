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
}
