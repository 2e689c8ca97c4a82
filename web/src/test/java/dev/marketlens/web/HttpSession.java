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

  /** Sends JSON with the method given, with the session's CSRF token (a bearer needs none). */
  public HttpResponse<String> sendJson(String method, String path, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .header("Accept", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (bearer == null && !cookies.isEmpty()) {
      String token = csrfToken("/");
      if (token != null) {
        request.header("X-CSRF-TOKEN", token);
      }
    }
    return send(request);
  }

  /**
   * Posts a multipart form: the fields, and each file (name → content) in the field {@code
   * fileField}; a session adds the page's CSRF token as the form's hidden field does.
   */
  public HttpResponse<String> postMultipart(
      String path, Map<String, String> fields, String fileField, Map<String, byte[]> files) {
    String boundary = "----marketlens" + System.nanoTime();
    Map<String, String> all = new LinkedHashMap<>(fields);
    if (bearer == null && !cookies.isEmpty()) {
      String token = csrfToken("/");
      if (token != null) {
        all.put("_csrf", token);
      }
    }
    java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
    try {
      for (Map.Entry<String, String> e : all.entrySet()) {
        body.write(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + e.getKey()
                    + "\"\r\n\r\n"
                    + e.getValue()
                    + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        body.write(
            ("--"
                    + boundary
                    + "\r\nContent-Disposition: form-data; name=\""
                    + fileField
                    + "\"; filename=\""
                    + f.getKey()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(f.getValue());
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
      }
      body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  /** The value of a cookie this session holds, or null. */
  public String cookie(String name) {
    return cookies.get(name);
  }
}
