package dev.marketlens.bench;

import dev.marketlens.metrics.Metrics;
import dev.marketlens.metrics.Metrics.View;
import dev.marketlens.metrics.Parameters;
import dev.marketlens.metrics.cohorts.Cohort;
import dev.marketlens.metrics.movements.MrrMonth;
import dev.marketlens.metrics.mrr.Book;
import dev.marketlens.metrics.mrr.Months;
import dev.marketlens.model.BillingPeriod;
import dev.marketlens.model.SaleType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * A full recompute of every metric of a synthetic book of 10,000,000 transaction lines (about 1.2
 * million customers). Targets: under 2 s on 2 cores, at most half of DuckDB's time for the same
 * computations as SQL on the same data in the same run, and a heap under 2 GiB.
 *
 * <p>The lines are generated deterministically (seed 42) straight into {@link Book#builder()}:
 * customers with one to three licenses over two or three apps, each license a life of annual or
 * monthly terms (New, then Renewals), with mid-term upgrades, full and cancellation refunds, $0
 * lines, gaps within and beyond the grace, reactivations and churn; profiles are app × hosting ×
 * billing period × country. Building the book is timed apart and is not part of the target.
 *
 * <p>Timed: a fresh {@link Metrics} (so that the intervals are computed again) and, for the view
 * 2015-01..2026-10, movements, MRR, churn, retention, growth, cohorts (logos and revenue) and
 * renewals. One warm-up run, then five timed runs: minimum and median, with the JVM's CPU time.
 *
 * <p>The reference loads the same lines, generated again from the same seed, into an in-memory
 * DuckDB table with its appender (not timed), then times SQL computing the same things on its
 * default threads (two timed runs, no warm-up: it compiles no code at run time): each line's
 * monthly rate (N1 and N3 exactly; upgrades in the delta-interval form, which the generated
 * upgrades make equal to N2 up to rounding), the 30-day grace as bridge intervals over each
 * customer's coverage gaps, month-end MRR per customer (each interval covers the month-ends of its
 * month range, unnested), movements by {@code LAG}/{@code LEAD}, customers, churn, trailing-12 NRR
 * and GRR (the MRR twelve months later by a {@code RANGE} window frame), cohorts and renewal
 * opportunities. Its closing MRR per month is compared with ours. docs/metrics/benchmark.md has the
 * figures and what the SQL simplifies.
 *
 * <p>Usage: {@code bench/run metrics [lines] [ours]} (default 10000000 lines; {@code ours} skips
 * the reference, for profiling).
 */
public final class MetricsBench {

  private static final long SEED = 42;
  private static final int FIRST_DAY = (int) LocalDate.of(2015, 1, 1).toEpochDay();
  private static final int LAST_DAY = (int) LocalDate.of(2026, 10, 31).toEpochDay();
  private static final LocalDate AS_OF = LocalDate.of(2026, 10, 31);
  private static final YearMonth FROM = YearMonth.of(2015, 1);
  private static final YearMonth TO = YearMonth.of(2026, 10);
  private static final int RUNS = 5;

  /** DuckDB compiles no code at run time: its runs need no warm-up, and each takes minutes. */
  private static final int REFERENCE_RUNS = 2;

  /** The SQL reference's steps, and the seconds each took in the last run. */
  private static final String[] STEPS = {
    "macros",
    "macros",
    "voided",
    "rated",
    "gaps",
    "bridges",
    "month-ends",
    "paying",
    "movements",
    "monthly query",
    "nrr query",
    "cohorts query",
    "renewals query"
  };

  private static final double[] STEP_SECONDS = new double[STEPS.length];

  private static final String[] APPS = {
    "Timesheets", "Roadmaps", "Checklists", "Diagrams", "Backups", "Forms"
  };
  private static final String[] PARENTS = {
    "Jira", "Jira", "Jira", "Confluence", "Confluence", "Jira"
  };
  private static final String[] HOSTINGS = {"Cloud", "Server", "Data Center"};
  private static final String[] COUNTRIES = {
    "United States", "Germany", "United Kingdom", "France", "Japan",
    "Australia", "Canada", "India", "Brazil", "Netherlands"
  };
  private static final String[] REGIONS = {
    "Americas", "EMEA", "EMEA", "EMEA", "APAC", "APAC", "Americas", "APAC", "Americas", "EMEA"
  };

