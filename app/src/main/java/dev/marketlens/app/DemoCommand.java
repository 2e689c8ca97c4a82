package dev.marketlens.app;

import dev.marketlens.emulator.world.GroundTruth;
import dev.marketlens.emulator.world.Rates;
import dev.marketlens.emulator.world.World;
import dev.marketlens.emulator.world.WorldGenerator;
import dev.marketlens.emulator.world.WorldSpec;
import dev.marketlens.emulator.world.WorldSummary;
import dev.marketlens.metrics.Metrics;
import dev.marketlens.metrics.Parameters;
import dev.marketlens.metrics.cohorts.Cohort;
import dev.marketlens.store.Database;
import dev.marketlens.store.Licenses;
import dev.marketlens.store.TransactionLines;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.store.VendorAccounts;
import dev.marketlens.sync.files.Importer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code marketlens demo}: the whole product on a generated world. Until the dashboard exists it
 * generates the demo world into {@code $MARKETLENS_HOME/demo}, imports its exports into the
 * database and prints what they hold.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description =
        "Generates a demo vendor world in $MARKETLENS_HOME/demo, imports it into the database and"
            + " prints its summary.")
final class DemoCommand implements Callable<Integer> {

  static final long DEMO_SEED = 42;
  static final int DEMO_CUSTOMERS = 3000;
  static final String DEMO_ACCOUNT = "demo";

  @Spec CommandSpec command;

  @Option(
      names = "--customers",
      paramLabel = "N",
      description = "Customers in the demo world (default: " + "${DEFAULT-VALUE}).")
  int customers = DEMO_CUSTOMERS;

  @Override
  public Integer call() throws Exception {
    if (customers < 1) {
      throw new picocli.CommandLine.ParameterException(
          command.commandLine(), "--customers: at least 1, got " + customers);
    }
    Path dir = Settings.home().resolve("demo");
    WorldFiles.checkWritableDirectory(dir, command.commandLine());
    WorldSpec spec =
        new WorldSpec(
            DEMO_SEED,
            customers,
            1,
            WorldSpec.DEFAULT_FROM,
            WorldSpec.DEFAULT_TO,
            Rates.defaults());
    World world = new WorldGenerator().generate(spec);
    List<GroundTruth> truths = WorldFiles.truths(world);
    WorldFiles.write(world, truths, dir);
    PrintWriter out = command.commandLine().getOut();
    out.println("Marketlens demo: a simulated Marketplace vendor");
    Summary.print(world, WorldSummary.of(world, truths), out);
    out.printf("Exports and ground truth: %s%n", dir.toAbsolutePath());
    store(dir, out);
    out.println(
        "Serve this world through the Marketplace reporting API: ./marketlens emulator --world "
            + dir.toAbsolutePath());
    out.println("The dashboard and the REST API arrive in the next releases.");
    out.flush();
    return 0;
  }

  /**
   * Imports the demo world's exports into the account {@code demo} of the database (the same files
   * again are skipped), and prints what the database holds.
   */
  private static void store(Path dir, PrintWriter out) {
    String url = System.getenv("MARKETLENS_DB_URL");
    try (Database database = Database.open(Optional.ofNullable(url), Settings.home())) {
      VendorAccounts accounts = StoreOptions.accounts(database);
      VendorAccount account =
          accounts
              .find(DEMO_ACCOUNT)
              .orElseGet(
                  () ->
                      accounts.save(
                          new VendorAccount.New(DEMO_ACCOUNT, "v2", null, null, null, null, null)));
      Importer importer = new Importer(database, Clock.systemUTC());
      importer.importFile(account, dir.resolve("licenses.json"));
      importer.importFile(account, dir.resolve("transactions.json"));
      long[] counts =
          database.inTransaction(
              "count the demo records",
              c ->
                  new long[] {
                    new Licenses().count(c, account.id()),
                    new TransactionLines().count(c, account.id())
                  });
      out.printf(
          Locale.ROOT,
          "Stored in PostgreSQL (%s), account %s: %,d licenses, %,d transaction lines, every"
              + " version kept%n",
          url == null
              ? Settings.home().resolve("postgres").toAbsolutePath()
              : Database.redacted(url),
          DEMO_ACCOUNT,
          counts[0],
          counts[1]);
      out.println(
          "  see them with ./marketlens export transactions, or ./marketlens history"
              + " <transaction or license id>");
      metrics(database, out);
    }
  }

  /** The last six months of MRR movements, computed from the stored records. */
  private static void metrics(Database database, PrintWriter out) {
    LocalDate asOf = WorldSpec.DEFAULT_TO;
    YearMonth to = YearMonth.from(asOf);
    Metrics metrics =
        Metrics.of(
            StoredRecords.forMetrics(database, DEMO_ACCOUNT)
                .load(CustomerOverrides.load(Settings.home()), Set.of()),
            Parameters.defaults(asOf));
    Metrics.View view = Metrics.View.of(to.minusMonths(5), to);
    out.println();
    out.println("MRR movements computed from the stored records (net of Atlassian's share):");
    ReportTable.of(ReportTable.Kind.MOVEMENTS, metrics, view, Cohort.Measure.LOGOS, 90)
        .print(ReportTable.Format.TABLE, out);
    out.println(
        "  more: ./marketlens report mrr|churn|nrr|cohorts|renewals|conversion|growth --as-of "
            + asOf);
  }
}
