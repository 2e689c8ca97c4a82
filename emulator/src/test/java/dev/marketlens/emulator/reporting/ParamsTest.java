package dev.marketlens.emulator.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("§4.1/§5.2: reading query parameters as the live API reads them")
class ParamsTest {

  private static final Map<String, String> HOSTING =
      Map.of("cloud", "Cloud", "datacenter", "Data Center", "server", "Server");

  /** Asserts a 400 VALIDATION_FAILED naming {@code param} whose message holds {@code text}. */
  private static void assertBadParam(Runnable read, String param, String text) {
    assertThatThrownBy(read::run)
        .asInstanceOf(type(ApiException.class))
        .satisfies(
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
              assertThat(e.path()).isEqualTo(param);
              assertThat(e.getMessage()).startsWith(param + ": ").contains(text);
            });
  }

  @DisplayName("§4.1: a date parameter is strict YYYY-MM-DD")
  @Test
  void strictDate() {
    assertThat(Params.of("startDate", "2024-02-29").date("startDate"))
        .isEqualTo(LocalDate.of(2024, 2, 29));
    assertThat(Params.of().date("startDate")).isNull();
    assertThat(Params.of("startDate", "").date("startDate")).as("empty = absent").isNull();
  }

  @DisplayName("§4.1/§5.2: other date shapes are 400 'Must be a date' with path = the parameter")
  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "2024-1-1",
        "yesterday",
        "2024-02-30",
        "2023-02-29",
        "20240101",
        "2024/01/01",
        "2024-01-01T00:00:00Z",
        " 2024-01-01"
      })
  void badDate(String value) {
    assertBadParam(() -> Params.of("endDate", value).date("endDate"), "endDate", "Must be a date");
  }

  @DisplayName("§4.1: lastUpdated takes a date or an ISO date-time, which counts by its date")
  @Test
  void dateOrDateTime() {
    LocalDate day = LocalDate.of(2025, 9, 14);
    for (String value :
        List.of("2025-09-14", "2025-09-14T00:00:00Z", "2025-09-14T12:30:00Z", "2025-09-14T08:00")) {
      assertThat(Params.of("lastUpdated", value).dateOrDateTime("lastUpdated"))
          .as(value)
          .isEqualTo(day);
    }
    assertThat(Params.of().dateOrDateTime("lastUpdated")).isNull();
    assertBadParam(
        () -> Params.of("lastUpdated", "last week").dateOrDateTime("lastUpdated"),
        "lastUpdated",
        "Must be a date");
    assertBadParam(
        () -> Params.of("lastUpdated", "2025-9-14").dateOrDateTime("lastUpdated"),
        "lastUpdated",
        "Must be a date");
  }

  @DisplayName("§4.1: booleans are true/false; anything else is 400 'Type mismatch'")
  @Test
  void booleans() {
    assertThat(Params.of("withDataInsights", "true").bool("withDataInsights", false)).isTrue();
    assertThat(Params.of("withDataInsights", "false").bool("withDataInsights", true)).isFalse();
    assertThat(Params.of().bool("withDataInsights", true)).as("absent → default").isTrue();
    for (String bad : List.of("yes", "1", "True", "on")) {
      assertBadParam(
          () -> Params.of("withDataInsights", bad).bool("withDataInsights", false),
          "withDataInsights",
          "Type mismatch");
    }
  }

  @DisplayName(
      "§7.2/§5.2: tier is a list of integers; a non-integer is 400 'Must be a list of valid integer'")
  @Test
  void integers() {
    assertThat(Params.of("tier", "10", "tier", "25", "tier", "").integers("tier"))
        .containsExactly(10, 25);
    assertThat(Params.of().integers("tier")).isEmpty();
    assertBadParam(
        () -> Params.of("tier", "10", "tier", "abc").integers("tier"),
        "tier",
        "Must be a list of valid integer");
    assertBadParam(
        () -> Params.of("tier", "10,25").integers("tier"),
        "tier",
        "Must be a list of valid integer");
  }

  @DisplayName("§6: offset/limit are integers at or above their minimum, else 400")
  @Test
  void pagingIntegers() {
    assertThat(Params.of("offset", "20").integer("offset", 0, 0)).isEqualTo(20);
    assertThat(Params.of().integer("limit", 10, 1)).as("absent → default").isEqualTo(10);
    assertBadParam(() -> Params.of("offset", "-1").integer("offset", 0, 0), "offset", "-1");
    assertBadParam(() -> Params.of("limit", "0").integer("limit", 10, 1), "limit", "0");
    assertBadParam(() -> Params.of("limit", "ten").integer("limit", 10, 1), "limit", "ten");
  }

  @DisplayName(
      "§4.1/§7.2: enum values repeat the key and are case-insensitive; an unknown or comma-joined"
          + " value is 400 listing the allowed values")
  @Test
  void choices() {
    assertThat(Params.of("hosting", "cloud", "hosting", "SERVER").choices("hosting", HOSTING))
        .containsExactlyInAnyOrder("Cloud", "Server");
    assertThat(Params.of().choices("hosting", HOSTING)).isEmpty();
    for (String bad : List.of("data_center", "cloud,server", "Data Center")) {
      assertBadParam(
          () -> Params.of("hosting", bad).choices("hosting", HOSTING),
          "hosting",
          "allowable values are 'cloud','datacenter','server'");
    }
  }

  @DisplayName("§7.2: a single enum value (sortBy, order) is looked up exactly; unknown → 400")
  @Test
  void choice() {
    Map<String, String> sort = Map.of("startDate", "start", "endDate", "end");
    assertThat(Params.of("sortBy", "endDate").choice("sortBy", sort, "start")).isEqualTo("end");
    assertThat(Params.of().choice("sortBy", sort, "start")).isEqualTo("start");
    assertBadParam(
        () -> Params.of("sortBy", "saleDate").choice("sortBy", sort, "start"),
        "sortBy",
        "'endDate','startDate'");
  }

  @DisplayName(
      "§4.1/K3: repeated keys keep every value in order, empty values dropped; a comma-joined value"
          + " is one literal value")
  @Test
  void multiValued() {
    Params p = Params.of("addon", "a", "addon", "", "addon", "b,c", "text", "x", "text", "y");

    assertThat(p.all("addon")).containsExactly("a", "b,c");
    assertThat(p.single("text")).as("the first value").isEqualTo("x");
    assertThat(p.has("addon")).isTrue();
    assertThat(p.has("productId")).isFalse();
    assertThat(p.all("productId")).isEmpty();
    assertThat(p.asMap().keySet()).containsExactly("addon", "text");
  }

  @DisplayName("§6: parameters keep the order they were sent in (links echo them)")
  @Test
  void orderKept() {
    Map<String, List<String>> sent = new LinkedHashMap<>();
    sent.put("z", List.of("1"));
    sent.put("a", List.of("2", "3"));
    sent.put("m", List.of("4"));

    assertThat(new Params(sent).asMap()).containsExactlyEntriesOf(sent);
  }

  @Test
  @DisplayName(
      "§6: a limit beyond the integer range counts as the largest integer, then is clamped")
  void hugeLimit() {
    assertThat(Params.of("limit", "99999999999999").integer("limit", 10, 1))
        .isEqualTo(Integer.MAX_VALUE);
  }
}
