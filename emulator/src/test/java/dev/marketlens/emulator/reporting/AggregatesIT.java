package dev.marketlens.emulator.reporting;

import static dev.marketlens.emulator.reporting.AggregatesHttp.date;
import static dev.marketlens.emulator.reporting.AggregatesHttp.list;
import static dev.marketlens.emulator.reporting.AggregatesHttp.ok;
import static dev.marketlens.emulator.reporting.AggregatesHttp.series;
import static dev.marketlens.emulator.reporting.AggregatesHttp.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.commerce.App;
import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.License;
import dev.marketlens.emulator.wire.LicenseType;
import dev.marketlens.emulator.wire.PurchaseDetails;
import dev.marketlens.emulator.wire.SaleType;
import dev.marketlens.emulator.wire.Transaction;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

@DisplayName("Sales and evaluation aggregates over HTTP (spec §13.1, A1/A2)")
class AggregatesIT {

  private static VendorView view() {
    return Emulator.market().view(Emulator.vendor());
  }

  @Test
  @DisplayName("A1 §13.1: hosting aggregate by month equals the lines counted from the records")
  void hostingByMonthFromRecords() {
    JsonNode body =
        ok(
            Emulator.v2()
                + "/sales/transactions/hosting?aggregation=month"
                + "&startDate=2025-11-01&endDate=2026-10-31");
    // Recompute: per hosting and month, non-refund lines, refund lines and vendor amounts.
    Map<String, long[]> expected = new HashMap<>();
    for (Transaction t : view().transactions()) {
      PurchaseDetails p = t.purchaseDetails();
      if (p.saleDate().isBefore(LocalDate.of(2025, 11, 1))
          || p.saleDate().isAfter(LocalDate.of(2026, 10, 31))) {
        continue;
      }
      long[] e =
          expected.computeIfAbsent(
              p.hosting().wire() + "|" + YearMonth.from(p.saleDate()), k -> new long[3]);
      if (p.saleType() == SaleType.REFUND) {
        e[1]++;
      } else {
        e[0]++;
      }
      e[2] += p.vendorAmountCents();
    }
    Set<String> names = new HashSet<>();
    for (Hosting h : Hosting.values()) {
      boolean any = expected.keySet().stream().anyMatch(k -> k.startsWith(h.wire() + "|"));
      JsonNode s = series(body.get("total"), h.wire());
      assertThat(s != null).as(h.wire() + " series present iff it has lines").isEqualTo(any);
      if (s == null) {
        continue;
      }
      names.add(h.wire());
      List<JsonNode> elements = list(s.get("elements"));
      assertThat(elements).hasSize(12);
      for (JsonNode el : elements) {
        long[] e =
            expected.getOrDefault(
                h.wire() + "|" + YearMonth.from(date(el.get("date"))), new long[3]);
        assertThat(el.get("count").asLong()).as(h + " " + el).isEqualTo(e[0]);
        assertThat(el.get("netCount").asLong()).as(h + " " + el).isEqualTo(e[0] - e[1]);
        assertThat(el.get("revenue").decimalValue())
            .as(h + " " + el)
            .isEqualByComparingTo(usd(e[2]));
      }
    }
    assertThat(names).contains("Cloud");
    assertThat(body.get("total").get("name").asString()).isEqualTo("All apps");
  }

