package dev.marketlens.emulator.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Query parameters are read as the live API reads them (spec §4.1)")
class ParamsTest {

  private static ApiException refused(Runnable r) {
    try {
      r.run();
    } catch (ApiException e) {
      return e;
    }
    throw new AssertionError("expected a 400");
  }

  @Test
  @DisplayName(
      "§4.1: dates are strict YYYY-MM-DD; '2024-1-1' and 'yesterday' → 400 'Must be a date'")
  void strictDates() {
    assertThat(Params.of("startDate", "2024-01-31").date("startDate"))
        .isEqualTo(LocalDate.of(2024, 1, 31));
    for (String bad : new String[] {"2024-1-1", "yesterday", "2024-02-30", "2024-01-01T00:00"}) {
      ApiException e = refused(() -> Params.of("startDate", bad).date("startDate"));
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.path()).isEqualTo("startDate");
      assertThat(e.getMessage()).startsWith("startDate: Must be a date").contains(bad);
    }
  }

  @Test
  @DisplayName("§4.1: lastUpdated takes a date or an ISO date-time, counted by its UTC date")
  void lastUpdatedDateTime() {
    assertThat(Params.of("lastUpdated", "2025-03-01").dateOrDateTime("lastUpdated"))
        .isEqualTo(LocalDate.of(2025, 3, 1));
    assertThat(Params.of("lastUpdated", "2025-03-01T23:30:00-02:00").dateOrDateTime("lastUpdated"))
        .isEqualTo(LocalDate.of(2025, 3, 2));
    assertThat(Params.of("lastUpdated", "2025-03-01T10:00:00").dateOrDateTime("lastUpdated"))
        .isEqualTo(LocalDate.of(2025, 3, 1));
    assertThat(refused(() -> Params.of("lastUpdated", "soon").dateOrDateTime("lastUpdated")).path())
        .isEqualTo("lastUpdated");
  }

  @Test
  @DisplayName("§4.1: booleans are true/false; anything else → 400 'Type mismatch'")
  void booleans() {
    assertThat(Params.of("withDataInsights", "true").bool("withDataInsights", false)).isTrue();
    assertThat(Params.of().bool("withDataInsights", false)).isFalse();
    ApiException e =
        refused(() -> Params.of("withDataInsights", "yes").bool("withDataInsights", false));
    assertThat(e.getMessage()).contains("Type mismatch").contains("yes");
  }

  @Test
  @DisplayName(
      "§4.1/K3: repeated keys are several values; a comma-joined enum value → 400 listing the allowed ones")
  void multiValued() {
    Map<String, String> allowed = Map.of("cloud", "C", "server", "S", "datacenter", "D");
    assertThat(Params.of("hosting", "cloud", "hosting", "server").choices("hosting", allowed))
        .containsExactly("C", "S");
    ApiException e =
        refused(() -> Params.of("hosting", "cloud,server").choices("hosting", allowed));
    assertThat(e.getMessage())
        .isEqualTo(
            "hosting: allowable values are 'cloud','datacenter','server', got 'cloud,server'");
    assertThat(Params.of("hosting", "CLOUD").choices("hosting", allowed)).containsExactly("C");
  }

  @Test
  @DisplayName("§7.2: tier must be a list of valid integers")
  void tiers() {
    assertThat(Params.of("tier", "10", "tier", "25").integers("tier")).containsExactly(10, 25);
    assertThat(refused(() -> Params.of("tier", "ten").integers("tier")).getMessage())
        .startsWith("tier: Must be a list of valid integer");
  }

  @Test
  @DisplayName("§6: offset below 0 and limit below 1 → 400; non-numbers → 400")
  void paging() {
    assertThat(Params.of("offset", "20").integer("offset", 0, 0)).isEqualTo(20);
    assertThat(refused(() -> Params.of("offset", "-1").integer("offset", 0, 0)).path())
        .isEqualTo("offset");
    assertThat(refused(() -> Params.of("limit", "0").integer("limit", 10, 1)).path())
        .isEqualTo("limit");
    assertThat(refused(() -> Params.of("limit", "ten").integer("limit", 10, 1)).getMessage())
        .contains("ten");
  }

  @Test
  @DisplayName("§4.1: unknown parameters are ignored")
  void unknownIgnored() {
    Params p = Params.of("colour", "blue", "startDate", "2024-01-01");
    assertThat(p.date("startDate")).isEqualTo(LocalDate.of(2024, 1, 1));
    assertThat(p.has("colour")).isTrue();
  }
}
