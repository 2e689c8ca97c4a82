package dev.marketlens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code marketlens demo}. The demo writes to {@code <home>/demo}; these tests point the {@code
 * marketlens.home} system property (which {@link Settings} reads before {@code $MARKETLENS_HOME})
 * at a temporary directory for the duration of a run.
 */
@DisplayName("marketlens demo")
class DemoCommandTest {

  @TempDir Path home;

  private Cli.Result demo(String... args) {
    System.setProperty("marketlens.home", home.toString());
    try {
      String[] all = new String[args.length + 1];
      all[0] = "demo";
      System.arraycopy(args, 0, all, 1, args.length);
      return Cli.run(all);
    } finally {
      System.clearProperty("marketlens.home");
    }
  }

  private Path demoDir() {
    return home.resolve("demo");
  }

  @Test
  @DisplayName(
      "demo exits 0, writes the four exports and the ground truth into"
          + " ${MARKETLENS_HOME:-~/.marketlens}/demo and prints where")
  void writesTheDemoWorld() {
    Cli.Result r = demo("--customers", "200", "--no-serve");
    assertThat(r.exitCode()).as("%s", r).isZero();
    assertThat(Cli.files(demoDir()))
        .contains(
            "licenses.json",
            "licenses.csv",
            "transactions.json",
            "transactions.csv",
            "ground-truth/movements.json",
            "ground-truth/remittance-truth.json",
            "remittance/2026-10.csv");
    assertThat(r.out()).contains("Imported 12 months of remittance CSVs");
    assertThat(Cli.entries(demoDir())).noneMatch(name -> name.startsWith(".staging-"));
    assertThat(r.out()).contains("Marketlens demo", demoDir().toAbsolutePath().toString());
    assertThat(r.err()).isEmpty();
  }

  @Test
  @DisplayName(
      "demo prints the MRR and the paying customers, which are the ground truth's at the clock")
  void printsMrrAndPayingCustomers() throws IOException {
    Cli.Result r = demo("--customers", "200", "--no-serve");
    assertThat(r.exitCode()).as("%s", r).isZero();
    assertThat(r.out()).contains("200 customers");
    Matcher m =
        Pattern.compile("MRR (\\S+) USD net, ARR \\S+ USD, (\\S+) paying customers")
            .matcher(r.out());
    assertThat(m.find()).as("%s", r).isTrue();
    JsonNode rows =
        JsonMapper.builder().build().readTree(demoDir().resolve("ground-truth/movements.json"));
    JsonNode last = rows.get(rows.size() - 1);
    assertThat(digits(m.group(1))).isEqualTo(last.get("closingMrr").asLong()).isPositive();
    assertThat(digits(m.group(2))).isEqualTo(last.get("customers").asLong()).isPositive();
  }

  @Test
  @DisplayName("running the demo again regenerates the same world in place, byte for byte")
  void rerunIsIdentical() throws IOException {
    Cli.Result firstRun = demo("--customers", "200", "--no-serve");
    assertThat(firstRun.exitCode()).isZero();
    List<String> files = Cli.files(demoDir());
    byte[] first = Files.readAllBytes(demoDir().resolve("transactions.json"));
    Cli.Result secondRun = demo("--customers", "200", "--no-serve");
    assertThat(secondRun.exitCode()).isZero();
    assertThat(stored(secondRun))
        .as("the database holds the same records")
        .isEqualTo(stored(firstRun));
    assertThat(Cli.files(demoDir())).isEqualTo(files);
    assertThat(Files.readAllBytes(demoDir().resolve("transactions.json"))).isEqualTo(first);
    assertThat(Cli.entries(demoDir())).noneMatch(name -> name.startsWith(".staging-"));
  }

  /** The line saying what the database holds after a demo run. */
  private static String stored(Cli.Result r) {
    return r.out()
        .lines()
        .filter(l -> l.startsWith("Stored in PostgreSQL"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  @DisplayName(
      "the demo world is synced from the simulated reporting API into the embedded database, every record")
  void importsIntoTheDatabase() throws IOException {
    Cli.Result r = demo("--customers", "200", "--no-serve");
    long lines;
    try (var in = Files.newInputStream(demoDir().resolve("transactions.json"));
        var reader = dev.marketlens.sync.wire.ExportReader.open(in, "transactions.json")) {
      lines = reader.transactions().count();
    }
    assertThat(stored(r))
        .contains(home.resolve("postgres").toString(), "account demo")
        .endsWith(
            String.format(
                java.util.Locale.ROOT, "%,d transaction lines, every version kept", lines));
  }

  @Test
  @DisplayName(
      "the demo describes its apps in revenue-share.csv: every synced line is at the expected share")
  void revenueShareOfTheDemoApps() {
    Cli.Result r = demo("--customers", "200", "--no-serve");
    assertThat(r.exitCode()).as("%s", r).isZero();
    assertThat(home.resolve("revenue-share.csv")).exists();
    System.setProperty("marketlens.home", home.toString());
    try {
      Cli.Result check =
          Cli.run(
              "payouts",
              "--check-share",
              "--from",
              "2018-01",
              "--to",
              "2026-10",
              "--as-of",
              "2026-10-31",
              "--format",
              "json");
      assertThat(check.exitCode()).as("%s", check).isZero();
      assertThat(check.out().strip()).isEqualTo("[ ]");
    } finally {
      System.clearProperty("marketlens.home");
    }
  }

  @Test
  @DisplayName("demo --customers 0 exits 2 with a message naming --customers, writing nothing")
  void zeroCustomers() {
    Cli.Result r = demo("--customers", "0");
    assertThat(r.exitCode()).as("%s", r).isEqualTo(Main.USAGE);
    assertThat(r.err()).contains("--customers", "0");
    assertThat(home.resolve(".marketlens")).doesNotExist();
  }

  private static long digits(String printed) {
    return Long.parseLong(printed.replaceAll("[^0-9]", ""));
  }
}
