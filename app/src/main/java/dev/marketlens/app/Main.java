package dev.marketlens.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code marketlens} command. */
@Command(
    name = "marketlens",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Revenue analytics for Atlassian Marketplace partners, and a simulated Marketplace to test against.",
    subcommands = {
      DemoCommand.class,
      ServeCommand.class,
      GenerateCommand.class,
      EmulatorCommand.class,
      SyncCommand.class,
      ImportCommand.class,
      ExportCommand.class,
      AccountsCommand.class,
      HistoryCommand.class,
      ReportCommand.class,
      ReconcileCommand.class,
      PricingCommand.class,
      RefundsCommand.class,
      LicenseChecksCommand.class,
      PayoutsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main {

  /** Exit code for bad arguments or configuration. */
  public static final int USAGE = 2;

  public static void main(String[] args) {
    int code;
    try {
      code = run(args);
    } catch (OutOfMemoryError e) {
      System.err.println(
          "marketlens: out of memory; a world needs about 1 GiB of heap per 130,000 customers,"
              + " set e.g. MARKETLENS_JAVA_OPTS=-Xmx4g");
      code = 1;
    }
    System.exit(code);
  }

  /** Runs the command line and returns its exit code (0 success, 1 failure, 2 bad arguments). */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("marketlens: " + describe(e));
          return 1;
        });
    return cli.execute(args);
  }

  /**
   * A failure as a person reads it: the message, and the exception type only when there is none.
   */
  static String describe(Throwable e) {
    Throwable cause =
        e instanceof java.io.UncheckedIOException && e.getCause() != null ? e.getCause() : e;
    String message = cause.getMessage();
    if (message == null || message.isBlank()) {
      return cause.toString();
    }
    return cause instanceof java.io.IOException
        ? message + " (" + cause.getClass().getSimpleName() + ")"
        : message;
  }

  /** The version from the jar's manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"marketlens " + (v == null ? "development build" : v)};
    }
  }
}
