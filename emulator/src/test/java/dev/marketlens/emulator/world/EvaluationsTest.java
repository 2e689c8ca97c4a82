package dev.marketlens.emulator.world;

import static dev.marketlens.emulator.world.Worlds.describe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.wire.BillingPeriod;
import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.License;
import dev.marketlens.emulator.wire.LicenseInsights;
import dev.marketlens.emulator.wire.LicenseType;
import dev.marketlens.emulator.wire.PurchaseDetails;
import dev.marketlens.emulator.wire.SaleType;
import dev.marketlens.emulator.wire.Transaction;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Seeds 000/002: evaluations and their conversion")
class EvaluationsTest {

  private static final String NA = LicenseInsights.NA;
  private static final String PENDING = LicenseInsights.PENDING;

  private final World world = Worlds.standard();
  private final Worlds.Index index = Worlds.index();

  /** The first version of each license that was created as an evaluation. */
  private List<License> evaluationLicenses() {
    List<License> out = new ArrayList<>();
    for (RecordHistory<License> h : world.licenseHistories()) {
      License first = h.versions().get(0).record();
      if (first.licenseType() == LicenseType.EVALUATION) {
        out.add(first);
      }
    }
    return out;
  }

  private static boolean known(String insight) {
    return insight != null
        && !LicenseInsights.NA.equals(insight)
        && !LicenseInsights.PENDING.equals(insight);
  }

  @Test
  @DisplayName(
      "SR-E1/SR-E3 (seed 000): every evaluation lasts at least 30 days; a cloud one at most 60 and"
          + " ends on the first billing day of its site at least 30 days after the start")
  void evaluationLengths() {
    // The site's billing day: a monthly subscription's first term ends on it (SR-N2).
    Map<String, Set<Integer>> billingDays = new HashMap<>();
    for (Transaction t : world.transactions()) {
      PurchaseDetails p = t.purchaseDetails();
      if (p.hosting() == Hosting.CLOUD
          && p.billingPeriod() == BillingPeriod.MONTHLY
          && p.saleType() == SaleType.NEW) {
        billingDays
            .computeIfAbsent(t.ids().cloudId(), k -> new TreeSet<>())
            .add(p.maintenanceEndDate().getDayOfMonth());
      }
    }
    Map<String, Set<Integer>> evaluationEndDays = new HashMap<>();
    Violations length = new Violations("SR-E1/E3 evaluation length");
    Violations billingDay = new Violations("SR-E3 cloud evaluations end on the billing day");
    int cloud = 0;
    for (RecordHistory<License> h : world.licenseHistories()) {
      for (Versioned<License> version : h.versions()) {
        License l = version.record();
        if (l.licenseType() != LicenseType.EVALUATION) {
          continue;
        }
        LocalDate start = l.maintenanceStartDate();
        LocalDate end = l.maintenanceEndDate();
        long days = ChronoUnit.DAYS.between(start, end);
        if (l.hosting() != Hosting.CLOUD) {
          length.check(days >= 30, () -> describe(l) + " lasts " + days + " days");
          continue;
        }
        cloud++;
        // The first billing date on or after start + 30: so a month earlier is before start + 30.
        length.check(
            days >= 30 && days <= 60 && end.minusMonths(1).isBefore(start.plusDays(30)),
            () -> describe(l) + " lasts " + days + " days");
        evaluationEndDays
            .computeIfAbsent(l.ids().cloudId(), k -> new TreeSet<>())
            .add(end.getDayOfMonth());
        Set<Integer> site = billingDays.get(l.ids().cloudId());
        if (site != null) {
          billingDay.check(
              site.equals(Set.of(end.getDayOfMonth())),
              () -> describe(l) + " on site " + l.ids().cloudId() + " with billing days " + site);
        }
      }
    }
    length.assertNone();
    billingDay.assertNone();
    assertThat(cloud).as("cloud evaluation versions").isPositive();
    assertThat(evaluationEndDays)
        .as("all evaluations of one cloud site end on the same day of the month")
        .allSatisfy((site, days) -> assertThat(days).hasSize(1));
    assertThat(evaluationLicenses())
        .as("some cloud evaluations run longer than 30 days to reach the billing day")
        .anySatisfy(
            l -> {
              assertThat(l.hosting()).isEqualTo(Hosting.CLOUD);
              assertThat(ChronoUnit.DAYS.between(l.maintenanceStartDate(), l.maintenanceEndDate()))
                  .isGreaterThan(45);
            });
  }

