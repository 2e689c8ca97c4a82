package dev.marketlens.store;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of a stored license or transaction line.
 *
 * @param version 1 for the first sighting, then one more for each change
 * @param seenAt when we received this version
 * @param lastUpdated the record's own {@code lastUpdated} in that version
 * @param changed the fields that changed from the previous version, {@code {"path": {"from": …,
 *     "to": …}}}; {@code {}} for version 1
 * @param record the record as it was in this version, as JSON in the export's shape
 * @param syncRun the sync run that received it; null for an import
 */
public record RecordVersion(
    int version,
    Instant seenAt,
    LocalDate lastUpdated,
    String changed,
    String record,
    Long syncRun) {}
