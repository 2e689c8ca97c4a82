package dev.marketlens.emulator.reporting;

import static dev.marketlens.emulator.reporting.AggregatesHttp.dataset;
import static dev.marketlens.emulator.reporting.AggregatesHttp.date;
import static dev.marketlens.emulator.reporting.AggregatesHttp.list;
import static dev.marketlens.emulator.reporting.AggregatesHttp.ok;
import static dev.marketlens.emulator.reporting.AggregatesHttp.series;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.License;
import dev.marketlens.emulator.wire.LicenseStatus;
import dev.marketlens.emulator.wire.LicenseType;
import dev.marketlens.emulator.wire.PurchaseDetails;
import dev.marketlens.emulator.wire.SaleType;
import dev.marketlens.emulator.wire.Transaction;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@DisplayName("Cloud churn, conversion and renewal metrics and events over HTTP (spec §13.2–13.3)")
class CloudMetricsIT {

  private static final String RANGE = "?aggregation=month&startDate=2024-01-01&endDate=2026-10-31";

  private static VendorView view() {
    return Emulator.market().view(Emulator.vendor());
  }

  /** The view's cloud licenses by entitlement id, and their lines. */
  private record Cloud(Map<String, License> licenses, Map<String, List<Transaction>> lines) {
    static Cloud of(VendorView v) {
      Map<String, License> licenses = new HashMap<>();
      for (License l : v.licenses()) {
        if (l.hosting() == Hosting.CLOUD) {
          licenses.put(l.ids().appEntitlementId(), l);
        }
      }
      Map<String, List<Transaction>> lines = new HashMap<>();
      for (Transaction t : v.transactions()) {
        if (t.purchaseDetails().hosting() == Hosting.CLOUD) {
          lines.computeIfAbsent(t.ids().appEntitlementId(), k -> new ArrayList<>()).add(t);
        }
      }
      return new Cloud(licenses, lines);
    }
  }

  @Test
  @DisplayName("A3 §13.2: per bucket, cancellations ≤ customers and renewals ≤ opportunities")
  void churnAndRenewalInvariants() {
    JsonNode churn = ok(Emulator.v2() + "/sales/metrics/churn" + RANGE);
    JsonNode renewal = ok(Emulator.v2() + "/sales/metrics/renewal" + RANGE);
    long cancellations = 0;
    long renewals = 0;
    for (String period : List.of("Monthly", "Annual")) {
      JsonNode c = dataset(churn.get("total"), period);
      JsonNode r = dataset(renewal.get("total"), period);
      JsonNode customers = series(c, "Customers");
      JsonNode cancelled = series(c, "Cancellations");
      JsonNode opportunities = series(r, "Renewal opportunities");
      JsonNode renewed = series(r, "Renewals");
      assertThat(renewed.has("uniqueTotal")).isFalse();
      assertThat(customers.get("uniqueTotal").asLong())
          .isGreaterThanOrEqualTo(cancelled.get("uniqueTotal").asLong());
      List<JsonNode> cu = list(customers.get("elements"));
      List<JsonNode> ca = list(cancelled.get("elements"));
      List<JsonNode> op = list(opportunities.get("elements"));
      List<JsonNode> re = list(renewed.get("elements"));
      assertThat(cu).hasSize(34);
      long maxPerBucket = 0;
      for (int k = 0; k < cu.size(); k++) {
        long customersK = cu.get(k).get("count").asLong();
        long cancelledK = ca.get(k).get("count").asLong();
        assertThat(cancelledK).as(period + " " + cu.get(k)).isLessThanOrEqualTo(customersK);
        assertThat(op.get(k).get("count").asLong()).isEqualTo(customersK);
        assertThat(re.get(k).get("count").asLong() + cancelledK).isLessThanOrEqualTo(customersK);
        assertThat(date(cu.get(k).get("date"))).isEqualTo(date(op.get(k).get("date")));
        cancellations += cancelledK;
        renewals += re.get(k).get("count").asLong();
        maxPerBucket = Math.max(maxPerBucket, customersK);
      }
      assertThat(customers.get("uniqueTotal").asLong()).isGreaterThanOrEqualTo(maxPerBucket);
    }
    assertThat(cancellations).isPositive();
    assertThat(renewals).isGreaterThan(cancellations);
    // Apps add up to the total.
    long[] monthlyCustomers = new long[34];
    for (JsonNode addon : churn.get("addons").values()) {
      List<JsonNode> el = list(series(dataset(addon, "Monthly"), "Customers").get("elements"));
      for (int k = 0; k < el.size(); k++) {
        monthlyCustomers[k] += el.get(k).get("count").asLong();
      }
    }
    List<JsonNode> total =
        list(series(dataset(churn.get("total"), "Monthly"), "Customers").get("elements"));
    for (int k = 0; k < total.size(); k++) {
      assertThat(monthlyCustomers[k]).isEqualTo(total.get(k).get("count").asLong());
    }
  }

