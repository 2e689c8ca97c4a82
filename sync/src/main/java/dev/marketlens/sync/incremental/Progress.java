package dev.marketlens.sync.incremental;

/** Told how a sync advances, to show a progress bar or log lines. */
public interface Progress {

  /** A stream ({@code licenses} or {@code transactions}) starts: full or incremental. */
  void started(String stream, String kind);

  /** Records of the stream read so far, and bytes received from the source so far. */
  void advanced(String stream, long records, long bytes);

  /** The stream is done. */
  void finished(String stream, SyncEngine.StreamSummary summary);

  /** Shows nothing. */
  Progress NONE =
      new Progress() {
        @Override
        public void started(String stream, String kind) {}

        @Override
        public void advanced(String stream, long records, long bytes) {}

        @Override
        public void finished(String stream, SyncEngine.StreamSummary summary) {}
      };
}
