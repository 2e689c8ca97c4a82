package dev.marketlens.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/** One embedded server in a temporary home, shared by the tests in order, restarted once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class DatabaseIT {

  @TempDir static Path home;

  private Database database;
  private long account;

  @BeforeAll
  void start() throws SQLException {
    database = Database.embedded(home);
    account =
        queryLong(
            "INSERT INTO vendor_accounts (name, vendor_id) VALUES ('Acme', '1001') RETURNING id");
    update(
        "INSERT INTO apps (vendor_account_id, addon_key, name) VALUES (?, 'com.acme.app', 'Acme"
            + " App')",
        account);
  }

  @AfterAll
  void stop() {
    if (database != null) {
      database.close();
    }
  }

  @Test
  @Order(1)
  void the_embedded_server_keeps_its_data_in_the_home_and_runs_as_the_current_user()
      throws SQLException {
    assertThat(database.dataDirectory()).contains(home.toAbsolutePath().resolve("postgres"));
    assertThat(home.resolve("postgres").resolve("PG_VERSION")).exists();
    // A fresh database runs every migration script there is.
    assertThat(database.migrationsApplied())
        .isPositive()
        .isEqualTo(
            Integer.parseInt(
                queryString(
                    "SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL")));
    assertThat(queryString("SELECT current_database()")).isEqualTo("marketlens");
    assertThat(queryString("SHOW server_version")).startsWith("17.");
    assertThat(queryString("SHOW fsync")).isEqualTo("on");
    assertThat(queryString("SHOW synchronous_commit")).isEqualTo("on");
    assertThat(queryString("SHOW listen_addresses")).isEqualTo("localhost");
    // This process (root on CI and on the build machine) started it: no separate user needed.
    assertThat(System.getProperty("user.name")).isNotBlank();
  }

  @Test
  @Order(2)
  void migration_creates_every_table_and_bi_view() throws SQLException {
    assertThat(
            names(
                "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema = 'public'"))
        .contains(
            "vendor_accounts",
            "apps",
            "licenses",
            "license_ids",
            "license_versions",
            "transaction_lines",
            "transaction_line_versions",
            "sync_runs",
            "sync_checkpoints",
            "import_batches",
            "remittance_lines");
    assertThat(
            names("SELECT table_name FROM information_schema.views WHERE table_schema = 'public'"))
        .containsExactlyInAnyOrder("bi_transaction_lines", "bi_licenses");
    assertThat(
            names(
                "SELECT column_name FROM information_schema.columns WHERE table_name ="
                    + " 'bi_transaction_lines'"))
        .contains("Sale date", "Vendor amount (USD)");
    assertThat(
            names(
                "SELECT c.relname FROM pg_class c WHERE c.relkind IN ('r', 'v')"
                    + " AND c.relnamespace = 'public'::regnamespace"
                    + " AND obj_description(c.oid, 'pg_class') IS NULL"
                    + " AND c.relname <> 'flyway_schema_history'"))
        .as("tables and views without a COMMENT")
        .isEmpty();
  }

  @Test
  @Order(3)
  void lines_of_one_transaction_are_kept_apart_by_their_line_item_id() throws SQLException {
    insertLine("AT-100", "L-1", 120_00, 102_00);
    insertLine("AT-100", "L-2", 30_00, 25_50);

    assertThat(queryLong("SELECT count(*) FROM transaction_lines WHERE transaction_id = 'AT-100'"))
        .isEqualTo(2);
    assertThat(
            queryString(
                "SELECT \"Vendor amount (USD)\"::text FROM bi_transaction_lines"
                    + " WHERE \"Transaction line\" = 'L-2'"))
        .isEqualTo("25.50");
    assertThatThrownBy(() -> insertLine("AT-999", "L-1", 1, 1))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("transaction_lines_pkey");
  }

  @Test
  @Order(4)
  void the_schema_refuses_maintenance_that_ends_before_it_starts() {
    assertThatThrownBy(
            () ->
                update(
                    "INSERT INTO transaction_lines (vendor_account_id, transaction_line_item_id,"
                        + " transaction_id, addon_key, sale_date, purchase_price_cents,"
                        + " vendor_amount_cents, maintenance_start_date, maintenance_end_date, record)"
                        + " VALUES (?, 'L-X', 'AT-X', 'com.acme.app', DATE '2024-01-01', 0, 0,"
                        + " DATE '2024-02-01', DATE '2024-01-01', '{}')",
                    account))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("check constraint");
  }

  @Test
  @Order(5)
  void copy_loads_transaction_lines_in_bulk() throws Exception {
    StringBuilder csv = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      csv.append(account)
          .append(",C-")
          .append(i)
          .append(",AT-C")
          .append(i / 2)
          .append(",com.acme.app,2024-03-")
          .append(String.format("%02d", 1 + i % 28))
          .append(",1000,850,\"{\"\"copied\"\": true}\"\n");
    }
    try (Connection connection = database.dataSource().getConnection()) {
      CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
      long rows =
          copy.copyIn(
              "COPY transaction_lines (vendor_account_id, transaction_line_item_id,"
                  + " transaction_id, addon_key, sale_date, purchase_price_cents,"
                  + " vendor_amount_cents, record) FROM STDIN (FORMAT csv)",
              new StringReader(csv.toString()));
      assertThat(rows).isEqualTo(1000);
    }
    assertThat(
            queryLong(
                "SELECT sum(vendor_amount_cents) FROM transaction_lines"
                    + " WHERE transaction_line_item_id LIKE 'C-%'"))
        .isEqualTo(850_000);
  }

  @Test
  @Order(6)
  void every_id_a_license_has_had_leads_to_the_same_license() throws SQLException {
    long license =
        queryLong(
            "INSERT INTO licenses (vendor_account_id, addon_key, addon_license_id, license_id,"
                + " hosting, record) VALUES ("
                + account
                + ", 'com.acme.app', '42', 'SEN-42', 'Server', '{}') RETURNING license_key");
    update(
        "INSERT INTO license_ids (vendor_account_id, id_kind, id_value, license_key) VALUES"
            + " (?, 'licenseId', 'SEN-42', "
            + license
            + "), ("
            + account
            + ", 'addonLicenseId', '42', "
            + license
            + ")",
        account);
    // Data Center conversion: the license gains an entitlement number, same license.
    update(
        "UPDATE licenses SET app_entitlement_number = 'E-ABC-123', hosting = 'Data Center'"
            + " WHERE license_key = ?",
        license);
    update(
        "INSERT INTO license_ids (vendor_account_id, id_kind, id_value, license_key) VALUES"
            + " ("
            + account
            + ", 'appEntitlementNumber', 'E-ABC-123', ?)",
        license);

    assertThat(
            queryLong(
                "SELECT count(DISTINCT license_key) FROM license_ids"
                    + " WHERE id_value IN ('SEN-42', '42', 'E-ABC-123')"))
        .isEqualTo(1);
    assertThat(queryString("SELECT \"License\" FROM bi_licenses")).isEqualTo("E-ABC-123");
    assertThatThrownBy(
            () ->
                update(
                    "INSERT INTO licenses (vendor_account_id, addon_key, app_entitlement_number,"
                        + " record) VALUES (?, 'com.acme.app', 'E-ABC-123', '{}')",
                    account))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("licenses_app_entitlement_number");
  }

  @Test
  @Order(7)
  void the_same_database_opened_by_url_is_already_migrated() {
    try (Database byUrl = Database.external(database.jdbcUrl())) {
      assertThat(byUrl.migrationsApplied()).isZero();
      assertThat(byUrl.dataDirectory()).isEmpty();
      assertThat(byUrl.embeddedPort()).isEmpty();
    }
  }

  @Test
  @Order(8)
  void a_second_database_on_a_home_in_use_fails_and_names_the_directory() {
    assertThatThrownBy(() -> Database.embedded(home).close())
        .isInstanceOf(StoreException.class)
        .hasMessageContaining(home.toAbsolutePath().resolve("postgres").toString())
        .hasMessageContaining("in use");
    // The first one is unharmed.
    assertThat(queryCountQuietly()).isEqualTo(1002);
  }

  @Test
  @Order(9)
  void a_restart_on_the_same_home_and_a_fixed_port_finds_the_data_again_without_migrating()
      throws SQLException, IOException {
    database.close();
    int port = freePort();
    database = Database.embedded(home, port);

    assertThat(database.embeddedPort()).contains(port);
    assertThat(database.jdbcUrl()).contains(":" + port + "/marketlens");
    assertThat(database.migrationsApplied()).isZero();
    assertThat(queryLong("SELECT count(*) FROM transaction_lines")).isEqualTo(1002);
    assertThat(queryString("SELECT name FROM vendor_accounts")).isEqualTo("Acme");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private long queryCountQuietly() {
    try {
      return queryLong("SELECT count(*) FROM transaction_lines");
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  private void insertLine(String transactionId, String lineItemId, long price, long vendor)
      throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO transaction_lines (vendor_account_id, transaction_line_item_id,"
                    + " transaction_id, addon_key, sale_date, purchase_price_cents,"
                    + " vendor_amount_cents, record)"
                    + " VALUES (?, ?, ?, 'com.acme.app', DATE '2024-02-29', ?, ?, '{}')")) {
      insert.setLong(1, account);
      insert.setString(2, lineItemId);
      insert.setString(3, transactionId);
      insert.setLong(4, price);
      insert.setLong(5, vendor);
      insert.executeUpdate();
    }
  }

  private void update(String sql, long parameter) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setLong(1, parameter);
      statement.executeUpdate();
    }
  }

  private long queryLong(String sql) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }

  private String queryString(String sql) throws SQLException {
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getString(1);
    }
  }

  private List<String> names(String sql) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection connection = database.dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }
}