  @Test
  @DisplayName("A3/A4: a month's churn and renewal events match the month's counts")
  void eventsMatchCounts() {
    JsonNode churn = ok(Emulator.v2() + "/sales/metrics/churn" + RANGE);
    JsonNode renewal = ok(Emulator.v2() + "/sales/metrics/renewal" + RANGE);
    for (String metric : List.of("churn", "renewal")) {
      JsonNode body = metric.equals("churn") ? churn : renewal;
      String numerator = metric.equals("churn") ? "Cancellations" : "Renewals";
      for (int k : new int[] {0, 17, 27, 30, 33}) {
        long expected = 0;
        LocalDate month = null;
        for (String period : List.of("Monthly", "Annual")) {
          JsonNode el =
              series(dataset(body.get("total"), period), numerator).get("elements").get(k);
          expected += el.get("count").asLong();
          month = date(el.get("date"));
        }
        YearMonth m = YearMonth.from(month);
        JsonNode events =
            ok(
                Emulator.v2()
                    + "/sales/metrics/"
                    + metric
                    + "/details/export?accept=json&startDate="
                    + m.atDay(1)
                    + "&endDate="
                    + m.atEndOfMonth());
        assertThat(events.size()).as(metric + " " + m).isEqualTo((int) expected);
      }
    }
  }

  @Test
  @DisplayName("A4 §13.2: each churn event is a lapsed paid cloud term, unrenewed, in the records")
  void churnEventsFromRecords() {
    VendorView v = view();
    Cloud cloud = Cloud.of(v);
    JsonNode events = ok(Emulator.v2() + "/sales/metrics/churn/details/export?accept=json");
    assertThat(events.size()).isPositive();
    for (JsonNode e : events.values()) {
      JsonNode d = e.get("licenseDetails");
      String id = d.get("appEntitlementId").asString();
      License l = cloud.licenses().get(id);
      assertThat(l).as(e.toString()).isNotNull();
      LocalDate end = date(e.get("eventDate"));
      assertThat(date(d.get("maintenanceEndDate"))).isEqualTo(end);
      assertThat(d.get("monthsValid").asInt()).isIn(1, 12);
      List<Transaction> lines = cloud.lines().get(id);
      assertThat(lines)
          .as("the lapsed term's line")
          .anyMatch(
              t ->
                  t.transactionId().equals(e.get("transactionId").asString())
                      && end.equals(t.purchaseDetails().maintenanceEndDate())
                      && t.purchaseDetails().purchasePriceCents() > 0
                      && t.purchaseDetails().saleType() != SaleType.REFUND);
      assertThat(lines)
          .as("no renewal within 7 days before to 30 days after the end")
          .noneMatch(
              t -> {
                PurchaseDetails p = t.purchaseDetails();
                return p.saleType() != SaleType.REFUND
                    && !p.maintenanceStartDate().isBefore(end.minusDays(7))
                    && !p.maintenanceStartDate().isAfter(end.plusDays(30))
                    && p.maintenanceEndDate().isAfter(end);
              });
      assertThat(l.status() != LicenseStatus.ACTIVE || end.plusDays(30).isBefore(v.day()))
          .as("decided: the license is no longer active or the window has closed")
          .isTrue();
      assertThat(e.get("hosting").asString()).isEqualTo("Cloud");
      assertThat(e.get("inGracePeriod").asString()).isIn("Yes", "No");
    }
  }