  @Test
  @DisplayName(
      "SR-E2 (seed 000): some Data Center/server evaluators take extra keys — consecutive"
          + " evaluation licenses, the next starting where the previous ended, one episode")
  void extraEvaluationKeysAreConsecutive() {
    Map<String, List<License>> byCustomerAndApp = new HashMap<>();
    for (License l : evaluationLicenses()) {
      if (l.hosting() != Hosting.CLOUD) {
        String company = l.contactDetails().company().trim();
        byCustomerAndApp
            .computeIfAbsent(
                company + "|" + l.addonKey() + "|" + l.hosting(), k -> new ArrayList<>())
            .add(l);
      }
    }
    int chains = 0;
    Violations v = new Violations("SR-E2 extra keys form one evaluation episode");
    for (List<License> keys : byCustomerAndApp.values()) {
      keys.sort(Comparator.comparing(License::maintenanceStartDate));
      for (int i = 1; i < keys.size(); i++) {
        License previous = keys.get(i - 1);
        License next = keys.get(i);
        if (!next.maintenanceStartDate().equals(previous.maintenanceEndDate())) {
          continue;
        }
        chains++;
        v.check(
            !Objects.equals(previous.ids().licenseId(), next.ids().licenseId())
                && world.evaluations().stream()
                    .anyMatch(
                        e ->
                            e.addonKey().equals(next.addonKey())
                                && e.hosting() == next.hosting()
                                && !e.start().isAfter(previous.maintenanceStartDate())
                                && !e.end().isBefore(next.maintenanceEndDate())),
            () -> describe(previous) + " then " + describe(next));
      }
    }
    assertThat(chains).as("consecutive on-premise evaluation keys").isPositive();
    v.assertNone();
  }

  @Test
  @DisplayName(
      "K13 / SR-P6 (seed 002 #6): a converted Data Center evaluation gets a new SEN, and the paid"
          + " license's evaluationLicense names the evaluation's addonLicenseId")
  void dataCenterConversionGetsANewSen() {
    Map<String, License> byAddonLicenseId = new HashMap<>();
    for (RecordHistory<License> h : world.licenseHistories()) {
      License first = h.versions().get(0).record();
      if (first.ids().addonLicenseId() != null) {
        byAddonLicenseId.put(first.ids().addonLicenseId(), first);
      }
    }
    Violations v = new Violations("K13 DC conversion");
    int converted = 0;
    for (License l : world.licenses()) {
      if (l.hosting() != Hosting.DATA_CENTER
          || l.licenseType() != LicenseType.COMMERCIAL
          || l.insights() == null
          || !known(l.insights().evaluationLicense())) {
        continue;
      }
      converted++;
      License evaluation = byAddonLicenseId.get(l.insights().evaluationLicense());
      v.check(
          evaluation != null
              && evaluation.licenseType() == LicenseType.EVALUATION
              && evaluation.hosting() == Hosting.DATA_CENTER
              && evaluation.addonKey().equals(l.addonKey())
              && !evaluation.ids().licenseId().equals(l.ids().licenseId())
              && evaluation
                  .maintenanceEndDate()
                  .toString()
                  .equals(l.insights().evaluationEndDate()),
          () ->
              describe(l)
                  + " names evaluation "
                  + l.insights().evaluationLicense()
                  + " = "
                  + (evaluation == null ? null : describe(evaluation)));
    }
    assertThat(converted).as("converted Data Center evaluations").isPositive();
    v.assertNone();
  }