  @Test
  @DisplayName("A1 §13.1: every metric splits the same lines: series sum to the same totals")
  void everyMetricAddsUp() {
    String range = "?aggregation=month&startDate=2026-01-01&endDate=2026-10-31";
    long[][] reference = null;
    for (String metric : List.of("hosting", "country", "partner", "region", "tier", "type")) {
      JsonNode body = ok(Emulator.v3() + "/sales/transactions/" + metric + range);
      long[][] sums = sums(body.get("total"));
      if (reference == null) {
        reference = sums;
      }
      assertThat(sums).as(metric).isDeepEqualTo(reference);
      // Each app's series add up to the vendor's.
      long[][] apps = new long[3][sums[0].length];
      for (JsonNode addon : body.get("addons").values()) {
        assertThat(addon.get("productId").asString()).isNotBlank();
        long[][] a = sums(addon);
        for (int i = 0; i < 3; i++) {
          for (int k = 0; k < a[i].length; k++) {
            apps[i][k] += a[i][k];
          }
        }
      }
      assertThat(apps).as(metric + " apps").isDeepEqualTo(reference);
    }
    Set<String> countries = new HashSet<>();
    for (Transaction t : view().transactions()) {
      countries.add(t.customerDetails().country());
    }
    JsonNode byCountry = ok(Emulator.v2() + "/sales/transactions/country" + range);
    assertThat(list(byCountry.get("total").get("series")))
        .extracting(s -> s.get("name").asString())
        .isSorted()
        .allMatch(countries::contains);
    JsonNode byPartner = ok(Emulator.v2() + "/sales/transactions/partner" + range);
    assertThat(list(byPartner.get("total").get("series")))
        .extracting(s -> s.get("name").asString())
        .isSubsetOf("Direct", "Expert", "Reseller");
    JsonNode byType = ok(Emulator.v2() + "/sales/transactions/type" + range);
    assertThat(list(byType.get("total").get("series")))
        .extracting(s -> s.get("name").asString())
        .isSubsetOf("New", "Renewal", "Upgrade", "Downgrade", "Refund")
        .contains("New", "Renewal");
  }

  /** count, netCount and revenue (cents) per bucket, summed over the series. */
  private static long[][] sums(JsonNode holder) {
    long[][] out = null;
    for (JsonNode s : holder.get("series").values()) {
      List<JsonNode> elements = list(s.get("elements"));
      if (out == null) {
        out = new long[3][elements.size()];
      }
      for (int k = 0; k < elements.size(); k++) {
        JsonNode el = elements.get(k);
        out[0][k] += el.get("count").asLong();
        out[1][k] += el.get("netCount").asLong();
        out[2][k] += el.get("revenue").decimalValue().movePointRight(2).longValueExact();
      }
    }
    return out == null ? new long[3][0] : out;
  }

  @Test
  @DisplayName("§13.1: weeks start on Sunday, the start moves back; default range: twelve months")
  void weeks() {
    JsonNode body =
        ok(Emulator.v2() + "/sales/transactions/hosting?startDate=2026-10-07&endDate=2026-10-31");
    List<JsonNode> elements = list(series(body.get("total"), "Cloud").get("elements"));
    assertThat(elements)
        .extracting(e -> date(e.get("date")))
        .containsExactly(
            LocalDate.of(2026, 10, 4),
            LocalDate.of(2026, 10, 11),
            LocalDate.of(2026, 10, 18),
            LocalDate.of(2026, 10, 25));
    long lines =
        view().transactions().stream()
            .filter(t -> t.purchaseDetails().hosting() == Hosting.CLOUD)
            .filter(t -> t.purchaseDetails().saleType() != SaleType.REFUND)
            .map(t -> t.purchaseDetails().saleDate())
            .filter(
                d ->
                    !d.isBefore(LocalDate.of(2026, 10, 4))
                        && !d.isAfter(LocalDate.of(2026, 10, 10)))
            .count();
    assertThat(elements.get(0).get("count").asLong())
        .as("the first week counts from Sunday 4th, before the start date")
        .isEqualTo(lines);
    LocalDate today = view().day();
    JsonNode defaults = ok(Emulator.v2() + "/sales/transactions/hosting");
    List<JsonNode> weeks = list(series(defaults.get("total"), "Cloud").get("elements"));
    assertThat(weeks)
        .extracting(e -> date(e.get("date")).getDayOfWeek())
        .containsOnly(DayOfWeek.SUNDAY);
    assertThat(date(weeks.get(0).get("date")))
        .isAfterOrEqualTo(today.minusYears(1).minusDays(7))
        .isBeforeOrEqualTo(today.minusYears(1).plusDays(1));
    assertThat(date(weeks.get(weeks.size() - 1).get("date"))).isAfter(today.minusDays(7));
  }

