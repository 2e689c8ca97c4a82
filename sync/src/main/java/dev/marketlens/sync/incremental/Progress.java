package dev.marketlens.sync.incremental;

import java.util.OptionalLong;

/** Told how a sync advances, to show a progress bar or log lines. */
public interface Progress {

  /**
   * A stream ({@code licenses} or {@code transactions}) starts: full, incremental or reconcile,
   * with the number of records when the source knows it.
   */
  void started(String stream, String kind, OptionalLong records);

  /** Records of the stream read so far, and bytes received from the source so far. */
  void advanced(String stream, long records, long bytes);

  /** The stream is done. */
  void finished(String stream, SyncEngine.StreamSummary summary);

  /** Shows nothing. */
  Progress NONE =
      new Progress() {
        @Override
        public void started(String stream, String kind, OptionalLong records) {}

        @Override
        public void advanced(String stream, long records, long bytes) {}

        @Override
        public void finished(String stream, SyncEngine.StreamSummary summary) {}
      };
}
