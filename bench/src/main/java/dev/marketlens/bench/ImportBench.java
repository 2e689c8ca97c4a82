package dev.marketlens.bench;

import dev.marketlens.emulator.wire.ExportFormat;
import dev.marketlens.emulator.wire.ExportWriter;
import dev.marketlens.emulator.wire.Transaction;
import dev.marketlens.emulator.wire.WireFormat;
import dev.marketlens.emulator.world.World;
import dev.marketlens.emulator.world.WorldGenerator;
import dev.marketlens.emulator.world.WorldSpec;
import dev.marketlens.store.Database;
import dev.marketlens.store.TokenCipher;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.store.VendorAccounts;
import dev.marketlens.sync.files.Importer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Imports an export file of every transaction line of a generated world (about 1,000,000 of them)
 * into an empty embedded PostgreSQL through {@link Importer#importFile}, as CSV and as JSON, then
 * the same records again under another file name (all unchanged). Targets: at least 150,000 rows/s
 * and at most 1.5 times a plain {@code COPY}.
 *
 * <p>The reference, in the same process and database: the rows the CSV import stored in {@code
 * transaction_lines} (typed columns and {@code record} jsonb), dumped beforehand with {@code COPY …
 * TO STDOUT} to a file, are loaded with one {@code COPY … FROM STDIN} in one transaction into a
 * fresh empty {@code CREATE TABLE ref_lines (LIKE transaction_lines INCLUDING ALL)}: the same
 * columns, primary key, indexes, CHECKs and defaults, no foreign keys. A second reference also
 * loads the version rows into {@code ref_versions (LIKE transaction_line_versions INCLUDING ALL)};
 * a first import writes none (a record's version 1 is its current row), so it matches the first.
 * Before each measured run the database is vacuumed, analyzed and checkpointed.
 *
 * <p>Usage: {@code bench/run import [customers]} (default 130000 customers, about 1M lines).
 */
public final class ImportBench {

  private ImportBench() {}

  public static void main(String[] args) throws Exception {
    int customers = args.length > 0 ? Integer.parseInt(args[0]) : 130_000;
    Path dir = Files.createTempDirectory("marketlens-bench-import");
    try {
      run(customers, dir);
    } finally {
      delete(dir);
    }
  }

  private static void run(int customers, Path dir) throws Exception {
    System.out.printf(
        "import: seed 42, %,d customers, %d cores, max heap %d MiB, load average %s%n",
        customers,
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        loadAverage());
    Path csv = dir.resolve("transactions.csv");
    Path json = dir.resolve("transactions.json");
    Path again = dir.resolve("transactions-again.json");
    Path warmCsv = dir.resolve("warm-up.csv");
    Path warmJson = dir.resolve("warm-up.json");
    long g0 = System.nanoTime();
    int lines;
    {
      World world = new WorldGenerator().generate(WorldSpec.of(42, customers));
      List<Transaction> transactions = world.transactions();
      lines = transactions.size();
      write(transactions, ExportFormat.CSV, csv);
      write(transactions, ExportFormat.JSON, json);
      List<Transaction> few = transactions.subList(0, Math.min(20_000, lines));
      write(few, ExportFormat.CSV, warmCsv);
      write(few, ExportFormat.JSON, warmJson);
    }
    // The same records in a file of other content: the JSON export and a trailing line break.
    Files.copy(json, again);
    Files.writeString(again, "\n", StandardOpenOption.APPEND);
    System.out.printf(
        "  %,d transaction lines (every line of the world, all vendors) written in %.1f s:"
            + " CSV %,d MB, JSON %,d MB%n",
        lines,
        (System.nanoTime() - g0) / 1e9,
        Files.size(csv) / 1_000_000,
        Files.size(json) / 1_000_000);
    System.gc();

    Path home = dir.resolve("home");
    try (Database database = Database.embedded(home)) {
      VendorAccounts accounts =
          new VendorAccounts(database.dataSource(), TokenCipher.forHome(home, null));
      Importer importer = new Importer(database, Clock.systemUTC());
      CpuTime cpu = new CpuTime(database.dataDirectory());

      // Warm-up: both formats, new and unchanged, on a small slice; then the account is removed.
      VendorAccount warm = account(accounts, "warm-up");
      importer.importFile(warm, warmCsv);
      importer.importFile(warm, warmJson);
      accounts.remove("warm-up");

      VendorAccount csvAccount = account(accounts, "csv");
      settle(database);
      Measured csvRun = time(cpu, () -> check(importer.importFile(csvAccount, csv), lines, true));
      Measured referenceRun = reference(database, cpu, csvAccount.id(), dir, false);
      Measured referenceWithVersionsRun = reference(database, cpu, csvAccount.id(), dir, true);

      VendorAccount jsonAccount = account(accounts, "json");
      settle(database);
      Measured jsonRun =
          time(cpu, () -> check(importer.importFile(jsonAccount, json), lines, true));
      settle(database);
      Measured againRun =
          time(cpu, () -> check(importer.importFile(jsonAccount, again), lines, false));

      double reference = referenceRun.wall();
      double referenceWithVersions = referenceWithVersionsRun.wall();
      double csvSeconds = csvRun.wall();
      double jsonSeconds = jsonRun.wall();
      System.out.printf(
          "  reference COPY into ref_lines       %6.2f s = %,9.0f rows/s; %s%n",
          reference, lines / reference, referenceRun.cpu());
      System.out.printf(
          "  reference COPY lines + versions     %6.2f s = %,9.0f rows/s; %s%n",
          referenceWithVersions, lines / referenceWithVersions, referenceWithVersionsRun.cpu());
      report("import CSV, empty account ", lines, csvRun, reference, referenceWithVersions);
      report("import JSON, empty account", lines, jsonRun, reference, referenceWithVersions);
      report("re-import, all unchanged  ", lines, againRun, reference, referenceWithVersions);
      boolean ok =
          Math.min(csvSeconds, jsonSeconds) > 0
              && lines / Math.max(csvSeconds, jsonSeconds) >= 150_000
              && Math.max(csvSeconds, jsonSeconds) / reference <= 1.5;
      System.out.printf("  load average after: %s%n", loadAverage());
      System.out.println("  result: " + (ok ? "within targets" : "OUTSIDE targets"));
    }
  }

  /** Wall seconds, and CPU seconds of this JVM and of PostgreSQL. */
  record Measured(double wall, double jvm, double postgres) {
    String cpu() {
      return String.format(
          "CPU %.1f s (JVM %.1f s, PostgreSQL %.1f s)", jvm + postgres, jvm, postgres);
    }
  }

  private static void report(
      String what, int lines, Measured run, double reference, double withVersions) {
    double seconds = run.wall();
    System.out.printf(
        "  %s %6.2f s = %,9.0f rows/s (target ≥ 150,000); %.2f× COPY (target ≤ 1.5),"
            + " %.2f× COPY with versions; %s%n",
        what, seconds, lines / seconds, seconds / reference, seconds / withVersions, run.cpu());
  }

  private static void check(Importer.Imported imported, int lines, boolean fresh) {
    long expected = fresh ? imported.written().created() : imported.written().unchanged();
    if (imported.records() != lines || expected != lines || imported.alreadyImported()) {
      throw new IllegalStateException("unexpected import result " + imported);
    }
  }

  /**
   * Seconds of a plain COPY of the account's stored lines (and, when asked, their versions) into
   * fresh tables of the same shape, from a file dumped beforehand, in one transaction.
   */
  private static Measured reference(
      Database database, CpuTime cpu, long account, Path dir, boolean versions)
      throws SQLException, IOException {
    Path lines = dir.resolve("ref-lines.copy");
    Path versionRows = dir.resolve("ref-versions.copy");
    try (Connection c = database.dataSource().getConnection()) {
      CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
      try (Statement s = c.createStatement()) {
        s.execute("DROP TABLE IF EXISTS ref_lines, ref_versions");
        s.execute("CREATE TABLE ref_lines (LIKE transaction_lines INCLUDING ALL)");
        s.execute("CREATE TABLE ref_versions (LIKE transaction_line_versions INCLUDING ALL)");
      }
      dump(copy, "transaction_lines", account, lines);
      dump(copy, "transaction_line_versions", account, versionRows);
      settle(database);
      c.setAutoCommit(false);
      double[] cpu0 = cpu.now();
      long t0 = System.nanoTime();
      load(copy, "ref_lines", lines);
      if (versions) {
        load(copy, "ref_versions", versionRows);
      }
      c.commit();
      double seconds = (System.nanoTime() - t0) / 1e9;
      double[] cpu1 = cpu.now();
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        s.execute("DROP TABLE ref_lines, ref_versions");
      }
      Files.delete(lines);
      Files.delete(versionRows);
      return new Measured(seconds, cpu1[0] - cpu0[0], cpu1[1] - cpu0[1]);
    }
  }

  private static void dump(CopyManager copy, String table, long account, Path file)
      throws SQLException, IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      copy.copyOut(
          "COPY (SELECT * FROM " + table + " WHERE vendor_account_id = " + account + ") TO STDOUT",
          out);
    }
  }

  private static void load(CopyManager copy, String table, Path file)
      throws SQLException, IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      copy.copyIn("COPY " + table + " FROM STDIN", in);
    }
  }

  /**
   * Vacuums, analyzes and checkpoints the database before a measured run, so that no run pays for
   * the background work (autovacuum, checkpoints) its predecessor left behind.
   */
  private static void settle(Database database) throws SQLException {
    try (Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("VACUUM (ANALYZE)");
      s.execute("CHECKPOINT");
    }
  }

  private static VendorAccount account(VendorAccounts accounts, String name) {
    return accounts.save(new VendorAccount.New(name, "v2", null, null, null, null, null));
  }

  private static void write(List<Transaction> transactions, ExportFormat format, Path file)
      throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      ExportWriter.transactions(format, WireFormat.V2).write(transactions, out);
    }
  }

  interface Timed {
    void run() throws Exception;
  }

  private static Measured time(CpuTime cpu, Timed work) throws Exception {
    System.gc();
    double[] cpu0 = cpu.now();
    long t0 = System.nanoTime();
    work.run();
    double seconds = (System.nanoTime() - t0) / 1e9;
    double[] cpu1 = cpu.now();
    return new Measured(seconds, cpu1[0] - cpu0[0], cpu1[1] - cpu0[1]);
  }

  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).split(" ");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  static void delete(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
