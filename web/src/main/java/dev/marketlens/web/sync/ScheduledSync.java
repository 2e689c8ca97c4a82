package dev.marketlens.web.sync;

import dev.marketlens.store.AppSettings;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.store.VendorAccounts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Syncs every vendor account that has an API token, every {@value #SETTING} minutes (a setting
 * changed on the admin page; 0 or absent: never). Checked once a minute on the system clock; an
 * account is due when its latest run started longer ago than the interval, or never ran.
 */
@Component
class ScheduledSync {
  static final String SETTING = "sync.interval-minutes";
  private static final Logger LOG = LoggerFactory.getLogger(ScheduledSync.class);

  private final AppSettings settings;
  private final VendorAccounts accounts;
  private final SyncStatus status;
  private final Syncs syncs;
  private final Clock clock = Clock.systemUTC();

  ScheduledSync(AppSettings settings, VendorAccounts accounts, SyncStatus status, Syncs syncs) {
    this.settings = settings;
    this.accounts = accounts;
    this.status = status;
    this.syncs = syncs;
  }

  /** The interval in whole minutes from the setting; 0 when off, absent or not a number. */
  static long interval(Optional<String> setting) {
    try {
      return setting.map(String::strip).map(Long::parseLong).filter(m -> m > 0).orElse(0L);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** Whether an account whose latest run started at {@code lastStart} is due at {@code now}. */
  static boolean due(Optional<Instant> lastStart, long intervalMinutes, Instant now) {
    if (intervalMinutes <= 0) {
      return false;
    }
    return lastStart.isEmpty()
        || !lastStart.get().plus(Duration.ofMinutes(intervalMinutes)).isAfter(now);
  }

  @Scheduled(initialDelay = 60_000, fixedDelay = 60_000)
  void tick() {
    try {
      long interval = interval(settings.get(SETTING));
      if (interval == 0) {
        return;
      }
      Instant now = clock.instant();
      for (VendorAccount account : accounts.list()) {
        if (account.hasToken()
            && syncs.running(account.id()).isEmpty()
            && due(status.lastStart(account.id()), interval, now)) {
          syncs.start(account, null);
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("the scheduled sync check failed: {}", e.getMessage());
    }
  }
}
