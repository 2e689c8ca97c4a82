package dev.marketlens.store;

import java.util.ArrayList;
import java.util.List;

/**
 * What writing records did: how many were new, changed or unchanged; which changes were drift (the
 * record changed but its {@code lastUpdated} did not move); how many records a redaction reached.
 *
 * @param drifts the drifted records, each named by its id with the fields that changed
 */
public record WriteResult(
    int created, int changed, int unchanged, int redacted, List<Drift> drifts) {

  public static final WriteResult NONE = new WriteResult(0, 0, 0, 0, List.of());

  public WriteResult {
    drifts = List.copyOf(drifts);
  }

  /** A record that changed without a new {@code lastUpdated}: the id and the changed fields. */
  public record Drift(String id, List<String> fields) {
    public Drift {
      fields = List.copyOf(fields);
    }
  }

  public int drifted() {
    return drifts.size();
  }

  public int total() {
    return created + changed + unchanged;
  }

  public WriteResult plus(WriteResult other) {
    List<Drift> all = new ArrayList<>(drifts);
    all.addAll(other.drifts);
    return new WriteResult(
        created + other.created,
        changed + other.changed,
        unchanged + other.unchanged,
        redacted + other.redacted,
        all);
  }
}