  @Test
  @DisplayName("§4.2: self and query links; v3 LinkTemplate is {href, templated}; apps by version")
  void linksAndVersions() {
    JsonNode v2 = ok(Emulator.v2() + "/sales/transactions/tier?aggregation=month");
    assertThat(v2.get("_links").get("self").get("href").asString())
        .isEqualTo(Emulator.v2() + "/sales/transactions/tier?aggregation=month");
    assertThat(v2.get("_links").get("query").get("template").asString())
        .endsWith("/sales/transactions/tier{?aggregation,startDate,endDate}");
    for (JsonNode addon : v2.get("addons").values()) {
      assertThat(addon.has("productId")).isFalse();
      App app =
          Emulator.vendor().apps().stream()
              .filter(a -> a.addonKey().equals(addon.get("addonKey").asString()))
              .findFirst()
              .orElseThrow();
      assertThat(addon.get("name").asString()).isEqualTo(app.name());
    }
    JsonNode v3 = ok(Emulator.v3() + "/evaluations/region?aggregation=month");
    JsonNode query = v3.get("_links").get("query");
    assertThat(query.get("templated").asBoolean()).isTrue();
    assertThat(query.get("href").asString())
        .startsWith("/reporting/developer-space/" + Emulator.vendor().developerId())
        .endsWith("/evaluations/region{?aggregation,startDate,endDate}");
  }

  @Test
  @DisplayName("K24: a reversed or future-only range answers 200 with empty arrays")
  void emptyRanges() {
    for (String q :
        List.of(
            "/sales/transactions/hosting?startDate=2026-05-01&endDate=2026-04-01",
            "/sales/transactions/country?startDate=2030-01-01",
            "/evaluations/hosting?startDate=2026-05-01&endDate=2026-04-01")) {
      JsonNode body = ok(Emulator.v2() + q);
      assertThat(body.get("total").get("series").isEmpty()).as(q).isTrue();
      assertThat(body.get("addons").isEmpty()).as(q).isTrue();
    }
  }

  @Test
  @DisplayName("§5, §13.1: bad aggregation or date → 400; an unknown metric → 404")
  void badInputs() {
    Emulator.assertError(
        Emulator.get(Emulator.v2() + "/sales/transactions/hosting?aggregation=Month"),
        400,
        "VALIDATION_FAILED");
    Emulator.assertError(
        Emulator.get(Emulator.v2() + "/sales/transactions/hosting?aggregation=day"),
        400,
        "VALIDATION_FAILED");
    JsonNode bad =
        Emulator.assertError(
            Emulator.get(Emulator.v3() + "/evaluations/country?startDate=2026-13-01"),
            400,
            "VALIDATION_FAILED");
    assertThat(bad.get("message").asString()).contains("Must be a date");
    Emulator.assertError(
        Emulator.get(Emulator.v2() + "/sales/transactions/hosting?endDate=31.10.2026"),
        400,
        "VALIDATION_FAILED");
    Emulator.assertError(
        Emulator.get(Emulator.v2() + "/evaluations/hosting?groupBy=saleType"),
        400,
        "VALIDATION_FAILED");
    Emulator.assertError(
        Emulator.get(Emulator.v2() + "/sales/transactions/bogus"), 404, "NOT_FOUND");
    Emulator.assertError(Emulator.get(Emulator.v2() + "/evaluations/tier"), 404, "NOT_FOUND");
    Emulator.assertError(
        Emulator.get(
            "/rest/2/vendors/"
                + Emulator.otherVendor().vendorId()
                + "/reporting/sales/transactions/hosting"),
        403,
        "FORBIDDEN");
  }

  @Test
  @DisplayName("K2: parameters an aggregate does not list are ignored")
  void unlistedParametersIgnored() {
    String base = "/sales/transactions/partner?aggregation=month&startDate=2026-03-01";
    JsonNode plain = ok(Emulator.v3() + base);
    JsonNode noisy =
        ok(
            Emulator.v3()
                + base
                + "&hosting=server&productId=nope&addon=nope&saleType=bogus&limit=-3&sortBy=x");
    assertThat(noisy.get("total")).isEqualTo(plain.get("total"));
    assertThat(noisy.get("addons")).isEqualTo(plain.get("addons"));
  }