  private MetricsBench() {}

  public static void main(String[] args) throws Exception {
    int lines = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
    System.out.printf(
        "metrics: seed %d, %,d lines, %d cores, max heap %d MiB, load average %s%n",
        SEED,
        lines,
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        ImportBench.loadAverage());
    CpuTime cpu = new CpuTime(Optional.empty());

    long b0 = System.nanoTime();
    Book book = buildBook(lines);
    double buildSeconds = (System.nanoTime() - b0) / 1e9;
    System.gc();
    long bookHeap = Heap.used();
    System.out.printf(
        "  book: %,d lines, %,d licenses, %,d customers, %d profiles, built in %.1f s;"
            + " heap after GC %,d MiB%n",
        book.size(),
        book.licenseCount(),
        book.customerCount(),
        book.profiles().size(),
        buildSeconds,
        bookHeap >> 20);

    View view = View.of(FROM, TO);
    Parameters parameters = Parameters.defaults(AS_OF);
    recompute(book, parameters, view); // warm-up
    System.gc();
    Heap.resetPeaks();
    double[] ours = new double[RUNS];
    double oursCpu = 0;
    long checksum = 0;
    for (int r = 0; r < RUNS; r++) {
      double c0 = cpu.now()[0];
      long t0 = System.nanoTime();
      checksum = recompute(book, parameters, view);
      ours[r] = (System.nanoTime() - t0) / 1e9;
      oursCpu += cpu.now()[0] - c0;
    }
    long peak = Heap.peak();
    Arrays.sort(ours);
    long[] ourClosing =
        Metrics.of(book, List.of(), parameters).mrr(view).stream()
            .mapToLong(MrrMonth::mrr)
            .toArray();
    System.out.printf(
        "  ours:   full recompute min %.2f s, median %.2f s (target < 2 s); CPU %.1f s a run;"
            + " runs %s; checksum %d%n",
        ours[0], ours[RUNS / 2], oursCpu / RUNS, format(ours), checksum);
    System.out.printf(
        "  heap:   %,d MiB live after the book was built, peak %,d MiB during the runs"
            + " (target < 2048 MiB, max heap %,d MiB)%n",
        bookHeap >> 20, peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    int customers = book.customerCount();
    book = null;
    System.gc();
    if (args.length > 1 && args[1].equals("ours")) {
      return;
    }

    double[] duck = new double[REFERENCE_RUNS];
    double duckCpu = 0;
    long[] duckClosing;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
      long l0 = System.nanoTime();
      load(c.unwrap(DuckDBConnection.class), lines);
      System.out.printf(
          "  DuckDB: %,d lines loaded with the appender in %.1f s (not timed), %s threads%n",
          lines, (System.nanoTime() - l0) / 1e9, setting(c, "threads"));
      duckClosing = null;
      for (int r = 0; r < REFERENCE_RUNS; r++) {
        double c0 = cpu.now()[0];
        long t0 = System.nanoTime();
        duckClosing = sql(c);
        duck[r] = (System.nanoTime() - t0) / 1e9;
        duckCpu += cpu.now()[0] - c0;
      }
    }
    Arrays.sort(duck);
    StringBuilder steps = new StringBuilder();
    for (int k = 2; k < STEPS.length; k++) {
      steps.append(String.format(" %s %.2f", STEPS[k], STEP_SECONDS[k]));
    }
    System.out.println("  DuckDB: last run's steps (s):" + steps);
    System.out.printf(
        "  DuckDB: same computations as SQL min %.2f s, max %.2f s; CPU %.1f s a run; runs %s%n",
        duck[0], duck[REFERENCE_RUNS - 1], duckCpu / REFERENCE_RUNS, format(duck));
    double ratio = ours[RUNS / 2] / duck[0]; // against DuckDB's fastest run
    System.out.printf(
        "  ratio ours (median) / DuckDB (fastest) %.2f (target ≤ 0.5); minima %.2f%n",
        ratio, ours[0] / duck[0]);
    System.out.printf(
        "  closing MRR per month, DuckDB vs ours: max relative difference %.2e over %d months;"
            + " %d months equal%n",
        maxRelativeDifference(ourClosing, duckClosing),
        ourClosing.length,
        equalMonths(ourClosing, duckClosing));
    System.out.printf(
        "  summary: %,d lines, %,d customers, book built in %.1f s, ours %.2f/%.2f s"
            + " (min/median), DuckDB %.2f/%.2f s (min/max), ratio %.2f, peak heap %,d MiB%n",
        lines,
        customers,
        buildSeconds,
        ours[0],
        ours[RUNS / 2],
        duck[0],
        duck[REFERENCE_RUNS - 1],
        ratio,
        peak >> 20);
    boolean ok = ours[RUNS / 2] < 2 && ratio <= 0.5 && peak < (2L << 30);
    System.out.printf("  load average after: %s%n", ImportBench.loadAverage());
    System.out.println("  result: " + (ok ? "within targets" : "OUTSIDE targets"));
  }

