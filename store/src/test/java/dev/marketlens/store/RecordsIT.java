package dev.marketlens.store;

import static dev.marketlens.store.StoreRecords.license;
import static dev.marketlens.store.StoreRecords.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketlens.model.id.TransactionLineItemId;
import dev.marketlens.model.transaction.TransactionLine;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Licenses and transaction lines written with their versions, diffs, drift and redactions. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordsIT {
  private static final Instant MONDAY = Instant.parse("2026-11-02T06:00:00Z");
  private static final Instant TUESDAY = Instant.parse("2026-11-03T06:00:00Z");
  private static final AtomicLong ACCOUNTS = new AtomicLong();

  @TempDir static Path home;

  private Database database;
  private final TransactionLines lines = new TransactionLines();
  private final Licenses licenses = new Licenses();
  private long account;

  @BeforeAll
  void start() {
    database = Database.embedded(home);
  }

  @AfterAll
  void stop() {
    database.close();
  }

  @BeforeEach
  void freshAccount() {
    account =
        database.inTransaction(
            "add an account",
            c -> {
              try (PreparedStatement insert =
                  c.prepareStatement(
                      "INSERT INTO vendor_accounts (name, vendor_id) VALUES (?, '1001')"
                          + " RETURNING id")) {
                insert.setString(1, "Vendor " + ACCOUNTS.incrementAndGet());
                try (ResultSet rows = insert.executeQuery()) {
                  rows.next();
                  return rows.getLong(1);
                }
              }
            });
  }

  @Test
  @DisplayName("new lines are stored as version 1 with typed columns and the record as received")
  void new_lines_are_version_one() throws SQLException {
    WriteResult result =
        writeLines(
            MONDAY,
            line("1001", "AT-1", 10_000, "2026-11-01", "ada@acme.io"),
            line("1002", "AT-1", 5_000, "2026-11-01", "ada@acme.io"));

    assertThat(result.created()).isEqualTo(2);
    assertThat(result.changed() + result.unchanged() + result.drifted()).isZero();
    assertThat(
            text(
                "SELECT string_agg(transaction_line_item_id || ':' || purchase_price_cents"
                    + " || ':' || vendor_amount_cents || ':' || sale_date || ':' || version, ','"
                    + " ORDER BY transaction_line_item_id) FROM transaction_lines WHERE vendor_account_id = ?"))
        .isEqualTo("1001:10000:8500:2025-01-03:1,1002:5000:4250:2025-01-03:1");
    assertThat(
            text(
                "SELECT record->'purchaseDetails'->>'purchasePrice' FROM transaction_lines"
                    + " WHERE vendor_account_id = ? AND transaction_line_item_id = '1001'"))
        .isEqualTo("100.00");
    assertThat(history("1001"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.version()).isEqualTo(1);
              assertThat(v.changed()).isEqualTo("{}");
              assertThat(v.seenAt()).isEqualTo(MONDAY);
              assertThat(v.record()).contains("\"purchasePrice\": 100.00");
            });
  }

  @Test
  @DisplayName("writing the same records again changes nothing: idempotent")
  void rewriting_is_idempotent() throws SQLException {
    writeLines(MONDAY, line("1001", "AT-1", 10_000, "2026-11-01", "ada@acme.io"));
    WriteResult again =
        writeLines(TUESDAY, line("1001", "AT-1", 10_000, "2026-11-01", "ada@acme.io"));

    assertThat(again.unchanged()).isEqualTo(1);
    assertThat(again.created() + again.changed()).isZero();
    assertThat(history("1001")).hasSize(1);
    // An import has no pass to ask what it did not see: it notes no sighting.
    List<String> notSeen =
        database.inTransaction("seen", c -> lines.notSeenSince(c, account, TUESDAY));
    assertThat(notSeen).containsExactly("1001");
  }

  @Test
  @DisplayName("a sync notes unchanged records as seen; a completed pass forgets older sightings")
  void a_sync_notes_sightings() throws SQLException {
    writeLines(MONDAY, line("1002", "AT-2", 10_000, "2026-11-01", "ada@acme.io"));
    database.inTransaction(
        "sync again",
        c -> {
          long run = new SyncRuns().start(c, account, "full", TUESDAY);
          return lines.write(
              c,
              account,
              List.of(line("1002", "AT-2", 10_000, "2026-11-01", "ada@acme.io")),
              run,
              TUESDAY);
        });
    // Seen on Tuesday: not missing from a pass that started then, missing from a later one.
    List<String> sinceTuesday =
        database.inTransaction("seen", c -> lines.notSeenSince(c, account, TUESDAY));
    List<String> sinceLater =
        database.inTransaction("seen", c -> lines.notSeenSince(c, account, TUESDAY.plusSeconds(1)));
    assertThat(sinceTuesday).doesNotContain("1002");
    assertThat(sinceLater).contains("1002");
    Integer forgotten =
        database.inTransaction(
            "forget", c -> lines.forgetSightingsBefore(c, account, TUESDAY.plusSeconds(1)));
    assertThat(forgotten).isEqualTo(1);
  }

  @Test
  @DisplayName("a changed line becomes version 2 with the field diff; version 1 keeps its record")
  void a_change_is_a_new_version_with_its_diff() throws SQLException {
    writeLines(MONDAY, line("1001", "AT-1", 10_000, "2026-11-01", "ada@acme.io"));
    WriteResult result =
        writeLines(TUESDAY, line("1001", "AT-1", 12_000, "2026-11-02", "ada@acme.io"));

    assertThat(result.changed()).isEqualTo(1);
    assertThat(result.drifts()).isEmpty();
    List<RecordVersion> history = history("1001");
    assertThat(history).extracting(RecordVersion::version).containsExactly(1, 2);
    assertThat(history.get(0).record()).contains("\"purchasePrice\": 100.00");
    assertThat(history.get(1).record()).contains("\"purchasePrice\": 120.00");
    assertThat(history.get(1).changed())
        .contains("\"purchaseDetails.purchasePrice\": {\"to\": 120.00, \"from\": 100.00}")
        .contains("\"lastUpdated\": {\"to\": \"2026-11-02\", \"from\": \"2026-11-01\"}");
    assertThat(
            text(
                "SELECT purchase_price_cents || ':' || version FROM transaction_lines"
                    + " WHERE vendor_account_id = ?"))
        .isEqualTo("12000:2");
  }

  @Test
  @DisplayName("K14: a change without a new lastUpdated is drift, named with its fields")
  void a_change_without_a_new_last_updated_is_drift() throws SQLException {
    writeLines(MONDAY, line("1001", "AT-1", 10_000, "2026-11-01", "ada@acme.io"));
    WriteResult result =
        writeLines(TUESDAY, line("1001", "AT-1", 9_000, "2026-11-01", "ada@acme.io"));

    assertThat(result.changed()).isEqualTo(1);
    assertThat(result.drifts())
        .singleElement()
        .satisfies(
            drift -> {
              assertThat(drift.id()).isEqualTo("transaction line 1001 (AT-1)");
              assertThat(drift.fields())
                  .containsExactly("purchaseDetails.purchasePrice", "purchaseDetails.vendorAmount");
            });
  }

  @Test
  @DisplayName("RTBF: a redaction replaces the contact in the current record and every version")
  void a_redaction_reaches_every_version() throws SQLException {
    writeLines(MONDAY, line("1001", "AT-1", 10_000, "2026-11-01", "ada@acme.io"));
    writeLines(TUESDAY, line("1001", "AT-1", 12_000, "2026-11-02", "ada.l@acme.io"));
    WriteResult result =
        writeLines(TUESDAY.plusSeconds(60), line("1001", "AT-1", 12_000, "2026-11-03", "RTBF"));

    assertThat(result.redacted()).isEqualTo(1);
    assertThat(history("1001")).hasSize(3);
    assertThat(
            text(
                    "SELECT string_agg(coalesce(record::text, '') || changed::text, ' ')"
                        + " FROM transaction_line_versions WHERE vendor_account_id = ?")
                + text("SELECT record::text FROM transaction_lines WHERE vendor_account_id = ?"))
        .doesNotContain("ada@acme.io")
        .doesNotContain("ada.l@acme.io")
        .contains("RTBF");
    assertThat(history("1001").get(0).record()).contains("\"email\": \"RTBF\"");
  }

  @Test
  @DisplayName("K1: lines of one transaction are kept apart; the same id in two accounts too")
  void lines_are_keyed_by_line_item_id_per_account() throws SQLException {
    writeLines(
        MONDAY,
        line("1001", "AT-1", 10_000, "2026-11-01", "ada@acme.io"),
        line("1002", "AT-1", 10_000, "2026-11-01", "ada@acme.io"));
    long first = account;
    freshAccount();
    writeLines(MONDAY, line("1001", "AT-1", 7_000, "2026-11-01", "ada@acme.io"));
    List<TransactionLineItemId> ofFirst =
        database.inTransaction("list", c -> lines.linesOf(c, first, "AT-1"));
    long inSecond = database.inTransaction("count", c -> lines.count(c, account));
    assertThat(ofFirst)
        .containsExactly(TransactionLineItemId.of("1001"), TransactionLineItemId.of("1002"));
    assertThat(inSecond).isEqualTo(1);
  }

  @Test
  @DisplayName("a line twice in one batch is stored once, as its last occurrence")
  void a_duplicate_in_a_batch_is_stored_once() throws SQLException {
    WriteResult result =
        writeLines(
            MONDAY,
            line("1001", "AT-1", 10_000, "2026-11-01", "ada@acme.io"),
            line("1001", "AT-1", 11_000, "2026-11-01", "ada@acme.io"));

    assertThat(result.created()).isEqualTo(1);
    assertThat(
            text(
                "SELECT purchase_price_cents::text FROM transaction_lines"
                    + " WHERE vendor_account_id = ?"))
        .isEqualTo("11000");
  }

  @Test
  @DisplayName("nothing is half-written: a failure in the transaction leaves no line behind")
  void a_failed_transaction_leaves_nothing() throws SQLException {
    assertThatThrownBy(
            () ->
                database.inTransaction(
                    "write lines",
                    c -> {
                      lines.write(
                          c,
                          account,
                          List.of(line("1001", "AT-1", 10_000, "2026-11-01", "a@acme.io")),
                          null,
                          MONDAY);
                      throw new SQLException("disk full");
                    }))
        .isInstanceOf(StoreException.class)
        .hasMessage("cannot write lines: disk full");
    long count = database.inTransaction("count", c -> lines.count(c, account));
    assertThat(count).isZero();
  }

  @Test
  @DisplayName("records stream out in key order")
  void records_stream_in_key_order() throws SQLException {
    writeLines(
        MONDAY,
        line("1003", "AT-2", 1_000, "2026-11-01", "a@acme.io"),
        line("1001", "AT-1", 1_000, "2026-11-01", "a@acme.io"));
    List<String> seen = new ArrayList<>();
    database.inTransaction(
        "read",
        c -> {
          lines.forEachRecord(c, account, seen::add);
          return null;
        });
    assertThat(seen).hasSize(2);
    assertThat(seen.get(0)).contains("\"transactionLineItemId\": \"1001\"");
  }

  @Test
  @DisplayName("a SEN that gains an entitlement number, then loses the SEN, stays one license")
  void a_license_is_followed_across_id_changes() throws SQLException {
    writeLicenses(MONDAY, license("12345", "SEN-12345", null, "50 Users", "2026-11-01", "a@x.io"));
    writeLicenses(
        TUESDAY, license("12345", "SEN-12345", "E-ABC-123", "50 Users", "2026-11-02", "a@x.io"));
    WriteResult last =
        writeLicenses(
            TUESDAY.plusSeconds(60),
            license(null, null, "E-ABC-123", "100 Users", "2026-11-03", "a@x.io"));

    assertThat(last.changed()).isEqualTo(1);
    long count = database.inTransaction("count", c -> licenses.count(c, account));
    assertThat(count).isEqualTo(1);
    long key = database.inTransaction("find", c -> licenses.find(c, account, "SEN-12345")).get();
    Optional<Long> byEntitlement =
        database.inTransaction("find", c -> licenses.find(c, account, "E-ABC-123"));
    assertThat(byEntitlement).contains(key);
    List<RecordVersion> history =
        database.inTransaction("history", c -> licenses.history(c, account, key));
    assertThat(history).extracting(RecordVersion::version).containsExactly(1, 2, 3);
    assertThat(history.get(2).changed()).contains("\"tier\": {\"to\": \"100 Users\"");
  }

  @Test
  @DisplayName("a license listed twice in one export (K10 duplicates) is one license")
  void duplicate_licenses_in_a_batch_are_one() throws SQLException {
    WriteResult result =
        writeLicenses(
            MONDAY,
            license("12345", "SEN-12345", null, "50 Users", "2026-11-01", "a@x.io"),
            license("12345", "SEN-12345", null, "50 Users", "2026-11-01", "a@x.io"),
            license("777", "SEN-777", null, "10 Users", "2026-11-01", "b@x.io"));

    assertThat(result.created()).isEqualTo(2);
    assertThat(text("SELECT count(*)::text FROM license_ids WHERE vendor_account_id = ?"))
        .isEqualTo("4");
  }

  @Test
  @DisplayName("lines are linked to their license by any id, whichever arrived first")
  void lines_are_linked_to_licenses() throws SQLException {
    writeLines(MONDAY, line("1001", "AT-1", 10_000, "2026-11-01", "a@x.io"));
    writeLicenses(MONDAY, license("12345", "SEN-12345", null, "50 Users", "2026-11-01", "a@x.io"));
    int linked = database.inTransaction("link", c -> lines.linkLicenses(c, account));

    assertThat(linked).isEqualTo(1);
    assertThat(
            text(
                "SELECT (t.license_key = l.license_key)::text FROM transaction_lines t,"
                    + " licenses l WHERE t.vendor_account_id = ? AND l.vendor_account_id = t.vendor_account_id"))
        .isEqualTo("true");
  }

  @Test
  @DisplayName("removing an account removes its lines, their versions and its licenses, no others")
  void removing_an_account_removes_its_records() throws SQLException {
    writeLines(MONDAY, line("1001", "AT-1", 10_000, "2026-11-01", "a@x.io"));
    writeLines(TUESDAY, line("1001", "AT-1", 12_000, "2026-11-02", "a@x.io"));
    writeLicenses(MONDAY, license("12345", "SEN-12345", null, "50 Users", "2026-11-01", "a@x.io"));
    database.inTransaction("link", c -> lines.linkLicenses(c, account));
    long removed = account;
    String name = text("SELECT name FROM vendor_accounts WHERE id = ?");
    freshAccount();
    writeLines(MONDAY, line("1001", "AT-1", 10_000, "2026-11-01", "a@x.io"));
    long kept = account;

    VendorAccounts accounts =
        new VendorAccounts(database.dataSource(), TokenCipher.forHome(home, null));
    assertThat(accounts.remove(name)).isTrue();

    for (String table :
        List.of(
            "transaction_lines", "transaction_line_versions", "licenses", "license_ids", "apps")) {
      account = removed;
      assertThat(text("SELECT count(*) FROM " + table + " WHERE vendor_account_id = ?"))
          .as(table)
          .isEqualTo("0");
    }
    account = kept;
    assertThat(text("SELECT count(*) FROM transaction_lines WHERE vendor_account_id = ?"))
        .isEqualTo("1");
  }

  @Test
  @DisplayName("a record from a format without some fields (CSV) keeps them and is unchanged")
  void fields_a_format_cannot_carry_are_kept() throws SQLException {
    Received<TransactionLine> json = line("1001", "AT-1", 10_000, "2026-11-01", "a@x.io");
    String withProrated =
        json.json()
            .replace(
                "\"discounts\":[]", "\"discounts\":[],\"proratedDetails\":[{\"addedUsers\":3}]");
    writeLines(MONDAY, new Received<>(json.value(), withProrated));
    WriteResult csv =
        writeLines(
            TUESDAY,
            new Received<>(json.value(), json.json(), List.of("purchaseDetails.proratedDetails")));

    assertThat(csv.unchanged()).isEqualTo(1);
    assertThat(
            text(
                "SELECT record->'purchaseDetails'->'proratedDetails'->0->>'addedUsers'"
                    + " FROM transaction_lines WHERE vendor_account_id = ?"))
        .isEqualTo("3");
    WriteResult removed = writeLines(TUESDAY, json);
    assertThat(removed.changed()).isEqualTo(1);
  }

  @SafeVarargs
  private WriteResult writeLines(Instant at, Received<TransactionLine>... batch) {
    return database.inTransaction(
        "write lines", c -> lines.write(c, account, List.of(batch), null, at));
  }

  @SafeVarargs
  private WriteResult writeLicenses(
      Instant at, Received<dev.marketlens.model.license.License>... batch) {
    return database.inTransaction(
        "write licenses", c -> licenses.write(c, account, List.of(batch), null, at));
  }

  private List<RecordVersion> history(String lineItem) {
    return database.inTransaction(
        "history", c -> lines.history(c, account, TransactionLineItemId.of(lineItem)));
  }

  private String text(String sql) {
    return database.inTransaction(
        "query",
        (Connection c) -> {
          try (PreparedStatement select = c.prepareStatement(sql)) {
            select.setLong(1, account);
            try (ResultSet rows = select.executeQuery()) {
              rows.next();
              return rows.getString(1);
            }
          }
        });
  }
}
