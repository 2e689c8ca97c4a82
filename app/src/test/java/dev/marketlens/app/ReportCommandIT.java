package dev.marketlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code marketlens report} on a store: empty, then holding a generated world, whose ground truth
 * the movements must equal; the JSON shapes of every report; bad arguments.
 */
@DisplayName("marketlens report")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class ReportCommandIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir static Path home;
  @TempDir static Path world;

  @BeforeAll
  void generate() {
    System.setProperty("marketlens.home", home.toString());
    Cli.Result generated =
        Cli.run("generate", "--seed", "11", "--customers", "150", "--out", world.toString());
    assertThat(generated.exitCode()).as("%s", generated).isZero();
  }

  @AfterAll
  void clearHome() {
    System.clearProperty("marketlens.home");
  }

  private static JsonNode json(Cli.Result result) {
    assertThat(result.exitCode()).as("%s", result).isZero();
    return JSON.readTree(result.out());
  }

  private static List<String> fields(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.propertyNames().forEach(names::add);
    return names;
  }

  @Test
  @Order(1)
  @DisplayName("an empty store answers with zero rows, not an error")
  void emptyStore() {
    JsonNode rows =
        json(
            Cli.run(
                "report", "movements", "--from", "2025-01", "--to", "2025-03", "--format", "json"));
    assertThat(rows.isArray()).isTrue();
    assertThat(rows.size()).isZero();
  }

  @Test
  @Order(2)
  @DisplayName("movements from the imported world equal its ground truth month by month")
  void movementsEqualGroundTruth() throws Exception {
    Cli.Result imported =
        Cli.run(
            "import",
            world.resolve("licenses.json").toString(),
            world.resolve("transactions.json").toString());
    assertThat(imported.exitCode()).as("%s", imported).isZero();
    JsonNode truth = JSON.readTree(Files.readString(world.resolve("ground-truth/movements.json")));
    String from = truth.get(0).get("month").asString();
    String to = truth.get(truth.size() - 1).get("month").asString();
    JsonNode ours =
        json(
            Cli.run(
                "report",
                "movements",
                "--from",
                from,
                "--to",
                to,
                "--as-of",
                "2026-10-31",
                "--format",
                "json"));
    assertThat(ours).isEqualTo(truth);
  }

  @ParameterizedTest(name = "{0}")
  @Order(3)
  @DisplayName("every report's JSON has the contract's fields, in order")
  @CsvSource(
      delimiter = '|',
      value = {
        "movements|month openingMrr newMrr expansionMrr contractionMrr churnedMrr reactivationMrr"
            + " closingMrr customers",
        "mrr|month mrr arr customers arpa",
        "churn|month customersOpening customersChurned logoChurnRate grossRevenueChurnRate"
            + " netRevenueChurnRate",
        "nrr|month nrr grr nrr12 grr12",
        "cohorts|cohort size retention",
        "renewals|month opportunities renewed logoRenewalRate revenueRenewalRate netRenewalRate"
            + " pending renewedUnpaid",
        "conversion|month evaluations converted conversionRate eventualConversions"
            + " medianDaysToConvert evaluationsEnding convertedEnding atlassianConversionRate",
        "growth|month netNewMrr mrrGrowth expansionRate quickRatio quickRatioWithoutReactivation"
            + " meanLogoChurn12 averageLifetimeMonths ltv"
      })
  void shapes(String kind, String expected) {
    JsonNode rows =
        json(
            Cli.run(
                "report",
                kind,
                "--from",
                "2025-01",
                "--to",
                "2025-06",
                "--as-of",
                "2026-10-31",
                "--format",
                "json"));
    assertThat(rows.size()).isEqualTo(6);
    assertThat(fields(rows.get(0))).containsExactly(expected.split(" "));
  }

  @Test
  @Order(4)
  @DisplayName(
      "--by adds a segment field and segment in/out; the rows of a month add up to the month")
  void segmented() {
    JsonNode all =
        json(
            Cli.run(
                "report",
                "movements",
                "--from",
                "2025-01",
                "--to",
                "2025-01",
                "--as-of",
                "2026-10-31",
                "--format",
                "json"));
    JsonNode byHosting =
        json(
            Cli.run(
                "report",
                "movements",
                "--from",
                "2025-01",
                "--to",
                "2025-01",
                "--as-of",
                "2026-10-31",
                "--by",
                "hosting",
                "--format",
                "json"));
    assertThat(fields(byHosting.get(0)))
        .containsExactly(
            "month",
            "segment",
            "openingMrr",
            "newMrr",
            "expansionMrr",
            "contractionMrr",
            "churnedMrr",
            "reactivationMrr",
            "segmentInMrr",
            "segmentOutMrr",
            "closingMrr",
            "customers");
    long customers = 0;
    for (JsonNode row : byHosting) {
      customers += row.get("customers").asLong();
    }
    assertThat(customers).isGreaterThanOrEqualTo(all.get(0).get("customers").asLong());
    long closing = 0;
    for (JsonNode row : byHosting) {
      closing += row.get("closingMrr").asLong();
    }
    // Each customer's MRR in each segment is rounded to cents on its own.
    assertThat(Math.abs(closing - all.get(0).get("closingMrr").asLong()))
        .isLessThanOrEqualTo(byHosting.size() * (long) customers);
  }

  @Test
  @Order(5)
  @DisplayName("CSV has a header and one row per month; the table shows dollars")
  void csvAndTable() {
    Cli.Result csv =
        Cli.run(
            "report",
            "mrr",
            "--from",
            "2025-01",
            "--to",
            "2025-03",
            "--as-of",
            "2026-10-31",
            "--format",
            "csv");
    assertThat(csv.exitCode()).isZero();
    assertThat(csv.out().lines().toList())
        .hasSize(4)
        .first()
        .isEqualTo("month,mrr,arr,customers,arpa");
    Cli.Result table =
        Cli.run("report", "mrr", "--from", "2025-01", "--to", "2025-01", "--as-of", "2026-10-31");
    assertThat(table.out()).contains("2025-01").containsPattern("\\d,?\\d*\\.\\d\\d");
  }

  @Test
  @Order(6)
  @DisplayName("customers.csv merges customers by hand: the merged customers count once")
  void customerOverrides() throws Exception {
    String[] args = {
      "report",
      "mrr",
      "--from",
      "2025-06",
      "--to",
      "2025-06",
      "--as-of",
      "2026-10-31",
      "--format",
      "json"
    };
    long before = json(Cli.run(args)).get(0).get("customers").asLong();
    JsonNode ledger =
        json(
            Cli.run(
                "report", "ledger", "--from", "2024-01", "--to", "2025-06", "--format", "json"));
    java.util.Set<String> customers = new java.util.TreeSet<>();
    StringBuilder file = new StringBuilder("key,customer\n");
    for (JsonNode line : ledger) {
      if (customers.size() < 3 && customers.add(line.get("customer").asString())) {
        file.append(line.get("license").asString()).append(",One Big Customer\n");
      }
    }
    Files.writeString(home.resolve("customers.csv"), file.toString());
    try {
      long after = json(Cli.run(args)).get(0).get("customers").asLong();
      assertThat(after).isLessThan(before);
      Files.writeString(home.resolve("customers.csv"), "license,who\nE-1,Acme\n");
      Cli.Result bad = Cli.run(args);
      assertThat(bad.exitCode()).isEqualTo(1);
      assertThat(bad.err()).contains("customers.csv line 1: the header must be key,customer");
    } finally {
      Files.delete(home.resolve("customers.csv"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @Order(7)
  @DisplayName("bad arguments exit with 2 and say what is wrong")
  @CsvSource(
      delimiter = '|',
      value = {
        "bogus --from 2025-01 --to 2025-02|unknown report 'bogus'",
        "movements --from 2025-13 --to 2026-01|--from must be a month as YYYY-MM, not '2025-13'",
        "movements --from 2025-05 --to 2025-01|--from 2025-05 is after --to 2025-01",
        "movements --by planet|unknown dimension 'planet'",
        "movements --where hosting|a filter is DIMENSION=VALUE",
        "movements --as-of 2025-02-30|--as-of must be a day as YYYY-MM-DD",
        "movements --format xml|unknown format 'xml'",
        "movements --gross --list|mutually exclusive",
        "cohorts --measure people|unknown cohort measure 'people'"
      })
  void badArguments(String args, String message) {
    Cli.Result result = Cli.run(("report " + args).split(" "));
    assertThat(result.exitCode()).as("%s", result).isEqualTo(2);
    assertThat(result.err()).contains(message);
  }
}
