package dev.marketlens.web;

import dev.marketlens.emulator.wire.ExportFormat;
import dev.marketlens.emulator.wire.ExportWriter;
import dev.marketlens.emulator.wire.RemittanceCsvWriter;
import dev.marketlens.emulator.wire.WireFormat;
import dev.marketlens.emulator.world.Rates;
import dev.marketlens.emulator.world.Remittance;
import dev.marketlens.emulator.world.World;
import dev.marketlens.emulator.world.WorldGenerator;
import dev.marketlens.emulator.world.WorldSpec;
import dev.marketlens.store.Database;
import dev.marketlens.store.TokenCipher;
import dev.marketlens.store.User;
import dev.marketlens.store.Users;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.store.VendorAccounts;
import dev.marketlens.sync.files.Importer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * One running web application for every test in the JVM (a Spring context starts slowly here): an
 * embedded database holding two vendor accounts, {@code alpha} and {@code beta}, each imported from
 * its own generated world, and one user per role and scope. The clock's day is the worlds' last
 * day, so "the last twelve months" hold data.
 *
 * <p>Users (password = user name + "-password"): {@code admin} (admin, every account), {@code
 * analyst} (analyst, alpha), {@code viewer} (viewer, alpha), {@code beta-viewer} (viewer, beta).
 */
public final class TestSite {
  public static final LocalDate TODAY = WorldSpec.DEFAULT_TO;
  public static final String ALPHA = "alpha";
  public static final String BETA = "beta";

  private static TestSite site;

  /** Where the application's log goes in tests, so that tests can scan it for secrets. */
  public static final Path LOG_FILE = Path.of("target", "web-it.log").toAbsolutePath();

  static {
    try {
      Files.deleteIfExists(LOG_FILE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.setProperty("logging.file.name", LOG_FILE.toString());
  }

  private final Path home;
  private final Database database;
  private final WebServer server;
  private final VendorAccount alpha;
  private final VendorAccount beta;

  private TestSite() throws IOException {
    home = Files.createTempDirectory("marketlens-web-test");
    database = Database.embedded(home);
    TokenCipher cipher = TokenCipher.of(new byte[32]);
    VendorAccounts accounts = new VendorAccounts(database.dataSource(), cipher);
    alpha = accounts.save(new VendorAccount.New(ALPHA, "v2", null, null, null, null, null));
    beta = accounts.save(new VendorAccount.New(BETA, "v2", null, null, null, null, null));
    importWorld(alpha, 7, 400);
    importWorld(beta, 8, 150);
    Users users = new Users(database.dataSource());
    PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
    users.save("admin", encoder.encode(password("admin")), "admin", true, List.of());
    users.save(
        "analyst", encoder.encode(password("analyst")), "analyst", false, List.of(alpha.id()));
    users.save("viewer", encoder.encode(password("viewer")), "viewer", false, List.of(alpha.id()));
    users.save(
        "beta-viewer",
        encoder.encode(password("beta-viewer")),
        "viewer",
        false,
        List.of(beta.id()));
    Clock clock = Clock.fixed(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
    server =
        WebServer.start(
            new WebSettings(
                "127.0.0.1", 0, database, home, cipher, clock, false, "admin-password", false));
    Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
  }

  /** The site, started on first use. */
  public static synchronized TestSite get() {
    if (site == null) {
      try {
        site = new TestSite();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return site;
  }

  public static String password(String username) {
    return username + "-password";
  }

  public String baseUrl() {
    return "http://localhost:" + server.port();
  }

  public Database database() {
    return database;
  }

  public Path home() {
    return home;
  }

  public VendorAccount alpha() {
    return alpha;
  }

  public VendorAccount beta() {
    return beta;
  }

  /** A bean of the running application, e.g. its request mappings. */
  public <T> T bean(Class<T> type) {
    return server.context().getBean(type);
  }

  /** A bean of the running application by name. */
  public <T> T bean(String name, Class<T> type) {
    return server.context().getBean(name, type);
  }

  public User user(String username) {
    return new Users(database.dataSource()).find(username).orElseThrow();
  }

  private static final java.time.YearMonth TODAY_MONTH = java.time.YearMonth.from(TODAY);

  private void importWorld(VendorAccount account, long seed, int customers) throws IOException {
    World world =
        new WorldGenerator()
            .generate(
                new WorldSpec(seed, customers, 1, WorldSpec.DEFAULT_FROM, TODAY, Rates.defaults()));
    Path dir = Files.createDirectories(home.resolve("world-" + account.name()));
    WireFormat wire = WireFormat.V2.dataInsights(true);
    Path licenses = dir.resolve("licenses.json");
    Path transactions = dir.resolve("transactions.json");
    try (OutputStream out = Files.newOutputStream(licenses)) {
      ExportWriter.licenses(ExportFormat.JSON, wire).write(world.licenses(), out);
    }
    try (OutputStream out = Files.newOutputStream(transactions)) {
      ExportWriter.transactions(ExportFormat.JSON, wire).write(world.transactions(), out);
    }
    Importer importer = new Importer(database, Clock.systemUTC());
    // The last six months' remittance CSVs, with mismatches, first: the Data page lists the
    // latest imports, the exports among them.
    Remittance remittance = Remittance.of(world, world.vendors().get(0), true);
    for (var month : remittance.months().tailMap(TODAY_MONTH.minusMonths(5)).entrySet()) {
      Path csv = dir.resolve("remittance-" + month.getKey() + ".csv");
      try (OutputStream out = Files.newOutputStream(csv)) {
        RemittanceCsvWriter.write(month.getValue(), out);
      }
      importer.importFile(account, csv);
    }
    importer.importFile(account, licenses);
    importer.importFile(account, transactions);
    java.io.ByteArrayOutputStream prices = new java.io.ByteArrayOutputStream();
    dev.marketlens.emulator.world.PriceBookCsvWriter.write(world.vendors().get(0), prices);
    new dev.marketlens.store.PriceBooks(database)
        .importPlans(
            account.id(),
            dev.marketlens.payouts.pricing.PriceBookCsv.read(
                    prices.toString(java.nio.charset.StandardCharsets.UTF_8), "price-book.csv")
                .rows()
                .stream()
                .map(
                    r ->
                        new dev.marketlens.store.PriceBooks.Price(
                            r.app(),
                            r.hosting(),
                            r.effectiveFrom(),
                            r.tier().toString(),
                            r.price(),
                            r.renewalPrice()))
                .toList());
  }

  private void stop() {
    server.close();
    database.close();
  }
}
