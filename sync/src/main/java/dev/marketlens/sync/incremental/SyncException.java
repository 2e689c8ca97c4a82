package dev.marketlens.sync.incremental;

/** A sync that could not finish; the message says why and that the next run resumes. */
public final class SyncException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SyncException(String message, Throwable cause) {
    super(message, cause);
  }
}
