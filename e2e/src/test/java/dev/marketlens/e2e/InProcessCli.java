package dev.marketlens.e2e;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.marketlens.app.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@link Main#run} in this JVM and captures what it prints: {@code Main.run} builds its own
 * {@code CommandLine}, whose writers wrap {@code System.out} and {@code System.err} when first
 * used, so both are replaced for the duration of the call.
 */
final class InProcessCli {

  /** {@code <account>: <kind> run <id> done: N new, N changed, N unchanged, N drifted; X MB}. */
  private static final Pattern DONE =
      Pattern.compile(
          "^(\\S+): (\\w+) run (\\d+) done: ([\\d,]+) new, ([\\d,]+) changed, ([\\d,]+) unchanged,"
              + " ([\\d,]+) drifted; ([\\d.]+) MB received$",
          Pattern.MULTILINE);

  /** What one run returned and printed, and how long it took. */
  record Result(int exitCode, String out, String err, long millis) {

    /** The summary line of the sync of {@code account}. */
    SyncSummary summary(String account) {
      Matcher m = DONE.matcher(out);
      while (m.find()) {
        if (m.group(1).equals(account)) {
          return new SyncSummary(
              m.group(2),
              Long.parseLong(m.group(3)),
              count(m.group(4)),
              count(m.group(5)),
              count(m.group(6)),
              count(m.group(7)),
              Double.parseDouble(m.group(8)));
        }
      }
      throw new AssertionError("no summary line for " + account + " in:\n" + this);
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /** A sync's summary line, as the CLI prints it. */
  record SyncSummary(
      String kind,
      long run,
      long created,
      long changed,
      long unchanged,
      long drifted,
      double megabytes) {}

  private InProcessCli() {}

  static synchronized Result run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    long start = System.nanoTime();
    int code;
    try (PrintStream o = new PrintStream(out, true, UTF_8);
        PrintStream e = new PrintStream(err, true, UTF_8)) {
      System.setOut(o);
      System.setErr(e);
      code = Main.run(args);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    Result result =
        new Result(
            code,
            out.toString(UTF_8),
            err.toString(UTF_8),
            (System.nanoTime() - start) / 1_000_000);
    System.out.printf(
        Locale.ROOT,
        "marketlens %s (%d ms)%n%s",
        String.join(" ", args).replace(EmulatedMarketplace.TOKEN, "***"),
        result.millis(),
        result.out().indent(2));
    return result;
  }

  private static long count(String digits) {
    return Long.parseLong(digits.replace(",", ""));
  }
}