  @Test
  @DisplayName("A2 §13.1: evaluations by hosting equal the evaluation licenses counted by start")
  void evaluationsFromRecords() {
    JsonNode body =
        ok(
            Emulator.v2()
                + "/evaluations/hosting?aggregation=month&startDate=2025-01-01"
                + "&endDate=2026-10-31&groupBy=evaluationType");
    Map<String, Long> expected = new HashMap<>();
    for (License l : view().licenses()) {
      LocalDate start =
          l.licenseType() == LicenseType.EVALUATION
              ? l.maintenanceStartDate()
              : l.latestEvaluationStartDate();
      if (start == null || start.isBefore(LocalDate.of(2025, 1, 1))) {
        continue;
      }
      expected.merge(l.hosting().wire() + "|" + YearMonth.from(start), 1L, Long::sum);
    }
    long total = 0;
    for (JsonNode s : body.get("total").get("series").values()) {
      assertThat(s.get("evaluationType").asString()).isEqualTo("Net new evaluation");
      for (JsonNode el : s.get("elements").values()) {
        assertThat(el.has("revenue")).isFalse();
        long count = el.get("count").asLong();
        assertThat(count)
            .as(s.get("name") + " " + el)
            .isEqualTo(
                expected.getOrDefault(
                    s.get("name").asString() + "|" + YearMonth.from(date(el.get("date"))), 0L));
        assertThat(el.get("netCount").asLong()).isEqualTo(count);
        total += count;
      }
    }
    assertThat(total).isEqualTo(expected.values().stream().mapToLong(Long::longValue).sum());
    assertThat(total).isPositive();
    JsonNode plain =
        ok(Emulator.v2() + "/evaluations/partner?aggregation=month&startDate=2025-01-01");
    assertThat(list(plain.get("total").get("series"))).allMatch(s -> !s.has("evaluationType"));
  }

  @Test
  @DisplayName("R1 §4.2: the reporting root links every aggregate (VendorReportingLinks)")
  void rootLinks() {
    JsonNode v2 = ok(Emulator.v2()).get("_links");
    for (String name :
        List.of(
            "transactionsByCountry",
            "transactionsByHosting",
            "transactionsByPartner",
            "transactionsByRegion",
            "transactionsByTier",
            "transactionsByType",
            "evaluationsByCountry",
            "evaluationsByHosting",
            "evaluationsByPartner",
            "evaluationsByRegion")) {
      assertThat(v2.get(name).get("template").asString()).as(name).startsWith(Emulator.v2());
    }
    assertThat(v2.get("transactionsByTier").get("template").asString())
        .isEqualTo(Emulator.v2() + "/sales/transactions/tier{?aggregation,startDate,endDate}");
    for (String name : List.of("cloudChurn", "cloudConversions", "cloudRenewals")) {
      assertThat(v2.get(name).isArray()).as(name).isTrue();
      assertThat(list(v2.get(name)))
          .allMatch(t -> t.get("template").asString().contains("/sales/metrics/"));
    }
    JsonNode v3 = ok(Emulator.v3()).get("_links");
    assertThat(v3.get("cloudRenewals").get(0).get("templated").asBoolean()).isTrue();
    assertThat(v3.get("evaluationsByCountry").get("href").asString())
        .endsWith("/evaluations/country{?aggregation,startDate,endDate}");
    // The templates lead somewhere.
    String href = v2.get("transactionsByRegion").get("template").asString();
    ok(href.substring(0, href.indexOf('{')) + "?aggregation=month");
  }

  @Test
  @DisplayName("§4.1: revenue is an exact decimal number (no binary floating point)")
  void revenueExact() {
    JsonNode body = ok(Emulator.v2() + "/sales/transactions/type?aggregation=month");
    for (JsonNode s : body.get("total").get("series").values()) {
      for (JsonNode el : s.get("elements").values()) {
        BigDecimal r = el.get("revenue").decimalValue();
        assertThat(r.scale()).isBetween(1, 2);
      }
    }
  }
}
