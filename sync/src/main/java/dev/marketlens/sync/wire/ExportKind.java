package dev.marketlens.sync.wire;

/** What an export holds, detected from its fields. */
public enum ExportKind {
  LICENSES,
  TRANSACTIONS,
  /** A JSON export with no records ({@code []}): either kind, nothing to read. */
  EMPTY
}
