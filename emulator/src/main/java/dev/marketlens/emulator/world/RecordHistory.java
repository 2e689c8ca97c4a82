package dev.marketlens.emulator.world;

import java.time.LocalDate;
import java.util.List;

/** Every version of one license or transaction line, oldest first. */
public record RecordHistory<T>(String key, List<Versioned<T>> versions) {

  public RecordHistory {
    versions = List.copyOf(versions);
    if (versions.isEmpty()) {
      throw new IllegalArgumentException(key + ": a record has at least one version");
    }
  }

  /** The version served on {@code day}, or null when the record did not exist yet. */
  public T asOf(LocalDate day) {
    T found = null;
    for (Versioned<T> v : versions) {
      if (v.since().isAfter(day)) {
        break;
      }
      found = v.record();
    }
    return found;
  }

  public T latest() {
    return versions.get(versions.size() - 1).record();
  }

  public LocalDate created() {
    return versions.get(0).since();
  }
}
