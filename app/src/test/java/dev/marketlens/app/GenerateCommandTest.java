package dev.marketlens.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.marketlens.emulator.world.WorldSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

@DisplayName("marketlens generate")
class GenerateCommandTest {

  private static final ObjectMapper JSON = JsonMapper.builder().build();
  private static final CsvMapper CSV = CsvMapper.builder().build();

  private static final List<String> EXPORTS =
      List.of("licenses.csv", "licenses.json", "transactions.csv", "transactions.json");
  private static final List<String> GROUND_TRUTH =
      List.of(
          "catalog.json",
          "conversion.json",
          "movements-by-app.json",
          "movements.json",
          "payouts.json",
          "price-book.csv",
          "refunds.json",
          "remittance-truth.json",
          "revenue.json",
          "subscriptions.json");
  private static final Set<String> MOVEMENT_KEYS =
      Set.of(
          "month",
          "openingMrr",
          "newMrr",
          "expansionMrr",
          "contractionMrr",
          "churnedMrr",
          "reactivationMrr",
          "closingMrr",
          "customers");

  @TempDir static Path shared;

  /** The seed-7 world of 300 customers that most tests look at, generated once. */
  private static Path world;

  private static Cli.Result generated;

  @BeforeAll
  static void generateTheSharedWorld() {
    world = shared.resolve("seed-7");
    generated = generate(7, world);
    assertThat(generated.exitCode()).as("%s", generated).isZero();
  }

  private static Cli.Result generate(long seed, Path out, String... more) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "generate",
                "--seed",
                Long.toString(seed),
                "--customers",
                "300",
                "--out",
                out.toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  @Nested
  @DisplayName("on a valid world")
  class ValidWorld {

    @Test
    @DisplayName(
        "exits 0 and writes exactly the four exports, world.json, the ten ground-truth"
            + " files and a remittance CSV per month (SR-M4), leaving no staging directory behind")
    void writesTheExportsAndTheGroundTruth() {
      assertThat(generated.exitCode()).isZero();
      List<String> expected = new ArrayList<>(EXPORTS);
      expected.add("world.json");
      GROUND_TRUTH.forEach(f -> expected.add("ground-truth/" + f));
      for (java.time.YearMonth m = java.time.YearMonth.of(2018, 1);
          !m.isAfter(java.time.YearMonth.of(2026, 10));
          m = m.plusMonths(1)) {
        expected.add("remittance/" + m + ".csv");
      }
      assertThat(Cli.files(world)).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(Cli.entries(world)).noneMatch(name -> name.startsWith(".staging-"));
      assertThat(generated.err()).isEmpty();
    }

    @Test
    @DisplayName("licenses.json holds as many licenses as licenses.csv has rows, in the same order")
    void licensesJsonAndCsvAgree() throws IOException {
      JsonNode json = JSON.readTree(world.resolve("licenses.json"));
      List<Map<String, String>> csv = csvRows(world.resolve("licenses.csv"));
      assertThat(json.isArray()).isTrue();
      assertThat(json.size()).isPositive().isEqualTo(csv.size());
      Function<JsonNode, String> jsonKey =
          l -> text(l, "addonKey") + "|" + text(l, "hosting") + "|" + text(l, "maintenanceEndDate");
      Function<Map<String, String>, String> csvKey =
          r -> r.get("addonKey") + "|" + r.get("hosting") + "|" + r.get("maintenanceEndDate");
      List<String> fromJson = new ArrayList<>();
      json.forEach(l -> fromJson.add(jsonKey.apply(l)));
      assertThat(csv.stream().map(csvKey).toList()).isEqualTo(fromJson);
    }

    @Test
    @DisplayName(
        "transactions.json holds as many lines as transactions.csv has rows, with the same line"
            + " item ids in the same order")
    void transactionsJsonAndCsvAgree() throws IOException {
      JsonNode json = JSON.readTree(world.resolve("transactions.json"));
      List<Map<String, String>> csv = csvRows(world.resolve("transactions.csv"));
      assertThat(json.isArray()).isTrue();
      assertThat(json.size()).isPositive().isEqualTo(csv.size());
      List<String> fromJson = new ArrayList<>();
      json.forEach(t -> fromJson.add(text(t, "transactionLineItemId")));
      assertThat(csv.stream().map(r -> r.get("transactionLineItemId")).toList())
          .isEqualTo(fromJson);
    }

