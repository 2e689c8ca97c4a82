package dev.marketlens.app;

import dev.marketlens.store.Database;
import dev.marketlens.store.TokenCipher;
import dev.marketlens.web.WebServer;
import dev.marketlens.web.WebSettings;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code marketlens serve}: the dashboard and the REST API, until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the web application: the dashboard, the REST API (/api/v1), health and Prometheus"
          + " metrics (/actuator).",
      "The first start creates the user 'admin' with $MARKETLENS_ADMIN_PASSWORD, or prints a"
          + " random password once."
    })
final class ServeCommand implements Callable<Integer> {

  @Spec CommandSpec command;
  @Mixin StoreOptions store;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 for any free port).")
  int port = 8080;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every one).")
  String bind = "127.0.0.1";

  @Override
  public Integer call() throws Exception {
    checkPort(command, port);
    PrintWriter out = command.commandLine().getOut();
    try (Database database = store.open();
        WebServer server =
            WebServer.start(settings(database, bind, port, Clock.systemUTC(), false))) {
      out.printf(Locale.ROOT, "Marketlens on %s%n", url(bind, server.port()));
      out.println("Press Ctrl-C to stop.");
      out.flush();
      server.awaitShutdown();
    }
    return 0;
  }

  static void checkPort(CommandSpec command, int port) {
    if (port < 0 || port > 65_535) {
      throw new ParameterException(command.commandLine(), "--port: 0–65535, got " + port);
    }
  }

  /** The web application's settings from the environment, on an open database. */
  static WebSettings settings(Database database, String bind, int port, Clock clock, boolean demo) {
    String secure = System.getenv("MARKETLENS_SECURE_COOKIES");
    return new WebSettings(
        bind,
        port,
        database,
        Settings.home(),
        TokenCipher.forHome(Settings.home(), System.getenv("MARKETLENS_SECRET_KEY")),
        clock,
        demo,
        System.getenv("MARKETLENS_ADMIN_PASSWORD"),
        secure == null || !secure.equalsIgnoreCase("false"));
  }

  static String url(String bind, int port) {
    String host = bind.equals("0.0.0.0") || bind.equals("127.0.0.1") ? "localhost" : bind;
    return "http://" + host + ":" + port;
  }
}
