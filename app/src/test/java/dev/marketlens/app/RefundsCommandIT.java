package dev.marketlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code marketlens refunds} and {@code marketlens license-checks} on a store holding a generated
 * world: the refunds per month equal the world's ground truth, the rows add up to the summary, and
 * bad arguments exit with code 2.
 */
@DisplayName("marketlens refunds, marketlens license-checks")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefundsCommandIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir static Path home;
  @TempDir static Path world;

  private JsonNode truth;
  private String from;
  private String to;

  @BeforeAll
  void importWorld() throws Exception {
    System.setProperty("marketlens.home", home.toString());
    Cli.Result generated =
        Cli.run("generate", "--seed", "12", "--customers", "400", "--out", world.toString());
    assertThat(generated.exitCode()).as("%s", generated).isZero();
    Cli.Result imported =
        Cli.run(
            "import",
            world.resolve("licenses.json").toString(),
            world.resolve("transactions.json").toString());
    assertThat(imported.exitCode()).as("%s", imported).isZero();
    truth = JSON.readTree(Files.readString(world.resolve("ground-truth/refunds.json")));
    assertThat(truth.size()).as("months with refunds").isGreaterThan(5);
    from = truth.get(0).get("month").asString();
    to = truth.get(truth.size() - 1).get("month").asString();
  }

  @AfterAll
  void clearHome() {
    System.clearProperty("marketlens.home");
  }

  private static JsonNode json(Cli.Result result) {
    assertThat(result.exitCode()).as("%s", result).isZero();
    return JSON.readTree(result.out());
  }

  @Test
  @DisplayName(
      "SR-F1…F4: refunds --summary equals the ground truth's refunds: count, amounts, rules")
  void summaryEqualsGroundTruth() {
    JsonNode rows =
        json(Cli.run("refunds", "--summary", "--from", from, "--to", to, "--format", "json"));
    List<String> ours = new ArrayList<>();
    for (JsonNode r : rows) {
      if (r.get("refunds").asInt() == 0) {
        continue;
      }
      Map<String, Integer> byRule = new TreeMap<>();
      for (String rule :
          List.of(
              "FULL_WITHIN_30_DAYS",
              "DISCRETIONARY_31_TO_60_DAYS",
              "PARTNER_APPROVAL_31_TO_60_DAYS",
              "UPGRADE_REALLOCATION_31_TO_90_DAYS",
              "OUTSIDE_POLICY")) {
        int n = r.get(field(rule)).asInt();
        if (n > 0) {
          byRule.put(rule, n);
        }
      }
      assertThat(r.get("unlinked").asInt()).isZero();
      ours.add(
          r.get("month").asString()
              + " "
              + r.get("refunds").asInt()
              + " "
              + r.get("purchasePrice").asLong()
              + " "
              + r.get("vendorAmount").asLong()
              + " "
              + byRule);
    }
    List<String> expected = new ArrayList<>();
    for (JsonNode t : truth) {
      Map<String, Integer> byRule = new TreeMap<>();
      t.get("byRule").properties().forEach(e -> byRule.put(e.getKey(), e.getValue().asInt()));
      expected.add(
          t.get("month").asString()
              + " "
              + t.get("count").asInt()
              + " "
              + t.get("purchasePrice").asLong()
              + " "
              + t.get("vendorAmount").asLong()
              + " "
              + byRule);
    }
    assertThat(ours).containsExactlyElementsOf(expected);
  }

  private static String field(String rule) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : rule.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  @Test
  @DisplayName(
      "refunds: one row per refund with its rule and days; the rows add up to the summary; --rule keeps one rule")
  void rowsAddUpToTheSummary() {
    JsonNode rows = json(Cli.run("refunds", "--from", from, "--to", to, "--format", "json"));
    JsonNode summary =
        json(Cli.run("refunds", "--summary", "--from", from, "--to", to, "--format", "json"));
    long refunds = 0;
    long purchase = 0;
    int full = 0;
    for (JsonNode r : rows) {
      if (r.get("kind").asString().equals("refund")) {
        refunds++;
        purchase += r.get("purchasePrice").asLong();
        assertThat(r.get("days").asInt()).isNotNegative();
        assertThat(r.get("refundedLineItemId").isNull()).isFalse();
      }
      if (r.get("rule").asString().equals("full-within-30-days")) {
        full++;
        assertThat(r.get("seedRule").asString()).isEqualTo("SR-F1");
        assertThat(r.get("days").asInt()).isBetween(0, 30);
      }
    }
    long summaryRefunds = 0;
    long summaryPurchase = 0;
    for (JsonNode m : summary) {
      summaryRefunds += m.get("refunds").asLong();
      summaryPurchase += m.get("purchasePrice").asLong();
    }
    assertThat(refunds).isEqualTo(summaryRefunds).isPositive();
    assertThat(purchase).isEqualTo(summaryPurchase);
    JsonNode onlyFull =
        json(
            Cli.run(
                "refunds",
                "--from",
                from,
                "--to",
                to,
                "--rule",
                "full-within-30-days",
                "--format",
                "json"));
    assertThat(onlyFull.size()).isEqualTo(full).isPositive();
    JsonNode cloud =
        json(
            Cli.run(
                "refunds",
                "--from",
                from,
                "--to",
                to,
                "--where",
                "hosting=cloud",
                "--format",
                "json"));
    int cloudRows = 0;
    for (JsonNode r : rows) {
      cloudRows += r.get("hosting").asString().equals("Cloud") ? 1 : 0;
    }
    assertThat(cloud.size()).isEqualTo(cloudRows);
    Cli.Result csv = Cli.run("refunds", "--from", from, "--to", to, "--format", "csv");
    assertThat(csv.exitCode()).isZero();
    assertThat(csv.out()).startsWith("saleDate,kind,rule,seedRule,days,");
  }

  @Test
  @DisplayName("license-checks: findings with the contract's fields; --kind keeps one kind")
  void licenseChecks() {
    JsonNode all = json(Cli.run("license-checks", "--format", "json"));
    for (JsonNode f : all) {
      List<String> names = new ArrayList<>();
      f.propertyNames().forEach(names::add);
      assertThat(names)
          .containsExactly(
              "kind",
              "license",
              "app",
              "licenseType",
              "transactionId",
              "transactionLineItemId",
              "date",
              "licenseValue",
              "transactionValue",
              "detail");
    }
    JsonNode gaps =
        json(Cli.run("license-checks", "--kind", "maintenance-gap", "--format", "json"));
    for (JsonNode f : gaps) {
      assertThat(f.get("kind").asString()).isEqualTo("maintenance-gap");
    }
    assertThat(gaps.size()).isLessThanOrEqualTo(all.size());
    Cli.Result table = Cli.run("license-checks");
    assertThat(table.exitCode()).as("%s", table).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @DisplayName("bad arguments exit with code 2 and say what is wrong")
  @CsvSource(
      delimiter = '|',
      value = {
        "refunds --rule late|unknown --rule 'late'",
        "refunds --from 2025-13|--from must be a month as YYYY-MM, not '2025-13'",
        "refunds --from 2025-06 --to 2025-01|--from 2025-06 is after --to 2025-01",
        "refunds --format xml|unknown format 'xml'",
        "refunds --summary --rule outside-policy|--summary counts every rule",
        "refunds --where edition=Premium|refunds cannot be filtered by edition",
        "refunds --where hosting|a filter is DIMENSION=VALUE",
        "license-checks --kind gaps|unknown --kind 'gaps'",
        "license-checks --format xml|unknown format 'xml'"
      })
  void badArguments(String args, String message) {
    Cli.Result r = Cli.run(args.split(" "));
    assertThat(r.exitCode()).as("%s", r).isEqualTo(2);
    assertThat(r.err()).contains(message);
  }
}
