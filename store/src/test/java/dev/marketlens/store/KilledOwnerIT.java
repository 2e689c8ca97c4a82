package dev.marketlens.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database between processes: one owner at a time, and a killed owner's server. */
class KilledOwnerIT {

  @TempDir Path home;

  @Test
  void a_home_owned_by_another_process_is_refused_and_taken_over_once_that_process_is_killed()
      throws Exception {
    Process owner =
        new ProcessBuilder(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp",
                System.getProperty("java.class.path"),
                HomeHolder.class.getName(),
                home.toString())
            .redirectErrorStream(true)
            .start();
    try {
      BufferedReader output =
          new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8));
      String line;
      StringBuilder seen = new StringBuilder();
      while ((line = output.readLine()) != null && !line.equals("ready")) {
        seen.append(line).append('\n');
      }
      assertThat(line).as("the other process's output:\n%s", seen).isEqualTo("ready");

      assertThatThrownBy(() -> Database.embedded(home).close())
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("is in use by another Marketlens process");

      // Killed without closing: its PostgreSQL, started detached, keeps running.
      owner.destroyForcibly();
      assertThat(owner.waitFor(30, TimeUnit.SECONDS)).isTrue();

      try (Database database = Database.embedded(home);
          Connection connection = database.dataSource().getConnection();
          Statement statement = connection.createStatement();
          ResultSet row = statement.executeQuery("SELECT name FROM vendor_accounts")) {
        assertThat(database.migrationsApplied()).isZero();
        assertThat(row.next()).isTrue();
        assertThat(row.getString(1)).isEqualTo("Held");
      }
    } finally {
      owner.destroyForcibly();
      stopServerLeftIn(home.resolve("postgres"));
    }
  }

  /** Should the test fail midway, do not leave a PostgreSQL running on a deleted directory. */
  private static void stopServerLeftIn(Path dataDirectory) throws Exception {
    Path pidFile = dataDirectory.resolve("postmaster.pid");
    if (Files.exists(pidFile)) {
      ProcessHandle.of(Long.parseLong(Files.readAllLines(pidFile).get(0).strip()))
          .filter(p -> p.info().command().orElse("").endsWith("postgres"))
          .ifPresent(ProcessHandle::destroy);
    }
  }
}
