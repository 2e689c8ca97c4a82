package dev.marketlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.model.license.License;
import dev.marketlens.model.transaction.TransactionLine;
import dev.marketlens.sync.wire.ExportReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
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

/**
 * {@code marketlens import}, {@code export} and {@code history} on the exports of a generated
 * world, in one home whose database the tests share, in order.
 */
@DisplayName("marketlens import, export, history")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class ImportExportIT {
  @TempDir static Path home;
  @TempDir static Path world;

  @BeforeAll
  void generate() {
    System.setProperty("marketlens.home", home.toString());
    Cli.Result generated =
        Cli.run("generate", "--seed", "7", "--customers", "120", "--out", world.toString());
    assertThat(generated.exitCode()).as("%s", generated).isZero();
  }

  @AfterAll
  void clearHome() {
    System.clearProperty("marketlens.home");
  }

  @Test
  @Order(1)
  @DisplayName(
      "a bad file is refused with file, line, field and value, and nothing of it is stored")
  void a_bad_file_stores_nothing() throws IOException {
    List<String> lines = Files.readAllLines(world.resolve("transactions.csv"));
    String bad = lines.get(5).replaceFirst(",\"?20\\d\\d-\\d\\d-\\d\\d\"?,", ",\"2024-13-45\",");
    assertThat(bad).isNotEqualTo(lines.get(5));
    List<String> broken = new ArrayList<>(lines);
    broken.set(5, bad);
    Path file = world.resolve("broken-transactions.csv");
    Files.write(file, broken);

    Cli.Result result = Cli.run("import", file.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .startsWith("marketlens: broken-transactions.csv line 6")
        .contains("2024-13-45")
        .endsWith("— nothing of this file was imported\n");
    Cli.Result export = Cli.run("export", "transactions", "--format", "json");
    assertThat(export.out().strip()).isEqualTo("[]");
  }

  @Test
  @Order(2)
  @DisplayName("exports import by content, CSV or JSON; the counts are printed")
  void import_exports() throws IOException {
    Cli.Result result =
        Cli.run(
            "import",
            world.resolve("licenses.json").toString(),
            world.resolve("transactions.json").toString());

    assertThat(result.exitCode()).as("%s", result).isZero();
    long licenses = licenses(world.resolve("licenses.json")).size();
    long lines = transactions(world.resolve("transactions.json")).size();
    assertThat(result.out())
        .contains(
            String.format("licenses.json: %,d licenses (JSON): ", licenses),
            String.format(
                "transactions.json: %,d transaction lines (JSON): %,d new", lines, lines));
  }

  @Test
  @Order(3)
  @DisplayName(
      "the same file again is skipped; the same records as CSV, which lacks some fields, change"
          + " nothing")
  void reimport_is_idempotent() {
    Cli.Result again = Cli.run("import", world.resolve("transactions.json").toString());
    assertThat(again.out()).endsWith("transactions.json: imported before, skipped\n");

    Cli.Result json = Cli.run("import", world.resolve("transactions.csv").toString());
    assertThat(json.exitCode()).as("%s", json).isZero();
    assertThat(json.out()).contains(" 0 new, 0 changed, ").contains(" 0 drifted");
  }

  @Test
  @Order(4)
  @DisplayName("export gives back the imported records, in CSV and in JSON")
  void export_round_trips() throws IOException {
    Path csv = world.resolve("exported-transactions.csv");
    Path json = world.resolve("exported-licenses.json");
    assertThat(Cli.run("export", "transactions", "--out", csv.toString()).exitCode()).isZero();
    assertThat(
            Cli.run("export", "licenses", "--format", "json", "--out", json.toString()).exitCode())
        .isZero();

    assertThat(new HashSet<>(transactions(csv)))
        .isEqualTo(new HashSet<>(transactions(world.resolve("transactions.csv"))));
    assertThat(new HashSet<>(licenses(json)))
        .isEqualTo(new HashSet<>(licenses(world.resolve("licenses.json"))));
  }

  @Test
  @Order(5)
  @DisplayName("history shows the versions of a transaction by its id")
  void history_of_a_transaction() throws IOException {
    TransactionLine first = transactions(world.resolve("transactions.csv")).get(0);
    Cli.Result history = Cli.run("history", first.transactionId().value());

    assertThat(history.exitCode()).as("%s", history).isZero();
    assertThat(history.out())
        .contains("Transaction line " + first.lineItemId().value() + ": 1 version")
        .contains("(first seen)");
  }

  @Test
  @Order(6)
  @DisplayName("a monthly remittance CSV imports its lines")
  void remittance() throws IOException {
    Path file = world.resolve("remittance-2024-03.csv");
    Files.writeString(
        file,
        """
        Sale Date,Order ID,License ID (Host SEN),Customer Name,App Name,Sale Price,Net Revenue,Reference #
        "2024-03-01","AT-1001","SEN-L123456","Globex","Acme Planner","1000.50","850.43","MPV0012345"
        "2024-03-05","AT7654321","","Initech","Acme Planner","0.00","425.00","AT7654321"
        """,
        StandardCharsets.UTF_8);
    Cli.Result result = Cli.run("import", file.toString());

    assertThat(result.exitCode()).as("%s", result).isZero();
    assertThat(result.out()).isEqualTo("" + file + ": 2 remittance lines (CSV)\n");
  }

  private static List<TransactionLine> transactions(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file);
        ExportReader reader = ExportReader.open(in, file.getFileName().toString())) {
      return reader.transactions().toList();
    }
  }

  private static List<License> licenses(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file);
        ExportReader reader = ExportReader.open(in, file.getFileName().toString())) {
      return reader.licenses().toList();
    }
  }
}