    @Test
    @DisplayName(
        "ground-truth/movements.json is an array of month rows with exactly the metrics' keys,"
            + " integer cents, each balancing, consecutive and opening where the last one closed,"
            + " up to the clock")
    void movementsHaveTheMetricsShapeAndBalance() throws IOException {
      JsonNode rows = JSON.readTree(world.resolve("ground-truth/movements.json"));
      assertThat(rows.isArray()).isTrue();
      assertThat(rows.size()).isPositive();
      YearMonth previousMonth = null;
      long previousClosing = 0;
      for (JsonNode row : rows) {
        assertThat(row.isObject()).as("%s", row).isTrue();
        assertThat(new TreeSet<>(row.propertyNames()))
            .as("%s", row)
            .isEqualTo(new TreeSet<>(MOVEMENT_KEYS));
        assertThat(row.get("month").isString()).as("%s", row).isTrue();
        YearMonth month = YearMonth.parse(row.get("month").asString());
        for (String key : MOVEMENT_KEYS) {
          if (!key.equals("month")) {
            assertThat(row.get(key).isIntegralNumber()).as("%s in %s", key, row).isTrue();
            assertThat(row.get(key).asLong()).as("%s in %s", key, row).isNotNegative();
          }
        }
        long opening = row.get("openingMrr").asLong();
        long closing =
            opening
                + row.get("newMrr").asLong()
                + row.get("expansionMrr").asLong()
                + row.get("reactivationMrr").asLong()
                - row.get("contractionMrr").asLong()
                - row.get("churnedMrr").asLong();
        assertThat(row.get("closingMrr").asLong()).as("balance of %s", row).isEqualTo(closing);
        if (previousMonth == null) {
          assertThat(month).isAfterOrEqualTo(YearMonth.from(WorldSpec.DEFAULT_FROM));
          assertThat(opening).as("first month opens at zero: %s", row).isZero();
        } else {
          assertThat(month)
              .as("%s follows %s", month, previousMonth)
              .isEqualTo(previousMonth.plusMonths(1));
          assertThat(opening)
              .as("%s opens where the last month closed", month)
              .isEqualTo(previousClosing);
        }
        previousMonth = month;
        previousClosing = row.get("closingMrr").asLong();
      }
      assertThat(previousMonth).isEqualTo(YearMonth.from(WorldSpec.DEFAULT_TO));
    }

    @Test
    @DisplayName(
        "the summary on stdout counts the licenses and lines, and the lines by hosting and by sale"
            + " type, as in transactions.json")
    void summaryCountsByHostingAndSaleType() throws IOException {
      JsonNode licenses = JSON.readTree(world.resolve("licenses.json"));
      JsonNode lines = JSON.readTree(world.resolve("transactions.json"));
      Map<String, Long> byHosting = new TreeMap<>();
      Map<String, Long> bySaleType = new TreeMap<>();
      for (JsonNode t : lines) {
        JsonNode purchase = t.get("purchaseDetails");
        byHosting.merge(purchase.get("hosting").asString(), 1L, Long::sum);
        bySaleType.merge(purchase.get("saleType").asString(), 1L, Long::sum);
      }
      String out = generated.out();
      assertThat(out).contains("seed 7", "300 customers");
      assertThat(count(out, "licenses")).isEqualTo(licenses.size());
      assertThat(count(out, "transaction lines")).isEqualTo(lines.size());
      assertThat(section(out, "lines by hosting", "lines by sale type"))
          .isEqualTo(byHosting)
          .containsKeys("Cloud", "Data Center", "Server");
      assertThat(section(out, "lines by sale type", "revenue"))
          .isEqualTo(bySaleType)
          .containsKeys("New", "Renewal");
      assertThat(out).contains("Wrote " + world.toAbsolutePath());
    }

    @Test
    @DisplayName(
        "the summary's MRR and paying customers are the ground truth's closing MRR and customers"
            + " in the last month")
    void summaryMrrIsTheGroundTruths() throws IOException {
      JsonNode rows = JSON.readTree(world.resolve("ground-truth/movements.json"));
      JsonNode last = rows.get(rows.size() - 1);
      Matcher m = VENDOR_LINE.matcher(generated.out());
      assertThat(m.find()).as("%s", generated).isTrue();
      assertThat(digits(m.group(2))).isEqualTo(last.get("closingMrr").asLong());
      assertThat(digits(m.group(3))).isEqualTo(last.get("customers").asLong());
    }

