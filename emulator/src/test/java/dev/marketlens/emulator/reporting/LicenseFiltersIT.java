package dev.marketlens.emulator.reporting;

import static dev.marketlens.emulator.reporting.Api.appId;
import static dev.marketlens.emulator.reporting.Api.appParam;
import static dev.marketlens.emulator.reporting.Api.assertServes;
import static dev.marketlens.emulator.reporting.Api.elements;
import static dev.marketlens.emulator.reporting.Api.getJson;
import static dev.marketlens.emulator.reporting.Api.query;
import static dev.marketlens.emulator.reporting.SpecRules.licenseKeys;
import static dev.marketlens.emulator.reporting.SpecRules.licenses;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.commerce.App;
import dev.marketlens.emulator.reporting.Api.Records;
import dev.marketlens.emulator.wire.License;
import dev.marketlens.emulator.wire.WireFormat.ApiVersion;
import dev.marketlens.emulator.world.Versioned;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

@DisplayName("§7.2: license filters (L1, L2)")
class LicenseFiltersIT {

  private static final List<String> INSIGHT_FIELDS =
      List.of(
          "attribution",
          "evaluationOpportunitySize",
          "evaluationLicense",
          "daysToConvertEval",
          "evaluationStartDate",
          "evaluationEndDate",
          "evaluationSaleDate",
          "parentProductBillingCycle",
          "parentProductName",
          "parentProductEdition",
          "installedOnSandbox");

  private static List<JsonNode> serves(ApiVersion v, String query, Predicate<License> rule) {
    List<String> expected = licenseKeys(licenses(rule));
    assertThat(expected).as("test data: %s selects some licenses", query).isNotEmpty();
    assertThat(expected.size())
        .as("test data: %s leaves some licenses out", query)
        .isLessThan(licenses(l -> true).size());
    return assertServes(v, Records.LICENSES, query, expected);
  }

  @DisplayName(
      "§7.2/§12: addon (v2) / productId (v3) keeps the named app's licenses; repeated keys")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void appFilter(ApiVersion v) {
    List<App> apps = SpecRules.paidApps();
    App one = apps.get(0);
    App two = apps.get(1);

    serves(v, query(appParam(v), appId(v, one)), l -> l.addonKey().equals(one.addonKey()));
    serves(
        v,
        query(appParam(v), appId(v, one), appParam(v), appId(v, two)),
        l -> l.addonKey().equals(one.addonKey()) || l.addonKey().equals(two.addonKey()));
  }

  @DisplayName(
      "§4.1/K3: a comma-joined app value is one literal value and an unknown app matches nothing")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void commaJoinedAppMatchesNothing(ApiVersion v) {
    List<App> apps = SpecRules.paidApps();
    String joined = appId(v, apps.get(0)) + "," + appId(v, apps.get(1));

    assertServes(v, Records.LICENSES, query(appParam(v), joined), List.of());
    assertServes(v, Records.LICENSES, query(appParam(v), "com.example.unknown"), List.of());
  }

  @DisplayName("§12/§4.1: the other version's app parameter is not a filter and is ignored")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void otherVersionsAppParamIgnored(ApiVersion v) {
    ApiVersion other = v == ApiVersion.V2 ? ApiVersion.V3 : ApiVersion.V2;
    App app = SpecRules.paidApps().get(0);

    assertServes(
        v,
        Records.LICENSES,
        query(appParam(other), appId(other, app)),
        licenseKeys(licenses(l -> true)));
  }

