package dev.marketlens.app;

import dev.marketlens.emulator.commerce.App;
import dev.marketlens.emulator.commerce.AppPlatform;
import dev.marketlens.emulator.commerce.Vendor;
import dev.marketlens.emulator.reporting.ApiUser;
import dev.marketlens.emulator.reporting.EmulatorSettings;
import dev.marketlens.emulator.reporting.Marketplace;
import dev.marketlens.emulator.reporting.ReportingServer;
import dev.marketlens.emulator.world.GroundTruth;
import dev.marketlens.emulator.world.Rates;
import dev.marketlens.emulator.world.World;
import dev.marketlens.emulator.world.WorldGenerator;
import dev.marketlens.emulator.world.WorldSpec;
import dev.marketlens.emulator.world.WorldSummary;
import dev.marketlens.metrics.Metrics;
import dev.marketlens.metrics.Parameters;
import dev.marketlens.metrics.cohorts.Cohort;
import dev.marketlens.metrics.report.ReportTable;
import dev.marketlens.payouts.monthly.RevenueShare;
import dev.marketlens.store.Database;
import dev.marketlens.store.Licenses;
import dev.marketlens.store.TransactionLines;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.store.VendorAccounts;
import dev.marketlens.sync.files.CustomerOverrides;
import dev.marketlens.sync.files.Importer;
import dev.marketlens.sync.incremental.SyncEngine;
import dev.marketlens.web.WebServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
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
 * {@code marketlens demo}: the whole product on a generated world. It generates the demo world (its
 * exports and ground truth into {@code $MARKETLENS_HOME/demo}), serves it through the simulated
 * reporting API, syncs the account {@code demo} from it into the database, and runs the dashboard
 * with the user {@code demo} (password {@code demo}). A second start reuses the data: the world is
 * the same, and the sync fetches only what changed.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Generates a demo vendor world, serves it through the simulated reporting API, syncs it into"
          + " the database and opens the dashboard (user demo, password demo).",
      "Data stays in $MARKETLENS_HOME; a second start reuses it."
    })
final class DemoCommand implements Callable<Integer> {

  static final long DEMO_SEED = 42;
  static final int DEMO_CUSTOMERS = 3000;
  static final String DEMO_ACCOUNT = "demo";
  static final String DEMO_API_USER = "reports@demo.marketlens.example";

  @Spec CommandSpec command;