    @Test
    @DisplayName("the same seed writes byte-identical files")
    void sameSeedSameBytes(@TempDir Path again) throws IOException {
      Cli.Result second = generate(7, again);
      assertThat(second.exitCode()).as("%s", second).isZero();
      List<String> files = Cli.files(world);
      assertThat(Cli.files(again)).isEqualTo(files);
      for (String file : files) {
        assertThat(Files.mismatch(world.resolve(file), again.resolve(file)))
            .as("first differing byte of %s", file)
            .isEqualTo(-1L);
      }
    }

    @Test
    @DisplayName("a different seed writes a different transactions.json")
    void differentSeedDifferentWorld(@TempDir Path other) throws IOException {
      Cli.Result result = generate(8, other);
      assertThat(result.exitCode()).as("%s", result).isZero();
      assertThat(
              Files.mismatch(
                  world.resolve("transactions.json"), other.resolve("transactions.json")))
          .isNotEqualTo(-1L);
    }

    @Test
    @DisplayName(
        "with --vendors 2 each vendor's ground truth is under ground-truth/vendor-<id>/, for the"
            + " two vendors the summary names")
    void groundTruthPerVendor(@TempDir Path out) throws IOException {
      Cli.Result result = generate(7, out, "--vendors", "2");
      assertThat(result.exitCode()).as("%s", result).isZero();
      Set<String> summaryIds = new TreeSet<>();
      Matcher m = VENDOR_LINE.matcher(result.out());
      while (m.find()) {
        summaryIds.add(m.group(1));
      }
      assertThat(summaryIds).hasSize(2);
      Path truth = out.resolve("ground-truth");
      List<String> dirs = Cli.entries(truth);
      assertThat(dirs).allMatch(d -> d.matches("vendor-\\d+"));
      assertThat(new TreeSet<>(dirs))
          .isEqualTo(new TreeSet<>(summaryIds.stream().map(id -> "vendor-" + id).toList()));
      for (String dir : dirs) {
        assertThat(Cli.files(truth.resolve(dir))).containsExactlyElementsOf(GROUND_TRUTH);
        JsonNode movements = JSON.readTree(truth.resolve(dir).resolve("movements.json"));
        assertThat(movements.isArray()).isTrue();
        assertThat(movements.size()).as("%s/movements.json", dir).isPositive();
      }
      assertThat(Cli.files(out)).containsAll(EXPORTS);
      assertThat(Cli.entries(out.resolve("remittance"))).isEqualTo(dirs);
      assertThat(Cli.entries(out)).noneMatch(name -> name.startsWith(".staging-"));
    }

    @Test
    @DisplayName(
        "SR-M8: each remittance CSV has the seed's header, and its lines add up to the month in"
            + " remittance-truth.json; without --remittance-mismatches nothing is injected")
    void remittanceCsv() throws IOException {
      JsonNode truth = JSON.readTree(world.resolve("ground-truth/remittance-truth.json"));
      assertThat(truth.get("mismatches").size()).isZero();
      int months = 0;
      for (JsonNode month : truth.get("months")) {
        Path csv = world.resolve("remittance/" + month.get("month").asString() + ".csv");
        List<String> text = Files.readAllLines(csv);
        assertThat(text.get(0))
            .isEqualTo(
                "\"Sale Date\",\"Order ID\",\"License ID (Host SEN)\",\"Customer Name\","
                    + "\"App Name\",\"Sale Price\",\"Net Revenue\",\"Reference #\"");
        List<Map<String, String>> rows = csvRows(csv);
        assertThat(rows).hasSize(month.get("lines").asInt());
        long net = 0;
        for (Map<String, String> row : rows) {
          net +=
              new java.math.BigDecimal(row.get("Net Revenue")).movePointRight(2).longValueExact();
        }
        assertThat(net).isEqualTo(month.get("netRevenue").asLong());
        months++;
      }
      assertThat(months).isEqualTo(106);
    }

    @Test
    @DisplayName(
        "--remittance-mismatches injects a missing line, a changed amount and a cancelled refund,"
            + " recorded in remittance-truth.json, the same ones for the same seed")
    void remittanceMismatches(@TempDir Path out, @TempDir Path again) throws IOException {
      assertThat(generate(7, out, "--remittance-mismatches").exitCode()).isZero();
      assertThat(generate(7, again, "--remittance-mismatches").exitCode()).isZero();
      JsonNode truth = JSON.readTree(out.resolve("ground-truth/remittance-truth.json"));
      Set<String> kinds = new TreeSet<>();
      truth.get("mismatches").forEach(m -> kinds.add(m.get("kind").asString()));
      assertThat(kinds).containsExactly("CANCELLED_REFUND", "CHANGED_AMOUNT", "MISSING_LINE");
      for (String file : Cli.files(out)) {
        assertThat(Files.mismatch(out.resolve(file), again.resolve(file))).as(file).isEqualTo(-1L);
      }
      assertThat(
              Files.mismatch(out.resolve("transactions.json"), world.resolve("transactions.json")))
          .isEqualTo(-1L);
    }
  }

