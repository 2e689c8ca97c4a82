package dev.marketlens.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client for tests: keeps the session cookie, signs in through the login form
 * with its CSRF token, and sends the page's CSRF token with form posts. No redirects followed.
 */
public final class HttpSession {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private final String base;
  private final Map<String, String> cookies = new LinkedHashMap<>();
  private String bearer;

  public HttpSession(String base) {
    this.base = base;
  }

  /** A session signed in as {@code username} through the login form. */
  public static HttpSession signedIn(TestSite site, String username) {
    HttpSession s = new HttpSession(site.baseUrl());
    HttpResponse<String> r =
        s.postForm("/login", Map.of("username", username, "password", TestSite.password(username)));
    if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
      throw new IllegalStateException("cannot sign in as " + username + ": " + r.statusCode());
    }
    return s;
  }

  /** A client that authenticates by API token instead of a session. */
  public static HttpSession withToken(String base, String token) {
    HttpSession s = new HttpSession(base);
    s.bearer = token;
    return s;
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** Posts a form with the CSRF token of the page at {@code path}'s form page (GET first). */
  public HttpResponse<String> postForm(String path, Map<String, String> fields) {
    String token = csrfToken(path.equals("/login") ? "/login" : "/");
    Map<String, String> all = new LinkedHashMap<>(fields);
    if (token != null) {
      all.put("_csrf", token);
    }
    return postFormWithoutToken(path, all);
  }

  /** Posts a form exactly as given (to test that a missing CSRF token is refused). */
  public HttpResponse<String> postFormWithoutToken(String path, Map<String, String> fields) {
    String body =
        fields.entrySet().stream()
            .map(
                e ->
                    URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                        + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** The CSRF token of the form on a page, or null if it has none. */
  public String csrfToken(String page) {
    Matcher m = CSRF.matcher(get(page).body());
    return m.find() ? m.group(1) : null;
  }

  public HttpResponse<String> send(HttpRequest.Builder request) {
    request.timeout(Duration.ofSeconds(120));
    if (!cookies.isEmpty()) {
      request.header(
          "Cookie",
          cookies.entrySet().stream()
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining("; ")));
    }
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      List<String> set = response.headers().allValues("Set-Cookie");
      for (String c : set) {
        String pair = c.split(";", 2)[0];
        int eq = pair.indexOf('=');
        cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
      return response;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
