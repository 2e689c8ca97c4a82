package dev.marketlens.app;

import dev.marketlens.emulator.commerce.Vendor;
import dev.marketlens.emulator.quirks.Faults;
import dev.marketlens.emulator.quirks.Quirk;
import dev.marketlens.emulator.quirks.RateLimit;
import dev.marketlens.emulator.reporting.ApiUser;
import dev.marketlens.emulator.reporting.EmulatorSettings;
import dev.marketlens.emulator.reporting.Marketplace;
import dev.marketlens.emulator.reporting.ReportingServer;
import dev.marketlens.emulator.world.WorldSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code marketlens emulator}: serves a simulated vendor world through Atlassian's reporting API,
 * v2 and v3, until stopped.
 */
@Command(
    name = "emulator",
    mixinStandardHelpOptions = true,
    description = {
      "Serves a simulated vendor world through the Marketplace reporting API (v2 and v3).",
      "Point any reporting API client at the printed base URL with the printed credentials."
    })
final class EmulatorCommand implements Callable<Integer> {

  @Spec CommandSpec command;

  @Mixin WorldOptions worldOptions;

  @Option(
      names = "--world",
      paramLabel = "DIR",
      description = "Serve the world written by 'generate --out DIR' (instead of --seed etc.).")
  Path worldDir;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 for any free port).")
  int port = 8081;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String bind = "127.0.0.1";

  @Option(
      names = "--user",
      paramLabel = "VENDOR:EMAIL:TOKEN",
      description =
          "An account allowed to read VENDOR's reports (repeatable). Default: one account per"
              + " vendor with a random token.")
  List<String> users = new ArrayList<>();

  @Option(
      names = "--admin-token",
      paramLabel = "TOKEN",
      description = "Bearer token of /_emulator/... (default: random, printed).")
  String adminToken;

  @Option(
      names = "--quirks",
      paramLabel = "a,b",
      description = "Live-API quirks to switch on: ${COMPLETION-CANDIDATES}.",
      completionCandidates = QuirkNames.class)
  String quirks;

  @Option(
      names = "--faults",
      paramLabel = "RATE",
      description = "Share of requests that fail (e.g. 0.05 or 5%%).")
  String faults;

  @Option(
      names = "--fault-kinds",
      paramLabel = "a,b",
      description =
          "Which faults --faults injects (default: all): 500, 502, 503, slow, reset, truncated,"
              + " malformed.")
  String faultKinds;

  @Option(
      names = "--rate-limit",
      paramLabel = "N/min",
      description = "Requests a minute per user before 429 with Retry-After (default: no limit).")
  String rateLimit;

  @Option(
      names = "--tick",
      paramLabel = "DURATION",
      description = "Advance the clock one day every DURATION (e.g. 10s, 1m; default: never).")
  String tick;

  @Option(
      names = "--no-reporting-lag",
      description = "Report every transaction on the day it happens (default: up to a day late).")
  boolean noLag;

  @Override
  public Integer call() throws Exception {
    EmulatorSettings settings = settings();
    PrintWriter out = command.commandLine().getOut();
    out.printf(
        Locale.ROOT,
        "Generating %,d customers (seed %d)…%n",
        settings.world().customers(),
        settings.world().seed());
    out.flush();
    Marketplace market =
        new Marketplace(settings.world(), settings.quirks(), settings.reportingLag());
    List<ApiUser> accounts = settings.users();
    if (accounts.isEmpty()) {
      accounts = new ArrayList<>();
      for (Vendor v : market.vendors()) {
        accounts.add(
            new ApiUser(
                "reports@vendor-" + v.vendorId() + ".example",
                randomToken(),
                Set.of(v.vendorId())));
      }
    }
    for (ApiUser u : accounts) {
      if (u.vendorIds().stream().anyMatch(id -> market.vendor(id) == null)) {
        throw new ParameterException(
            command.commandLine(),
            "--user: vendor "
                + u.vendorIds()
                + " does not exist in this world; its vendors are "
                + market.vendors().stream().map(Vendor::vendorId).toList());
      }
    }
    settings = settings.withUsers(accounts);
    try (ReportingServer server = ReportingServer.start(settings, market)) {
      String host = bind.equals("0.0.0.0") ? "localhost" : bind;
      String base = server.baseUrl(host);
      out.printf(Locale.ROOT, "Marketplace reporting API emulator, clock at %s%n", market.today());
      for (Vendor v : market.vendors()) {
        out.printf(Locale.ROOT, "  %s (vendor %d)%n", v.name(), v.vendorId());
        out.printf(Locale.ROOT, "    v2  %s/rest/2/vendors/%d/reporting%n", base, v.vendorId());
        out.printf(
            Locale.ROOT, "    v3  %s/rest/3/reporting/developer-space/%s%n", base, v.developerId());
      }
      out.println("Accounts (HTTP Basic, email:token):");
      for (ApiUser u : accounts) {
        out.printf(Locale.ROOT, "  %s:%s  vendors %s%n", u.email(), u.token(), u.vendorIds());
      }
      out.printf(
          Locale.ROOT,
          "Admin: curl -X POST -H 'Authorization: Bearer %s' %s/_emulator/advance?days=1%n",
          settings.adminToken(),
          base);
      if (!settings.quirks().isEmpty()) {
        out.println("Quirks on: " + settings.quirks());
      }
      out.println("Press Ctrl-C to stop.");
      out.flush();
      server.awaitShutdown();
    }
    return 0;
  }

  /** The settings from the options, or a usage error naming the offending option. */
  EmulatorSettings settings() {
    WorldSpec spec;
    if (worldDir != null) {
      for (String option : List.of("--seed", "--customers", "--vendors", "--from", "--to")) {
        if (command.commandLine().getParseResult().hasMatchedOption(option)) {
          throw new ParameterException(
              command.commandLine(),
              "--world: the world's spec comes from its world.json; drop " + option);
        }
      }
      try {
        spec = WorldSpecFile.read(worldDir);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(command.commandLine(), e.getMessage());
      }
    } else {
      spec = worldOptions.spec();
    }
    if (port < 0 || port > 65_535) {
      throw new ParameterException(
          command.commandLine(), "--port: between 0 and 65535, got " + port);
    }
    List<ApiUser> accounts = new ArrayList<>();
    for (String u : users) {
      try {
        accounts.add(ApiUser.parse(u));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(command.commandLine(), e.getMessage());
      }
    }
    Set<Quirk> on;
    Faults faultSettings = Faults.NONE;
    int perMinute = 0;
    Duration every = null;
    try {
      on = Quirk.parse(quirks);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(command.commandLine(), "--quirks: " + e.getMessage());
    }
    try {
      if (faults != null) {
        faultSettings =
            new Faults(
                Faults.parseRate(faults),
                faultKinds == null ? Faults.ALL : Faults.parseKinds(faultKinds));
      } else if (faultKinds != null) {
        throw new IllegalArgumentException("--fault-kinds needs --faults RATE");
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(command.commandLine(), "--faults: " + e.getMessage());
    }
    try {
      if (rateLimit != null) {
        perMinute = RateLimit.parsePerMinute(rateLimit);
      }
    } catch (IllegalArgumentException e) {
      throw new ParameterException(command.commandLine(), "--rate-limit: " + e.getMessage());
    }
    if (tick != null) {
      every = duration(tick);
    }
    String admin = adminToken != null ? adminToken : randomToken();
    if (admin.isBlank()) {
      throw new ParameterException(command.commandLine(), "--admin-token: must not be blank");
    }
    return new EmulatorSettings(
        spec,
        bind,
        port,
        accounts,
        admin,
        on,
        faultSettings,
        perMinute,
        !noLag,
        every,
        Duration.ofMillis(500),
        Duration.ofMillis(1500));
  }

  private Duration duration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (t.endsWith("ms")) {
        return positive(Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2))), text);
      }
      if (t.endsWith("s")) {
        return positive(Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1))), text);
      }
      if (t.endsWith("m")) {
        return positive(Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1))), text);
      }
      return positive(Duration.parse(text.trim()), text);
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new ParameterException(
          command.commandLine(),
          "--tick: expected a duration such as 500ms, 10s or 1m, got '" + text + "'");
    }
  }

  private Duration positive(Duration d, String text) {
    if (d.isNegative() || d.isZero()) {
      throw new ParameterException(
          command.commandLine(), "--tick: must be longer than zero, got '" + text + "'");
    }
    return d;
  }

  private static String randomToken() {
    byte[] bytes = new byte[18];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** The quirk names, for the help text. */
  static final class QuirkNames extends ArrayList<String> {
    QuirkNames() {
      for (Quirk q : Quirk.values()) {
        add(q.switchName());
      }
    }
  }
}