  @Nested
  @DisplayName("on bad arguments")
  class BadArguments {

    @TempDir Path tmp;

    private Cli.Result usageError(String... args) {
      Cli.Result result = Cli.run(args);
      assertThat(result.exitCode()).as("%s", result).isEqualTo(Main.USAGE);
      assertThat(result.out()).as("%s", result).isEmpty();
      assertThat(result.err()).as("%s", result).doesNotContain("\tat ");
      return result;
    }

    private String out() {
      return tmp.resolve("out").toString();
    }

    private void nothingWritten() {
      assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    @DisplayName("--customers 0 exits 2 with a message naming --customers and 0, writing nothing")
    void zeroCustomers() {
      Cli.Result r = usageError("generate", "--customers", "0", "--out", out());
      assertThat(r.err()).contains("--customers", "0");
      nothingWritten();
    }

    @Test
    @DisplayName("--customers abc exits 2 with a message naming --customers and 'abc'")
    void nonNumericCustomers() {
      Cli.Result r = usageError("generate", "--customers", "abc", "--out", out());
      assertThat(r.err()).contains("--customers", "abc");
      nothingWritten();
    }

    @Test
    @DisplayName("--vendors 0 exits 2 with a message naming --vendors and 0")
    void zeroVendors() {
      Cli.Result r = usageError("generate", "--vendors", "0", "--out", out());
      assertThat(r.err()).contains("--vendors", "got 0");
      nothingWritten();
    }

    @Test
    @DisplayName("--vendors 21 (more than 20) exits 2 with a message naming --vendors and 21")
    void tooManyVendors() {
      Cli.Result r = usageError("generate", "--vendors", "21", "--out", out());
      assertThat(r.err()).contains("--vendors", "21");
      nothingWritten();
    }

    @Test
    @DisplayName("--from 2026-13-01 (no such date) exits 2 with a message naming --from and it")
    void badDate() {
      Cli.Result r = usageError("generate", "--from", "2026-13-01", "--out", out());
      assertThat(r.err()).contains("--from", "2026-13-01");
      nothingWritten();
    }

    @Test
    @DisplayName("--to before --from exits 2 with a message naming --to and both dates")
    void toBeforeFrom() {
      Cli.Result r =
          usageError("generate", "--from", "2020-01-01", "--to", "2019-06-30", "--out", out());
      assertThat(r.err()).contains("--to", "2019-06-30", "2020-01-01");
      nothingWritten();
    }

    @Test
    @DisplayName("--from before 2010-01-01 exits 2 with a message naming --from, it and the limit")
    void fromTooEarly() {
      Cli.Result r = usageError("generate", "--from", "2009-12-31", "--out", out());
      assertThat(r.err()).contains("--from", "2009-12-31", "2010-01-01");
      nothingWritten();
    }

    @Test
    @DisplayName("a missing --out exits 2 with a message naming --out")
    void missingOut() {
      Cli.Result r = usageError("generate", "--customers", "150");
      assertThat(r.err()).contains("Missing required option", "--out");
    }

    @Test
    @DisplayName("an unknown option exits 2 with a message naming it")
    void unknownOption() {
      Cli.Result r = usageError("generate", "--bogus", "--out", out());
      assertThat(r.err()).contains("Unknown option", "--bogus");
      nothingWritten();
    }

    @Test
    @DisplayName("an unknown subcommand exits 2 with a message naming it")
    void unknownSubcommand() {
      Cli.Result r = usageError("frobnicate");
      assertThat(r.err()).contains("frobnicate");
    }

    @Test
    @DisplayName(
        "--out naming an existing regular file exits 2 before generating, naming --out and the"
            + " file, and leaves the file alone")
    void outIsARegularFile() throws IOException {
      Path file = Files.writeString(tmp.resolve("not-a-directory.txt"), "keep me\n");
      Cli.Result r = usageError("generate", "--customers", "150", "--out", file.toString());
      assertThat(r.err()).contains("--out", file.toString(), "not a directory");
      assertThat(r.out()).doesNotContain("Wrote");
      assertThat(Files.readString(file)).isEqualTo("keep me\n");
      assertThat(Cli.entries(tmp)).containsExactly("not-a-directory.txt");
    }

    @Test
    @DisplayName("an empty --out exits 2 with a message naming --out")
    void emptyOut() {
      Cli.Result r = usageError("generate", "--customers", "150", "--out", "");
      assertThat(r.err()).contains("--out", "empty");
    }

    @Test
    @DisplayName("--out under a regular file exits 2 naming --out and the path it cannot create")
    void outUnderARegularFile() throws IOException {
      Path file = Files.writeString(tmp.resolve("a-file"), "x");
      Path under = file.resolve("sub");
      Cli.Result r = usageError("generate", "--customers", "150", "--out", under.toString());
      assertThat(r.err()).contains("--out", under.toString());
    }

    @Test
    @DisplayName("--customers above the limit exits 2 naming the limit and the heap it would need")
    void tooManyCustomers() {
      Cli.Result r = usageError("generate", "--customers", "1000001", "--out", out());
      assertThat(r.err()).contains("--customers", "1000001", "heap");
      nothingWritten();
    }
  }

