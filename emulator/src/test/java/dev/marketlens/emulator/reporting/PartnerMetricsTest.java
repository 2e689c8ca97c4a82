package dev.marketlens.emulator.reporting;

import static dev.marketlens.emulator.reporting.Records.APPS;
import static dev.marketlens.emulator.reporting.Records.CONFLUENCE_APP;
import static dev.marketlens.emulator.reporting.Records.JIRA_APP;
import static dev.marketlens.emulator.reporting.Records.day;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketlens.emulator.commerce.ServiceEvent;
import dev.marketlens.emulator.reporting.PartnerMetrics.Answer;
import dev.marketlens.emulator.reporting.PartnerMetrics.Attribute;
import dev.marketlens.emulator.reporting.PartnerMetrics.Field;
import dev.marketlens.emulator.reporting.PartnerMetrics.Granularity;
import dev.marketlens.emulator.reporting.PartnerMetrics.Request;
import dev.marketlens.emulator.reporting.PartnerMetrics.Row;
import dev.marketlens.emulator.wire.BillingPeriod;
import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.SaleType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("Partner metrics: request body and MRR records (spec §13.5, A6)")
class PartnerMetricsTest {

  private static final LocalDate TODAY = day("2026-06-30");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static int lines;

  private static ServiceEvent event(
      String customer,
      String app,
      Hosting hosting,
      String lineage,
      BillingPeriod period,
      String start,
      String end,
      long cents) {
    return new ServiceEvent(
        customer,
        app,
        hosting,
        lineage,
        "line-" + ++lines,
        SaleType.RENEWAL,
        day(start),
        day(start),
        day(end),
        period,
        cents,
        cents,
        cents);
  }

  /**
   * Customer 1 (Jira app, cloud, monthly $10) pays January 15 to April 15, lapses 25 days and comes
   * back on May 10; customer 2 (Confluence app, Data Center) buys a year for $120 on March 1.
   */
  private static PartnerMetrics.Book book(LocalDate today) {
    List<ServiceEvent> events = new ArrayList<>();
    String jira = JIRA_APP.addonKey();
    Hosting cloud = Hosting.CLOUD;
    BillingPeriod monthly = BillingPeriod.MONTHLY;
    events.add(event("c1", jira, cloud, "L1", monthly, "2026-01-15", "2026-02-15", 1000));
    events.add(event("c1", jira, cloud, "L1", monthly, "2026-02-15", "2026-03-15", 1000));
    events.add(event("c1", jira, cloud, "L1", monthly, "2026-03-15", "2026-04-15", 1000));
    events.add(event("c1", jira, cloud, "L2", monthly, "2026-05-10", "2026-06-10", 1000));
    events.add(event("c1", jira, cloud, "L2", monthly, "2026-06-10", "2026-07-10", 1000));
    events.add(
        event(
            "c2",
            CONFLUENCE_APP.addonKey(),
            Hosting.DATA_CENTER,
            "L3",
            BillingPeriod.ANNUAL,
            "2026-03-01",
            "2027-03-01",
            12_000));
    return new PartnerMetrics.Book(events, APPS, today);
  }

  private static Request request(String body) {
    return PartnerMetrics.parse(JSON.readTree(body), TODAY);
  }

  private static String body(String granularity, String attributes, String filter) {
    return "{\"metrics\":{\"metricSets\":[{\"name\":\"RECURRING_REVENUE\"}]},"
        + "\"dateRange\":{\"startDate\":\"2026-01-01\",\"endDate\":\"2026-06-30\"},"
        + "\"granularity\":\""
        + granularity
        + "\""
        + (attributes == null ? "" : ",\"attributes\":" + attributes)
        + (filter == null ? "" : "," + filter)
        + "}";
  }

  private static String row(Row r) {
    return r.date()
        + " o"
        + r.opening()
        + " n"
        + r.newMrr()
        + " x"
        + r.expansion()
        + " c"
        + r.contraction()
        + " r"
        + r.reactivated()
        + " e"
        + r.expired()
        + " z"
        + r.closing();
  }

