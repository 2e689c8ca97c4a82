package dev.marketlens.store;

import java.time.Instant;

/**
 * A sync of a vendor account as recorded: kind ({@code full}, {@code incremental}, {@code
 * reconcile}), when it ran, how it ended ({@code running}, {@code succeeded}, {@code failed},
 * {@code interrupted}) and what it found.
 */
public record SyncRun(
    long id,
    long account,
    String kind,
    Instant startedAt,
    Instant finishedAt,
    String status,
    int created,
    int changed,
    int unchanged,
    int drifted,
    String error) {}
