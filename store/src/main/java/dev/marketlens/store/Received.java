package dev.marketlens.store;

import java.util.List;
import java.util.Objects;

/**
 * A record as it arrived from a sync or an import: the model value, whose fields fill the typed
 * columns, and its JSON in the export's shape, which is stored as received and compared field by
 * field with the stored version.
 *
 * @param unknown the fields (JSON paths, each with everything under it) that the record's format
 *     cannot carry — a CSV export has no column for some — so their absence says nothing: the
 *     stored values are kept
 */
public record Received<T>(T value, String json, List<String> unknown) {
  public Received {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(json, "json");
    unknown = List.copyOf(unknown);
  }

  /** A record in a format that carries every field. */
  public Received(T value, String json) {
    this(value, json, List.of());
  }
}
