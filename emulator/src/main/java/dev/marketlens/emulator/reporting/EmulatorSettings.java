package dev.marketlens.emulator.reporting;

import dev.marketlens.emulator.quirks.Faults;
import dev.marketlens.emulator.quirks.Quirk;
import dev.marketlens.emulator.world.WorldSpec;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How an emulated reporting API is set up.
 *
 * @param world the world it serves, from its first day to {@code world.to()}, the clock's start
 * @param bindAddress the address to listen on ({@code 127.0.0.1} by default)
 * @param port the port, 0 for any free one
 * @param users the accounts allowed to read reports
 * @param adminToken the bearer token of {@code /_emulator/...}
 * @param quirks the live-API quirks switched on
 * @param faults the faults injected into responses
 * @param rateLimitPerMinute requests a minute per user before 429, 0 for no limit
 * @param reportingLag whether transactions changed on the clock day may be reported the next day
 * @param tick advance the clock one day every {@code tick}, or null for a clock that moves only
 *     when told to
 * @param exportQueued how long an async export stays {@code QUEUED}
 * @param exportInProgress how long it then stays {@code IN_PROGRESS}, plus 1 ms per 100 rows
 */
public record EmulatorSettings(
    WorldSpec world,
    String bindAddress,
    int port,
    List<ApiUser> users,
    String adminToken,
    Set<Quirk> quirks,
    Faults faults,
    int rateLimitPerMinute,
    boolean reportingLag,
    Duration tick,
    Duration exportQueued,
    Duration exportInProgress) {

  public EmulatorSettings {
    if (world == null) {
      throw new IllegalArgumentException("the emulator needs a world");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("--port: between 0 and 65535, got " + port);
    }
    if (adminToken == null || adminToken.isBlank()) {
      throw new IllegalArgumentException("the emulator needs an admin token");
    }
    if (rateLimitPerMinute < 0) {
      throw new IllegalArgumentException("--rate-limit must not be negative");
    }
    if (tick != null && (tick.isNegative() || tick.isZero())) {
      throw new IllegalArgumentException("--tick must be a positive duration, got " + tick);
    }
    users = List.copyOf(users);
    quirks = quirks.isEmpty() ? EnumSet.noneOf(Quirk.class) : EnumSet.copyOf(quirks);
  }

  /**
   * Settings with the defaults: localhost, any free port, no quirks, no faults, no rate limit,
   * reporting lag on, a clock that moves only when told to, the spec's async export timing.
   */
  public static EmulatorSettings defaults(WorldSpec world, List<ApiUser> users, String adminToken) {
    return new EmulatorSettings(
        world,
        "127.0.0.1",
        0,
        users,
        adminToken,
        Set.of(),
        Faults.NONE,
        0,
        true,
        null,
        Duration.ofMillis(500),
        Duration.ofMillis(1500));
  }

  public EmulatorSettings withUsers(List<ApiUser> users) {
    return new EmulatorSettings(
        world,
        bindAddress,
        port,
        users,
        adminToken,
        quirks,
        faults,
        rateLimitPerMinute,
        reportingLag,
        tick,
        exportQueued,
        exportInProgress);
  }

  public EmulatorSettings withExportTiming(Duration queued, Duration inProgress) {
    return new EmulatorSettings(
        world,
        bindAddress,
        port,
        users,
        adminToken,
        quirks,
        faults,
        rateLimitPerMinute,
        reportingLag,
        tick,
        queued,
        inProgress);
  }

  public EmulatorSettings withReportingLag(boolean on) {
    return new EmulatorSettings(
        world,
        bindAddress,
        port,
        users,
        adminToken,
        quirks,
        faults,
        rateLimitPerMinute,
        on,
        tick,
        exportQueued,
        exportInProgress);
  }
}
