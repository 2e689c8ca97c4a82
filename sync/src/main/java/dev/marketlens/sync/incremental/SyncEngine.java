package dev.marketlens.sync.incremental;

import dev.marketlens.model.license.License;
import dev.marketlens.model.transaction.TransactionLine;
import dev.marketlens.store.AccountLock;
import dev.marketlens.store.Database;
import dev.marketlens.store.Licenses;
import dev.marketlens.store.Received;
import dev.marketlens.store.RecordWriter;
import dev.marketlens.store.StoreException;
import dev.marketlens.store.SyncCheckpoints;
import dev.marketlens.store.SyncCheckpoints.Checkpoint;
import dev.marketlens.store.SyncRuns;
import dev.marketlens.store.TransactionLines;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.store.WriteResult;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Syncs one vendor account from a {@link Source} into the store, stream by stream (licenses, then
 * transactions):
 *
 * <ul>
 *   <li>A stream with no cursor yet is read in full; later runs read what was updated since the
 *       cursor minus an overlap ({@code lastUpdated} is a date, and Atlassian's reporting lags).
 *   <li>Every {@link Options#reconcileEvery} a run reads everything again: it finds records that
 *       changed without a new {@code lastUpdated} (drift, K14), backfills that kept an old one
 *       (K16) and records that disappeared.
 *   <li>Each batch commits with its versions, the run's counts and the stream's checkpoint, so a
 *       run killed at any point resumes after the last batch it committed — skipping what it stored
 *       when the source still keeps the same export, otherwise re-reading it, which changes
 *       nothing. Re-running changes nothing.
 *   <li>An advisory lock keeps two syncs of one account apart.
 * </ul>
 */
public final class SyncEngine {

  /** Which pass to make. */
  public enum Mode {
    /** Full for a stream never synced, reconcile when one is due, else incremental. */
    AUTO,
    /** Read everything, whatever the cursors say. */
    FULL,
    /** Only what changed since the cursors (full for a stream never synced). */
    INCREMENTAL
  }

  /**
   * @param batchSize records per transaction
   * @param overlapDays how far before the cursor an incremental pass starts
   * @param reconcileEvery how long after the last full pass a run reads everything again
   */
  public record Options(Mode mode, int batchSize, int overlapDays, Duration reconcileEvery) {
    public static final Options DEFAULTS = new Options(Mode.AUTO, 5_000, 1, Duration.ofDays(7));

    public Options {
      if (batchSize < 1) {
        throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
      }
      if (overlapDays < 0) {
        throw new IllegalArgumentException("overlap must not be negative, got " + overlapDays);
      }
    }

    public Options withMode(Mode mode) {
      return new Options(mode, batchSize, overlapDays, reconcileEvery);
    }

    public Options withBatchSize(int batchSize) {
      return new Options(mode, batchSize, overlapDays, reconcileEvery);
    }
  }

  /**
   * What a run did to one stream.
   *
   * @param kind {@code full}, {@code incremental} or {@code reconcile}
   * @param path how the records were fetched
   * @param read records read from the source, including those a resumed run skipped
   * @param disappeared records stored before that a full pass no longer found (never deleted)
   */
  public record StreamSummary(
      String stream,
      String kind,
      String path,
      long read,
      WriteResult written,
      List<String> disappeared) {}

  /** What a run did: its id, kind, streams and the bytes it received. */
  public record Summary(long run, String kind, List<StreamSummary> streams, long bytes) {
    public WriteResult written() {
      return streams.stream()
          .map(StreamSummary::written)
          .reduce(WriteResult.NONE, WriteResult::plus);
    }
  }

  private final Database database;
  private final Source source;
  private final Clock clock;
  private final Progress progress;
  private final Options options;
  private final Licenses licenses = new Licenses();
  private final TransactionLines lines = new TransactionLines();
  private final SyncRuns runs = new SyncRuns();
  private final SyncCheckpoints checkpoints = new SyncCheckpoints();

  public SyncEngine(
      Database database, Source source, Clock clock, Progress progress, Options options) {
    this.database = database;
    this.source = source;
    this.clock = clock;
    this.progress = progress;
    this.options = options;
  }

  /**
   * Syncs the account. A failure ends the run as failed with its reason and throws a {@link
   * SyncException}; what was committed stays, and the next run resumes from it.
   */
  public Summary run(VendorAccount account) {
    try (AccountLock lock =
        AccountLock.acquire(database.dataSource(), account.id(), account.name())) {
      long id = account.id();
      Checkpoint licenseCursor = read(c -> checkpoints.get(c, id, "licenses"));
      Checkpoint lineCursor = read(c -> checkpoints.get(c, id, "transactions"));
      boolean reconcile = options.mode() == Mode.FULL || reconcileDue(id);
      String licenseKind = kind(licenseCursor, reconcile);
      String lineKind = kind(lineCursor, reconcile);
      String runKind =
          licenseKind.equals("full") || lineKind.equals("full")
              ? "full"
              : licenseKind.equals("reconcile") || lineKind.equals("reconcile")
                  ? "reconcile"
                  : "incremental";
      Instant started = clock.instant();
      long run = write("start a sync run", c -> runs.start(c, id, runKind, started));
      try {
        List<StreamSummary> streams = new ArrayList<>();
        streams.add(
            stream(
                id,
                run,
                "licenses",
                licenseKind,
                licenseCursor,
                source::licenses,
                licenses::write,
                License::lastUpdated));
        streams.add(
            stream(
                id,
                run,
                "transactions",
                lineKind,
                lineCursor,
                source::transactions,
                lines::write,
                TransactionLine::lastUpdated));
        write("link transactions to licenses", c -> lines.linkLicenses(c, id));
        write(
            "finish the sync run",
            c -> {
              runs.finish(c, run, "succeeded", null, clock.instant());
              return null;
            });
        return new Summary(run, runKind, streams, source.bytesReceived());
      } catch (RuntimeException e) {
        String reason = e.getMessage() == null ? e.toString() : e.getMessage();
        try {
          write(
              "record the failed sync run",
              c -> {
                runs.finish(c, run, "failed", reason, clock.instant());
                return null;
              });
        } catch (StoreException ignored) {
          // the database itself failed; the next run marks this one interrupted
        }
        throw new SyncException(
            "sync of account "
                + account.name()
                + " stopped: "
                + reason
                + " (what was stored is kept; the next sync resumes from there)",
            e);
      }
    }
  }

  private String kind(Checkpoint cursor, boolean reconcile) {
    if (cursor.lastUpdated() == null) {
      return "full";
    }
    // A reconcile that a killed run left half-way is finished before anything else, unless the
    // user asks for an incremental pass.
    boolean reconcileInterrupted =
        cursor.exportId() != null
            && cursor.exportId().startsWith("reconcile:")
            && options.mode() != Mode.INCREMENTAL;
    return reconcile || reconcileInterrupted ? "reconcile" : "incremental";
  }

  /**
   * The export a killed pass of this kind was reading: checkpoints name the pass before the
   * source's export id ({@code reconcile:<id>}).
   */
  private static Optional<String> interrupted(Checkpoint cursor, String kind) {
    String id = cursor.exportId();
    return id != null && id.startsWith(kind + ":")
        ? Optional.of(id.substring(kind.length() + 1))
        : Optional.empty();
  }

  /** True when the last successful full or reconcile run is older than the reconcile interval. */
  private boolean reconcileDue(long account) {
    if (options.mode() == Mode.INCREMENTAL) {
      return false;
    }
    Optional<Instant> last =
        read(
            c -> {
              try (PreparedStatement select =
                  c.prepareStatement(
                      "SELECT max(started_at) FROM sync_runs WHERE vendor_account_id = ?"
                          + " AND status = 'succeeded' AND kind IN ('full', 'reconcile')")) {
                select.setLong(1, account);
                try (ResultSet rows = select.executeQuery()) {
                  rows.next();
                  Timestamp at = rows.getTimestamp(1);
                  return Optional.ofNullable(at).map(Timestamp::toInstant);
                }
              }
            });
    return last.isEmpty() || !last.get().plus(options.reconcileEvery()).isAfter(clock.instant());
  }

  private <T> StreamSummary stream(
      long account,
      long run,
      String stream,
      String kind,
      Checkpoint cursor,
      BiFunction<Optional<LocalDate>, Optional<String>, Source.Export<T>> open,
      RecordWriter<T> writer,
      Function<T, Instant> lastUpdatedOf) {
    Optional<LocalDate> since =
        kind.equals("incremental")
            ? Optional.of(cursor.lastUpdated().minusDays(options.overlapDays()))
            : Optional.empty();
    Instant passStart = clock.instant();
    Optional<String> resume = interrupted(cursor, kind);
    try (Source.Export<T> export = open.apply(since, resume)) {
      progress.started(stream, kind, export.size());
      Optional<String> exportId = export.id().map(id -> kind + ":" + id);
      long skip = resume.isPresent() && export.id().equals(resume) ? cursor.exportOffset() : 0;
      LocalDate highWater = cursor.lastUpdated();
      long read = 0;
      WriteResult written = WriteResult.NONE;
      List<Received<T>> batch = new ArrayList<>(options.batchSize());
      while (export.hasNext()) {
        Received<T> record = export.next();
        read++;
        highWater =
            later(
                highWater,
                LocalDate.ofInstant(lastUpdatedOf.apply(record.value()), ZoneOffset.UTC));
        if (read <= skip) {
          continue;
        }
        batch.add(record);
        if (batch.size() == options.batchSize()) {
          written =
              written.plus(commit(account, run, stream, writer, batch, cursor, exportId, read));
          batch.clear();
          progress.advanced(stream, read, source.bytesReceived());
        }
      }
      written = written.plus(commit(account, run, stream, writer, batch, cursor, exportId, read));
      progress.advanced(stream, read, source.bytesReceived());
      LocalDate cursorAfter = highWater;
      boolean wholePass = !kind.equals("incremental") && skip == 0;
      List<String> disappeared = wholePass ? disappeared(account, stream, passStart) : List.of();
      write(
          "save the " + stream + " cursor",
          c -> {
            checkpoints.put(c, account, stream, new Checkpoint(cursorAfter, null, 0));
            if (wholePass) {
              // The next pass asks only about its own sightings.
              if (stream.equals("licenses")) {
                licenses.forgetSightingsBefore(c, account, passStart);
              } else {
                lines.forgetSightingsBefore(c, account, passStart);
              }
            }
            return null;
          });
      export.completed();
      StreamSummary summary =
          new StreamSummary(stream, kind, export.path(), read, written, disappeared);
      progress.finished(stream, summary);
      return summary;
    }
  }

  private <T> WriteResult commit(
      long account,
      long run,
      String stream,
      RecordWriter<T> writer,
      List<Received<T>> batch,
      Checkpoint cursor,
      Optional<String> exportId,
      long position) {
    if (batch.isEmpty()) {
      return WriteResult.NONE;
    }
    Instant seenAt = clock.instant();
    return write(
        "store " + batch.size() + " " + stream,
        c -> {
          WriteResult result = writer.write(c, account, batch, run, seenAt);
          runs.add(c, run, result);
          checkpoints.put(
              c,
              account,
              stream,
              new Checkpoint(cursor.lastUpdated(), exportId.orElse(null), position));
          return result;
        });
  }

  /** The records a full pass did not see: stored before it started and not seen since. */
  private List<String> disappeared(long account, String stream, Instant passStart) {
    return read(
        c ->
            stream.equals("licenses")
                ? licenses.notSeenSince(c, account, passStart)
                : lines.notSeenSince(c, account, passStart));
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a == null || b.isAfter(a) ? b : a;
  }

  private <R> R read(Database.Work<R> work) {
    return database.inTransaction("read the sync state", work);
  }

  private <R> R write(String what, Database.Work<R> work) {
    return database.inTransaction(what, work);
  }
}
