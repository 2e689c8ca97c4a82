package dev.marketlens.emulator.world;

import static dev.marketlens.emulator.world.Worlds.describe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.commerce.PaymentModel;
import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.License;
import dev.marketlens.emulator.wire.LicenseInsights;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Seed 002 (SR-P1…P9) and spec §7.4: license data insights")
class InsightsTest {

  private static final String NA = LicenseInsights.NA;
  private static final String PENDING = LicenseInsights.PENDING;
  private static final LocalDate INSIGHTS_FROM = LocalDate.of(2018, 7, 1);
  private static final LocalDate PARENT_INSIGHTS_FROM = LocalDate.of(2020, 1, 1);

  private final World world = Worlds.standard();
  private final Worlds.Index index = Worlds.index();

  private static boolean pending(LicenseInsights i) {
    return i != null && PENDING.equals(i.parentProductName());
  }

  private static List<String> evaluationFields(LicenseInsights i) {
    return List.of(
        i.evaluationOpportunitySize(),
        i.evaluationLicense(),
        i.daysToConvertEval(),
        i.evaluationStartDate(),
        i.evaluationEndDate(),
        i.evaluationSaleDate());
  }

  private static List<String> strings(LicenseInsights i) {
    return List.of(
        i.evaluationOpportunitySize(),
        i.evaluationLicense(),
        i.daysToConvertEval(),
        i.evaluationStartDate(),
        i.evaluationEndDate(),
        i.evaluationSaleDate(),
        i.parentProductBillingCycle(),
        i.parentProductName(),
        i.parentProductEdition(),
        i.installedOnSandbox());
  }

  @Test
  @DisplayName(
      "SR-P2 / §7.4 (seed 002 #2): parentProductEdition and installedOnSandbox are NA on server"
          + " and Data Center licenses (Pending only while the insights are pending)")
  void editionAndSandboxOnlyForCloud() {
    Violations v = new Violations("SR-P2 non-cloud edition/sandbox NA");
    int cloudEditions = 0;
    for (RecordHistory<License> h : world.licenseHistories()) {
      for (Versioned<License> version : h.versions()) {
        License l = version.record();
        LicenseInsights i = l.insights();
        if (i == null) {
          continue;
        }
        if (l.hosting() == Hosting.CLOUD) {
          if (!NA.equals(i.parentProductEdition()) && !pending(i)) {
            cloudEditions++;
          }
          continue;
        }
        String expected = pending(i) ? PENDING : NA;
        v.check(
            expected.equals(i.parentProductEdition()) && expected.equals(i.installedOnSandbox()),
            () -> describe(l) + " version " + version.since() + " " + i);
      }
    }
    v.assertNone();
    assertThat(cloudEditions).as("cloud licenses with a parent edition").isPositive();
  }

  @Test
  @DisplayName(
      "SR-P6 / §7.4 (seed 002 #6): a license bought without an evaluation (evaluationLicense NA)"
          + " has every evaluation field NA")
  void evaluationFieldsNaWithoutAnEvaluation() {
    Violations v = new Violations("SR-P6 evaluation fields NA without an evaluation");
    int with = 0;
    for (RecordHistory<License> h : world.licenseHistories()) {
      for (Versioned<License> version : h.versions()) {
        License l = version.record();
        LicenseInsights i = l.insights();
        if (i == null) {
          continue;
        }
        if (!NA.equals(i.evaluationLicense())) {
          with++;
          continue;
        }
        v.check(
            evaluationFields(i).stream().allMatch(NA::equals),
            () -> describe(l) + " version " + version.since() + " " + i);
      }
    }
    v.assertNone();
    assertThat(with).as("licenses with an evaluation").isPositive();
  }

  @Test
  @DisplayName(
      "§7.4 / W9: a license whose maintenance started before 2018-07-01 has every insight string"
          + " NA")
  void insightsBeforeJuly2018AreNa() {
    Violations v = new Violations("§7.4 insights NA before 2018-07-01");
    for (RecordHistory<License> h : world.licenseHistories()) {
      for (Versioned<License> version : h.versions()) {
        License l = version.record();
        if (l.insights() != null && l.maintenanceStartDate().isBefore(INSIGHTS_FROM)) {
          v.check(
              strings(l.insights()).stream().allMatch(NA::equals),
              () -> describe(l) + " version " + version.since() + " " + l.insights());
        }
      }
    }
    v.assertNone();
  }

