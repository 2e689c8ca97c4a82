package dev.marketlens.sync.client;

/** How an export's records were fetched, in the order the client tries them. */
public enum ExportRoute {
  /** Initiate, poll the status, download (spec §9). */
  ASYNC_EXPORT,
  /** One {@code GET …/export} answering every record (spec §7.1 L2, §8.1 T2). */
  SYNC_EXPORT,
  /** The paged list, 50 records a page, following {@code _links.next} (spec §6). */
  PAGED_LIST
}