  @Test
  @DisplayName("§13.5: monthly movements without grace: a 25-day lapse expires and reactivates")
  void months() {
    Answer a = book(TODAY).answer(request(body("MONTH", null, null)));
    assertThat(a.periods()).hasSize(6);
    assertThat(a.page(0, 14))
        .extracting(PartnerMetricsTest::row)
        .containsExactly(
            "2026-01-01 o0 n1000 x0 c0 r0 e0 z1000",
            "2026-02-01 o1000 n0 x0 c0 r0 e0 z1000",
            "2026-03-01 o1000 n1000 x0 c0 r0 e0 z2000",
            "2026-04-01 o2000 n0 x0 c0 r0 e1000 z1000",
            "2026-05-01 o1000 n0 x0 c0 r1000 e0 z2000",
            "2026-06-01 o2000 n0 x0 c0 r0 e0 z2000");
    assertThat(a.page(0, 14)).allMatch(Row::balances);
    assertThat(a.page(2, 2))
        .extracting(Row::date)
        .containsExactly(day("2026-03-01"), day("2026-04-01"));
    assertThat(a.page(6, 7)).isEmpty();
  }

  @Test
  @DisplayName("§13.5: a year opens at January's opening, sums the months, closes at its last")
  void years() {
    Answer a = book(TODAY).answer(request(body("YEAR", null, null)));
    assertThat(a.page(0, 7))
        .extracting(PartnerMetricsTest::row)
        .containsExactly("2026-01-01 o0 n2000 x0 c0 r1000 e1000 z2000");
  }

  @Test
  @DisplayName("[EMU] only months that have ended are reported")
  void completeMonthsOnly() {
    Answer a = book(day("2026-06-15")).answer(request(body("MONTH", null, null)));
    assertThat(a.periods()).last().isEqualTo(day("2026-05-01"));
  }

  @Test
  @DisplayName("§13.5: attributes split by app, hosting and subscription; filters select events")
  void attributesAndFilters() {
    Answer byApp =
        book(TODAY)
            .answer(request(body("YEAR", "[{\"name\":\"APP_KEY\"},{\"name\":\"HOSTING\"}]", null)));
    assertThat(byApp.page(0, 7))
        .extracting(r -> r.appKey() + " " + r.hosting() + " " + row(r))
        .containsExactly(
            JIRA_APP.addonKey() + " CLOUD 2026-01-01 o0 n1000 x0 c0 r1000 e1000 z1000",
            CONFLUENCE_APP.addonKey() + " DATA_CENTER 2026-01-01 o0 n1000 x0 c0 r0 e0 z1000");
    Answer bySubscription =
        book(TODAY).answer(request(body("YEAR", "[{\"name\":\"SUBSCRIPTION\"}]", null)));
    assertThat(bySubscription.page(0, 7))
        .extracting(r -> r.subscription() + " " + r.closing())
        .containsExactly("TOTAL 2000", "MONTHLY 1000", "ANNUAL 1000");
    String dataCenter =
        "\"attributeFilter\":{\"expr\":{\"filter\":{\"fieldName\":\"HOSTING\","
            + "\"oneFilter\":{\"stringFilter\":{\"matchType\":\"EXACT\",\"value\":\"DATA_CENTER\"}}}}}";
    assertThat(book(TODAY).answer(request(body("YEAR", null, dataCenter))).page(0, 7))
        .extracting(PartnerMetricsTest::row)
        .containsExactly("2026-01-01 o0 n1000 x0 c0 r0 e0 z1000");
    String notJira =
        "\"attributesFilter\":{\"notExpression\":{\"andGroup\":[{\"filter\":{\"fieldName\":"
            + "\"APP_KEY\",\"oneFilter\":{\"inListFilter\":{\"values\":[\""
            + JIRA_APP.addonKey()
            + "\"]}}}}]}}";
    assertThat(book(TODAY).answer(request(body("YEAR", null, notJira))).page(0, 7))
        .extracting(Row::closing)
        .containsExactly(1000L);
  }

