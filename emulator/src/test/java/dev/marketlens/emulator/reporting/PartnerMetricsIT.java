package dev.marketlens.emulator.reporting;

import static dev.marketlens.emulator.reporting.AggregatesHttp.date;
import static dev.marketlens.emulator.reporting.AggregatesHttp.json;
import static dev.marketlens.emulator.reporting.AggregatesHttp.list;
import static dev.marketlens.emulator.reporting.AggregatesHttp.postJson;
import static dev.marketlens.emulator.reporting.AggregatesHttp.v2PartnerMetrics;
import static dev.marketlens.emulator.reporting.AggregatesHttp.v3PartnerMetrics;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.commerce.App;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@DisplayName("Partner metrics over HTTP (spec §13.5, A6)")
class PartnerMetricsIT {

  private static final String ALL_FIELDS =
      "[{\"name\":\"OPENING_MRR\"},{\"name\":\"NEW_MRR\"},{\"name\":\"EXPANSION_MRR\"},"
          + "{\"name\":\"CONTRACTION_MRR\"},{\"name\":\"REACTIVATED_MRR\"},"
          + "{\"name\":\"EXPIRED_MRR\"},{\"name\":\"CLOSING_MRR\"},{\"name\":\"ARR\"}]";

  private static String body(
      String start, String end, String granularity, String attributes, String extra) {
    return "{\"metrics\":{\"metricSets\":[{\"name\":\"RECURRING_REVENUE\"}],\"metricFields\":"
        + ALL_FIELDS
        + "},\"dateRange\":{\"startDate\":\""
        + start
        + "\",\"endDate\":\""
        + end
        + "\"},\"granularity\":\""
        + granularity
        + "\""
        + (attributes == null ? "" : ",\"attributes\":" + attributes)
        + (extra == null ? "" : "," + extra)
        + "}";
  }

  private static List<JsonNode> records(String path, String body) {
    Emulator.Reply r = postJson(path, body);
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
    return list(json(r).get("records"));
  }

  private static BigDecimal usd(JsonNode record, String field) {
    return record.get(field).decimalValue();
  }

