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
    subcommands = {DemoCommand.class, GenerateCommand.class, CommandLine.HelpCommand.class})
public final class Main {

  /** Exit code for bad arguments or configuration. */
  public static final int USAGE = 2;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line and returns its exit code (0 success, 1 failure, 2 bad arguments). */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("marketlens: " + e);
          return 1;
        });
    return cli.execute(args);
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
