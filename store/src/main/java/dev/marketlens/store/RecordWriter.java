package dev.marketlens.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Writes a batch of received records of one kind in the caller's transaction: {@link
 * Licenses#write} and {@link TransactionLines#write}.
 */
@FunctionalInterface
public interface RecordWriter<T> {
  /**
   * @param syncRun the sync run that received them; null for an import
   * @param seenAt when they were received
   */
  WriteResult write(
      Connection connection, long account, List<Received<T>> batch, Long syncRun, Instant seenAt)
      throws SQLException;
}