  @Test
  @DisplayName("A4 §13.2: each renewal event's line renews the license's term")
  void renewalEventsFromRecords() {
    Cloud cloud = Cloud.of(view());
    JsonNode events =
        ok(
            Emulator.v3()
                + "/sales/metrics/renewal/details/export?accept=json&startDate=2026-01-01");
    assertThat(events.size()).isPositive();
    for (JsonNode e : events.values()) {
      assertThat(e.has("inGracePeriod")).as("v3 has no inGracePeriod").isFalse();
      assertThat(e.get("productId").asString()).isNotBlank();
      LocalDate end = date(e.get("eventDate"));
      String id = e.get("licenseDetails").get("appEntitlementId").asString();
      List<Transaction> lines = cloud.lines().get(id);
      assertThat(lines)
          .as("a term of the license ended on the event date")
          .anyMatch(
              t ->
                  end.equals(t.purchaseDetails().maintenanceEndDate())
                      && t.purchaseDetails().purchasePriceCents() > 0);
      assertThat(lines)
          .as("the renewing line")
          .anyMatch(
              t ->
                  t.transactionId().equals(e.get("transactionId").asString())
                      && !t.purchaseDetails().maintenanceStartDate().isBefore(end.minusDays(7))
                      && !t.purchaseDetails().maintenanceStartDate().isAfter(end.plusDays(30))
                      && t.purchaseDetails().maintenanceEndDate().isAfter(end));
    }
  }

  @Test
  @DisplayName("A3 §13.2: conversion counts cloud evaluations by start; conversions ≤ evaluations")
  void conversions() {
    JsonNode body = ok(Emulator.v2() + "/sales/metrics/conversion" + RANGE);
    Map<YearMonth, Long> evaluations = new HashMap<>();
    for (License l : view().licenses()) {
      if (l.hosting() != Hosting.CLOUD) {
        continue;
      }
      LocalDate start =
          l.licenseType() == LicenseType.EVALUATION
              ? l.maintenanceStartDate()
              : l.latestEvaluationStartDate();
      if (start != null) {
        evaluations.merge(YearMonth.from(start), 1L, Long::sum);
      }
    }
    List<JsonNode> evals = list(series(body.get("total"), "Evaluations").get("elements"));
    List<JsonNode> conv = list(series(body.get("total"), "Conversions").get("elements"));
    long converted = 0;
    for (int k = 0; k < evals.size(); k++) {
      YearMonth m = YearMonth.from(date(evals.get(k).get("date")));
      assertThat(evals.get(k).get("count").asLong())
          .as(m.toString())
          .isEqualTo(evaluations.getOrDefault(m, 0L));
      assertThat(conv.get(k).get("count").asLong())
          .isLessThanOrEqualTo(evals.get(k).get("count").asLong());
      converted += conv.get(k).get("count").asLong();
    }
    assertThat(converted).isPositive();
    // The same evaluations as the Cloud series of the evaluations aggregate (A2).
    JsonNode a2 = ok(Emulator.v2() + "/evaluations/hosting" + RANGE);
    assertThat(series(a2.get("total"), "Cloud").get("elements").findValues("count"))
        .isEqualTo(series(body.get("total"), "Evaluations").get("elements").findValues("count"));
    // groupBy=conversionType (v2) tags the series; v3 ignores it.
    JsonNode grouped = ok(Emulator.v2() + "/sales/metrics/conversion?groupBy=conversionType");
    assertThat(list(grouped.get("total").get("series")))
        .allMatch(s -> s.get("conversionType").asString().equals("Net New"));
    JsonNode v3 = ok(Emulator.v3() + "/sales/metrics/conversion?groupBy=conversionType");
    assertThat(list(v3.get("total").get("series"))).noneMatch(s -> s.has("conversionType"));
    // Every conversion event is a New line on a cloud license that was an evaluation.
    Cloud cloud = Cloud.of(view());
    JsonNode events = ok(Emulator.v2() + "/sales/metrics/conversion/details/export?accept=json");
    for (JsonNode e : events.values()) {
      String id = e.get("licenseDetails").get("appEntitlementId").asString();
      assertThat(cloud.licenses().get(id).latestEvaluationStartDate()).isNotNull();
      assertThat(cloud.lines().get(id))
          .anyMatch(
              t ->
                  t.transactionId().equals(e.get("transactionId").asString())
                      && t.purchaseDetails().saleType() == SaleType.NEW
                      && t.purchaseDetails().saleDate().equals(date(e.get("eventDate"))));
    }
  }