  @Test
  @DisplayName("§13.5: closing = opening + new + expansion + reactivated − contraction − expired")
  void everyRecordBalances() {
    List<JsonNode> records =
        records(
            v2PartnerMetrics() + "?limit=14",
            body(
                "2025-09-01",
                "2026-10-31",
                "MONTH",
                "[{\"name\":\"APP_KEY\"},{\"name\":\"HOSTING\"},{\"name\":\"SUBSCRIPTION\"}]",
                null));
    assertThat(records).hasSizeGreaterThan(14);
    for (JsonNode r : records) {
      BigDecimal expired = usd(r, "expiredMrr");
      assertThat(expired.signum()).as("expired is written negative: " + r).isLessThanOrEqualTo(0);
      BigDecimal closing =
          usd(r, "openingMrr")
              .add(usd(r, "newMrr"))
              .add(usd(r, "expansionMrr"))
              .add(usd(r, "reactivatedMrr"))
              .subtract(usd(r, "contractionMrr"))
              .subtract(expired.abs());
      assertThat(usd(r, "closingMrr")).as(r.toString()).isEqualByComparingTo(closing);
      assertThat(usd(r, "arr"))
          .isEqualByComparingTo(usd(r, "closingMrr").multiply(BigDecimal.valueOf(12)));
      for (String f :
          List.of("openingMrr", "newMrr", "expansionMrr", "contractionMrr", "reactivatedMrr")) {
        assertThat(usd(r, f).signum()).as(f).isGreaterThanOrEqualTo(0);
      }
      assertThat(r.get("subscription").asString()).isIn("TOTAL", "MONTHLY", "ANNUAL");
      assertThat(r.get("hosting").asString()).isIn("Cloud", "Data Center", "Server");
      assertThat(Emulator.vendor().apps())
          .extracting(App::addonKey)
          .contains(r.get("appKey").asString());
      assertThat(date(r.get("date")).getDayOfMonth()).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("§13.5: months chain (closing = next opening); a year is the sum of its months")
  void monthsAndYears() {
    List<JsonNode> months =
        records(
            v3PartnerMetrics() + "?limit=12",
            body("2025-01-01", "2025-12-31", "MONTH", null, null));
    assertThat(months).hasSize(12);
    for (int k = 1; k < months.size(); k++) {
      assertThat(usd(months.get(k), "openingMrr"))
          .isEqualByComparingTo(usd(months.get(k - 1), "closingMrr"));
    }
    List<JsonNode> year =
        records(v3PartnerMetrics(), body("2025-03-15", "2025-03-15", "YEAR", null, null));
    assertThat(year).hasSize(1);
    JsonNode y = year.get(0);
    assertThat(y.get("date").asString()).isEqualTo("2025-01-01");
    assertThat(usd(y, "openingMrr")).isEqualByComparingTo(usd(months.get(0), "openingMrr"));
    assertThat(usd(y, "closingMrr")).isEqualByComparingTo(usd(months.get(11), "closingMrr"));
    for (String f :
        List.of("newMrr", "expansionMrr", "contractionMrr", "reactivatedMrr", "expiredMrr")) {
      BigDecimal sum = BigDecimal.ZERO;
      for (JsonNode m : months) {
        sum = sum.add(usd(m, f));
      }
      assertThat(usd(y, f)).as(f).isEqualByComparingTo(sum);
    }
    assertThat(usd(y, "closingMrr").signum()).isPositive();
  }

  @Test
  @DisplayName(
      "§13.5: SUBSCRIPTION's TOTAL is the unsplit series; an app filter is that app's split")
  void splitsAndFilters() {
    String start = "2026-01-01";
    String end = "2026-10-31";
    List<JsonNode> plain =
        records(v2PartnerMetrics() + "?limit=10", body(start, end, "MONTH", null, null));
    List<JsonNode> bySubscription =
        records(
            v2PartnerMetrics() + "?limit=10",
            body(start, end, "MONTH", "[{\"name\":\"SUBSCRIPTION\"}]", null));
    List<JsonNode> totals =
        bySubscription.stream()
            .filter(r -> r.get("subscription").asString().equals("TOTAL"))
            .toList();
    assertThat(totals).hasSameSizeAs(plain);
    for (int k = 0; k < plain.size(); k++) {
      JsonNode t = totals.get(k).deepCopy();
      ((tools.jackson.databind.node.ObjectNode) t).remove("subscription");
      assertThat(t).isEqualTo(plain.get(k));
    }
    // Per app: the app's split equals a filter on the app; apps add up to the vendor's closing MRR
    // within rounding (a customer's MRR is rounded to cents once vendor-wide, once per app).
    List<JsonNode> byApp =
        records(
            v2PartnerMetrics() + "?limit=10",
            body(start, end, "MONTH", "[{\"name\":\"APP_KEY\"},{\"name\":\"APP_NAME\"}]", null));
    Map<String, BigDecimal> closingByMonth = new HashMap<>();
    for (JsonNode r : byApp) {
      closingByMonth.merge(r.get("date").asString(), usd(r, "closingMrr"), BigDecimal::add);
    }
    for (JsonNode p : plain) {
      assertThat(closingByMonth.get(p.get("date").asString()))
          .isCloseTo(
              usd(p, "closingMrr"), org.assertj.core.data.Offset.offset(new BigDecimal("5.00")));
    }
    App app = Emulator.vendor().apps().get(0);
    String filter =
        "\"attributeFilter\":{\"expr\":{\"filter\":{\"fieldName\":\"APP_KEY\",\"oneFilter\":"
            + "{\"stringFilter\":{\"matchType\":\"EXACT\",\"value\":\""
            + app.addonKey()
            + "\"}}}}}";
    List<JsonNode> filtered =
        records(
            v2PartnerMetrics() + "?limit=10",
            body(start, end, "MONTH", "[{\"name\":\"APP_KEY\"}]", filter));
    List<JsonNode> split =
        byApp.stream().filter(r -> r.get("appKey").asString().equals(app.addonKey())).toList();
    assertThat(filtered).hasSameSizeAs(split);
    for (int k = 0; k < split.size(); k++) {
      JsonNode s = split.get(k).deepCopy();
      ((tools.jackson.databind.node.ObjectNode) s).remove("appName");
      assertThat(filtered.get(k)).isEqualTo(s);
      assertThat(split.get(k).get("appName").asString()).isEqualTo(app.name());
    }
    // The same answer under v2 and v3.
    assertThat(records(v3PartnerMetrics() + "?limit=10", body(start, end, "MONTH", null, null)))
        .isEqualTo(plain);
  }

  @Test
  @DisplayName("§16.8: no server MRR after server end of life (maintenance ends by 2024-02-15)")
  void serverEndOfLife() {
    List<JsonNode> records =
        records(
            v2PartnerMetrics() + "?limit=14",
            body("2024-03-01", "2025-04-30", "MONTH", "[{\"name\":\"HOSTING\"}]", null));
    assertThat(records)
        .filteredOn(r -> r.get("hosting").asString().equals("Server"))
        .allMatch(r -> usd(r, "closingMrr").signum() == 0);
    assertThat(records)
        .filteredOn(r -> r.get("hosting").asString().equals("Cloud"))
        .allMatch(r -> usd(r, "closingMrr").signum() > 0)
        .isNotEmpty();
  }

  @Test
  @DisplayName("§6: limit and offset count periods: default 7, at most 14")
  void paging() {
    String b = body("2024-01-01", "2026-10-31", "MONTH", null, null);
    List<JsonNode> defaults = records(v2PartnerMetrics(), b);
    assertThat(defaults)
        .extracting(r -> r.get("date").asString())
        .containsExactly(
            "2024-01-01",
            "2024-02-01",
            "2024-03-01",
            "2024-04-01",
            "2024-05-01",
            "2024-06-01",
            "2024-07-01");
    assertThat(records(v2PartnerMetrics() + "?limit=40", b)).hasSize(14);
    List<JsonNode> page = records(v2PartnerMetrics() + "?limit=3&offset=5", b);
    assertThat(page)
        .extracting(r -> r.get("date").asString())
        .containsExactly("2024-06-01", "2024-07-01", "2024-08-01");
    assertThat(records(v2PartnerMetrics() + "?offset=40", b)).isEmpty();
    Emulator.assertError(postJson(v2PartnerMetrics() + "?limit=0", b), 400, "VALIDATION_FAILED");
    Emulator.assertError(postJson(v2PartnerMetrics() + "?offset=-1", b), 400, "VALIDATION_FAILED");
    LocalDate today = Emulator.market().today();
    List<JsonNode> last =
        records(
            v3PartnerMetrics(),
            body(today.minusMonths(2).toString(), today.toString(), "MONTH", null, null));
    assertThat(date(last.get(last.size() - 1).get("date")))
        .as("the last month reported has ended")
        .isBeforeOrEqualTo(today.withDayOfMonth(1))
        .matches(d -> !d.plusMonths(1).minusDays(1).isAfter(today));
  }

  @Test
  @DisplayName("§5.1, §13.5: a malformed body → 400 JsonErrorsDoc; metrics must be an object")
  void malformedBodies() {
    LocalDate tomorrow = Emulator.market().today().plusDays(1);
    JsonNode array =
        Emulator.assertError(
            postJson(
                v2PartnerMetrics(),
                "{\"metrics\":[],\"dateRange\":{\"startDate\":\"2026-01-01\",\"endDate\":\"2026-02-01\"}}"),
            400,
            "VALIDATION_FAILED");
    assertThat(array.get("path").asString()).isEqualTo("/metrics");
    Emulator.assertError(postJson(v3PartnerMetrics(), "{not json"), 400, "VALIDATION_FAILED");
    Emulator.assertError(postJson(v3PartnerMetrics(), ""), 400, "VALIDATION_FAILED");
    JsonNode future =
        Emulator.assertError(
            postJson(
                v2PartnerMetrics(), body("2026-01-01", tomorrow.toString(), "MONTH", null, null)),
            400,
            "VALIDATION_FAILED");
    assertThat(future.get("path").asString()).isEqualTo("/dateRange/endDate");
    Emulator.assertError(
        postJson(v2PartnerMetrics(), body("2026-01-01", "2026/02/01", "MONTH", null, null)),
        400,
        "VALIDATION_FAILED");
    JsonNode week =
        Emulator.assertError(
            postJson(v2PartnerMetrics(), body("2026-01-01", "2026-02-01", "WEEK", null, null)),
            400,
            "VALIDATION_FAILED");
    assertThat(week.get("message").asString()).contains("WEEK");
    Emulator.assertError(
        postJson(
            v2PartnerMetrics(),
            "{\"metrics\":{\"metricFields\":[{\"name\":\"OPENING\"}]},"
                + "\"dateRange\":{\"startDate\":\"2026-01-01\",\"endDate\":\"2026-02-01\"}}"),
        400,
        "VALIDATION_FAILED");
    Emulator.assertError(
        postJson(
            v2PartnerMetrics(), body("2026-01-01", "2026-02-01", "MONTH", "[\"APP_KEY\"]", null)),
        400,
        "VALIDATION_FAILED");
    JsonNode reversed =
        json(postJson(v2PartnerMetrics(), body("2026-05-01", "2026-04-01", "MONTH", null, null)));
    assertThat(reversed.get("records").isEmpty()).isTrue();
  }

  @Test
  @DisplayName(
      "§3: partner metrics answer only the vendor's members; unknown developer space → 404")
  void access() {
    String b = body("2026-01-01", "2026-02-01", "MONTH", null, null);
    Emulator.assertError(
        postJson("/rest/2/vendors/" + Emulator.otherVendor().vendorId() + "/partner-metrics", b),
        403,
        "FORBIDDEN");
    Emulator.assertError(
        postJson("/rest/3/partner-metrics/developer-space/00000000-0000-0000-0000-000000000000", b),
        404,
        "NOT_FOUND");
    Emulator.assertError(
        Emulator.send(
            Emulator.request(v2PartnerMetrics())
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(b)),
            null),
        401,
        "UNAUTHORIZED");
    // Fields not asked for are not written.
    JsonNode r =
        json(postJson(
                v2PartnerMetrics(),
                "{\"metrics\":{\"metricFields\":[{\"name\":\"ARR\"}]},\"dateRange\":"
                    + "{\"startDate\":\"2026-01-01\",\"endDate\":\"2026-01-31\"},"
                    + "\"attributes\":[{\"name\":\"GRACE_PERIOD_IN_DAYS\"}]}"))
            .get("records")
            .get(0);
    assertThat(r.propertyNames()).containsExactly("date", "gracePeriodInDays", "arr");
    assertThat(r.get("gracePeriodInDays").asInt()).isZero();
  }
}