  @Test
  @DisplayName("§13.5: fields default to the seven MRR fields; names and order follow the enum")
  void fields() {
    Request r =
        request(
            "{\"metrics\":{\"metricFields\":[{\"name\":\"ARR\"},{\"name\":\"NEW_MRR\"}]},"
                + "\"dateRange\":{\"startDate\":\"2026-01-01\",\"endDate\":\"2026-01-31\"}}");
    assertThat(r.fields()).containsExactly(Field.NEW_MRR, Field.ARR);
    assertThat(r.granularity()).isEqualTo(Granularity.MONTH);
    assertThat(request(body("MONTH", "[{\"name\":\"APP_NAME\"}]", null)).fields())
        .hasSize(7)
        .doesNotContain(Field.ARR);
    assertThat(request(body("MONTH", "[{\"name\":\"APP_NAME\"}]", null)).attributes())
        .containsExactly(Attribute.APP_NAME);
  }

  @Test
  @DisplayName("§5.1, §13.5: a malformed body is a 400 naming the field as a JSON pointer")
  void malformed() {
    assertBad("[]", "");
    assertBad(
        "{\"dateRange\":{\"startDate\":\"2026-01-01\",\"endDate\":\"2026-01-31\"}}", "/metrics");
    assertBad(
        "{\"metrics\":[],\"dateRange\":{\"startDate\":\"2026-01-01\",\"endDate\":\"2026-01-31\"}}",
        "/metrics");
    assertBad(
        "{\"metrics\":{\"metricSets\":[{\"name\":\"DOWNLOADS\"}]},"
            + "\"dateRange\":{\"startDate\":\"2026-01-01\",\"endDate\":\"2026-01-31\"}}",
        "/metrics/metricSets");
    assertBad(
        "{\"metrics\":{\"metricFields\":[{\"name\":\"INSTALL_COUNT\"}]},"
            + "\"dateRange\":{\"startDate\":\"2026-01-01\",\"endDate\":\"2026-01-31\"}}",
        "/metrics/metricFields");
    assertBad("{\"metrics\":{}}", "/dateRange");
    assertBad(
        "{\"metrics\":{},\"dateRange\":{\"startDate\":\"2026-1-1\",\"endDate\":\"2026-01-31\"}}",
        "/dateRange/startDate");
    assertBad(
        "{\"metrics\":{},\"dateRange\":{\"startDate\":\"2026-01-01\",\"endDate\":\"2026-07-01\"}}",
        "/dateRange/endDate");
    assertBad(body("WEEK", null, null), "/granularity");
    assertBad(body("HOURLY", null, null), "/granularity");
    assertBad(body("MONTH", "[{\"name\":\"APP_VERSION\"}]", null), "/attributes");
    assertBad(
        body("MONTH", null, "\"attributeFilter\":{\"filter\":{\"fieldName\":\"TIER\"}}"),
        "/attributeFilter/filter/fieldName");
    assertBad(
        body(
            "MONTH",
            null,
            "\"attributeFilter\":{\"filter\":{\"fieldName\":\"APP_KEY\",\"oneFilter\":"
                + "{\"stringFilter\":{\"matchType\":\"PREFIX\",\"value\":\"x\"}}}}"),
        "/attributeFilter/filter/oneFilter/stringFilter/matchType");
  }

  @Test
  @DisplayName("K24: a reversed date range has no records")
  void reversed() {
    Request r =
        request(
            "{\"metrics\":{},\"dateRange\":{\"startDate\":\"2026-05-01\",\"endDate\":\"2026-04-01\"}}");
    assertThat(book(TODAY).answer(r).periods()).isEmpty();
  }

  private static void assertBad(String body, String pointer) {
    JsonNode json = JSON.readTree(body);
    assertThatThrownBy(() -> PartnerMetrics.parse(json, TODAY))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.path()).as(e.getMessage()).isEqualTo(pointer);
            });
  }
}