  @Test
  @DisplayName(
      "SR-P5 / SR-P1 (seed 002 #1, #5): parent-product name and billing cycle appear only for"
          + " evaluations started from 2020-01-01; NA for earlier evaluations and for sales"
          + " without one")
  void parentInsightsOnlyForEvaluationsFrom2020() {
    Violations v = new Violations("SR-P1/P5 parent product name");
    Set<String> names = new TreeSet<>();
    int before2020 = 0;
    for (RecordHistory<License> h : world.licenseHistories()) {
      for (Versioned<License> version : h.versions()) {
        License l = version.record();
        LicenseInsights i = l.insights();
        if (i == null || pending(i)) {
          continue;
        }
        boolean evaluation = !NA.equals(i.evaluationStartDate());
        boolean from2020 =
            evaluation && !LocalDate.parse(i.evaluationStartDate()).isBefore(PARENT_INSIGHTS_FROM);
        if (evaluation && !from2020) {
          before2020++;
        }
        if (from2020) {
          names.add(i.parentProductName());
          v.check(
              !NA.equals(i.parentProductName())
                  && !NA.equals(i.parentProductBillingCycle())
                  && (l.hosting() == Hosting.CLOUD
                      || "ANNUAL".equals(i.parentProductBillingCycle())),
              () -> describe(l) + " version " + version.since() + " " + i);
        } else {
          v.check(
              NA.equals(i.parentProductName()) && NA.equals(i.parentProductBillingCycle()),
              () -> describe(l) + " version " + version.since() + " " + i);
        }
      }
    }
    v.assertNone();
    assertThat(before2020).as("evaluations started before 2020").isPositive();
    assertThat(names).as("parent products named from 2020").contains("Jira", "Confluence");
  }

  @Test
  @DisplayName("SR-P9 / SR-R1 (seed 002 #9): licenses of free apps carry no insights at all")
  void noInsightsForFreeLicenses() {
    List<License> free =
        world.licenses().stream()
            .filter(l -> index.app(l.addonKey()).paymentModel() == PaymentModel.FREE)
            .toList();
    assertThat(free).as("licenses of the free app").isNotEmpty();
    assertThat(free).allSatisfy(l -> assertThat(l.insights()).as(describe(l)).isNull());
  }

  @Test
  @DisplayName(
      "SR-P4 (seed 002 #4): parent insights read Pending when an evaluation starts or a license is"
          + " bought from one, then real values 2–3 days (48–72 h) later")
  void pendingInsightsResolveAfterTwoToThreeDays() {
    Violations v = new Violations("SR-P4 Pending lasts 2–3 days");
    for (RecordHistory<License> h : world.licenseHistories()) {
      List<Versioned<License>> versions = h.versions();
      for (int i = 0; i < versions.size(); i++) {
        License l = versions.get(i).record();
        boolean startsPending =
            l.insights() != null
                && pending(l.insights())
                && (i == 0 || !pending(versions.get(i - 1).record().insights()));
        if (!startsPending) {
          continue;
        }
        int j = i + 1;
        while (j < versions.size() && pending(versions.get(j).record().insights())) {
          j++;
        }
        LocalDate from = versions.get(i).since();
        boolean conversionInside = false;
        for (int k = i + 1; k < j; k++) {
          License x = versions.get(k).record();
          conversionInside |=
              x.licenseType() != l.licenseType()
                  || !x.maintenanceStartDate().equals(l.maintenanceStartDate());
        }
        if (conversionInside) {
          continue; // an evaluation converted while pending: see EvaluationsTest
        }
        if (j == versions.size()) {
          // Still pending on the clock day: only allowed within the last three days.
          v.check(
              ChronoUnit.DAYS.between(from, world.clock()) < 3,
              () -> describe(l) + " pending since " + from);
          continue;
        }
        LocalDate to = versions.get(j).since();
        License resolved = versions.get(j).record();
        long days = ChronoUnit.DAYS.between(from, to);
        v.check(
            days >= 2 && days <= 3,
            () ->
                describe(l)
                    + " pending from "
                    + from
                    + " to "
                    + to
                    + " then "
                    + resolved.insights());
      }
    }
    v.assertNone();
  }

  @Test
  @DisplayName(
      "SR-P5 (seed 002 #5): a license whose evaluation started before 2020-01-01 never shows"
          + " Pending parent insights (there are none to wait for)")
  void noPendingForEvaluationsBefore2020() {
    Violations v = new Violations("SR-P5 no Pending before 2020");
    for (RecordHistory<License> h : world.licenseHistories()) {
      for (Versioned<License> version : h.versions()) {
        License l = version.record();
        LicenseInsights i = l.insights();
        if (pending(i)) {
          v.check(
              !NA.equals(i.evaluationStartDate())
                  && !LocalDate.parse(i.evaluationStartDate()).isBefore(PARENT_INSIGHTS_FROM),
              () -> describe(l) + " version " + version.since() + " " + i);
        }
      }
    }
    v.assertNone();
  }
}
