package dev.marketlens.emulator.reporting;

import static dev.marketlens.emulator.reporting.Records.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketlens.emulator.reporting.Aggregation.Unit;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Aggregation buckets (spec §13.1)")
class AggregationTest {

  private static final LocalDate TODAY = day("2026-10-31");

  @Test
  @DisplayName("§13.1: weeks start on Sunday and the start date moves back to the preceding Sunday")
  void weeksStartSunday() {
    // 2026-10-07 is a Wednesday.
    Aggregation a = Aggregation.of(Unit.WEEK, day("2026-10-07"), day("2026-10-20"), TODAY);
    assertThat(a.starts()).containsExactly(day("2026-10-04"), day("2026-10-11"), day("2026-10-18"));
    assertThat(a.starts()).allMatch(d -> d.getDayOfWeek() == DayOfWeek.SUNDAY);
    assertThat(a.index(day("2026-10-04"))).isZero();
    assertThat(a.index(day("2026-10-10"))).isZero();
    assertThat(a.index(day("2026-10-11"))).isEqualTo(1);
    assertThat(a.index(day("2026-10-20"))).isEqualTo(2);
    assertThat(a.index(day("2026-10-21"))).as("after the end date").isEqualTo(-1);
    assertThat(a.index(day("2026-10-03"))).as("before the first Sunday").isEqualTo(-1);
  }

  @Test
  @DisplayName("§13.1: a Sunday start date stays; months start on the 1st")
  void sundayAndMonths() {
    assertThat(Aggregation.of(Unit.WEEK, day("2026-10-04"), day("2026-10-04"), TODAY).starts())
        .containsExactly(day("2026-10-04"));
    Aggregation m = Aggregation.of(Unit.MONTH, day("2025-12-15"), day("2026-02-01"), TODAY);
    assertThat(m.starts()).containsExactly(day("2025-12-01"), day("2026-01-01"), day("2026-02-01"));
    assertThat(m.index(day("2025-12-01"))).isZero();
    assertThat(m.index(day("2026-01-31"))).isEqualTo(1);
    assertThat(m.index(day("2026-02-01"))).isEqualTo(2);
    assertThat(m.index(day("2026-02-02"))).isEqualTo(-1);
  }

  @Test
  @DisplayName("[EMU] without dates the range is the last twelve months up to today")
  void defaultRange() {
    Aggregation m = Aggregation.of(Unit.MONTH, null, null, TODAY);
    assertThat(m.size()).isEqualTo(12);
    assertThat(m.first()).isEqualTo(day("2025-11-01"));
    assertThat(m.last()).isEqualTo(TODAY);
    Aggregation w = Aggregation.of(Unit.WEEK, null, day("2026-06-30"), TODAY);
    assertThat(w.first())
        .isEqualTo(day("2025-06-29"))
        .matches(d -> d.getDayOfWeek().getValue() == 7);
    assertThat(w.last()).isEqualTo(day("2026-06-30"));
  }

  @Test
  @DisplayName("[EMU] an end date after today is cut at today: no future bucket")
  void endClamped() {
    Aggregation m = Aggregation.of(Unit.MONTH, day("2026-09-01"), day("2027-03-01"), TODAY);
    assertThat(m.starts()).containsExactly(day("2026-09-01"), day("2026-10-01"));
    assertThat(m.last()).isEqualTo(TODAY);
  }

  @Test
  @DisplayName("K24: a reversed or a future-only range has no buckets")
  void emptyRanges() {
    assertThat(Aggregation.of(Unit.WEEK, day("2026-05-01"), day("2026-04-01"), TODAY).isEmpty())
        .isTrue();
    assertThat(Aggregation.of(Unit.MONTH, day("2027-01-01"), null, TODAY).isEmpty()).isTrue();
    assertThat(Aggregation.of(Unit.MONTH, day("2027-01-01"), null, TODAY).index(TODAY))
        .isEqualTo(-1);
  }

  @Test
  @DisplayName("§13.1, §4.1: aggregation is case-sensitive and dates are strict, else 400")
  void parsing() {
    assertThat(Aggregation.parse(Params.of(), TODAY).unit()).isEqualTo(Unit.WEEK);
    assertThat(Aggregation.parse(Params.of("aggregation", "month"), TODAY).unit())
        .isEqualTo(Unit.MONTH);
    assertThatThrownBy(() -> Aggregation.parse(Params.of("aggregation", "Month"), TODAY))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("aggregation")
        .hasMessageContaining("'month'");
    assertThatThrownBy(() -> Aggregation.parse(Params.of("startDate", "2026-1-1"), TODAY))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("Must be a date");
  }
}