  @Option(
      names = "--customers",
      paramLabel = "N",
      description = "Customers in the demo world (default: " + "${DEFAULT-VALUE}).")
  int customers = DEMO_CUSTOMERS;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "Port of the dashboard (default: ${DEFAULT-VALUE}; 0 for any free port).")
  int port = 8080;

  @Option(
      names = "--no-serve",
      description = "Prepare the data and print the summary, without starting the dashboard.")
  boolean noServe;

  @Override
  public Integer call() throws Exception {
    if (customers < 1) {
      throw new picocli.CommandLine.ParameterException(
          command.commandLine(), "--customers: at least 1, got " + customers);
    }
    ServeCommand.checkPort(command, port);
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
    PrintWriter out = command.commandLine().getOut();
    out.println("Marketlens demo: a simulated Marketplace vendor");
    out.flush();
    // The files hold the world up to its last day; the simulated API serves the same days from a
    // world generated a little further ahead.
    World world = new WorldGenerator().generate(spec);
    List<GroundTruth> truths = WorldFiles.truths(world);
    WorldFiles.write(world, truths, dir, true);
    Summary.print(world, WorldSummary.of(world, truths), out);
    out.printf("Exports and ground truth: %s%n", dir.toAbsolutePath());
    String url = System.getenv("MARKETLENS_DB_URL");
    Marketplace market = new Marketplace(spec, Set.of(), false);
    String token = randomToken();
    Vendor vendor = market.vendors().get(0);
    EmulatorSettings emulator =
        EmulatorSettings.defaults(
                spec,
                List.of(new ApiUser(DEMO_API_USER, token, Set.of(vendor.vendorId()))),
                randomToken())
            .withReportingLag(false);
    try (Database database = Database.open(Optional.ofNullable(url), Settings.home());
        ReportingServer api = ReportingServer.start(emulator, market)) {
      String base = api.baseUrl("127.0.0.1");
      out.printf("Simulated Marketplace reporting API on %s%n", base);
      VendorAccounts accounts = StoreOptions.accounts(database);
      VendorAccount account =
          accounts.save(
              new VendorAccount.New(
                  DEMO_ACCOUNT,
                  "v2",
                  Long.toString(vendor.vendorId()),
                  null,
                  base,
                  DEMO_API_USER,
                  token));
      if (!SyncCommand.sync(database, accounts, account, SyncEngine.Mode.AUTO, out, command)) {
        return 1;
      }
      importRemittance(database, account, dir, out);
      PricingCommand.importWorldBook(database, account, dir);
      printStored(database, account, url, out);
      revenueShare(vendor, out);
      metrics(database, market.today(), out);
      if (noServe) {
        out.println("Serve the dashboard on this data: ./marketlens demo (without --no-serve)");
        out.flush();
        return 0;
      }
      Clock today =
          Clock.fixed(market.today().atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
      try (WebServer web =
          WebServer.start(ServeCommand.settings(database, "127.0.0.1", port, today, true))) {
        String dashboard = ServeCommand.url("127.0.0.1", web.port());
        out.println();
        out.printf("Dashboard: %s%n", dashboard);
        out.println("Sign in as demo, password demo (admin; demo mode only).");
        out.printf("REST API:  %s/api/v1/docs%n", dashboard);
        out.println("Press Ctrl-C to stop.");
        out.flush();
        Browser.open(dashboard);
        web.awaitShutdown();
      }
    }
    return 0;
  }

  private static String randomToken() {
    byte[] random = new byte[24];
    new SecureRandom().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  /**
   * Imports the last twelve months' remittance CSVs of the demo world (written with mismatches), so
   * the remittance reconciliation has something to show.
   */
  private static void importRemittance(
      Database database, VendorAccount account, Path dir, PrintWriter out) {
    Importer importer = new Importer(database, Clock.systemUTC());
    YearMonth last = YearMonth.from(WorldSpec.DEFAULT_TO);
    int lines = 0;
    for (YearMonth m = last.minusMonths(11); !m.isAfter(last); m = m.plusMonths(1)) {
      Path csv = dir.resolve("remittance").resolve(m + ".csv");
      lines += (int) importer.importFile(account, csv).records();
    }
    out.printf(
        Locale.ROOT,
        "Imported 12 months of remittance CSVs (%,d lines, with injected mismatches)%n",
        lines);
  }

  /**
   * Describes the demo vendor's apps in {@code revenue-share.csv} (host product, Forge or Connect,
   * listing day), which the records cannot tell, so that the payouts' share check knows them; an
   * existing file is left as it is.
   */
  private static void revenueShare(Vendor vendor, PrintWriter out) throws IOException {
    Path file = Settings.home().resolve(RevenueShare.FILE);
    if (Files.exists(file)) {
      return;
    }
    List<String> lines = new ArrayList<>();
    lines.add("# The demo vendor's apps (see docs/payouts/monthly.md)");
    lines.add("# app,ADDON_KEY,HOST_PRODUCT,PLATFORM,LISTED,FORGE_INCENTIVE");
    for (App app : vendor.apps()) {
      boolean forge = app.platform() == AppPlatform.FORGE;
      lines.add(
          String.join(
              ",",
              "app",
              app.addonKey(),
              app.hostProduct().name().replace('_', ' '),
              forge ? "forge" : app.platform() == AppPlatform.CONNECT ? "connect" : "server",
              app.listingDate().toString(),
              forge && (!app.atlassianHostedStorage() || app.migratedFromConnect()) ? "no" : ""));
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
    out.printf("Revenue-share configuration of the demo apps: %s%n", file.toAbsolutePath());
  }

  /** What the database holds for the demo account. */
  private static void printStored(
      Database database, VendorAccount account, String url, PrintWriter out) {
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
        url == null ? Settings.home().resolve("postgres").toAbsolutePath() : Database.redacted(url),
        DEMO_ACCOUNT,
        counts[0],
        counts[1]);
  }

  /** The last six months of MRR movements, computed from the stored records. */
  private static void metrics(Database database, LocalDate asOf, PrintWriter out) {
    YearMonth to = YearMonth.from(asOf);
    Metrics metrics =
        Metrics.of(
            Reports.forMetrics(database, DEMO_ACCOUNT)
                .load(CustomerOverrides.load(Settings.home()), Set.of()),
            Parameters.defaults(asOf));
    Metrics.View view = Metrics.View.of(to.minusMonths(5), to);
    out.println();
    out.println("MRR movements computed from the stored records (net of Atlassian's share):");
    Reports.print(
        ReportTable.of(ReportTable.Kind.MOVEMENTS, metrics, view, Cohort.Measure.LOGOS, 90),
        ReportTable.Format.TABLE,
        out);
    out.println(
        "  more: ./marketlens report mrr|churn|nrr|cohorts|renewals|conversion|growth --as-of "
            + asOf);
  }
}
