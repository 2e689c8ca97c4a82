package dev.marketlens.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The platform's PostgreSQL database, migrated to the current schema: either an embedded server
 * whose data lives in {@code <home>/postgres}, or any PostgreSQL 14+ reached by a JDBC URL.
 *
 * <p>Opening runs the Flyway migrations in {@code db/migration}; closing shuts the connection pool
 * and, when embedded, stops the server. Only one process at a time can own an embedded data
 * directory: opening a home that another {@code Database} holds fails with a {@link StoreException}
 * naming the directory, while a server left running by a killed owner is stopped and the home taken
 * over. Several processes on one database need an external PostgreSQL.
 */
public final class Database implements AutoCloseable {

  /** The database the embedded server keeps the schema in. */
  static final String EMBEDDED_DATABASE = "marketlens";

  private static final String EMBEDDED_USER = "postgres";

  private final HikariDataSource dataSource;
  private final EmbeddedPostgres embedded;
  private final Path dataDirectory;
  private final int migrationsApplied;

  private Database(HikariDataSource dataSource, EmbeddedPostgres embedded, Path dataDirectory) {
    this.dataSource = dataSource;
    this.embedded = embedded;
    this.dataDirectory = dataDirectory;
    try {
      this.migrationsApplied = migrate(dataSource);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * The database {@code jdbcUrl} names when given, else the embedded one in {@code home}: the
   * choice the application makes from {@code --db} / {@code MARKETLENS_DB_URL}.
   */
  public static Database open(Optional<String> jdbcUrl, Path home) {
    return jdbcUrl
        .filter(url -> !url.isBlank())
        .map(Database::external)
        .orElseGet(() -> embedded(home));
  }

  /**
   * Connects to an existing PostgreSQL 14+ by JDBC URL (user and password as URL parameters, e.g.
   * {@code jdbc:postgresql://db:5432/marketlens?user=ml&password=…}) and migrates it.
   */
  public static Database external(String jdbcUrl) {
    if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new StoreException(
          "the database URL must be a PostgreSQL JDBC URL such as"
              + " jdbc:postgresql://host:5432/marketlens?user=…&password=…, got: "
              + jdbcUrl);
    }
    return new Database(pool(jdbcUrl, null), null, null);
  }

  /**
   * Starts the embedded PostgreSQL on a free port with its data in {@code <home>/postgres},
   * creating the directory and the cluster on first use and reusing them afterwards, and migrates
   * it.
   */
  public static Database embedded(Path home) {
    return embedded(home, 0);
  }

  /**
   * Starts the embedded PostgreSQL as {@link #embedded(Path)} does, listening on {@code port} on
   * localhost so that other tools (psql, a BI tool) can connect; 0 picks a free port.
   */
  public static Database embedded(Path home, int port) {
    if (port < 0 || port > 65_535) {
      throw new StoreException(
          "the embedded database port must be 0 (any free port) to 65535, got " + port);
    }
    Path dataDirectory = home.toAbsolutePath().resolve("postgres");
    EmbeddedPostgres server = startEmbedded(dataDirectory, port);
    HikariDataSource pool;
    try {
      createDatabaseIfAbsent(server);
      pool = pool(server.getJdbcUrl(EMBEDDED_USER, EMBEDDED_DATABASE), EMBEDDED_USER);
    } catch (RuntimeException e) {
      stop(server, dataDirectory);
      throw e;
    }
    return new Database(pool, server, dataDirectory);
  }

  /** A pooled source of connections to the migrated database. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** Work done on one connection inside a transaction. */
  @FunctionalInterface
  public interface Work<R> {
    R run(Connection connection) throws SQLException;
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws, so
   * nothing is half-written. SQL failures become a {@link StoreException} saying what failed.
   */
  public <R> R inTransaction(String what, Work<R> work) {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        R result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("cannot " + what + ": " + e.getMessage(), e);
    }
  }

  /**
   * The JDBC URL the pool connects with (for the embedded server it includes its port). It may
   * carry a password: for messages and logs use {@link #redacted(String)}.
   */
  public String jdbcUrl() {
    return dataSource.getJdbcUrl();
  }

  /** The embedded server's data directory, or empty for an external database. */
  public Optional<Path> dataDirectory() {
    return Optional.ofNullable(dataDirectory);
  }

  /** The embedded server's port, or empty for an external database. */
  public Optional<Integer> embeddedPort() {
    return embedded == null ? Optional.empty() : Optional.of(embedded.getPort());
  }

  /** How many migrations this opening applied (0 when the schema was already current). */
  public int migrationsApplied() {
    return migrationsApplied;
  }

  /** Closes the pool and stops the embedded server, if any. */
  @Override
  public void close() {
    try {
      dataSource.close();
    } finally {
      if (embedded != null) {
        stop(embedded, dataDirectory);
      }
    }
  }

  /** How long a server left running by a killed owner is given to stop. */
  private static final long ORPHAN_STOP_SECONDS = 120;

  private static EmbeddedPostgres startEmbedded(Path dataDirectory, int port) {
    try {
      Files.createDirectories(dataDirectory);
    } catch (IOException e) {
      throw new StoreException(
          "cannot create the embedded database directory " + dataDirectory + ": " + e, e);
    }
    stopOrphanedServer(dataDirectory);
    try {
      EmbeddedPostgres.Builder builder =
          EmbeddedPostgres.builder()
              .setDataDirectory(dataDirectory)
              .setCleanDataDirectory(false)
              // Zonky's defaults suit throwaway test databases (fsync and synchronous commit off);
              // this one keeps the user's data, so it must survive a crash.
              .setServerConfig("fsync", "on")
              .setServerConfig("synchronous_commit", "on")
              .setServerConfig("full_page_writes", "on")
              .setServerConfig("listen_addresses", "localhost");
      if (port != 0) {
        builder.setPort(port);
      }
      return builder.start();
    } catch (IllegalStateException e) {
      // Zonky locks <data>/epg-lock: another process holding it gives "could not lock …", another
      // Database in this process an OverlappingFileLockException.
      if (e instanceof OverlappingFileLockException
          || String.valueOf(e.getMessage()).startsWith("could not lock")) {
        throw new StoreException(
            "the embedded database in "
                + dataDirectory
                + " is in use by another Marketlens process; stop it, or choose another home"
                + " (MARKETLENS_HOME) or an external database (--db / MARKETLENS_DB_URL)",
            e);
      }
      throw new StoreException(
          "cannot start the embedded database in " + dataDirectory + ": " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      throw new StoreException(
          "cannot start the embedded database in " + dataDirectory + ": " + e.getMessage(), e);
    }
  }

  /**
   * Stops a server left running in {@code dataDirectory} by a process that died without closing its
   * {@code Database} (killed, or crashed): zonky starts PostgreSQL detached, so it outlives the JVM
   * and would keep the next start from using the directory. A server whose owner is alive (zonky's
   * lock file is held) is left alone.
   */
  private static void stopOrphanedServer(Path dataDirectory) {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    try (FileChannel channel =
            FileChannel.open(
                dataDirectory.resolve("epg-lock"),
                StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      if (lock == null) {
        return; // owned by a live process: zonky reports it as in use
      }
      Optional<ProcessHandle> postmaster = postmaster(pidFile);
      if (postmaster.isEmpty()) {
        return; // a stale pid file: PostgreSQL ignores it
      }
      // SIGTERM: PostgreSQL's smart shutdown, which its dead owner's connections no longer delay.
      // It still waits for a statement the owner left running (PostgreSQL notices a dead client
      // only when it next reads from it) and for the shutdown checkpoint: on a busy machine that
      // takes more than half a minute.
      postmaster.get().destroy();
      try {
        postmaster.get().onExit().get(ORPHAN_STOP_SECONDS, TimeUnit.SECONDS);
      } catch (TimeoutException | ExecutionException e) {
        throw new StoreException(
            "a PostgreSQL server left running in "
                + dataDirectory
                + " (pid "
                + postmaster.get().pid()
                + ") did not stop within "
                + ORPHAN_STOP_SECONDS
                + " s; stop it and start again");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoreException("interrupted while stopping an orphaned PostgreSQL server", e);
      }
    } catch (OverlappingFileLockException e) {
      // owned by another Database in this process: zonky reports it as in use
    } catch (IOException e) {
      throw new StoreException(
          "cannot check the embedded database directory " + dataDirectory + ": " + e, e);
    }
  }

  /** The live PostgreSQL process a pid file names, if it is one. */
  private static Optional<ProcessHandle> postmaster(Path pidFile) throws IOException {
    List<String> lines = Files.readAllLines(pidFile);
    if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
        .filter(ProcessHandle::isAlive)
        .filter(
            process ->
                process
                    .info()
                    .command()
                    .map(command -> command.endsWith("postgres"))
                    .orElse(false));
  }

  private static void stop(EmbeddedPostgres server, Path dataDirectory) {
    try {
      server.close();
    } catch (IOException e) {
      throw new StoreException(
          "cannot stop the embedded database in " + dataDirectory + ": " + e.getMessage(), e);
    }
  }

  private static void createDatabaseIfAbsent(EmbeddedPostgres server) {
    try (Connection connection = server.getPostgresDatabase().getConnection();
        PreparedStatement exists =
            connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, EMBEDDED_DATABASE);
      try (ResultSet row = exists.executeQuery()) {
        if (row.next()) {
          return;
        }
      }
      try (Statement create = connection.createStatement()) {
        create.execute(
            "CREATE DATABASE "
                + EMBEDDED_DATABASE
                + " ENCODING 'UTF8' TEMPLATE template0 LC_COLLATE 'C' LC_CTYPE 'C'");
      }
    } catch (SQLException e) {
      throw new StoreException(
          "cannot create the database " + EMBEDDED_DATABASE + ": " + e.getMessage(), e);
    }
  }

  private static HikariDataSource pool(String jdbcUrl, String user) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("marketlens");
    config.setJdbcUrl(jdbcUrl);
    if (user != null) {
      config.setUsername(user);
    }
    config.setMaximumPoolSize(8);
    config.setMinimumIdle(0);
    config.setConnectionTimeout(10_000);
    config.addDataSourceProperty("ApplicationName", "marketlens");
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new StoreException("cannot connect to " + redacted(jdbcUrl) + ": " + rootMessage(e), e);
    }
  }

  private static int migrate(DataSource dataSource) {
    try {
      return Flyway.configure()
          .dataSource(dataSource)
          .locations("classpath:db/migration")
          .failOnMissingLocations(true)
          .load()
          .migrate()
          .migrationsExecuted;
    } catch (FlywayException e) {
      throw new StoreException("cannot migrate the database schema: " + e.getMessage(), e);
    }
  }

  /** The URL without its password parameter, for messages. */
  public static String redacted(String jdbcUrl) {
    return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage());
  }
}