  @Test
  @DisplayName(
      "§6: details pages clamp at 50, follow next to the end and concatenate to the export")
  void paging() {
    String filter = "/sales/metrics/renewal/details?startDate=2025-06-01";
    JsonNode first = ok(Emulator.v2() + filter + "&limit=100");
    assertThat(first.get("events").size()).isEqualTo(50);
    assertThat(first.get("_links").get("self").get("href").asString()).contains("limit=50");
    List<String> paged = new ArrayList<>();
    String href = Emulator.v2() + filter + "&limit=50";
    int pages = 0;
    while (href != null) {
      JsonNode page = ok(href);
      for (JsonNode e : page.get("events").values()) {
        paged.add(
            e.get("licenseDetails").get("licenseId").asString()
                + "@"
                + e.get("eventDate").asString());
      }
      JsonNode next = page.get("_links").get("next");
      if (pages > 0) {
        assertThat(page.get("_links").has("prev")).isTrue();
      }
      href = next == null ? null : next.get("href").asString();
      pages++;
    }
    assertThat(pages).isGreaterThan(2);
    assertThat(new HashSet<>(paged)).as("no row twice").hasSameSizeAs(paged);
    JsonNode export =
        ok(Emulator.v2() + "/sales/metrics/renewal/details/export?startDate=2025-06-01&limit=1");
    List<String> all = new ArrayList<>();
    for (JsonNode e : export.values()) {
      all.add(
          e.get("licenseDetails").get("licenseId").asString()
              + "@"
              + e.get("eventDate").asString());
    }
    assertThat(paged).isEqualTo(all);
    List<LocalDate> dates =
        all.stream().map(s -> LocalDate.parse(s.substring(s.indexOf('@') + 1))).toList();
    assertThat(dates)
        .as("newest first without sortBy")
        .isSortedAccordingTo((a, b) -> b.compareTo(a));
    JsonNode asc = ok(Emulator.v2() + filter + "&sortBy=date&order=asc&limit=50");
    assertThat(list(asc.get("events"))).extracting(e -> date(e.get("eventDate"))).isSorted();
  }

  @Test
  @DisplayName("§13.3: the CSV export has exactly the 17 live columns and one row per event")
  void csvExport() {
    Emulator.Reply csv =
        Emulator.get(Emulator.v2() + "/sales/metrics/churn/details/export?accept=csv");
    assertThat(csv.status()).isEqualTo(200);
    assertThat(csv.contentType()).startsWith("text/csv");
    String[] rows = csv.body().split("\r\n");
    assertThat(rows[0].replace("\"", ""))
        .isEqualTo(
            "addonName,addonKey,hosting,lastUpdated,eventDate,transactionId,licenseId,"
                + "maintenanceStartDate,maintenanceEndDate,monthsValid,appEntitlementId,"
                + "appEntitlementNumber,cloudId,inGracePeriod,multiInstanceEntitlementId,"
                + "multiInstanceEntitlementNumber,appEdition");
    JsonNode json = ok(Emulator.v2() + "/sales/metrics/churn/details/export?accept=json");
    assertThat(rows.length - 1).isEqualTo(json.size());
    assertThat(rows[1]).contains("\"Cloud\"");
    Emulator.Reply byHeader =
        Emulator.getWithHeader(
            Emulator.v3() + "/sales/metrics/churn/details/export", "Accept", "text/csv");
    assertThat(byHeader.contentType()).startsWith("text/csv");
    assertThat(byHeader.body()).isEqualTo(csv.body());
  }

