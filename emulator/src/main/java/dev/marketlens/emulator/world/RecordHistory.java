package dev.marketlens.emulator.world;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Every version of one license or transaction line, oldest first. Stored compactly (most records
 * have a single version): {@link #versions()} builds the list on demand.
 */
public final class RecordHistory<T> {

  private final String key;
  private final T first;
  private final LocalDate firstSince;
  private final Object[] later;
  private final LocalDate[] laterSince;

  public RecordHistory(String key, List<Versioned<T>> versions) {
    if (versions.isEmpty()) {
      throw new IllegalArgumentException(key + ": a record has at least one version");
    }
    this.key = key;
    this.first = versions.get(0).record();
    this.firstSince = versions.get(0).since();
    if (versions.size() == 1) {
      this.later = null;
      this.laterSince = null;
    } else {
      this.later = new Object[versions.size() - 1];
      this.laterSince = new LocalDate[versions.size() - 1];
      for (int i = 1; i < versions.size(); i++) {
        later[i - 1] = versions.get(i).record();
        laterSince[i - 1] = versions.get(i).since();
      }
    }
  }

  /** The record's key: the license lineage or the transaction line item id. */
  public String key() {
    return key;
  }

  public int size() {
    return later == null ? 1 : later.length + 1;
  }

  /** Every version, oldest first. */
  public List<Versioned<T>> versions() {
    List<Versioned<T>> all = new ArrayList<>(size());
    all.add(new Versioned<>(firstSince, first));
    for (int i = 0; later != null && i < later.length; i++) {
      all.add(new Versioned<>(laterSince[i], record(i)));
    }
    return all;
  }

  /** The version served on {@code day}, or null when the record did not exist yet. */
  public T asOf(LocalDate day) {
    if (firstSince.isAfter(day)) {
      return null;
    }
    T found = first;
    for (int i = 0; later != null && i < later.length && !laterSince[i].isAfter(day); i++) {
      found = record(i);
    }
    return found;
  }

  public T latest() {
    return later == null ? first : record(later.length - 1);
  }

  public LocalDate created() {
    return firstSince;
  }

  @SuppressWarnings("unchecked")
  private T record(int i) {
    return (T) later[i];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordHistory<?> other
        && key.equals(other.key)
        && versions().equals(other.versions());
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  @Override
  public String toString() {
    return "RecordHistory[" + key + ", " + size() + " versions]";
  }
}
