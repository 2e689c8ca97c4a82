package dev.marketlens.web.sync;

import dev.marketlens.store.Database;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.store.VendorAccounts;
import dev.marketlens.sync.incremental.AccountSync;
import dev.marketlens.sync.incremental.Progress;
import dev.marketlens.sync.incremental.SyncEngine;
import dev.marketlens.sync.incremental.SyncException;
import dev.marketlens.web.WebSettings;
import dev.marketlens.web.revenue.RevenueBooks;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The syncs the web application runs, in the background, one at a time per vendor account (and the
 * store's advisory lock keeps other processes out too). Each run is recorded in {@code sync_runs}
 * by the sync engine; while it runs, its progress is kept here for the Data page. A failure that
 * happens before the engine records a run (no token, account locked elsewhere) is kept here too.
 */
@Component
public class Syncs {
  private static final Logger LOG = LoggerFactory.getLogger(Syncs.class);

  /** A sync in progress: which stream, how far, how fast. */
  public static final class Live {
    private final Instant startedAt;
    private volatile String stream = "starting";
    private volatile String kind = "";
    private volatile long records;
    private volatile long bytes;
    private volatile long total = -1;
    private volatile long streamStartNanos = System.nanoTime();

    Live(Instant startedAt) {
      this.startedAt = startedAt;
    }

    public Instant startedAt() {
      return startedAt;
    }

    public String stream() {
      return stream;
    }

    public String kind() {
      return kind;
    }

    public long records() {
      return records;
    }

    /** Records in the stream's export when the source said, else -1. */
    public long total() {
      return total;
    }

    public long bytes() {
      return bytes;
    }

    /** Records per second in the current stream. */
    public long rate() {
      double seconds = Math.max(1e-3, (System.nanoTime() - streamStartNanos) / 1e9);
      return (long) (records / seconds);
    }
  }

  /** Why the last sync attempt of an account could not start, and when. */
  public record Refusal(Instant at, String message) {}

  private final Map<Long, Live> running = new ConcurrentHashMap<>();
  private final Map<Long, Refusal> refusals = new ConcurrentHashMap<>();
  private final AccountSync accountSync;
  private final RevenueBooks books;
  private final Clock clock = Clock.systemUTC();
  private final ExecutorService executor;

  Syncs(Database database, VendorAccounts accounts, WebSettings settings, RevenueBooks books) {
    this.accountSync = new AccountSync(database, accounts, settings.home(), clock);
    this.books = books;
    AtomicInteger threads = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            2,
            r -> {
              Thread t = new Thread(r, "marketlens-sync-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Starts a sync of the account in the background; false when one is already running here.
   *
   * @param who the user who asked for it, or null for the schedule (for the log only)
   */
  public boolean start(VendorAccount account, String who) {
    Live live = new Live(clock.instant());
    if (running.putIfAbsent(account.id(), live) != null) {
      return false;
    }
    LOG.info(
        "sync of account {} started by {}", account.name(), who == null ? "the schedule" : who);
    try {
      executor.execute(() -> run(account, live));
    } catch (RuntimeException e) {
      running.remove(account.id());
      throw e;
    }
    return true;
  }

  /** The sync of the account running now, if any. */
  public Optional<Live> running(long account) {
    return Optional.ofNullable(running.get(account));
  }

  /** Why the latest attempt to sync the account could not start a run, if it could not. */
  public Optional<Refusal> refusal(long account) {
    return Optional.ofNullable(refusals.get(account));
  }

  private void run(VendorAccount account, Live live) {
    try {
      AccountSync.Prepared prepared = accountSync.prepare(account);
      refusals.remove(account.id());
      SyncEngine.Summary summary = prepared.run(SyncEngine.Mode.AUTO, progress(live));
      var w = summary.written();
      LOG.info(
          "sync of account {} done: {} run {}, {} new, {} changed, {} unchanged, {} drifted",
          account.name(),
          summary.kind(),
          summary.run(),
          w.created(),
          w.changed(),
          w.unchanged(),
          w.drifted());
    } catch (RuntimeException e) {
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      if (e instanceof SyncException) {
        refusals.remove(account.id()); // the engine recorded it as a failed run in sync_runs
      } else {
        refusals.put(account.id(), new Refusal(clock.instant(), message));
      }
      LOG.warn("sync of account {} failed: {}", account.name(), message);
    } finally {
      running.remove(account.id());
      books.invalidate();
    }
  }

  private static Progress progress(Live live) {
    return new Progress() {
      @Override
      public void started(String stream, String kind, OptionalLong records) {
        live.stream = stream;
        live.kind = kind;
        live.records = 0;
        live.total = records.orElse(-1);
        live.streamStartNanos = System.nanoTime();
      }

      @Override
      public void advanced(String stream, long records, long bytes) {
        live.records = records;
        live.bytes = bytes;
      }

      @Override
      public void finished(String stream, SyncEngine.StreamSummary summary) {
        live.records = summary.read();
      }
    };
  }

  @PreDestroy
  void stop() {
    executor.shutdownNow();
  }
}
