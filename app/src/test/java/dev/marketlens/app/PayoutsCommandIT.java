package dev.marketlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
 * {@code marketlens payouts} on a store: empty, then holding a generated world whose ground-truth
 * payouts the ledger must equal; the forecast; the share check with and without the world's catalog
 * configured; bad arguments and a bad configuration.
 */
@DisplayName("marketlens payouts")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class PayoutsCommandIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String AS_OF = "2026-10-31";

  @TempDir static Path home;
  @TempDir static Path world;

  @BeforeAll
  void generate() {
    System.setProperty("marketlens.home", home.toString());
    Cli.Result generated =
        Cli.run("generate", "--seed", "12", "--customers", "150", "--out", world.toString());
    assertThat(generated.exitCode()).as("%s", generated).isZero();
  }

  @AfterAll
  void clearHome() {
    System.clearProperty("marketlens.home");
  }

  @AfterEach
  void removeConfiguration() throws Exception {
    Files.deleteIfExists(home.resolve("revenue-share.csv"));
  }

  private static JsonNode json(Cli.Result result) {
    assertThat(result.exitCode()).as("%s", result).isZero();
    return JSON.readTree(result.out());
  }

  private static JsonNode truth(String file) throws Exception {
    return JSON.readTree(Files.readString(world.resolve("ground-truth/" + file)));
  }

  @Test
  @Order(1)
  @DisplayName("an empty store answers with zero rows")
  void emptyStore() {
    assertThat(json(Cli.run("payouts", "--format", "json", "--as-of", AS_OF)).size()).isZero();
    assertThat(json(Cli.run("payouts", "--forecast", "--format", "json")).size()).isZero();
  }

  @Test
  @Order(2)
  @DisplayName(
      "SR-M1…M3: the ledger of the imported world equals its ground-truth payouts, month by month")
  void ledgerEqualsGroundTruth() throws Exception {
    Cli.Result imported =
        Cli.run(
            "import",
            world.resolve("licenses.json").toString(),
            world.resolve("transactions.json").toString());
    assertThat(imported.exitCode()).as("%s", imported).isZero();
    JsonNode truth = truth("payouts.json");
    String from = truth.get(0).get("month").asString();
    String to = truth.get(truth.size() - 1).get("month").asString();
    JsonNode ours =
        json(Cli.run("payouts", "--from", from, "--to", to, "--as-of", AS_OF, "--format", "json"));
    List<String> expected = new ArrayList<>();
    for (JsonNode m : truth) {
      expected.add(
          String.join(
              " ",
              m.get("month").asString(),
              m.get("sales").asString(),
              m.get("refunds").asString(),
              m.get("carriedIn").asString(),
              m.get("paid").asString(),
              m.get("paymentDate").isNull() ? "-" : m.get("paymentDate").asString(),
              m.get("carriedOut").asString()));
    }
    List<String> actual = new ArrayList<>();
    for (JsonNode m : ours) {
      assertThat(m.get("account").asString()).isEqualTo("default");
      actual.add(
          String.join(
              " ",
              m.get("month").asString(),
              m.get("sales").asString(),
              m.get("refunds").asString(),
              m.get("carriedIn").asString(),
              m.get("paid").asString(),
              m.get("expectedPaymentDate").isNull() ? "-" : m.get("expectedPaymentDate").asString(),
              m.get("carriedOut").asString()));
    }
    assertThat(actual).isNotEmpty().containsExactlyElementsOf(expected);
  }

  @Test
  @Order(3)
  @DisplayName("the ledger's JSON fields, and twelve months up to --as-of by default")
  void fields() {
    JsonNode rows = json(Cli.run("payouts", "--as-of", AS_OF, "--format", "json"));
    assertThat(rows.size()).isEqualTo(12);
    assertThat(rows.get(0).get("month").asString()).isEqualTo("2025-11");
    assertThat(rows.get(0).propertyNames())
        .containsExactly(
            "account",
            "month",
            "sales",
            "refunds",
            "net",
            "salesLines",
            "refundLines",
            "carriedIn",
            "balance",
            "paid",
            "carriedOut",
            "status",
            "paymentWindowStart",
            "paymentWindowEnd",
            "expectedPaymentDate");
    for (JsonNode r : rows) {
      assertThat(r.get("balance").asLong())
          .isEqualTo(r.get("carriedIn").asLong() + r.get("net").asLong());
      assertThat(r.get("paid").asLong() + r.get("carriedOut").asLong())
          .isEqualTo(r.get("balance").asLong());
    }
    Cli.Result table = Cli.run("payouts", "--as-of", AS_OF);
    assertThat(table.exitCode()).isZero();
    assertThat(table.out()).contains("account", "carriedIn", "2026-10");
    Cli.Result csv = Cli.run("payouts", "--as-of", AS_OF, "--format", "csv");
    assertThat(csv.out().lines().findFirst().orElseThrow())
        .isEqualTo(
            "account,month,sales,refunds,net,salesLines,refundLines,carriedIn,balance,paid,"
                + "carriedOut,status,paymentWindowStart,paymentWindowEnd,expectedPaymentDate");
  }

  @Test
  @Order(4)
  @DisplayName("--forecast: October's balance is due in November's window, or waits below $500")
  void forecast() {
    JsonNode ledger = json(Cli.run("payouts", "--as-of", AS_OF, "--format", "json"));
    JsonNode october = ledger.get(ledger.size() - 1);
    JsonNode coming = json(Cli.run("payouts", "--forecast", "--as-of", AS_OF, "--format", "json"));
    assertThat(coming.size()).isEqualTo(1);
    JsonNode next = coming.get(0);
    assertThat(next.get("month").asString()).isEqualTo("2026-10");
    assertThat(next.get("amount").asLong()).isEqualTo(october.get("balance").asLong());
    if (october.get("paid").asLong() > 0) {
      assertThat(next.get("status").asString()).isEqualTo("due");
      assertThat(next.get("expectedPaymentDate").asString()).isEqualTo("2026-11-17");
    } else {
      assertThat(next.get("status").asString()).isEqualTo("below threshold");
      assertThat(next.get("shortfall").asLong())
          .isEqualTo(50_000 - october.get("balance").asLong());
    }
    // Mid-month, September's payout is still ahead and October is open.
    JsonNode midMonth =
        json(Cli.run("payouts", "--forecast", "--as-of", "2026-10-10", "--format", "json"));
    JsonNode tenth = json(Cli.run("payouts", "--as-of", "2026-10-10", "--format", "json"));
    JsonNode sept = tenth.get(tenth.size() - 2);
    assertThat(tenth.get(tenth.size() - 1).get("status").asString()).isEqualTo("open");
    if (sept.get("paid").asLong() > 0) {
      assertThat(midMonth.get(0).get("month").asString()).isEqualTo("2026-09");
      assertThat(midMonth.get(0).get("status").asString()).isEqualTo("due");
      assertThat(midMonth.get(0).get("expectedPaymentDate").asString()).isEqualTo("2026-10-19");
    }
  }

  @Test
  @Order(5)
  @DisplayName(
      "SR-V1…V4: with the world's catalog configured, every line's vendor amount is the expected share")
  void shareCheckWithCatalog() throws Exception {
    JsonNode catalog = truth("catalog.json");
    List<String> config = new ArrayList<>();
    config.add("# app,ADDON_KEY,HOST_PRODUCT,PLATFORM,LISTED,FORGE_INCENTIVE");
    for (JsonNode app : catalog.get("apps")) {
      config.add(
          "app,"
              + app.get("addonKey").asString()
              + ","
              + app.get("hostProduct").asString().replace('_', ' ')
              + ","
              + app.get("platform").asString().replace("PLUGINS_V2", "server")
              + ","
              + app.get("listingDate").asString()
              + ",");
    }
    Files.write(home.resolve("revenue-share.csv"), config);
    JsonNode differences =
        json(
            Cli.run(
                "payouts",
                "--check-share",
                "--from",
                "2018-01",
                "--to",
                "2026-10",
                "--as-of",
                AS_OF,
                "--format",
                "json"));
    assertThat(differences.size()).as("%s", differences).isZero();
    Cli.Result table =
        Cli.run(
            "payouts", "--check-share", "--from", "2018-01", "--to", "2026-10", "--as-of", AS_OF);
    assertThat(table.out()).contains(" 0 differing, 0 without a revenue-share period");
  }

  @Test
  @Order(6)
  @DisplayName(
      "SR-V2, SR-V3: without the catalog, only lines of Forge apps and of other products differ")
  void shareCheckWithoutCatalog() throws Exception {
    List<String> notAssumable = new ArrayList<>();
    for (JsonNode app : truth("catalog.json").get("apps")) {
      String product = app.get("hostProduct").asString();
      if (app.get("platform").asString().equals("FORGE")
          || !List.of("JIRA", "CONFLUENCE", "JIRA_SERVICE_MANAGEMENT").contains(product)) {
        notAssumable.add(app.get("addonKey").asString());
      }
    }
    JsonNode differences =
        json(
            Cli.run(
                "payouts",
                "--check-share",
                "--from",
                "2018-01",
                "--to",
                "2026-10",
                "--as-of",
                AS_OF,
                "--format",
                "json"));
    assertThat(differences.size()).isPositive();
    int forgeFirstYear = 0;
    for (JsonNode d : differences) {
      assertThat(notAssumable).contains(d.get("app").asString());
      assertThat(d.get("arithmetic").asString()).contains(" × ", " % = ", "vendor amount");
      if (d.get("actualShare").decimalValue().compareTo(new java.math.BigDecimal("0.9490")) > 0) {
        forgeFirstYear++;
      }
    }
    // The cloud-only Forge app for JSM is listed after 2022-04-01: its first year pays 95 %.
    assertThat(forgeFirstYear).isPositive();
  }

  @ParameterizedTest(name = "{0}")
  @Order(7)
  @DisplayName("bad arguments exit with code 2 and say what is wrong")
  @CsvSource(
      delimiter = '|',
      value = {
        "--from 2026-13|--from must be a month as YYYY-MM, not '2026-13'",
        "--from 2026-05 --to 2026-04|--from 2026-05 is after --to 2026-04",
        "--format xml|unknown format 'xml'",
        "--as-of 2026-10|--as-of must be a day as YYYY-MM-DD, not '2026-10'",
        "--forecast --from 2026-01|--forecast looks ahead from --as-of; it takes no --from or --to",
        "--forecast --check-share|mutually exclusive",
        "--account nobody|--account: no account named 'nobody'"
      })
  void badArguments(String args, String message) {
    List<String> argv = new ArrayList<>(List.of("payouts"));
    argv.addAll(List.of(args.split(" ")));
    Cli.Result r = Cli.run(argv.toArray(String[]::new));
    assertThat(r.exitCode()).as("%s", r).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains(message);
  }

  @Test
  @Order(8)
  @DisplayName("a bad revenue-share.csv exits with code 2 naming the file, line, field and value")
  void badConfiguration() throws Exception {
    Path file = home.resolve("revenue-share.csv");
    Files.write(file, List.of("# schedule", "period,2022-04-01,,85,85,75,seventy,75"));
    Cli.Result r = Cli.run("payouts", "--check-share", "--as-of", AS_OF);
    assertThat(r.exitCode()).as("%s", r).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains(file + " line 2, field SERVER: 'seventy' is not a percentage");
    assertThat(r.out()).isEmpty();
  }
}
