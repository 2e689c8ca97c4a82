package dev.marketlens.store;

import java.util.Objects;

/**
 * A record as it arrived from a sync or an import: the model value, whose fields fill the typed
 * columns, and its JSON in the export's shape, which is stored as received and compared field by
 * field with the stored version.
 */
public record Received<T>(T value, String json) {
  public Received {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(json, "json");
  }
}
