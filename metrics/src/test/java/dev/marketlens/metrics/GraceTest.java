package dev.marketlens.metrics;

import static dev.marketlens.metrics.Books.book;
import static dev.marketlens.metrics.Books.months;
import static dev.marketlens.model.SaleType.NEW;
import static dev.marketlens.model.SaleType.RENEWAL;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.metrics.movements.Movements;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Grace on coverage gaps (metrics spec §3.5). */
class GraceTest {

  private static Movements january(Metrics m) {
    return m.movements(months("2025-01", "2025-01")).get(0);
  }

  @Test
  @DisplayName(
      "spec §3.5: an open lapse younger than the grace on asOf keeps its MRR (pending renewal)")
  void pendingLapseKeepsMrr() {
    Books b = book().annual("acme", "E-1", NEW, "2024-01-20", "2025-01-20", "1200.00");
    assertThat(january(b.metrics("2025-02-10")).closingMrr()).isEqualTo(10_000);
  }

  @Test
  @DisplayName(
      "spec §3.5: once the lapse is older than the grace, it is churn dated at the coverage end")
  void oldLapseIsChurn() {
    Books b = book().annual("acme", "E-1", NEW, "2024-01-20", "2025-01-20", "1200.00");
    Movements m = january(b.metrics("2025-02-19"));
    assertThat(m.churnedMrr()).isEqualTo(10_000);
    assertThat(m.closingMrr()).isZero();
  }

  @Test
  @DisplayName("spec §3.5: a gap of exactly the grace is bridged; one day more is not")
  void graceBoundary() {
    Books exactly =
        book()
            .annual("acme", "E-1", NEW, "2024-01-10", "2025-01-10", "1200.00")
            .annual("acme", "E-1", RENEWAL, "2025-02-09", "2026-02-09", "1200.00");
    assertThat(january(exactly.metrics("2025-12-31")).churnedMrr()).isZero();
    Books dayMore =
        book()
            .annual("acme", "E-1", NEW, "2024-01-10", "2025-01-10", "1200.00")
            .annual("acme", "E-1", RENEWAL, "2025-02-10", "2026-02-10", "1200.00");
    assertThat(january(dayMore.metrics("2025-12-31")).churnedMrr()).isEqualTo(10_000);
  }

  @Test
  @DisplayName("spec §0.2: the grace is a parameter")
  void graceIsAParameter() {
    Books b =
        book()
            .annual("acme", "E-1", NEW, "2024-01-10", "2025-01-10", "1200.00")
            .annual("acme", "E-1", RENEWAL, "2025-02-25", "2026-02-25", "1200.00");
    Parameters sixty = Parameters.defaults(LocalDate.parse("2025-12-31")).withGraceDays(60);
    assertThat(january(b.metrics(sixty)).churnedMrr()).isZero();
    assertThat(january(b.metrics("2025-12-31")).churnedMrr()).isEqualTo(10_000);
  }

  @Test
  @DisplayName("spec §4.2: a customer starting and ending inside one month never appears")
  void joinAndChurnWithinAMonthIsInvisible() {
    Books b = book().monthly("acme", "E-1", NEW, "2025-01-02", "2025-01-20", "100.00");
    Movements m = january(b.metrics("2025-12-31"));
    assertThat(m.newMrr()).isZero();
    assertThat(m.churnedMrr()).isZero();
  }
}
