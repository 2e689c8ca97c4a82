package dev.marketlens.emulator.reporting;

import dev.marketlens.emulator.wire.ExportFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Async exports (spec §9): each is a snapshot of the vendor's view at initiation that moves from
 * {@code QUEUED} through {@code IN_PROGRESS} to {@code COMPLETED} as time passes, then can be
 * downloaded for 24 hours.
 */
final class AsyncExports {

  /** What is exported. */
  enum Kind {
    LICENSES,
    TRANSACTIONS
  }

  /** {@code export.status}. */
  enum Status {
    QUEUED,
    IN_PROGRESS,
    COMPLETED,
    FAILED
  }

  /** One export: what was asked, of which view, and when. */
  record Job(
      String id,
      Kind kind,
      Scope scope,
      Params params,
      ExportFormat format,
      VendorView view,
      Instant started,
      Duration queued,
      Duration inProgress) {

    Status status(Instant now) {
      if (now.isBefore(started.plus(queued))) {
        return Status.QUEUED;
      }
      return now.isBefore(completed()) ? Status.IN_PROGRESS : Status.COMPLETED;
    }

    Instant completed() {
      return started.plus(queued).plus(inProgress);
    }

    /** Same request: kind, vendor, version, parameters and format. */
    boolean sameRequest(Job o) {
      return kind == o.kind
          && scope.equals(o.scope)
          && params.asMap().equals(o.params.asMap())
          && format == o.format
          && view == o.view;
    }
  }

  static final Duration LIFETIME = Duration.ofHours(24);

  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final Clock clock;

  AsyncExports(Clock clock) {
    this.clock = Objects.requireNonNull(clock);
  }

  /**
   * Starts an export of {@code rows} rows.
   *
   * @param dedup the live quirk K9: an identical request still held returns the same export
   */
  Job start(
      Kind kind,
      Scope scope,
      Params params,
      ExportFormat format,
      VendorView view,
      int rows,
      Duration queued,
      Duration inProgress,
      boolean dedup) {
    expire();
    Instant now = clock.instant();
    Job job =
        new Job(
            UUID.randomUUID().toString(),
            kind,
            scope,
            params,
            format,
            view,
            now,
            queued,
            inProgress.plusMillis(rows / 100));
    if (dedup) {
      for (Job existing : jobs.values()) {
        if (existing.sameRequest(job)) {
          return existing;
        }
      }
    }
    jobs.put(job.id(), job);
    return job;
  }

  /** The export, or null when unknown, of another kind or vendor, or expired. */
  Job find(String id, Kind kind, Scope scope) {
    expire();
    Job job = jobs.get(id);
    if (job == null || job.kind() != kind || !job.scope().vendor().equals(scope.vendor())) {
      return null;
    }
    return job;
  }

  Instant now() {
    return clock.instant();
  }

  private void expire() {
    Instant now = clock.instant();
    jobs.values().removeIf(j -> now.isAfter(j.completed().plus(LIFETIME)));
  }
}