  @DisplayName(
      "§7.2: startDate/endDate (dateType start, the default) keep maintenanceStartDate in the"
          + " window, both bounds inclusive")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void startWindowInclusive(ApiVersion v) {
    List<License> byStart =
        licenses(l -> true).stream()
            .sorted(Comparator.comparing(License::maintenanceStartDate))
            .toList();
    LocalDate from = byStart.get(byStart.size() / 3).maintenanceStartDate();
    LocalDate to = byStart.get(byStart.size() / 3 + 40).maintenanceStartDate();
    Predicate<License> inWindow =
        l -> !l.maintenanceStartDate().isBefore(from) && !l.maintenanceStartDate().isAfter(to);

    List<JsonNode> rows =
        serves(v, query("startDate", from.toString(), "endDate", to.toString()), inWindow);
    serves(
        v,
        query("startDate", from.toString(), "endDate", to.toString(), "dateType", "start"),
        inWindow);

    assertThat(rows)
        .extracting(r -> r.get("maintenanceStartDate").asString())
        .as("both bounds are inclusive")
        .contains(from.toString(), to.toString());
    serves(v, query("startDate", from.toString()), l -> !l.maintenanceStartDate().isBefore(from));
    serves(v, query("endDate", to.toString()), l -> !l.maintenanceStartDate().isAfter(to));
  }

  @DisplayName(
      "§7.2: dateType=end keeps licenses active within the window (start <= endDate and end >="
          + " startDate)")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void endWindowIsActiveWithin(ApiVersion v) {
    LocalDate from = LocalDate.of(2023, 3, 1);
    LocalDate to = LocalDate.of(2023, 3, 31);
    Predicate<License> active =
        l ->
            !l.maintenanceStartDate().isAfter(to)
                && (l.maintenanceEndDate() == null || !l.maintenanceEndDate().isBefore(from));

    List<JsonNode> rows =
        serves(
            v,
            query("startDate", from.toString(), "endDate", to.toString(), "dateType", "end"),
            active);

    assertThat(rows)
        .as("licenses that started before the window and are still active in it count")
        .anySatisfy(
            r -> assertThat(r.get("maintenanceStartDate").asString()).isLessThan("2023-03-01"));
  }

  @DisplayName("§7.2/K24: startDate after endDate answers 200 with no rows")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void reversedWindowIsEmpty(ApiVersion v) {
    assertServes(
        v, Records.LICENSES, query("startDate", "2024-06-01", "endDate", "2024-05-01"), List.of());
    assertServes(
        v,
        Records.LICENSES,
        query("startDate", "2024-06-01", "endDate", "2024-05-01", "dateType", "end"),
        List.of());
  }

  @DisplayName(
      "§7.2: text is a case-insensitive substring of ids, company, contacts and partner fields")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void text(ApiVersion v) {
    License withCompany =
        licenses(l -> l.contactDetails() != null && l.contactDetails().company() != null).get(7);
    String company = withCompany.contactDetails().company();
    String needle = company.substring(0, Math.min(12, company.length())).toUpperCase();
    serves(v, query("text", needle), l -> SpecRules.textMatches(l, needle));

    License dc = licenses(l -> l.hosting().wire().equals("Data Center")).get(3);
    String sen = dc.ids().licenseId();
    serves(v, query("text", sen.toLowerCase()), l -> SpecRules.textMatches(l, sen));

    License partnered = licenses(l -> l.partnerDetails() != null).get(0);
    String partner = partnered.partnerDetails().partnerName();
    serves(v, query("text", partner), l -> SpecRules.textMatches(l, partner));
  }

  @DisplayName("§7.2: tier keeps licenses whose tier names one of the user counts (repeated keys)")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void tier(ApiVersion v) {
    Map<Integer, Long> counts =
        licenses(l -> true).stream()
            .map(l -> SpecRules.users(l.tier().wire()))
            .filter(OptionalInt::isPresent)
            .collect(Collectors.groupingBy(OptionalInt::getAsInt, Collectors.counting()));
    List<Integer> common =
        counts.entrySet().stream()
            .sorted(Map.Entry.<Integer, Long>comparingByValue().reversed())
            .map(Map.Entry::getKey)
            .limit(2)
            .toList();
    int a = common.get(0);
    int b = common.get(1);

    serves(v, query("tier", String.valueOf(a)), l -> users(l) == a);
    serves(
        v,
        query("tier", String.valueOf(a), "tier", String.valueOf(b)),
        l -> users(l) == a || users(l) == b);
  }

