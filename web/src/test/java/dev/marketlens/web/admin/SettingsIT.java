package dev.marketlens.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.store.AppSettings;
import dev.marketlens.web.HttpSession;
import dev.marketlens.web.TestSite;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName(
    "/settings and /admin: passwords, API tokens, users, vendor accounts, sync interval, audit")
class SettingsIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern NEW_TOKEN = Pattern.compile("id=\"new-token\"[^>]*>([^<]+)<");

  private final TestSite site = TestSite.get();

  private static String text(String html) {
    return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
  }

  private static String unique(String prefix) {
    return prefix + "-" + System.nanoTime() % 1_000_000;
  }

  /** A throwaway user (password: {@link TestSite#password}) made by the admin's form. */
  private String newUser(String role, String... accounts) {
    String name = unique(role);
    StringBuilder body = new StringBuilder();
    HttpSession admin = HttpSession.signedIn(site, "admin");
    Map<String, String> form =
        new java.util.LinkedHashMap<>(
            Map.of("username", name, "password", TestSite.password(name), "role", role));
    HttpResponse<String> r;
    if (accounts.length == 1) {
      form.put("accounts", accounts[0]);
    }
    r = admin.postForm("/admin/users", form);
    assertThat(r.statusCode()).as(text(r.body()) + body).isEqualTo(302);
    return name;
  }

  private List<String> visibleAccounts(HttpSession session) {
    return JSON.readTree(session.get("/api/v1/accounts").body()).findValuesAsString("name");
  }

  @Test
  @DisplayName(
      "changing one's password needs the current one, the new one twice and 8 characters; it is audited")
  void password() {
    String user = newUser("viewer", "alpha");
    HttpSession self = HttpSession.signedIn(site, user);
    String current = TestSite.password(user);
    HttpResponse<String> wrong =
        self.postForm(
            "/settings/password",
            Map.of("current", "not-it", "password", "new-password-1", "repeat", "new-password-1"));
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(text(wrong.body())).contains("current password: not your current password");
    HttpResponse<String> mismatch =
        self.postForm(
            "/settings/password",
            Map.of("current", current, "password", "new-password-1", "repeat", "new-password-2"));
    assertThat(mismatch.statusCode()).isEqualTo(400);
    assertThat(text(mismatch.body()))
        .contains("repeat new password: does not match the new password");
    HttpResponse<String> tooShort =
        self.postForm(
            "/settings/password",
            Map.of("current", current, "password", "short", "repeat", "short"));
    assertThat(tooShort.statusCode()).isEqualTo(400);
    assertThat(text(tooShort.body())).contains("new password: at least 8 characters");

    HttpResponse<String> changed =
        self.postForm(
            "/settings/password",
            Map.of("current", current, "password", "new-password-1", "repeat", "new-password-1"));
    assertThat(changed.statusCode()).isEqualTo(302);
    HttpSession again = new HttpSession(site.baseUrl());
    HttpResponse<String> login =
        again.postForm("/login", Map.of("username", user, "password", "new-password-1"));
    assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");
    assertThat(again.get("/settings").statusCode()).isEqualTo(200);
    String audit = text(HttpSession.signedIn(site, "admin").get("/admin/audit").body());
    assertThat(audit).contains("password-changed").doesNotContain("new-password-1");
  }

  @Test
  @DisplayName(
      "an API token is shown once, on the page that created it; the list shows its name and prefix; revoking is audited")
  void tokens() {
    HttpSession viewer = HttpSession.signedIn(site, "viewer");
    HttpResponse<String> created =
        viewer.postForm("/settings/tokens", Map.of("name", "shown-once"));
    assertThat(created.statusCode()).isEqualTo(200);
    assertThat(created.body()).contains("class=\"once\" id=\"new-token\"");
    Matcher m = NEW_TOKEN.matcher(created.body());
    assertThat(m.find()).isTrue();
    String token = m.group(1).strip();
    String settings = viewer.get("/settings").body();
    assertThat(settings).doesNotContain(token).doesNotContain("id=\"new-token\"");
    assertThat(settings).contains("shown-once", token.substring(0, 10) + "…");

    JsonNode listed = JSON.readTree(viewer.get("/api/v1/tokens").body());
    JsonNode mine = null;
    for (JsonNode t : listed) {
      if (t.get("name").asString().equals("shown-once") && t.get("revokedAt").isNull()) {
        mine = t;
      }
    }
    assertThat(mine).isNotNull();
    assertThat(mine.has("token")).isFalse();
    long id = mine.get("id").asLong();
    assertThat(viewer.postForm("/settings/tokens/" + id + "/revoke", Map.of()).statusCode())
        .isEqualTo(302);
    assertThat(viewer.get("/settings").body()).doesNotContain("id=\"revoke-" + id + "\"");
    assertThat(HttpSession.withToken(site.baseUrl(), token).get("/api/v1/tokens").statusCode())
        .isEqualTo(401);
    HttpResponse<String> twice = viewer.postForm("/settings/tokens/" + id + "/revoke", Map.of());
    assertThat(twice.statusCode()).isEqualTo(404);
    String audit = text(HttpSession.signedIn(site, "admin").get("/admin/audit").body());
    assertThat(audit)
        .contains("token-created", "token-revoked", "token " + id)
        .doesNotContain(token);
  }

  @Test
  @DisplayName("a token name must be 1–100 characters")
  void tokenName() {
    HttpSession viewer = HttpSession.signedIn(site, "viewer");
    HttpResponse<String> blank = viewer.postForm("/settings/tokens", Map.of("name", "  "));
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(text(blank.body())).contains("token name: 1–100 printable characters");
    HttpResponse<String> api =
        viewer.sendJson("POST", "/api/v1/tokens", "{\"name\":\"" + "x".repeat(101) + "\"}");
    assertThat(api.statusCode()).isEqualTo(400);
    assertThat(api.body()).contains("token name");
  }

  @Test
  @DisplayName(
      "admins create users scoped to accounts, change their role and accounts, and disable them")
  void users() {
    String user = newUser("analyst", "alpha");
    HttpSession self = HttpSession.signedIn(site, user);
    assertThat(visibleAccounts(self)).containsExactly("alpha");
    String token = createToken(self);

    HttpSession admin = HttpSession.signedIn(site, "admin");
    long id = site.user(user).id();
    assertThat(
            admin
                .postForm("/admin/users/" + id, Map.of("role", "viewer", "allAccounts", "true"))
                .statusCode())
        .isEqualTo(302);
    assertThat(site.user(user).role()).isEqualTo("viewer");
    assertThat(site.user(user).allAccounts()).isTrue();
    assertThat(visibleAccounts(HttpSession.withToken(site.baseUrl(), token)))
        .contains("alpha", "beta");
    // The session signed in before the change follows it at once.
    assertThat(visibleAccounts(self)).contains("alpha", "beta");
    assertThat(self.postForm("/data/sync", Map.of("account", "alpha")).statusCode()).isEqualTo(403);

    assertThat(
            admin
                .postForm(
                    "/admin/users/" + id,
                    Map.of("role", "viewer", "accounts", "beta", "disabled", "true"))
                .statusCode())
        .isEqualTo(302);
    assertThat(site.user(user).disabled()).isTrue();
    assertThat(HttpSession.withToken(site.baseUrl(), token).get("/api/v1/accounts").statusCode())
        .isEqualTo(401);
    assertThat(self.get("/api/v1/accounts").statusCode())
        .as("the disabled user's session has ended")
        .isEqualTo(401);
    String audit = text(admin.get("/admin/audit").body());
    assertThat(audit).contains("user-created", user + " (analyst; accounts alpha)");
    assertThat(audit).contains("user-changed", user + " (viewer; accounts beta; disabled)");
  }

  @Test
  @DisplayName(
      "a bad user is refused naming the field: a taken name, an unknown role or account, a short password")
  void badUsers() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    Map<String, String> taken =
        Map.of("username", "viewer", "password", "long-enough-1", "role", "viewer");
    HttpResponse<String> r = admin.postForm("/admin/users", taken);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(text(r.body())).contains("username: a user viewer exists already");
    r =
        admin.postForm(
            "/admin/users",
            Map.of("username", unique("u"), "password", "long-enough-1", "role", "owner"));
    assertThat(text(r.body())).contains("role: one of [admin, analyst, viewer], got 'owner'");
    r =
        admin.postForm(
            "/admin/users",
            Map.of(
                "username",
                unique("u"),
                "password",
                "long-enough-1",
                "role",
                "viewer",
                "accounts",
                "gamma"));
    assertThat(text(r.body())).contains("accounts: no account gamma");
    r =
        admin.postForm(
            "/admin/users", Map.of("username", unique("u"), "password", "short", "role", "viewer"));
    assertThat(text(r.body())).contains("password: at least 8 characters");
    r =
        admin.postForm(
            "/admin/users",
            Map.of("username", "bad name!", "password", "long-enough-1", "role", "viewer"));
    assertThat(text(r.body()))
        .contains("username: 1–64 letters, digits or . _ @ -, got 'bad name!'");
    HttpResponse<String> self =
        admin.postForm("/admin/users/" + site.user("admin").id(), Map.of("role", "viewer"));
    assertThat(self.statusCode()).isEqualTo(400);
    assertThat(site.user("admin").role()).isEqualTo("admin");
  }

  @Test
  @DisplayName("GET and POST /api/v1/admin/users: the users without their hashes; a new user")
  void usersApi() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    HttpResponse<String> list = admin.get("/api/v1/admin/users");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).doesNotContain("bcrypt").doesNotContain("password");
    JsonNode users = JSON.readTree(list.body());
    assertThat(users.findValuesAsString("username"))
        .contains("admin", "analyst", "viewer", "beta-viewer");
    String name = unique("api-user");
    HttpResponse<String> created =
        admin.sendJson(
            "POST",
            "/api/v1/admin/users",
            "{\"username\":\""
                + name
                + "\",\"password\":\""
                + TestSite.password(name)
                + "\",\"role\":\"viewer\",\"accounts\":[\"beta\"]}");
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode user = JSON.readTree(created.body());
    assertThat(user.get("accounts").get(0).asString()).isEqualTo("beta");
    assertThat(visibleAccounts(HttpSession.signedIn(site, name))).containsExactly("beta");
    HttpResponse<String> bad =
        admin.sendJson(
            "POST",
            "/api/v1/admin/users",
            "{\"username\":\"x\",\"password\":\"p\",\"role\":\"viewer\"}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("password: at least 8 characters");
  }

  @Test
  @DisplayName(
      "a vendor account's API token is stored encrypted and never shown again; removing needs its name typed")
  void vendorAccounts() throws Exception {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    String name = unique("acct");
    String secret = "marketplace-token-" + System.nanoTime();
    HttpResponse<String> badId =
        admin.postForm(
            "/admin/accounts", Map.of("name", name, "vendorId", "12ab", "token", secret));
    assertThat(badId.statusCode()).isEqualTo(400);
    assertThat(text(badId.body())).contains("vendorId", "12ab");
    HttpResponse<String> badUrl =
        admin.postForm(
            "/admin/accounts", Map.of("name", name, "vendorId", "12", "baseUrl", "ftp://x"));
    assertThat(text(badUrl.body())).contains("base URL", "ftp://x");
    HttpResponse<String> added =
        admin.postForm(
            "/admin/accounts",
            Map.of("name", name, "vendorId", "1212980", "email", "a@b.example", "token", secret));
    assertThat(added.statusCode()).isEqualTo(302);
    assertThat(admin.get("/admin").body()).contains(name).doesNotContain(secret);
    JsonNode accounts = JSON.readTree(admin.get("/api/v1/accounts").body());
    JsonNode account = null;
    for (JsonNode a : accounts) {
      if (a.get("name").asString().equals(name)) {
        account = a;
      }
    }
    assertThat(account).isNotNull();
    assertThat(account.get("hasToken").asBoolean()).isTrue();
    assertThat(account.get("vendorId").asString()).isEqualTo("1212980");
    assertThat(account.toString()).doesNotContain(secret);
    try (Connection c = site.database().dataSource().getConnection();
        PreparedStatement s =
            c.prepareStatement("SELECT token_encrypted FROM vendor_accounts WHERE name = ?")) {
      s.setString(1, name);
      try (ResultSet rows = s.executeQuery()) {
        assertThat(rows.next()).isTrue();
        assertThat(new String(rows.getBytes(1), StandardCharsets.ISO_8859_1))
            .doesNotContain(secret);
      }
    }
    HttpResponse<String> duplicate = admin.postForm("/admin/accounts", Map.of("name", name));
    assertThat(text(duplicate.body())).contains("name: an account " + name + " exists already");

    HttpResponse<String> unconfirmed =
        admin.postForm("/admin/accounts/" + name + "/remove", Map.of("confirm", "yes"));
    assertThat(unconfirmed.statusCode()).isEqualTo(400);
    assertThat(text(unconfirmed.body())).contains("confirm: type the account's name, " + name);
    assertThat(
            admin
                .postForm("/admin/accounts/" + name + "/remove", Map.of("confirm", name))
                .statusCode())
        .isEqualTo(302);
    assertThat(admin.get("/api/v1/accounts").body()).doesNotContain("\"" + name + "\"");
    String audit = text(admin.get("/admin/audit").body());
    assertThat(audit)
        .contains(
            "account-added", name + " (v2, vendor 1212980", "API token stored", "account-removed")
        .doesNotContain(secret);
  }

  @Test
  @DisplayName(
      "the sync interval is whole minutes 0–10080, saved in the settings, shown on /data and audited")
  void syncInterval() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    AppSettings settings = site.bean(AppSettings.class);
    try {
      HttpResponse<String> bad = admin.postForm("/admin/sync-interval", Map.of("minutes", "abc"));
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(text(bad.body())).contains("sync interval: whole minutes 0–10080, got 'abc'");
      HttpResponse<String> tooLong =
          admin.postForm("/admin/sync-interval", Map.of("minutes", "10081"));
      assertThat(text(tooLong.body())).contains("got 10081");
      // Long enough that the schedule does not start during the tests.
      assertThat(admin.postForm("/admin/sync-interval", Map.of("minutes", "9000")).statusCode())
          .isEqualTo(302);
      assertThat(settings.get("sync.interval-minutes")).contains("9000");
      assertThat(HttpSession.signedIn(site, "viewer").get("/data").body())
          .contains("synced every 9000 minutes");
      assertThat(text(admin.get("/admin/audit").body()))
          .contains("settings-changed", "sync.interval-minutes = 9000");
    } finally {
      admin.postForm("/admin/sync-interval", Map.of("minutes", "0"));
    }
    assertThat(settings.get("sync.interval-minutes")).contains("0");
  }

  @Test
  @DisplayName("/admin/audit shows the latest 200 entries, newest first")
  void audit() {
    HttpSession admin = HttpSession.signedIn(site, "admin");
    String page = admin.get("/admin/audit").body();
    int rows = page.split("class=\"action\"", -1).length - 1;
    assertThat(rows).isBetween(1, 200);
    assertThat(page).contains(">login<");
  }

  private static String createToken(HttpSession session) {
    HttpResponse<String> page = session.postForm("/settings/tokens", Map.of("name", "t"));
    Matcher m = NEW_TOKEN.matcher(page.body());
    assertThat(m.find()).isTrue();
    return m.group(1).strip();
  }
}