  /** Every metric of the view from a fresh {@link Metrics}; returns a checksum of the results. */
  private static long recompute(Book book, Parameters parameters, View view) {
    Metrics metrics = Metrics.of(book, List.of(), parameters);
    long sum = 0;
    sum += metrics.movements(view).size();
    sum += metrics.mrr(view).stream().mapToLong(MrrMonth::mrr).sum();
    sum += metrics.churn(view).size();
    sum += metrics.retention(view).size();
    sum += metrics.growth(view).size();
    sum += metrics.cohorts(view, Cohort.Measure.LOGOS).size();
    sum += metrics.cohorts(view, Cohort.Measure.REVENUE).size();
    sum += metrics.renewals(view).stream().mapToLong(m -> m.opportunities()).sum();
    return sum;
  }

  // ---------------------------------------------------------------------------------------------
  // The synthetic book.

  /** Receives generated lines in order; refunds name the number of the line they refund. */
  private interface Sink {
    void license(int license);

    void customer(int customer);

    void line(
        int license,
        int customer,
        int app,
        int hosting,
        int country,
        SaleType type,
        byte billing,
        int start,
        int end,
        long amount,
        int refundOf);
  }

  private static Book buildBook(int lines) {
    Book.Builder b = Book.builder();
    int[][][][] profiles = new int[APPS.length][HOSTINGS.length][2][COUNTRIES.length];
    for (int a = 0; a < APPS.length; a++) {
      for (int h = 0; h < HOSTINGS.length; h++) {
        for (int p = 0; p < 2; p++) {
          for (int c = 0; c < COUNTRIES.length; c++) {
            profiles[a][h][p][c] =
                b.profile(
                    APPS[a],
                    HOSTINGS[h],
                    "Unlimited",
                    "Standard",
                    PARENTS[a],
                    p == 0 ? "Monthly" : "Annual",
                    COUNTRIES[c],
                    REGIONS[c],
                    "Direct",
                    null);
          }
        }
      }
    }
    generate(
        lines,
        new Sink() {
          @Override
          public void license(int license) {
            b.license("L" + license);
          }

          @Override
          public void customer(int customer) {
            b.customer("C" + customer);
          }

          @Override
          public void line(
              int license,
              int customer,
              int app,
              int hosting,
              int country,
              SaleType type,
              byte billing,
              int start,
              int end,
              long amount,
              int refundOf) {
            int k =
                b.line(
                    license,
                    customer,
                    profiles[app][hosting][billing][country],
                    type,
                    start,
                    end,
                    start,
                    billing == Book.MONTHLY ? BillingPeriod.MONTHLY : BillingPeriod.ANNUAL,
                    amount,
                    amount * 100 / 85,
                    amount * 100 / 85);
            if (refundOf >= 0) {
              b.refunds(k, refundOf);
            }
          }
        });
    return b.build();
  }

