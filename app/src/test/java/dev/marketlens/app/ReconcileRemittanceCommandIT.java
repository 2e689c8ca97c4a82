package dev.marketlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
 * {@code marketlens reconcile remittance}: a world generated with remittance mismatches, its
 * transactions imported, its remittance CSVs reconciled as files and after import; bad arguments.
 */
@DisplayName("marketlens reconcile remittance")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class ReconcileRemittanceCommandIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir static Path home;
  @TempDir static Path world;

  private List<String> remittanceFiles;

  @BeforeAll
  void generate() throws Exception {
    System.setProperty("marketlens.home", home.toString());
    Cli.Result generated =
        Cli.run(
            "generate",
            "--seed",
            "12",
            "--customers",
            "150",
            "--remittance-mismatches",
            "--out",
            world.toString());
    assertThat(generated.exitCode()).as("%s", generated).isZero();
    Cli.Result imported = Cli.run("import", world.resolve("transactions.json").toString());
    assertThat(imported.exitCode()).as("%s", imported).isZero();
    try (var files = Files.list(world.resolve("remittance"))) {
      remittanceFiles = files.map(Path::toString).sorted().toList();
    }
  }

  @AfterAll
  void clearHome() {
    System.clearProperty("marketlens.home");
  }

  private static JsonNode json(Cli.Result result) {
    assertThat(result.exitCode()).as("%s", result).isZero();
    return JSON.readTree(result.out());
  }

  private Cli.Result reconcile(String... more) {
    List<String> args = new ArrayList<>(List.of("reconcile", "remittance"));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  /** What the ground truth says must be found, as outcome|order|license. */
  private Set<String> injected() throws Exception {
    JsonNode truth = JSON.readTree(world.resolve("ground-truth/remittance-truth.json").toFile());
    Set<String> expected = new HashSet<>();
    for (JsonNode m : truth.get("mismatches")) {
      String outcome =
          switch (m.get("kind").asString()) {
            case "MISSING_LINE" -> "not-in-remittance";
            case "CHANGED_AMOUNT" -> "amount-difference";
            default -> "cancelled-refund";
          };
      expected.add(
          outcome + "|" + m.get("orderId").asString() + "|" + m.get("licenseId").asString());
    }
    for (JsonNode r : truth.get("remittanceOnly")) {
      String ref = r.get("reference").asString();
      String outcome =
          ref.startsWith("ATL") ? "ten-k-bill" : ref.endsWith("A") ? "concession-bill" : "ela-bill";
      JsonNode license = r.get("licenseId");
      expected.add(
          outcome
              + "|"
              + r.get("orderId").asString()
              + "|"
              + (license.isNull() ? "null" : license.asString()));
    }
    return expected;
  }

  private static Set<String> found(JsonNode lines) {
    Set<String> found = new HashSet<>();
    lines.forEach(
        l ->
            found.add(
                l.get("outcome").asString()
                    + "|"
                    + l.get("orderId").asString()
                    + "|"
                    + (l.get("licenseId").isNull() ? "null" : l.get("licenseId").asString())));
    return found;
  }

  @Test
  @Order(1)
  @DisplayName(
      "the generated remittance files against the imported transactions: exactly the injected"
          + " mismatches and the remittance-only lines need attention")
  void filesFindTheInjectedMismatches() throws Exception {
    List<String> args = new ArrayList<>(remittanceFiles);
    args.addAll(List.of("--view", "lines", "--format", "json"));
    JsonNode lines = json(reconcile(args.toArray(String[]::new)));
    assertThat(found(lines)).isEqualTo(injected());
    assertThat(lines.size()).isEqualTo(injected().size());
  }

  @Test
  @Order(2)
  @DisplayName(
      "after importing the remittance CSVs, --imported gives the same months as the files,"
          + " remitted totals equal to the ground truth's")
  void importedEqualsFiles() throws Exception {
    List<String> args = new ArrayList<>(List.of("import"));
    args.addAll(remittanceFiles);
    Cli.Result imported = Cli.run(args.toArray(String[]::new));
    assertThat(imported.exitCode()).as("%s", imported).isZero();
    List<String> fileArgs = new ArrayList<>(remittanceFiles);
    fileArgs.addAll(List.of("--format", "json"));
    JsonNode fromFiles = json(reconcile(fileArgs.toArray(String[]::new)));
    JsonNode fromStore = json(reconcile("--imported", "--format", "json"));
    assertThat(fromStore).isEqualTo(fromFiles);
    JsonNode truth = JSON.readTree(world.resolve("ground-truth/remittance-truth.json").toFile());
    for (JsonNode month : truth.get("months")) {
      if (month.get("lines").asInt() == 0) {
        continue;
      }
      JsonNode row = null;
      for (JsonNode r : fromStore) {
        if (r.get("month").asString().equals(month.get("month").asString())) {
          row = r;
        }
      }
      assertThat(row).as(month.get("month").asString()).isNotNull();
      assertThat(row.get("remitted").asLong()).isEqualTo(month.get("netRevenue").asLong());
    }
  }

  @Test
  @Order(4)
  @DisplayName(
      "a corrected remittance imported later replaces the file it re-issues: --imported equals"
          + " reconciling the corrected file alone")
  void correctedFileReplacesTheEarlierOne(@TempDir Path dir) throws Exception {
    Path original = world.resolve("remittance").resolve("2024-03.csv");
    List<String> lines = Files.readAllLines(original);
    assertThat(lines).hasSizeGreaterThan(2);
    Path corrected = dir.resolve("2024-03-corrected.csv");
    Files.write(corrected, lines.subList(0, lines.size() - 1));
    JsonNode before = json(reconcile("--imported", "--month", "2024-03", "--format", "json"));
    Cli.Result imported = Cli.run("import", corrected.toString());
    assertThat(imported.exitCode()).as("%s", imported).isZero();
    JsonNode after = json(reconcile("--imported", "--month", "2024-03", "--format", "json"));
    JsonNode alone =
        json(reconcile(corrected.toString(), "--month", "2024-03", "--format", "json"));
    assertThat(after).isEqualTo(alone);
    assertThat(after.get(0).get("remittanceLines").asInt())
        .isEqualTo(before.get(0).get("remittanceLines").asInt() - 1);
  }

  @Test
  @Order(3)
  @DisplayName("--month keeps one month: its row and nothing else")
  void oneMonth() {
    JsonNode rows = json(reconcile("--imported", "--month", "2024-03", "--format", "json"));
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get("month").asString()).isEqualTo("2024-03");
  }

  @Test
  @DisplayName("neither files nor --imported exits 2 saying what to give")
  void nothingToReconcile() {
    Cli.Result result = reconcile();
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("give one or more remittance CSV files, or --imported");
  }

  @Test
  @DisplayName("files and --imported together exit 2")
  void both() {
    Cli.Result result = reconcile(remittanceFiles.get(0), "--imported");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("not both");
  }

  @Test
  @DisplayName("a missing file exits 2 naming it")
  void missingFile() {
    Cli.Result result = reconcile(world.resolve("nope.csv").toString());
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("nope.csv: no such file");
  }

  @Test
  @DisplayName("--month 2024-13 and --view nonsense exit 2 naming the option and the value")
  void badOptions() {
    Cli.Result month = reconcile("--imported", "--month", "2024-13");
    assertThat(month.exitCode()).isEqualTo(2);
    assertThat(month.err()).contains("--month must be a month as YYYY-MM, not '2024-13'");
    Cli.Result view = reconcile("--imported", "--view", "nonsense");
    assertThat(view.exitCode()).isEqualTo(2);
    assertThat(view.err()).contains("unknown view 'nonsense'; expected months|kinds|lines");
    Cli.Result format = reconcile("--imported", "--format", "xml");
    assertThat(format.exitCode()).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "a bad remittance file fails with the importer's precise error (file, line, column, value)"
          + " and exit 1")
  void badFile(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.csv");
    Files.writeString(
        bad,
        "Sale Date,Order ID,License ID (Host SEN),Customer Name,App Name,Sale Price,Net"
            + " Revenue,Reference #\n"
            + "01/03/2024,AT-1,SEN-1,Globex,Planner,10.00,7.50,MPV1\n");
    Cli.Result result = reconcile(bad.toString());
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .contains(
            "bad.csv line 2, column Sale Date: \"01/03/2024\" is not a date (expected YYYY-MM-DD)");
  }

  @Test
  @DisplayName("reconcile without a subcommand still requires --from and --to: exit 2 naming them")
  void parentStillRequiresFromTo() {
    Cli.Result result = Cli.run("reconcile", "--to", "2024-03");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("Missing required option: '--from=YYYY-MM'");
    Cli.Result neither = Cli.run("reconcile");
    assertThat(neither.exitCode()).isEqualTo(2);
    assertThat(neither.err())
        .contains("Missing required options: '--from=YYYY-MM', '--to=YYYY-MM'");
  }
}
