package dev.marketlens.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Users, their accounts and API tokens, the audit log and settings. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UsersIT {
  @TempDir static Path home;

  private Database database;
  private Users users;
  private ApiTokens tokens;
  private long account;

  @BeforeAll
  void start() {
    database = Database.embedded(home);
    users = new Users(database.dataSource());
    tokens = new ApiTokens(database.dataSource());
    account =
        new VendorAccounts(database.dataSource(), TokenCipher.forHome(home, null))
            .save(new VendorAccount.New("acme", "v2", null, null, null, null, null))
            .id();
  }

  @AfterAll
  void stop() {
    database.close();
  }

  private Instant lastUsed(long tokenId) {
    return database.inTransaction(
        "read",
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("SELECT last_used_at FROM api_tokens WHERE id = ?")) {
            s.setLong(1, tokenId);
            try (ResultSet rows = s.executeQuery()) {
              rows.next();
              return rows.getTimestamp(1) == null ? null : rows.getTimestamp(1).toInstant();
            }
          }
        });
  }

  @Test
  @DisplayName("a user sees the accounts given to them; saving again replaces role and accounts")
  void usersAndTheirAccounts() {
    User viewer = users.save("vera", "{bcrypt}x", "viewer", false, List.of(account));
    assertThat(viewer.sees(account)).isTrue();
    assertThat(viewer.sees(account + 1)).isFalse();
    User again = users.save("vera", "{bcrypt}y", "analyst", false, List.of());
    assertThat(again.id()).isEqualTo(viewer.id());
    assertThat(again.role()).isEqualTo("analyst");
    assertThat(again.sees(account)).isFalse();
    assertThat(users.save("root", "{bcrypt}z", "admin", true, List.of()).sees(account)).isTrue();
  }

  @Test
  @DisplayName("a role other than admin, analyst or viewer is refused, naming it")
  void unknownRole() {
    assertThatThrownBy(() -> users.save("olga", "{bcrypt}x", "owner", true, List.of()))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("owner");
  }

  @Test
  @DisplayName(
      "a token leads to its user until revoked, is stored only as its SHA-256, and notes its use")
  void tokens() {
    User user = users.save("tom", "{bcrypt}x", "viewer", false, List.of(account));
    ApiTokens.Created created = tokens.create(user.id(), "ci");
    assertThat(created.token()).startsWith(ApiTokens.PREFIX);
    assertThat(created.toString()).doesNotContain(created.token());
    assertThat(lastUsed(created.listed().id())).isNull();

    assertThat(tokens.userOf(created.token())).contains(user.id());
    Instant used = lastUsed(created.listed().id());
    assertThat(used).isNotNull();
    assertThat(tokens.userOf(created.token())).contains(user.id());
    assertThat(lastUsed(created.listed().id()))
        .as("a use within the minute writes nothing")
        .isEqualTo(used);

    assertThat(tokens.userOf(created.token() + "x")).isEmpty();
    assertThat(tokens.userOf("not-a-token")).isEmpty();
    assertThat(tokens.revoke(user.id() + 1000, created.listed().id()))
        .as("another user cannot revoke it")
        .isFalse();
    assertThat(tokens.revoke(user.id(), created.listed().id())).isTrue();
    assertThat(tokens.userOf(created.token())).isEmpty();
    assertThat(tokens.list(user.id()))
        .singleElement()
        .satisfies(t -> assertThat(t.revokedAt()).isNotNull());
  }

  @Test
  @DisplayName("the audit log keeps entries newest first; settings keep the last value")
  void auditAndSettings() {
    AuditLog audit = new AuditLog(database.dataSource());
    audit.add("tom", "login", null, "127.0.0.1");
    audit.add(null, "login-failed", "username eve", "10.0.0.1");
    assertThat(audit.latest(2))
        .extracting(AuditLog.Entry::action)
        .containsExactly("login-failed", "login");
    AppSettings settings = new AppSettings(database.dataSource());
    assertThat(settings.get("sync.interval-minutes")).isEmpty();
    settings.put("sync.interval-minutes", "60");
    settings.put("sync.interval-minutes", "30");
    assertThat(settings.get("sync.interval-minutes")).contains("30");
  }
}