  /**
   * Exactly {@code lines} lines, customer after customer, each customer's licenses one after the
   * other, each license's lines in time order. The same seed gives the same lines.
   */
  private static void generate(int lines, Sink sink) {
    SplittableRandom random = new SplittableRandom(SEED);
    int[] count = {0};
    int customer = 0;
    int license = 0;
    int[] apps = new int[APPS.length];
    for (int a = 0; a < apps.length; a++) {
      apps[a] = a;
    }
    while (count[0] < lines) {
      sink.customer(customer);
      int country = random.nextInt(COUNTRIES.length);
      // Two or three of the apps, shuffled in front.
      int appCount = 2 + random.nextInt(2);
      for (int a = 0; a < appCount; a++) {
        int j = a + random.nextInt(apps.length - a);
        int t = apps[a];
        apps[a] = apps[j];
        apps[j] = t;
      }
      double u = random.nextDouble();
      int licenses = u < 0.45 ? 1 : u < 0.8 ? 2 : 3;
      for (int i = 0; i < licenses && count[0] < lines; i++) {
        sink.license(license);
        life(random, sink, count, lines, license, customer, apps[i % appCount], country);
        license++;
      }
      customer++;
    }
  }

  /** One license's life: terms until churn, a refund or the end of the data. */
  private static void life(
      SplittableRandom random,
      Sink sink,
      int[] count,
      int lines,
      int license,
      int customer,
      int app,
      int country) {
    double h = random.nextDouble();
    int hosting = h < 0.6 ? 0 : h < 0.85 ? 1 : 2;
    boolean monthly = hosting == 0 && random.nextDouble() < 0.4;
    byte billing = monthly ? Book.MONTHLY : Book.ANNUAL;
    // Prices: annual 12–600 USD a year, monthly 1–50 USD a month.
    long price = monthly ? 100 + random.nextInt(4901) : 1200 + random.nextInt(58801);
    double churn = monthly ? 0.06 : 0.2;
    int start = FIRST_DAY + random.nextInt(LAST_DAY - FIRST_DAY - 30);
    SaleType type = SaleType.NEW;
    while (count[0] < lines) {
      LocalDate s = LocalDate.ofEpochDay(start);
      int end = (int) (monthly ? s.plusMonths(1) : s.plusYears(1)).toEpochDay();
      long amount = random.nextDouble() < 0.02 ? 0 : price;
      int line = count[0]++;
      sink.line(license, customer, app, hosting, country, type, billing, start, end, amount, -1);
      double event = random.nextDouble();
      int days = end - start;
      if (event < 0.04 && days > 60 && count[0] < lines) {
        // Mid-term upgrade to a higher price: the prorated difference for the rest of the term.
        int at = start + 30 + random.nextInt(days - 60);
        long higher = price * (13 + random.nextInt(8)) / 10;
        long delta = (higher - price) * (end - at) / days;
        count[0]++;
        sink.line(
            license,
            customer,
            app,
            hosting,
            country,
            SaleType.UPGRADE,
            billing,
            at,
            end,
            delta,
            -1);
        price = higher;
      } else if (event < 0.055 && amount > 0 && count[0] < lines) {
        // Full refund of the term: the license ends.
        count[0]++;
        sink.line(
            license,
            customer,
            app,
            hosting,
            country,
            SaleType.REFUND,
            billing,
            start,
            end,
            -amount,
            -1);
        return;
      } else if (event < 0.065 && amount > 0 && days > 2 && count[0] < lines) {
        // Cancellation: the rest of the term refunded, the license ends.
        int at = start + 1 + random.nextInt(days - 1);
        count[0]++;
        sink.line(
            license,
            customer,
            app,
            hosting,
            country,
            SaleType.REFUND,
            billing,
            at,
            end,
            -amount * (end - at) / days,
            -1);
        return;
      } else if (event < 0.068 && amount > 0 && count[0] < lines) {
        // A refund without a period that returns the whole sale (it voids the line).
        count[0]++;
        sink.line(
            license,
            customer,
            app,
            hosting,
            country,
            SaleType.REFUND,
            billing,
            start,
            start,
            -amount,
            line);
        return;
      }
      if (random.nextDouble() < churn) {
        return;
      }
      double gap = random.nextDouble();
      if (gap < 0.05) {
        start = end + 31 + random.nextInt(400); // lapsed, then reactivated
      } else if (gap < 0.10) {
        start = end + 1 + random.nextInt(30); // late renewal, within the grace
      } else {
        start = end;
      }
      if (start > LAST_DAY) {
        return;
      }
      type = SaleType.RENEWAL;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The DuckDB reference.

  private static void load(DuckDBConnection c, int lines) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE lines (line INTEGER, license INTEGER, customer INTEGER, app TINYINT,"
              + " profile SMALLINT, sale_type TINYINT, billing TINYINT, start_day INTEGER,"
              + " end_day INTEGER, amount BIGINT, refund_of INTEGER)");
    }
    int[] added = {0};
    try (DuckDBAppender a = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "lines")) {
      generate(
          lines,
          new Sink() {
            @Override
            public void license(int license) {}

            @Override
            public void customer(int customer) {}

            @Override
            public void line(
                int license,
                int customer,
                int app,
                int hosting,
                int country,
                SaleType type,
                byte billing,
                int start,
                int end,
                long amount,
                int refundOf) {
              try {
                a.beginRow();
                a.append(added[0]++);
                a.append(license);
                a.append(customer);
                a.append((byte) app);
                a.append((short) (((app * 3 + hosting) * 2 + billing) * 10 + country));
                a.append((byte) type.ordinal());
                a.append(billing);
                a.append(start);
                a.append(end);
                a.append(amount);
                a.append(refundOf);
                a.endRow();
              } catch (SQLException e) {
                throw new IllegalStateException(e);
              }
            }
          });
    }
    try (Statement s = c.createStatement()) {
      s.execute("CHECKPOINT");
      // The intermediate tables need no order; keeping it would serialise their creation.
      s.execute("SET preserve_insertion_order = false");
    }
  }

  /**
   * The same computations as SQL; returns the closing MRR of each month of the view. Sale types are
   * {@link SaleType} ordinals (New 0, Renewal 1, Upgrade 2, Downgrade 3, Refund 4); rates are in
   * millionths of a cent, divisions round half away from zero, as in the engine.
   */
  private static long[] sql(Connection c) throws SQLException {
    int first = Months.of(FROM);
    int last = Months.of(TO);
    long asOf = AS_OF.toEpochDay();
    String[] statements = {
      "CREATE OR REPLACE MACRO hdiv(a, b) AS sign(a) * ((abs(a) * 2 + b) // (2 * b))",
      "CREATE OR REPLACE MACRO month_of(d) AS"
          + " year(DATE '1970-01-01' + d) * 12 + month(DATE '1970-01-01' + d) - 1",
      // §2.5: a refund without a period voids the line it refunds when it returns all of it.
      "CREATE OR REPLACE TEMP TABLE voided AS SELECT r.refund_of AS line FROM lines r"
          + " JOIN lines o ON o.line = r.refund_of"
          + " WHERE r.end_day <= r.start_day AND abs(r.amount) >= abs(o.amount) - 100",
      // N1 (whole monthly or annual terms, else prorated), N3 (refunds are negative intervals),
      // upgrades as delta intervals: the upgrade's own amount prorated, the old term untruncated.
      "CREATE OR REPLACE TEMP TABLE rated AS"
          + " WITH l AS (SELECT *, end_day - start_day AS days,"
          + "   CASE WHEN billing = 0 THEN 1"
          + "        WHEN billing = 1 AND (2 * (end_day - start_day) + 365) // 730 >= 1"
          + "          THEN 12 * ((2 * (end_day - start_day) + 365) // 730)"
          + "        ELSE 0 END AS n"
          + "   FROM lines WHERE end_day > start_day AND line NOT IN (SELECT line FROM voided))"
          + " SELECT line, license, customer, app, profile, sale_type, start_day, end_day, amount,"
          + "   CASE WHEN sale_type IN (2, 3) OR n = 0"
          + "          OR abs(date_diff('day', DATE '1970-01-01',"
          + "               CAST((DATE '1970-01-01' + start_day) + to_months(n) AS DATE))"
          + "             - end_day) > 3"
          + "     THEN hdiv(amount * 1000000 * 365, 12 * days)"
          + "     ELSE hdiv(amount * 1000000, n) END AS rate"
          + " FROM l",
      // §3.5 grace: each gap of at most 30 days in a customer's coverage, and the open lapse
      // younger than 30 days on asOf, covered by the rate of the day before the gap.
      "CREATE OR REPLACE TEMP TABLE gaps AS"
          + " WITH o AS (SELECT customer, start_day, max(end_day) OVER (PARTITION BY customer"
          + "   ORDER BY start_day, end_day ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)"
          + "   AS covered_to FROM rated)"
          + " SELECT customer, covered_to AS gap_start, start_day AS gap_end FROM o"
          + "   WHERE start_day > covered_to AND start_day - covered_to <= 30"
          + " UNION ALL"
          + " SELECT customer, max(end_day), 100000 FROM rated GROUP BY customer"
          + "   HAVING "
          + asOf
          + " - max(end_day) < 30",
      "CREATE OR REPLACE TEMP TABLE bridges AS"
          + " SELECT g.customer, g.gap_start AS start_day, g.gap_end AS end_day,"
          + "   sum(r.rate) AS rate"
          + " FROM gaps g JOIN rated r ON r.customer = g.customer"
          + "   AND r.start_day <= g.gap_start - 1 AND g.gap_start - 1 < r.end_day"
          + " GROUP BY ALL",
      // Month-end MRR per customer in cents: an interval covers the last day of months
      // month_of(start) … month_of(end) - 1: the range join with the month-ends, written as the
      // unnest of that range (the same rows). Then, by window, each customer-month's previous and
      // next paying months and its MRR twelve months later.
      "CREATE OR REPLACE TEMP TABLE month_mrr AS"
          + " WITH iv AS (SELECT customer, month_of(start_day) AS sm, month_of(end_day) AS em, rate"
          + "   FROM (SELECT customer, start_day, end_day, rate FROM rated"
          + "   UNION ALL SELECT customer, start_day, end_day, rate FROM bridges)),"
          + " covered AS (SELECT customer, unnest(range(greatest(sm, "
          + first
          + "), least(em, "
          + (last + 1)
          + "))) AS m, rate FROM iv),"
          + " units AS (SELECT customer, m, sum(rate) AS units FROM covered GROUP BY customer, m),"
          + " cents AS (SELECT customer, m, CAST((units + 500000) // 1000000 AS BIGINT) AS mrr"
          + "   FROM units WHERE units > 500000)"
          + " SELECT * FROM cents",
      "CREATE OR REPLACE TEMP TABLE paying AS"
          + " SELECT customer, m, mrr, lag(m) OVER w AS pm, lag(mrr) OVER w AS pmrr,"
          + "   lead(m) OVER w AS nm,"
          + "   max(mrr) OVER (w RANGE BETWEEN 12 FOLLOWING AND 12 FOLLOWING) AS mrr12"
          + " FROM month_mrr WINDOW w AS (PARTITION BY customer ORDER BY m)",
      // Movements, customers and churn per month; opening is the previous month's closing.
      "CREATE OR REPLACE TEMP TABLE movements AS"
          + " WITH gained AS (SELECT m, count(*) AS customers, sum(mrr) AS closing,"
          + "   count(*) FILTER (pm IS NULL) AS new_customers,"
          + "   coalesce(sum(mrr) FILTER (pm IS NULL), 0) AS new_mrr,"
          + "   count(*) FILTER (pm < m - 1) AS reactivated,"
          + "   coalesce(sum(mrr) FILTER (pm < m - 1), 0) AS reactivation_mrr,"
          + "   count(*) FILTER (pm = m - 1 AND mrr > pmrr) AS expanded,"
          + "   coalesce(sum(mrr - pmrr) FILTER (pm = m - 1 AND mrr > pmrr), 0) AS expansion_mrr,"
          + "   count(*) FILTER (pm = m - 1 AND mrr < pmrr) AS contracted,"
          + "   coalesce(sum(pmrr - mrr) FILTER (pm = m - 1 AND mrr < pmrr), 0)"
          + "     AS contraction_mrr"
          + "   FROM paying GROUP BY m),"
          + " lost AS (SELECT m + 1 AS m, count(*) AS churned, sum(mrr) AS churned_mrr"
          + "   FROM paying WHERE (nm IS NULL OR nm > m + 1) AND m < "
          + last
          + " GROUP BY m + 1),"
          + " months AS (SELECT m FROM range("
          + first
          + ", "
          + (last + 1)
          + ") t(m))"
          + " SELECT months.m, coalesce(g.customers, 0) AS customers,"
          + "   coalesce(g.closing, 0) AS closing,"
          + "   coalesce(lag(g.closing) OVER (ORDER BY months.m), 0) AS opening,"
          + "   coalesce(lag(g.customers) OVER (ORDER BY months.m), 0) AS opening_customers,"
          + "   g.* EXCLUDE (m, customers, closing),"
          + "   coalesce(l.churned, 0) AS churned, coalesce(l.churned_mrr, 0) AS churned_mrr"
          + " FROM months LEFT JOIN gained g ON g.m = months.m"
          + "   LEFT JOIN lost l ON l.m = months.m",
    };
    String[] queries = {
      // MRR, customers, movements, churn rates and growth per month.
      "SELECT m, closing, customers, opening, new_mrr, expansion_mrr, contraction_mrr,"
          + " churned_mrr, reactivation_mrr, churned / nullif(opening_customers, 0) AS logo_churn,"
          + " churned_mrr / nullif(opening, 0) AS revenue_churn,"
          + " new_mrr + reactivation_mrr + expansion_mrr - contraction_mrr - churned_mrr"
          + "   AS net_new,"
          + " (new_mrr + reactivation_mrr + expansion_mrr)"
          + "   / nullif(contraction_mrr + churned_mrr, 0) AS quick_ratio,"
          + " avg(churned / nullif(opening_customers, 0)) OVER (ORDER BY m"
          + "   ROWS BETWEEN 11 PRECEDING AND CURRENT ROW) AS mean_logo_churn12"
          + " FROM movements ORDER BY m",
      // Trailing-12 NRR and GRR: the customers paying twelve month-ends earlier, and their MRR
      // now (a self-join on month - 12, done by the window's RANGE frame above).
      "SELECT m + 12 AS m, sum(mrr) AS base12, sum(coalesce(mrr12, 0)) AS current12,"
          + " sum(least(coalesce(mrr12, 0), mrr)) AS retained12,"
          + " sum(coalesce(mrr12, 0)) / sum(mrr) AS nrr,"
          + " sum(least(coalesce(mrr12, 0), mrr)) / sum(mrr) AS grr"
          + " FROM paying WHERE m + 12 <= "
          + last
          + " GROUP BY m + 12 ORDER BY 1",
      // Cohorts by the first paying month, logos and revenue.
      "WITH f AS (SELECT customer, min(m) AS cohort FROM paying GROUP BY customer),"
          + " c AS (SELECT cohort, m - cohort AS age, count(*) AS logos, sum(mrr) AS revenue"
          + "   FROM paying JOIN f USING (customer) GROUP BY ALL)"
          + " SELECT cohort, age, logos, revenue,"
          + "   logos / first_value(logos) OVER w AS logo_retention,"
          + "   revenue / first_value(revenue) OVER w AS revenue_retention"
          + " FROM c WINDOW w AS (PARTITION BY cohort ORDER BY age) ORDER BY cohort, age",
      // Renewal opportunities by the month their term ends (§5.10).
      "WITH same_period AS (SELECT k.line FROM lines k JOIN lines r ON r.license = k.license"
          + "   AND r.start_day = k.start_day AND r.end_day = k.end_day"
          + "   WHERE r.sale_type = 4 AND k.sale_type <> 4 AND k.end_day > k.start_day"
          + "   AND abs(r.amount) >= k.amount - 100),"
          + " truncated AS (SELECT p.line FROM rated p JOIN rated u ON u.license = p.license"
          + "   AND u.sale_type IN (2, 3) AND u.line <> p.line"
          + "   AND u.start_day >= p.start_day AND u.start_day < p.end_day),"
          + " opp AS (SELECT * FROM rated WHERE sale_type <> 4 AND rate > 500000"
          + "   AND line NOT IN (SELECT line FROM same_period)"
          + "   AND line NOT IN (SELECT line FROM truncated)),"
          + " cand AS (SELECT * FROM rated WHERE sale_type IN (0, 1) AND rate > 500000"
          + "   AND line NOT IN (SELECT line FROM same_period)),"
          + " outcome AS (SELECT o.line, o.end_day, o.rate, count(c.line) > 0 AS renewed,"
          + "   arg_min(c.rate, c.start_day) AS renewal_rate"
          + "   FROM opp o LEFT JOIN cand c ON c.customer = o.customer AND c.app = o.app"
          + "     AND c.line <> o.line AND c.start_day >= greatest(o.end_day - 7, o.start_day + 1)"
          + "     AND c.start_day <= o.end_day + 30"
          + "   GROUP BY o.line, o.end_day, o.rate)"
          + " SELECT month_of(end_day) AS m,"
          + "   count(*) FILTER (renewed OR end_day + 30 < "
          + asOf
          + ") AS opportunities,"
          + "   count(*) FILTER (renewed) AS renewed,"
          + "   sum(rate) FILTER (renewed OR end_day + 30 < "
          + asOf
          + ") AS opportunity_rate,"
          + "   sum(rate) FILTER (renewed) AS renewed_rate,"
          + "   sum(renewal_rate) FILTER (renewed) AS renewal_rate,"
          + "   count(*) FILTER (NOT renewed AND end_day + 30 >= "
          + asOf
          + ") AS pending"
          + " FROM outcome WHERE month_of(end_day) BETWEEN "
          + first
          + " AND "
          + last
          + " GROUP BY ALL ORDER BY 1",
    };
    long[] closing = new long[last - first + 1];
    try (Statement s = c.createStatement()) {
      for (int k = 0; k < statements.length; k++) {
        long t0 = System.nanoTime();
        s.execute(statements[k]);
        STEP_SECONDS[k] = (System.nanoTime() - t0) / 1e9;
      }
      for (int q = 0; q < queries.length; q++) {
        long t0 = System.nanoTime();
        try (ResultSet r = s.executeQuery(queries[q])) {
          int columns = r.getMetaData().getColumnCount();
          while (r.next()) {
            for (int i = 1; i <= columns; i++) {
              r.getObject(i);
            }
            if (q == 0) {
              closing[r.getInt(1) - first] = r.getLong(2);
            }
          }
        }
        STEP_SECONDS[statements.length + q] = (System.nanoTime() - t0) / 1e9;
      }
      s.execute(
          "DROP TABLE voided; DROP TABLE rated; DROP TABLE gaps; DROP TABLE bridges; DROP TABLE month_mrr;"
              + " DROP TABLE paying; DROP TABLE movements");
    }
    return closing;
  }

  private static String setting(Connection c, String name) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT current_setting('" + name + "')")) {
      r.next();
      return r.getString(1);
    }
  }

  private static double maxRelativeDifference(long[] ours, long[] theirs) {
    double max = 0;
    for (int k = 0; k < ours.length; k++) {
      if (ours[k] != theirs[k]) {
        max =
            Math.max(max, Math.abs(ours[k] - theirs[k]) / (double) Math.max(1, Math.abs(ours[k])));
      }
    }
    return max;
  }

  private static int equalMonths(long[] ours, long[] theirs) {
    int equal = 0;
    for (int k = 0; k < ours.length; k++) {
      if (ours[k] == theirs[k]) {
        equal++;
      }
    }
    return equal;
  }

  private static String format(double[] seconds) {
    StringBuilder out = new StringBuilder();
    for (double s : seconds) {
      out.append(out.length() == 0 ? "" : " ").append(String.format("%.2f", s));
    }
    return out.toString();
  }
}