  @Test
  @DisplayName(
      "K13 / SR-P6 / W2 (seed 002 #6): a converted cloud evaluation keeps its license (same"
          + " appEntitlementId), becomes COMMERCIAL and names itself as evaluationLicense")
  void cloudConversionKeepsTheLicense() {
    Violations v = new Violations("K13 cloud conversion");
    int converted = 0;
    for (RecordHistory<License> h : world.licenseHistories()) {
      License first = h.versions().get(0).record();
      License last = h.latest();
      if (first.hosting() != Hosting.CLOUD
          || first.licenseType() != LicenseType.EVALUATION
          || last.licenseType() != LicenseType.COMMERCIAL) {
        continue;
      }
      converted++;
      boolean sameIds =
          h.versions().stream()
              .allMatch(
                  x ->
                      x.record().ids().appEntitlementId().equals(first.ids().appEntitlementId())
                          && Objects.equals(
                              x.record().ids().addonLicenseId(), first.ids().addonLicenseId()));
      LicenseInsights i = last.insights();
      v.check(
          sameIds
              && (NA.equals(i.evaluationLicense())
                  || first.ids().appEntitlementId().equals(i.evaluationLicense())),
          () -> describe(last) + " insights " + i + " ids same in every version: " + sameIds);
    }
    assertThat(converted).as("converted cloud evaluations").isPositive();
    v.assertNone();
    assertThat(world.licenses())
        .filteredOn(
            l ->
                l.hosting() == Hosting.CLOUD
                    && l.licenseType() == LicenseType.COMMERCIAL
                    && l.insights() != null
                    && known(l.insights().evaluationLicense()))
        .as("a cloud license never points at another license's evaluation")
        .allSatisfy(
            l ->
                assertThat(l.insights().evaluationLicense())
                    .as(describe(l))
                    .isEqualTo(l.ids().appEntitlementId()));
  }

  @Test
  @DisplayName(
      "SR-P4 / SR-P6 / SR-E5 (seed 002 #4, #6): a license converted from an evaluation started"
          + " from 2018-07 names its sale (evaluationSaleDate = the purchase day, daysToConvertEval"
          + " set) once its Pending insights resolve 2–3 days after the conversion")
  void convertedLicensesShowTheirSale() {
    Violations v = new Violations("converted licenses show their sale");
    Violations pending = new Violations("Pending after a conversion lasts 2–3 days");
    for (RecordHistory<License> h : world.licenseHistories()) {
      List<Versioned<License>> versions = h.versions();
      License last = h.latest();
      LicenseInsights i = last.insights();
      if (last.licenseType() != LicenseType.COMMERCIAL
          || i == null
          || NA.equals(i.evaluationStartDate())
          || PENDING.equals(i.parentProductName())) {
        continue;
      }
      // The purchase day: the first COMMERCIAL version (the cloud conversion or the new license).
      LocalDate sale =
          versions.stream()
              .filter(x -> x.record().licenseType() == LicenseType.COMMERCIAL)
              .findFirst()
              .orElseThrow()
              .since();
      v.check(
          sale.toString().equals(i.evaluationSaleDate()) && known(i.daysToConvertEval()),
          () -> describe(last) + " bought " + sale + " shows " + i);
      if (LocalDate.parse(i.evaluationStartDate()).isBefore(LocalDate.of(2020, 1, 1))) {
        continue; // SR-P5: no parent insights for evaluations before 2020, so nothing is Pending
      }
      LocalDate resolved =
          versions.stream()
              .filter(x -> x.since().isAfter(sale))
              .filter(x -> !PENDING.equals(x.record().insights().parentProductName()))
              .findFirst()
              .map(Versioned::since)
              .orElse(null);
      pending.check(
          resolved != null
              && ChronoUnit.DAYS.between(sale, resolved) >= 2
              && ChronoUnit.DAYS.between(sale, resolved) <= 3,
          () -> describe(last) + " bought " + sale + ", insights resolved " + resolved);
    }
    v.assertNone();
    pending.assertNone();
  }

  @Test
  @DisplayName(
      "SR-E5 (seed 002 sample): daysToConvertEval = evaluationSaleDate − evaluationEndDate in days,"
          + " NA when there is no sale")
  void daysToConvertIsSaleDateMinusEvaluationEnd() {
    Violations v = new Violations("SR-E5 daysToConvertEval");
    Set<Integer> signs = new TreeSet<>();
    for (RecordHistory<License> h : world.licenseHistories()) {
      for (Versioned<License> version : h.versions()) {
        License l = version.record();
        LicenseInsights i = l.insights();
        if (i == null) {
          continue;
        }
        if (!known(i.evaluationSaleDate())) {
          v.check(
              !known(i.daysToConvertEval()),
              () -> describe(l) + " version " + version.since() + " " + i);
          continue;
        }
        long expected =
            ChronoUnit.DAYS.between(
                LocalDate.parse(i.evaluationEndDate()), LocalDate.parse(i.evaluationSaleDate()));
        signs.add(Long.signum(expected));
        v.check(
            Long.toString(expected).equals(i.daysToConvertEval()),
            () -> describe(l) + " version " + version.since() + " " + i);
      }
    }
    v.assertNone();
    assertThat(signs).as("conversions before, on and after the evaluation end").contains(-1, 0, 1);
  }
}
