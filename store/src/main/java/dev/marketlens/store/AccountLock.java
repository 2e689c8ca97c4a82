package dev.marketlens.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A PostgreSQL advisory lock on one vendor account, held on a connection of its own for as long as
 * a sync or an import writes the account, so that two processes never write it at once.
 */
public final class AccountLock implements AutoCloseable {
  /** The first key of Marketlens's advisory locks ("ML"), the account id being the second. */
  private static final int NAMESPACE = 0x4D4C;

  private final Connection connection;
  private final long account;

  private AccountLock(Connection connection, long account) {
    this.connection = connection;
    this.account = account;
  }

  /**
   * Takes the account's lock, or fails at once with a message saying another sync or import of the
   * account is running.
   */
  public static AccountLock acquire(DataSource dataSource, long account, String name) {
    Connection connection = null;
    try {
      connection = dataSource.getConnection();
      try (PreparedStatement lock =
          connection.prepareStatement("SELECT pg_try_advisory_lock(?, ?)")) {
        lock.setInt(1, NAMESPACE);
        lock.setInt(2, Math.toIntExact(account));
        try (ResultSet rows = lock.executeQuery()) {
          rows.next();
          if (!rows.getBoolean(1)) {
            throw new StoreException(
                "account "
                    + name
                    + " is being synced or imported by another process; try again when it ends");
          }
        }
      }
      return new AccountLock(connection, account);
    } catch (SQLException e) {
      close(connection);
      throw new StoreException("cannot lock account " + name + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      close(connection);
      throw e;
    }
  }

  @Override
  public void close() {
    try (PreparedStatement unlock =
        connection.prepareStatement("SELECT pg_advisory_unlock(?, ?)")) {
      unlock.setInt(1, NAMESPACE);
      unlock.setInt(2, Math.toIntExact(account));
      unlock.execute();
    } catch (SQLException e) {
      // closing the connection below releases the lock anyway
    } finally {
      close(connection);
    }
  }

  private static void close(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // nothing left to release
      }
    }
  }
}
