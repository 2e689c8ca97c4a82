package dev.marketlens.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.web.HttpSession;
import dev.marketlens.web.TestSite;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@DisplayName("Security: sign-in, roles, account scopes, CSRF, tokens and secrets")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern NEW_TOKEN = Pattern.compile("id=\"new-token\"[^>]*>([^<]+)<");
  private static final Set<String> OPEN =
      Set.of("/login", "/error", "/actuator/health", "/actuator/health/**");

  /** Secrets that went through the application in these tests; none may reach the log. */
  private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

  private final TestSite site = TestSite.get();

  /** One route: a method and a path with its variables filled in. */
  record Route(String method, String path) {
    /** The API and actuator answer 401; pages, including the API's browsable docs, redirect. */
    boolean api() {
      return (path.startsWith("/api/") && !path.startsWith("/api/v1/docs"))
          || path.startsWith("/actuator");
    }
  }

  /** Every route of the running application, from its request mappings and its OpenAPI. */
  private Set<Route> routes() {
    Set<Route> routes =
        new java.util.TreeSet<>(
            java.util.Comparator.comparing(Route::path).thenComparing(Route::method));
    RequestMappingHandlerMapping mapping =
        site.bean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
    for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
      Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
      for (String pattern : info.getPatternValues()) {
        if (methods.isEmpty()) {
          routes.add(new Route("GET", fill(pattern)));
          routes.add(new Route("POST", fill(pattern)));
        }
        for (RequestMethod m : methods) {
          routes.add(new Route(m.name(), fill(pattern)));
        }
      }
    }
    HttpResponse<String> openapi = admin().get("/api/v1/openapi.json");
    assertThat(openapi.statusCode()).isEqualTo(200);
    JsonNode paths = JSON.readTree(openapi.body()).get("paths");
    for (String path : paths.propertyNames()) {
      for (String method : paths.get(path).propertyNames()) {
        routes.add(new Route(method.toUpperCase(java.util.Locale.ROOT), fill(path)));
      }
    }
    routes.add(new Route("GET", "/actuator"));
    routes.add(new Route("GET", "/actuator/prometheus"));
    routes.add(new Route("GET", "/webjars/htmx.org/dist/htmx.min.js"));
    routes.removeIf(r -> OPEN.contains(r.path()) || r.path().equals("/logout"));
    return routes;
  }

  private static String fill(String pattern) {
    return pattern.replaceAll("\\{\\*?([A-Za-z0-9_]+)(:[^}]*)?}", "1").replace("/**", "/x");
  }

  private HttpSession admin() {
    return HttpSession.signedIn(site, "admin");
  }

  private HttpResponse<String> send(HttpSession session, Route route, String csrf) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(site.baseUrl() + route.path()))
            .method(route.method(), HttpRequest.BodyPublishers.noBody());
    if (csrf != null) {
      request.header("X-CSRF-TOKEN", csrf);
    }
    // As a browser asks for a page; API clients ask for JSON.
    request.header(
        "Accept", route.api() ? "application/json" : "text/html,application/xhtml+xml,*/*;q=0.8");
    return session.send(request);
  }

  @Test
  @Order(1)
  @DisplayName(
      "every route but health and login refuses anonymous calls: 401 for the API, the login page for pages")
  void anonymous() {
    Set<Route> routes = routes();
    assertThat(routes)
        .extracting(Route::path)
        .contains("/", "/data", "/settings", "/admin", "/api/v1/accounts", "/api/v1/tokens");
    HttpSession anonymous = new HttpSession(site.baseUrl());
    String csrf = anonymous.csrfToken("/login");
    assertThat(csrf).isNotNull();
    List<String> admitted = new ArrayList<>();
    for (Route route : routes) {
      HttpResponse<String> r = send(anonymous, route, "GET".equals(route.method()) ? null : csrf);
      boolean refused =
          route.api()
              ? r.statusCode() == 401
              : r.statusCode() == 302
                  && r.headers().firstValue("Location").orElse("").endsWith("/login");
      if (!refused) {
        admitted.add(route + " → " + r.statusCode());
      }
    }
    assertThat(admitted).as("routes that did not refuse an anonymous call").isEmpty();
  }

  @Test
  @Order(2)
  @DisplayName("health and the login page answer without signing in")
  void open() {
    HttpSession anonymous = new HttpSession(site.baseUrl());
    assertThat(anonymous.get("/actuator/health").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/login").statusCode()).isEqualTo(200);
  }

  @Test
  @Order(3)
  @DisplayName("a viewer cannot change settings, users, accounts, syncs or imports: 403")
  void viewerCannotChange() {
    HttpSession viewer = HttpSession.signedIn(site, "viewer");
    long adminId = site.user("admin").id();
    Map<String, Map<String, String>> forms = new LinkedHashMap<>();
    forms.put("/data/sync", Map.of("account", "alpha"));
    forms.put(
        "/admin/users",
        Map.of(
            "username",
            "sneaky",
            "password",
            "sneaky-password",
            "role",
            "admin",
            "allAccounts",
            "true"));
    forms.put("/admin/users/" + adminId, Map.of("role", "viewer", "disabled", "true"));
    forms.put("/admin/accounts", Map.of("name", "sneaky"));
    forms.put("/admin/accounts/alpha/remove", Map.of("confirm", "alpha"));
    forms.put("/admin/sync-interval", Map.of("minutes", "1"));
    for (var form : forms.entrySet()) {
      assertThat(viewer.postForm(form.getKey(), form.getValue()).statusCode())
          .as("POST " + form.getKey())
          .isEqualTo(403);
    }
    HttpResponse<String> upload =
        viewer.postMultipart(
            "/data/import", Map.of("account", "alpha"), "files", Map.of("x.csv", new byte[] {'a'}));
    assertThat(upload.statusCode()).as("POST /data/import").isEqualTo(403);
    assertThat(viewer.get("/admin").statusCode()).isEqualTo(403);
    assertThat(viewer.get("/admin/audit").statusCode()).isEqualTo(403);
    assertThat(site.user("admin").role()).isEqualTo("admin");
    assertThat(site.user("admin").disabled()).isFalse();

    String token = createToken(viewer, "viewer-api");
    HttpSession api = HttpSession.withToken(site.baseUrl(), token);
    assertThat(api.sendJson("POST", "/api/v1/sync/alpha", null).statusCode()).isEqualTo(403);
    assertThat(
            api.postMultipart(
                    "/api/v1/imports",
                    Map.of("account", "alpha"),
                    "files",
                    Map.of("x.csv", new byte[] {'a'}))
                .statusCode())
        .isEqualTo(403);
    assertThat(api.get("/api/v1/admin/users").statusCode()).isEqualTo(403);
    assertThat(
            api.sendJson(
                    "POST",
                    "/api/v1/admin/users",
                    "{\"username\":\"sneaky\",\"password\":\"sneaky-password\",\"role\":\"admin\"}")
                .statusCode())
        .isEqualTo(403);
    assertThat(site.bean(dev.marketlens.store.Users.class).find("sneaky")).isEmpty();
  }

  @Test
  @Order(4)
  @DisplayName("a viewer manages their own API tokens: create, list, revoke")
  void viewerOwnTokens() {
    HttpSession viewer = HttpSession.signedIn(site, "viewer");
    HttpResponse<String> created = viewer.sendJson("POST", "/api/v1/tokens", "{\"name\":\"mine\"}");
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode token = JSON.readTree(created.body());
    SECRETS.add(token.get("token").asString());
    HttpResponse<String> list = viewer.get("/api/v1/tokens");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("\"mine\"").doesNotContain(token.get("token").asString());
    assertThat(
            viewer
                .sendJson("DELETE", "/api/v1/tokens/" + token.get("id").asLong(), null)
                .statusCode())
        .isEqualTo(204);
    HttpResponse<String> again =
        HttpSession.withToken(site.baseUrl(), token.get("token").asString())
            .get("/api/v1/accounts");
    assertThat(again.statusCode()).isEqualTo(401);
  }

  @Test
  @Order(5)
  @DisplayName("a user of vendor alpha sees nothing of vendor beta through any page or API")
  void accountIsolation() {
    HttpSession viewer = HttpSession.signedIn(site, "viewer");
    List<String> leaks = new ArrayList<>();
    for (Route route : routes()) {
      if (!route.method().equals("GET") || route.path().startsWith("/actuator")) {
        continue;
      }
      String sep = route.path().contains("?") ? "&" : "?";
      HttpResponse<String> r = viewer.get(route.path() + sep + "account=beta");
      int status = r.statusCode();
      boolean safe =
          status == 404
              || status == 400
              || status == 403
              || status / 100 == 3
              || (status == 200 && !mentionsBeta(r.body()));
      if (!safe) {
        leaks.add(route.path() + " → " + status);
      }
    }
    assertThat(leaks).as("routes that answered the alpha viewer about beta").isEmpty();
    assertThat(viewer.get("/api/v1/reports/mrr?account=beta").statusCode()).isEqualTo(404);
    assertThat(viewer.get("/api/v1/sync/runs?account=beta").statusCode()).isEqualTo(404);
    assertThat(viewer.get("/data?account=beta").statusCode()).isEqualTo(404);
    JsonNode accounts = JSON.readTree(viewer.get("/api/v1/accounts").body());
    assertThat(accounts.findValuesAsString("name")).containsExactly("alpha");
  }

  private static boolean mentionsBeta(String body) {
    return body.contains("\"beta\"") || body.contains(">beta<") || body.contains("account=beta");
  }

  @Test
  @Order(6)
  @DisplayName("beta's viewer sees exactly what an admin sees of beta, and not alpha")
  void betaViewerTotals() {
    HttpSession beta = HttpSession.signedIn(site, "beta-viewer");
    HttpSession admin = admin();
    for (String kind : List.of("mrr", "movements")) {
      String own = beta.get("/api/v1/reports/" + kind + "?from=2026-01&to=2026-10").body();
      String asAdmin =
          admin.get("/api/v1/reports/" + kind + "?from=2026-01&to=2026-10&account=beta").body();
      String alpha =
          admin.get("/api/v1/reports/" + kind + "?from=2026-01&to=2026-10&account=alpha").body();
      assertThat(JSON.readTree(own)).isEqualTo(JSON.readTree(asAdmin));
      assertThat(JSON.readTree(own)).isNotEqualTo(JSON.readTree(alpha));
    }
    assertThat(beta.get("/api/v1/reports/mrr?account=alpha").statusCode()).isEqualTo(404);
  }

  @Test
  @Order(7)
  @DisplayName("CSRF: a session's POST without the token is refused; a bearer token's needs none")
  void csrf() {
    HttpSession viewer = HttpSession.signedIn(site, "viewer");
    HttpResponse<String> refused =
        viewer.postFormWithoutToken("/settings/tokens", Map.of("name", "no-csrf"));
    assertThat(refused.statusCode()).isEqualTo(403);
    HttpResponse<String> refusedJson =
        viewer.send(
            HttpRequest.newBuilder(URI.create(site.baseUrl() + "/api/v1/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"no-csrf\"}")));
    assertThat(refusedJson.statusCode()).isEqualTo(403);
    assertThat(viewer.get("/api/v1/tokens").body()).doesNotContain("no-csrf");

    String token = createToken(viewer, "bearer-csrf");
    HttpResponse<String> byToken =
        HttpSession.withToken(site.baseUrl(), token)
            .sendJson("POST", "/api/v1/tokens", "{\"name\":\"made-by-bearer\"}");
    assertThat(byToken.statusCode()).isEqualTo(201);
    SECRETS.add(JSON.readTree(byToken.body()).get("token").asString());
  }

  @Test
  @Order(8)
  @DisplayName("after 5 wrong passwords even the right one is turned away with a wait message")
  void throttle() throws Exception {
    String user = "throttled-" + System.nanoTime() % 100_000;
    createUser(user, "viewer");
    HttpSession anonymous = new HttpSession(site.baseUrl());
    String csrf = anonymous.csrfToken("/login");
    String cookie = "MARKETLENS_SESSION=" + anonymous.cookie("MARKETLENS_SESSION");
    // From an address of its own (127.0.0.2): the throttle also counts failures per address.
    for (int i = 0; i < 5; i++) {
      String location = rawLogin(cookie, csrf, user, "wrong-password-" + i);
      assertThat(location).contains("/login?error");
    }
    String location = rawLogin(cookie, csrf, user, TestSite.password(user));
    assertThat(location).contains("/login?wait=");
    String seconds = location.substring(location.indexOf("wait=") + 5);
    assertThat(Long.parseLong(seconds)).isPositive();
    assertThat(anonymous.get("/login?wait=" + seconds).body())
        .contains("Too many failed sign-ins: try again in " + seconds + " seconds");
    assertThat(JSON.readTree(admin().get("/api/v1/tokens").body()).isArray()).isTrue();
  }

  /** Posts the login form from 127.0.0.2; returns the redirect's Location. */
  private String rawLogin(String cookie, String csrf, String user, String password)
      throws IOException {
    URI base = URI.create(site.baseUrl());
    String body =
        "username="
            + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8)
            + "&_csrf="
            + URLEncoder.encode(csrf, StandardCharsets.UTF_8);
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress("127.0.0.2", 0));
      socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 10_000);
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /login HTTP/1.1\r\nHost: localhost:"
                  + base.getPort()
                  + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: "
                  + body.getBytes(StandardCharsets.UTF_8).length
                  + "\r\nCookie: "
                  + cookie
                  + "\r\nConnection: close\r\n\r\n"
                  + body)
              .getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      in.transferTo(response);
      String text = response.toString(StandardCharsets.ISO_8859_1);
      assertThat(text).startsWith("HTTP/1.1 302");
      Matcher m = Pattern.compile("(?im)^Location: *(\\S+)").matcher(text);
      assertThat(m.find()).as("a Location header in " + text).isTrue();
      return m.group(1);
    }
  }

  @Test
  @Order(9)
  @DisplayName(
      "an API token works as Bearer, is stored only as its SHA-256, and once revoked gets 401")
  void apiTokens() throws Exception {
    HttpSession analyst = HttpSession.signedIn(site, "analyst");
    HttpResponse<String> page =
        analyst.postForm("/settings/tokens", Map.of("name", "stored-hashed"));
    assertThat(page.statusCode()).isEqualTo(200);
    Matcher m = NEW_TOKEN.matcher(page.body());
    assertThat(m.find()).isTrue();
    String token = m.group(1).strip();
    SECRETS.add(token);
    assertThat(token).startsWith("mlt_");
    assertThat(analyst.get("/settings").body()).doesNotContain(token);

    HttpSession api = HttpSession.withToken(site.baseUrl(), token);
    HttpResponse<String> accounts = api.get("/api/v1/accounts");
    assertThat(accounts.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(accounts.body()).findValuesAsString("name")).containsExactly("alpha");

    long id;
    byte[] stored;
    try (Connection c = site.database().dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT * FROM api_tokens WHERE name = 'stored-hashed'")) {
      assertThat(rows.next()).isTrue();
      ResultSetMetaData meta = rows.getMetaData();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        Object value = rows.getObject(i);
        String text =
            value instanceof byte[] b
                ? new String(b, StandardCharsets.ISO_8859_1) + HexFormat.of().formatHex(b)
                : String.valueOf(value);
        assertThat(text).as("column " + meta.getColumnName(i)).doesNotContain(token);
      }
      id = rows.getLong("id");
      stored = rows.getBytes("token_sha256");
    }
    assertThat(stored)
        .isEqualTo(
            MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));

    HttpResponse<String> revoked = analyst.postForm("/settings/tokens/" + id + "/revoke", Map.of());
    assertThat(revoked.statusCode()).isEqualTo(302);
    assertThat(api.get("/api/v1/accounts").statusCode()).isEqualTo(401);
  }

  @Test
  @Order(10)
  @DisplayName("passwords are stored as {bcrypt} hashes, never in clear")
  void passwordsHashed() throws Exception {
    int users = 0;
    try (Connection c = site.database().dataSource().getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT username, password_hash FROM users")) {
      while (rows.next()) {
        users++;
        assertThat(rows.getString(2)).startsWith("{bcrypt}$2");
        assertThat(rows.getString(2)).doesNotContain(TestSite.password(rows.getString(1)));
      }
    }
    assertThat(users).isGreaterThanOrEqualTo(4);
  }

  @Test
  @Order(11)
  @DisplayName(
      "the session cookie is HttpOnly and SameSite=Lax (Secure only when configured; the tests run without)")
  void sessionCookie() {
    HttpSession anonymous = new HttpSession(site.baseUrl());
    HttpResponse<String> login = anonymous.get("/login");
    List<String> cookies = login.headers().allValues("Set-Cookie");
    String session =
        cookies.stream().filter(c -> c.startsWith("MARKETLENS_SESSION=")).findFirst().orElseThrow();
    assertThat(session).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");
    assertThat(session).doesNotContainIgnoringCase("Secure;").doesNotEndWithIgnoringCase("Secure");
    assertThat(
            site.bean(org.springframework.core.env.Environment.class)
                .getProperty("server.servlet.session.cookie.secure", Boolean.class))
        .as("the Secure flag follows WebSettings.secureCookies, false in the tests")
        .isFalse();
    assertThat(login.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("script-src 'self'");
  }

  @Test
  @Order(12)
  @DisplayName("Prometheus metrics answer an admin's API token and refuse anonymous calls")
  void prometheus() {
    String token = createToken(admin(), "prometheus");
    HttpResponse<String> metrics =
        HttpSession.withToken(site.baseUrl(), token).get("/actuator/prometheus");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    assertThat(new HttpSession(site.baseUrl()).get("/actuator/prometheus").statusCode())
        .isEqualTo(401);
  }

  @Test
  @Order(100)
  @DisplayName("no password, API token or Marketplace token appears in the application's log")
  void noSecretInLogs() throws Exception {
    // Put a Marketplace token through the application: add an account with it and sync it
    // against a port where nothing listens, so that the failure is logged.
    String vendorToken = "vendor-secret-" + System.nanoTime();
    SECRETS.add(vendorToken);
    HttpSession admin = admin();
    String name = "logged-" + System.nanoTime() % 100_000;
    HttpResponse<String> added =
        admin.postForm(
            "/admin/accounts",
            Map.of(
                "name", name,
                "vendorId", "1212980",
                "email", "reports@vendor.example",
                "token", vendorToken,
                "baseUrl", "http://127.0.0.1:9"));
    assertThat(added.statusCode()).isEqualTo(302);
    assertThat(admin.get("/admin").body()).doesNotContain(vendorToken);
    assertThat(admin.get("/api/v1/accounts").body()).doesNotContain(vendorToken);
    assertThat(admin.postForm("/data/sync", Map.of("account", name)).statusCode()).isEqualTo(302);
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    JsonNode runs;
    do {
      Thread.sleep(300);
      runs = JSON.readTree(admin.get("/api/v1/sync/runs?account=" + name).body());
    } while ((runs.isEmpty() || runs.get(0).get("status").asString().equals("running"))
        && Instant.now().isBefore(deadline));
    assertThat(runs.get(0).get("status").asString()).isEqualTo("failed");
    assertThat(runs.get(0).get("error").asString()).doesNotContain(vendorToken);
    assertThat(admin.get("/data").body()).contains("failed").doesNotContain(vendorToken);

    // A wrong current password and a password change go through the log's paths too.
    String user = "logcheck-" + System.nanoTime() % 100_000;
    createUser(user, "analyst");
    HttpSession self = HttpSession.signedIn(site, user);
    self.postForm(
        "/settings/password",
        Map.of("current", "not-" + TestSite.password(user), "password", "x", "repeat", "y"));
    SECRETS.add("not-" + TestSite.password(user));
    for (String u : List.of("admin", "analyst", "viewer", "beta-viewer", user)) {
      SECRETS.add(TestSite.password(u));
    }
    assertThat(
            admin
                .postForm("/admin/accounts/" + name + "/remove", Map.of("confirm", name))
                .statusCode())
        .isEqualTo(302);

    assertThat(TestSite.LOG_FILE).exists();
    String log = Files.readString(TestSite.LOG_FILE, StandardCharsets.UTF_8);
    assertThat(log).contains("sync of account " + name + " failed");
    Set<String> found = new TreeSet<>();
    for (String secret : SECRETS) {
      if (log.contains(secret)) {
        found.add(secret);
      }
    }
    assertThat(found).as("secrets found in " + TestSite.LOG_FILE).isEmpty();
    String audit = admin.get("/admin/audit").body();
    for (String secret : SECRETS) {
      assertThat(audit).doesNotContain(secret);
    }
  }

  /** Creates a token through the settings page and returns it. */
  private static String createToken(HttpSession session, String name) {
    HttpResponse<String> page = session.postForm("/settings/tokens", Map.of("name", name));
    assertThat(page.statusCode()).isEqualTo(200);
    Matcher m = NEW_TOKEN.matcher(page.body());
    assertThat(m.find()).as("the new token on the page").isTrue();
    String token = m.group(1).strip();
    SECRETS.add(token);
    return token;
  }

  /** A throwaway user whose password is {@link TestSite#password}. */
  private void createUser(String username, String role) {
    HttpResponse<String> r =
        admin()
            .sendJson(
                "POST",
                "/api/v1/admin/users",
                "{\"username\":\""
                    + username
                    + "\",\"password\":\""
                    + TestSite.password(username)
                    + "\",\"role\":\""
                    + role
                    + "\",\"accounts\":[\"alpha\"]}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
  }
}
