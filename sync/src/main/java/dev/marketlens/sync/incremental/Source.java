package dev.marketlens.sync.incremental;

import dev.marketlens.model.license.License;
import dev.marketlens.model.transaction.TransactionLine;
import dev.marketlens.store.Received;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Optional;
import java.util.OptionalLong;

/** Where a sync reads records from: the reporting API, or anything that serves its exports. */
public interface Source {

  /**
   * The licenses, all of them or those updated on or after {@code updatedSince}; {@code resume}
   * names an export a killed run was reading, to read it again when the source still has it.
   */
  Export<License> licenses(Optional<LocalDate> updatedSince, Optional<String> resume);

  /** The transaction lines, as {@link #licenses}. */
  Export<TransactionLine> transactions(Optional<LocalDate> updatedSince, Optional<String> resume);

  /** Total bytes received from the source so far. */
  long bytesReceived();

  /** The records of one export, in the order the source sends them, each with its JSON. */
  interface Export<T> extends Iterator<Received<T>>, AutoCloseable {

    /**
     * The id under which the source keeps this export, so that a resumed run reads the same records
     * in the same order and can skip those already stored; empty when it keeps none.
     */
    Optional<String> id();

    /** How the records were fetched, e.g. "async export", "paged list". */
    String path();

    /** How many records the export holds, when the source knows before they are read. */
    default OptionalLong size() {
      return OptionalLong.empty();
    }

    /** Called when every record was read and stored: what was kept to resume can go. */
    default void completed() {}

    @Override
    void close();
  }
}