  @Nested
  @DisplayName("help and version")
  class HelpAndVersion {

    @Test
    @DisplayName("--help exits 0 and prints the usage with the subcommands on stdout")
    void help() {
      Cli.Result r = Cli.run("--help");
      assertThat(r.exitCode()).as("%s", r).isZero();
      assertThat(r.out()).contains("Usage: marketlens", "generate", "demo");
      assertThat(r.err()).isEmpty();
    }

    @Test
    @DisplayName("generate --help exits 0 and prints the usage of generate with its options")
    void generateHelp() {
      Cli.Result r = Cli.run("generate", "--help");
      assertThat(r.exitCode()).as("%s", r).isZero();
      assertThat(r.out())
          .contains(
              "Usage: marketlens generate",
              "--seed",
              "--customers",
              "--vendors",
              "--from",
              "--to",
              "--out");
    }

    @Test
    @DisplayName("--version exits 0 and prints 'marketlens <version>' on stdout")
    void version() {
      Cli.Result r = Cli.run("--version");
      assertThat(r.exitCode()).as("%s", r).isZero();
      assertThat(r.out()).startsWith("marketlens ");
      assertThat(r.out().strip()).hasSizeGreaterThan("marketlens ".length());
      assertThat(r.err()).isEmpty();
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** " Fernweh Software (vendor 2501814): MRR 17,099.04 USD net, ..., 123 paying customers". */
  private static final Pattern VENDOR_LINE =
      Pattern.compile("\\(vendor (\\d+)\\): MRR (\\S+) USD net, .*?, (\\S+) paying customers");

  private static List<Map<String, String>> csvRows(Path file) throws IOException {
    CsvSchema schema = CsvSchema.emptySchema().withHeader();
    try (MappingIterator<Map<String, String>> it =
        CSV.readerForMapOf(String.class).with(schema).readValues(file)) {
      return it.readAll();
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? "" : value.asString();
  }

  /** A number printed with any locale's grouping, as a long. */
  private static long digits(String printed) {
    String d = printed.replaceAll("[^0-9]", "");
    if (d.isEmpty()) {
      fail("no digits in '%s'", printed);
    }
    return Long.parseLong(d);
  }

  /** The count on the summary line that starts with {@code label}. */
  private static long count(String out, String label) {
    Matcher m = Pattern.compile("(?m)^\\s+" + Pattern.quote(label) + "\\s{2,}(\\S+)").matcher(out);
    assertThat(m.find()).as("a '%s' line in%n%s", label, out).isTrue();
    return digits(m.group(1));
  }

  /** The non-zero name/count lines of the summary between two headings. */
  private static Map<String, Long> section(String out, String heading, String next) {
    List<String> lines = out.lines().toList();
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().equals(heading)) {
        start = i + 1;
        break;
      }
    }
    assertThat(start).as("heading '%s' in%n%s", heading, out).isPositive();
    Map<String, Long> counts = new LinkedHashMap<>();
    Pattern entry = Pattern.compile("^\\s{4}(\\S.*?)\\s{2,}(\\S+)$");
    for (int i = start; i < lines.size() && !lines.get(i).strip().startsWith(next); i++) {
      Matcher m = entry.matcher(lines.get(i));
      assertThat(m.matches()).as("entry line '%s'", lines.get(i)).isTrue();
      long n = digits(m.group(2));
      if (n > 0) {
        counts.put(m.group(1), n);
      }
    }
    return new TreeMap<>(counts);
  }
}