  private static int users(License l) {
    return SpecRules.users(l.tier().wire()).orElse(-1);
  }

  @DisplayName("§7.2: licenseType maps the lowercase value to the record's licenseType")
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "V2, evaluation, EVALUATION",
    "V3, evaluation, EVALUATION",
    "V2, commercial, COMMERCIAL",
    "V3, commercial, COMMERCIAL"
  })
  void licenseType(ApiVersion v, String param, String wire) {
    serves(v, query("licenseType", param), l -> l.licenseType().wire().equals(wire));
  }

  @DisplayName("§7.2: licenseType repeated keeps licenses of any of the types")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void licenseTypeRepeated(ApiVersion v) {
    serves(
        v,
        query("licenseType", "evaluation", "licenseType", "demonstration"),
        l -> Set.of("EVALUATION", "DEMONSTRATION").contains(l.licenseType().wire()));
  }

  @DisplayName(
      "§7.2: partnerType direct = no partnerDetails, expert = Expert, reseller ="
          + " Reseller/Corporate_reseller")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void partnerType(ApiVersion v) {
    serves(v, query("partnerType", "direct"), l -> l.partnerDetails() == null);
    serves(
        v,
        query("partnerType", "expert"),
        l ->
            l.partnerDetails() != null && l.partnerDetails().partnerType().wire().equals("Expert"));
    serves(
        v,
        query("partnerType", "reseller"),
        l ->
            l.partnerDetails() != null
                && Set.of("Reseller", "Corporate_reseller")
                    .contains(l.partnerDetails().partnerType().wire()));
    serves(
        v,
        query("partnerType", "expert", "partnerType", "direct"),
        l ->
            l.partnerDetails() == null || l.partnerDetails().partnerType().wire().equals("Expert"));
  }

  @DisplayName("§7.2: hosting cloud/datacenter/server keeps Cloud/Data Center/Server rows")
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "V2, cloud, Cloud",
    "V3, cloud, Cloud",
    "V2, datacenter, Data Center",
    "V3, datacenter, Data Center",
    "V2, server, Server",
    "V3, server, Server"
  })
  void hosting(ApiVersion v, String param, String wire) {
    List<JsonNode> rows = serves(v, query("hosting", param), l -> l.hosting().wire().equals(wire));
    assertThat(rows).allSatisfy(r -> assertThat(r.get("hosting").asString()).isEqualTo(wire));
  }

  @DisplayName("§4.1: a repeated hosting key keeps rows of either hosting")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void hostingRepeated(ApiVersion v) {
    serves(
        v,
        query("hosting", "server", "hosting", "datacenter"),
        l -> !l.hosting().wire().equals("Cloud"));
  }

  @DisplayName("§7.2: status active/cancelled/inactive keeps rows with that lowercase status")
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "V2, active",
    "V3, active",
    "V2, cancelled",
    "V3, cancelled",
    "V2, inactive",
    "V3, inactive"
  })
  void status(ApiVersion v, String status) {
    List<JsonNode> rows = serves(v, query("status", status), l -> l.status().wire().equals(status));
    assertThat(rows).allSatisfy(r -> assertThat(r.get("status").asString()).isEqualTo(status));
  }

  @DisplayName("§7.2/§4.1: lastUpdated keeps rows updated on or after the day; a date-time counts")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void lastUpdated(ApiVersion v) {
    List<License> byUpdate =
        licenses(l -> true).stream().sorted(Comparator.comparing(License::lastUpdated)).toList();
    LocalDate day = byUpdate.get(byUpdate.size() / 2).lastUpdated();
    Predicate<License> onOrAfter = l -> !l.lastUpdated().isBefore(day);

    List<JsonNode> rows = serves(v, query("lastUpdated", day.toString()), onOrAfter);
    assertThat(rows)
        .extracting(r -> r.get("lastUpdated").asString())
        .as("inclusive")
        .contains(day.toString());
    serves(v, query("lastUpdated", day + "T00:00:00Z"), onOrAfter);
    serves(v, query("lastUpdated", day + "T17:45:10Z"), onOrAfter);
    serves(v, query("lastUpdated", day + "T08:00:00"), onOrAfter);
  }

  @DisplayName("§7.4: insight fields are present only with withDataInsights=true")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void withDataInsights(ApiVersion v) {
    List<JsonNode> plain = elements(getJson(Records.LICENSES.export(v)));
    List<JsonNode> insights =
        elements(getJson(Records.LICENSES.export(v) + query("withDataInsights", "true")));
    List<JsonNode> explicitlyOff =
        elements(getJson(Records.LICENSES.export(v) + query("withDataInsights", "false")));

    for (String field : INSIGHT_FIELDS) {
      assertThat(plain).as(field).noneMatch(r -> r.has(field));
    }
    assertThat(explicitlyOff).isEqualTo(plain);
    assertThat(Records.LICENSES.keys(insights)).isEqualTo(Records.LICENSES.keys(plain));
    for (String field : List.of("evaluationOpportunitySize", "parentProductBillingCycle")) {
      assertThat(insights).as(field).anyMatch(r -> r.has(field));
    }
    List<JsonNode> attribution =
        elements(getJson(Records.LICENSES.export(v) + query("withAttribution", "true")));
    assertThat(attribution)
        .as("§7.2 [EMU]: withAttribution acts as withDataInsights")
        .isEqualTo(insights);
    assertThat(insights)
        .as("§7.4: licenses that started before July 2018 read NA")
        .filteredOn(
            r ->
                r.get("maintenanceStartDate").asString().compareTo("2018-07-01") < 0
                    && r.has("evaluationOpportunitySize"))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.get("evaluationOpportunitySize").asString()).isEqualTo("NA"));
  }

  @DisplayName(
      "§7.2: includeAtlassianLicenses=true adds the licenseSourceType=Atlassian rows, absent by"
          + " default")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void includeAtlassianLicenses(ApiVersion v) {
    List<License> atlassian =
        Api.view().licenses().stream()
            .filter(l -> "Atlassian".equals(l.licenseSourceType()))
            .filter(l -> !SpecRules.lifetimeFreeApp(l.addonKey()))
            .toList();
    assertThat(atlassian).as("test data: Atlassian-owned licenses of paid apps").isNotEmpty();

    List<String> expected =
        Api.view().licenses().stream()
            .filter(l -> !SpecRules.lifetimeFreeApp(l.addonKey()))
            .filter(
                l ->
                    SpecRules.commercialBoundary(l.hosting().wire(), l.cloudComplianceBoundaries()))
            .map(License::key)
            .toList();
    List<JsonNode> rows =
        assertServes(v, Records.LICENSES, query("includeAtlassianLicenses", "true"), expected);
    assertThat(Records.LICENSES.keys(rows)).containsAll(licenseKeys(atlassian));
    assertServes(
        v,
        Records.LICENSES,
        query("includeAtlassianLicenses", "false"),
        licenseKeys(licenses(l -> true)));
  }

  @DisplayName(
      "§7.2: showLifeTimeFreeLicenses=true returns only licenses of always-free apps; by default"
          + " they are left out")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void showLifeTimeFreeLicenses(ApiVersion v) {
    List<String> expected =
        Api.view().licenses().stream()
            .filter(l -> SpecRules.lifetimeFreeApp(l.addonKey()))
            .filter(l -> !"Atlassian".equals(l.licenseSourceType()))
            .filter(
                l ->
                    SpecRules.commercialBoundary(l.hosting().wire(), l.cloudComplianceBoundaries()))
            .map(License::key)
            .toList();
    assertThat(expected).as("test data: licenses of a free app").isNotEmpty();

    assertServes(v, Records.LICENSES, query("showLifeTimeFreeLicenses", "true"), expected);
    assertThat(licenseKeys(licenses(l -> true))).doesNotContainAnyElementsOf(expected);
  }

  @DisplayName(
      "§7.2: showLicensesHistory=true returns one row per version of each license, each with"
          + " recordCreatedDate")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void showLicensesHistory(ApiVersion v) {
    License changed =
        licenses(l -> l.hosting().wire().equals("Cloud") && Api.view().history(l).size() >= 3)
            .get(0);
    List<Versioned<License>> versions = Api.view().history(changed);
    String text = changed.ids().appEntitlementNumber();
    List<String> matching = licenseKeys(licenses(l -> SpecRules.textMatches(l, text)));
    assertThat(matching)
        .as("the entitlement number names one license")
        .containsExactly(changed.key());

    for (String path :
        List.of(
            Records.LICENSES.list(v) + query("text", text, "showLicensesHistory", "true"),
            Records.LICENSES.export(v) + query("text", text, "showLicensesHistory", "true"))) {
      JsonNode body = getJson(path);
      List<JsonNode> rows = elements(body.isArray() ? body : body.get("licenses"));
      assertThat(rows).as(path).hasSize(versions.size());
      assertThat(rows)
          .extracting(r -> r.get("recordCreatedDate").asString())
          .containsExactlyElementsOf(versions.stream().map(x -> x.since().toString()).toList());
      assertThat(rows)
          .extracting(r -> r.get("lastUpdated").asString())
          .containsExactlyElementsOf(
              versions.stream().map(x -> x.record().lastUpdated().toString()).toList());
      assertThat(rows)
          .allSatisfy(r -> assertThat(r.get("addonKey").asString()).isEqualTo(changed.addonKey()));
    }

    List<List<String>> csv =
        Api.csv(
            Api.ok(
                    Emulator.get(
                        Records.LICENSES.export(v)
                            + query("text", text, "showLicensesHistory", "true", "accept", "csv")))
                .body());
    assertThat(csv).as("CSV: one row per version").hasSize(versions.size() + 1);

    JsonNode plain = getJson(Records.LICENSES.list(v) + query("text", text));
    assertThat(elements(plain.get("licenses")))
        .singleElement()
        .satisfies(r -> assertThat(r.has("recordCreatedDate")).isFalse());
  }

  @DisplayName("§7.2: filters combine with AND")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void filtersCombine(ApiVersion v) {
    serves(
        v,
        query("hosting", "cloud", "status", "active", "licenseType", "commercial"),
        l ->
            l.hosting().wire().equals("Cloud")
                && l.status().wire().equals("active")
                && l.licenseType().wire().equals("COMMERCIAL"));
  }

  @DisplayName("§7.2/K22: the v2-only licenseType values and legacy_free are accepted in v3")
  @Test
  void licenseTypeUnionAcceptedInV3() {
    for (String type : List.of("net_new_evaluation", "upgrade_evaluation", "legacy_free")) {
      Emulator.Reply r =
          Emulator.get(Records.LICENSES.list(ApiVersion.V3) + query("licenseType", type));
      assertThat(r.status()).as(type).isEqualTo(200);
    }
  }

  @DisplayName(
      "§7.2/§15: appEdition is accepted in lowercase and in the swagger's capitalised form")
  @ParameterizedTest(name = "{0}")
  @EnumSource(ApiVersion.class)
  void appEdition(ApiVersion v) {
    Function<String, Predicate<License>> edition =
        e -> l -> l.appEdition() != null && l.appEdition().equalsIgnoreCase(e);
    for (String e : List.of("standard", "Standard", "advanced", "free")) {
      List<String> expected = licenseKeys(licenses(edition.apply(e)));
      assertServes(v, Records.LICENSES, query("appEdition", e), expected);
    }
  }
}