  @Test
  @DisplayName("K23, §5, §13.3: partnerType=upgrade, bad sortBy or accept → 400; unknown → 404")
  void badInputs() {
    JsonNode upgrade =
        Emulator.assertError(
            Emulator.get(Emulator.v2() + "/sales/metrics/churn/details?partnerType=upgrade"),
            400,
            "VALIDATION_FAILED");
    assertThat(upgrade.get("message").asString()).contains("'upgrade'");
    Emulator.assertError(
        Emulator.get(Emulator.v2() + "/sales/metrics/renewal/details?sortBy=eventDate"),
        400,
        "VALIDATION_FAILED");
    Emulator.assertError(
        Emulator.get(Emulator.v2() + "/sales/metrics/renewal/details/export?accept=xml"),
        400,
        "VALIDATION_FAILED");
    Emulator.assertError(
        Emulator.get(Emulator.v3() + "/sales/metrics/conversion/details?limit=0"),
        400,
        "VALIDATION_FAILED");
    Emulator.assertError(
        Emulator.get(Emulator.v2() + "/sales/metrics/churn?startDate=2026-02-30"),
        400,
        "VALIDATION_FAILED");
    Emulator.assertError(
        Emulator.get(Emulator.v2() + "/sales/metrics/churn?aggregation=WEEK"),
        400,
        "VALIDATION_FAILED");
    Emulator.assertError(Emulator.get(Emulator.v2() + "/sales/metrics/bogus"), 404, "NOT_FOUND");
    Emulator.assertError(
        Emulator.get(Emulator.v3() + "/sales/metrics/bogus/details"), 404, "NOT_FOUND");
    JsonNode reversed =
        ok(Emulator.v2() + "/sales/metrics/churn?startDate=2026-05-01&endDate=2026-04-01");
    assertThat(reversed.get("total").get("datasets").isEmpty()).isTrue();
    assertThat(reversed.get("addons").isEmpty()).isTrue();
  }

  @Test
  @DisplayName("§13.3: filters — hosting, app, partner type and text narrow the events")
  void filters() {
    assertThat(
            ok(Emulator.v2() + "/sales/metrics/renewal/details?hosting=datacenter")
                .get("events")
                .isEmpty())
        .isTrue();
    JsonNode all = ok(Emulator.v2() + "/sales/metrics/churn/details/export?accept=json");
    String app = all.get(0).get("addonKey").asString();
    JsonNode one =
        ok(Emulator.v2() + "/sales/metrics/churn/details/export?accept=json&addon=" + app);
    assertThat(list(one)).allMatch(e -> e.get("addonKey").asString().equals(app));
    assertThat(one.size())
        .isEqualTo(
            (int) list(all).stream().filter(e -> e.get("addonKey").asString().equals(app)).count());
    JsonNode direct =
        ok(Emulator.v2() + "/sales/metrics/churn/details/export?accept=json&partnerType=direct");
    JsonNode partners =
        ok(
            Emulator.v2()
                + "/sales/metrics/churn/details/export?accept=json&partnerType=expert&partnerType=reseller");
    assertThat(direct.size() + partners.size()).isEqualTo(all.size());
    String licenseId = all.get(0).get("licenseDetails").get("licenseId").asString();
    JsonNode text =
        ok(Emulator.v2() + "/sales/metrics/churn/details/export?accept=json&text=" + licenseId);
    assertThat(list(text))
        .extracting(e -> e.get("licenseDetails").get("licenseId").asString())
        .contains(licenseId);
    Set<String> ignored = new HashSet<>();
    for (JsonNode e :
        ok(Emulator.v2() + "/sales/metrics/churn/details?aggregation=month&limit=5")
            .get("events")
            .values()) {
      ignored.add(e.get("licenseDetails").get("licenseId").asString());
    }
    assertThat(ignored).hasSize(5);
  }
}
