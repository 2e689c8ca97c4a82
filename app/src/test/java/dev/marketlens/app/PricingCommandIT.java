package dev.marketlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code marketlens pricing} on a store holding a generated world and the world's own price book:
 * import, the audit, guidance, impact, and bad arguments (exit code 2).
 */
@DisplayName("marketlens pricing")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class PricingCommandIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir static Path home;
  @TempDir static Path world;
  @TempDir static Path files;

  @BeforeAll
  void generate() {
    System.setProperty("marketlens.home", home.toString());
    Cli.Result generated =
        Cli.run("generate", "--seed", "11", "--customers", "150", "--out", world.toString());
    assertThat(generated.exitCode()).as("%s", generated).isZero();
    Cli.Result imported =
        Cli.run(
            "import",
            world.resolve("licenses.json").toString(),
            world.resolve("transactions.json").toString());
    assertThat(imported.exitCode()).as("%s", imported).isZero();
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
  @Order(1)
  @DisplayName("the audit without a price book says how to import one (exit 2)")
  void auditWithoutBook() {
    Cli.Result result = Cli.run("pricing", "audit");
    assertThat(result.exitCode()).isEqualTo(Main.USAGE);
    assertThat(result.err()).contains("has no price book yet: import one with");
  }

  @Test
  @Order(2)
  @DisplayName("the world's price book imports and prints back as the same rows")
  void importBook() throws Exception {
    Path csv = world.resolve("ground-truth/price-book.csv");
    Cli.Result imported = Cli.run("pricing", "import", csv.toString());
    assertThat(imported.exitCode()).as("%s", imported).isZero();
    long rows = Files.readAllLines(csv).size() - 1;
    assertThat(imported.out()).contains(rows + " prices in");
    JsonNode book = json(Cli.run("pricing", "book", "--format", "json"));
    assertThat(book.size()).isEqualTo((int) rows);
    assertThat(book.get(0).get("price").isIntegralNumber()).isTrue();
  }

  @Test
  @Order(3)
  @DisplayName("end to end: the world's own price book explains every line of its transactions")
  void auditExplainsEveryLine() {
    Cli.Result byRule = Cli.run("pricing", "audit", "--by-rule", "--format", "json");
    JsonNode counts = json(byRule);
    long explained = 0;
    long unexplained = 0;
    for (JsonNode row : counts) {
      explained += row.get("explained").asLong();
      unexplained += row.get("unexplained").asLong();
    }
    Cli.Result lines = Cli.run("pricing", "audit", "--format", "csv");
    assertThat(explained).isPositive();
    assertThat(unexplained).as("%s\n%s", byRule.out(), lines.out()).isZero();
    assertThat(byRule.err()).contains(explained + " lines audited");
  }

  @Test
  @Order(4)
  @DisplayName("guidance: the cloud-server ratio, and the normalised ratio with a reference table")
  void guidance() throws Exception {
    JsonNode ratio =
        json(Cli.run("pricing", "guidance", "--as-of", "2026-10-31", "--format", "json"));
    assertThat(ratio.size()).isPositive();
    assertThat(ratio.get(0).has("ratio")).isTrue();
    Path reference = files.resolve("dc.csv");
    Files.writeString(
        reference,
        "Users,Average Annual Price\n10,1000.00\n100,5500.00\n250,10000.00\n1000,25000.00\n");
    JsonNode normalised =
        json(
            Cli.run(
                "pricing",
                "guidance",
                "--reference",
                reference.toString(),
                "--as-of",
                "2026-10-31",
                "--format",
                "json"));
    assertThat(normalised.size()).isPositive();
    assertThat(normalised.get(1).get("tier").asString()).isEqualTo("11-100");
  }

  @Test
  @Order(5)
  @DisplayName(
      "impact: 12 months from the effective date, the projection at or above the baseline for a rise")
  void impact() throws Exception {
    String book = Files.readString(world.resolve("ground-truth/price-book.csv"));
    StringBuilder raised =
        new StringBuilder("App Key,Hosting,Effective From,Tier,Price,Renewal Price\n");
    book.lines()
        .skip(1)
        .forEach(
            line -> {
              String[] c = line.split(",", -1);
              long cents = Math.round(Double.parseDouble(c[4]) * 100) * 2;
              raised
                  .append(String.join(",", c[0], c[1], c[2], c[3]))
                  .append(',')
                  .append(cents / 100)
                  .append('.')
                  .append(String.format("%02d", cents % 100))
                  .append(",\n");
            });
    Path newBook = files.resolve("raised.csv");
    Files.writeString(newBook, raised);
    JsonNode months =
        json(
            Cli.run(
                "pricing",
                "impact",
                "--book",
                newBook.toString(),
                "--effective",
                "2026-11-01",
                "--as-of",
                "2026-10-31",
                "--format",
                "json"));
    assertThat(months.size()).isEqualTo(12);
    assertThat(months.get(0).get("month").asString()).isEqualTo("2026-11");
    long base = 0;
    long projected = 0;
    for (JsonNode m : months) {
      base += m.get("baselineRevenue").asLong();
      projected += m.get("projectedRevenue").asLong();
      assertThat(m.get("projectedMrr").asLong())
          .isGreaterThanOrEqualTo(m.get("baselineMrr").asLong());
    }
    assertThat(projected).isGreaterThan(base);
  }

  @Test
  @Order(6)
  @DisplayName("bad arguments and files exit with code 2 and say what is wrong")
  void badArguments() throws Exception {
    Path bad = files.resolve("bad.csv");
    Files.writeString(
        bad, "App Key,Hosting,Effective From,Tier,Price\napp,Cloud,2024-13-01,10 Users,5.00\n");
    Cli.Result badFile = Cli.run("pricing", "import", bad.toString());
    assertThat(badFile.exitCode()).isEqualTo(Main.USAGE);
    assertThat(badFile.err())
        .contains(bad + ": line 2, column \"Effective From\": value \"2024-13-01\" is not a day");
    Cli.Result missing = Cli.run("pricing", "import", files.resolve("nope.csv").toString());
    assertThat(missing.exitCode()).isEqualTo(Main.USAGE);
    assertThat(missing.err()).contains("nope.csv cannot be read");
    Cli.Result format = Cli.run("pricing", "audit", "--format", "xml");
    assertThat(format.exitCode()).isEqualTo(Main.USAGE);
    assertThat(format.err()).contains("unknown format 'xml'");
    Cli.Result effective =
        Cli.run("pricing", "impact", "--book", bad.toString(), "--effective", "next week");
    assertThat(effective.exitCode()).isEqualTo(Main.USAGE);
    assertThat(effective.err())
        .contains("--effective must be a day as YYYY-MM-DD, not 'next week'");
    Cli.Result account = Cli.run("pricing", "book", "--account", "nobody");
    assertThat(account.exitCode()).isNotZero();
    assertThat(account.err()).contains("no account named nobody");
    Cli.Result none = Cli.run("pricing");
    assertThat(none.exitCode()).isEqualTo(Main.USAGE);
  }
}
