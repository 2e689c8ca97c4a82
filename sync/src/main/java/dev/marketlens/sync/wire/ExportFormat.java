package dev.marketlens.sync.wire;

/** The two export encodings Atlassian serves (spec §7.5, §8.5). */
public enum ExportFormat {
  /** A top-level JSON array of records. */
  JSON,
  /** A header row of camelCase names, then one RFC 4180 row per record. */
  CSV
}
