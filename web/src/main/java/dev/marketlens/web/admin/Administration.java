package dev.marketlens.web.admin;

import static dev.marketlens.web.Params.bad;

import dev.marketlens.model.id.DeveloperId;
import dev.marketlens.model.id.VendorId;
import dev.marketlens.store.ApiTokens;
import dev.marketlens.store.AppSettings;
import dev.marketlens.store.AuditLog;
import dev.marketlens.store.User;
import dev.marketlens.store.Users;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.store.VendorAccounts;
import dev.marketlens.web.revenue.RevenueBooks;
import dev.marketlens.web.security.Access;
import dev.marketlens.web.security.SignedIn;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The changes people make on the settings pages and through the API: passwords, API tokens, users,
 * vendor accounts and the sync interval. Each checks its input (a bad value is a 400 naming the
 * field and the value) and writes the audit log — never a password or a token.
 */
@Component
class Administration {
  static final int MIN_PASSWORD = 8;
  static final String SYNC_INTERVAL = "sync.interval-minutes";
  static final long MAX_INTERVAL = 10_080;
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
  private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** A user as the settings show it: the names of the accounts they see, never the hash. */
  record UserView(
      long id,
      String username,
      String role,
      boolean allAccounts,
      List<String> accounts,
      java.time.Instant createdAt,
      boolean disabled) {}

  private final Users users;
  private final ApiTokens tokens;
  private final VendorAccounts accounts;
  private final AppSettings settings;
  private final AuditLog audit;
  private final PasswordEncoder encoder;
  private final RevenueBooks books;
  private final Access access;

  Administration(
      Users users,
      ApiTokens tokens,
      VendorAccounts accounts,
      AppSettings settings,
      AuditLog audit,
      PasswordEncoder encoder,
      RevenueBooks books,
      Access access) {
    this.users = users;
    this.tokens = tokens;
    this.accounts = accounts;
    this.settings = settings;
    this.audit = audit;
    this.encoder = encoder;
    this.books = books;
    this.access = access;
  }

  // ---- own password and tokens

  void changePassword(
      SignedIn me, String current, String password, String repeated, String remote) {
    User user = users.find(me.user().id()).orElseThrow(() -> bad("your user no longer exists"));
    if (current == null || !encoder.matches(current, user.passwordHash())) {
      throw bad("current password: not your current password");
    }
    checkPassword("new password", password);
    if (!password.equals(repeated)) {
      throw bad("repeat new password: does not match the new password");
    }
    users.changePassword(user.id(), encoder.encode(password));
    audit.add(user.username(), "password-changed", null, remote);
  }

  List<ApiTokens.Listed> tokens(SignedIn me) {
    return tokens.list(me.user().id());
  }

  ApiTokens.Created createToken(SignedIn me, String name, String remote) {
    String clean = name == null ? "" : name.strip();
    if (clean.isEmpty()
        || clean.length() > 100
        || clean.chars().anyMatch(Character::isISOControl)) {
      throw bad("token name: 1–100 printable characters, got '" + printable(name) + "'");
    }
    ApiTokens.Created created = tokens.create(me.user().id(), clean);
    audit.add(
        me.getUsername(),
        "token-created",
        "token " + created.listed().id() + " '" + clean + "'",
        remote);
    return created;
  }

  void revokeToken(SignedIn me, long id, String remote) {
    if (!tokens.revoke(me.user().id(), id)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no live token " + id + " of yours");
    }
    audit.add(me.getUsername(), "token-revoked", "token " + id, remote);
  }

  // ---- users

  List<UserView> users() {
    Map<Long, String> names =
        accounts.list().stream().collect(Collectors.toMap(VendorAccount::id, VendorAccount::name));
    return users.list().stream()
        .map(
            u ->
                new UserView(
                    u.id(),
                    u.username(),
                    u.role(),
                    u.allAccounts(),
                    u.accounts().stream().map(names::get).filter(n -> n != null).sorted().toList(),
                    u.createdAt(),
                    u.disabled()))
        .toList();
  }

  UserView user(long id) {
    return users().stream()
        .filter(u -> u.id() == id)
        .findFirst()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no user " + id));
  }

  UserView createUser(
      SignedIn me,
      String username,
      String password,
      String role,
      boolean allAccounts,
      Collection<String> accountNames,
      String remote) {
    String name = username == null ? "" : username.strip();
    if (!USERNAME.matcher(name).matches()) {
      throw bad("username: 1–64 letters, digits or . _ @ -, got '" + printable(username) + "'");
    }
    if (users.find(name).isPresent()) {
      throw bad("username: a user " + name + " exists already");
    }
    checkPassword("password", password);
    checkRole(role);
    Set<Long> ids = accountIds(allAccounts, accountNames);
    User user = users.save(name, encoder.encode(password), role, allAccounts, ids);
    audit.add(
        me.getUsername(),
        "user-created",
        name + " (" + role + "; " + scope(allAccounts, accountNames) + ")",
        remote);
    return user(user.id());
  }

  UserView changeUser(
      SignedIn me,
      long id,
      String role,
      boolean allAccounts,
      Collection<String> accountNames,
      boolean disabled,
      String remote) {
    User user =
        users
            .find(id)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no user " + id));
    checkRole(role);
    if (user.id() == me.user().id() && (!"admin".equals(role) || disabled)) {
      throw bad("you cannot take the admin role from yourself nor disable yourself");
    }
    Set<Long> ids = accountIds(allAccounts, accountNames);
    users.save(user.username(), user.passwordHash(), role, allAccounts, ids);
    if (disabled != user.disabled()) {
      users.setDisabled(user.id(), disabled);
    }
    audit.add(
        me.getUsername(),
        "user-changed",
        user.username()
            + " ("
            + role
            + "; "
            + scope(allAccounts, accountNames)
            + (disabled ? "; disabled" : "")
            + ")",
        remote);
    return user(id);
  }

  // ---- vendor accounts

  List<VendorAccount> accounts() {
    return accounts.list();
  }

  VendorAccount addAccount(
      SignedIn me,
      String name,
      String vendorId,
      String developerId,
      String email,
      String token,
      String baseUrl,
      String remote) {
    String clean = blankToNull(name);
    if (clean == null || !ACCOUNT.matcher(clean).matches()) {
      throw bad("name: 1–64 letters, digits or . _ -, got '" + printable(name) + "'");
    }
    if (accounts.find(clean).isPresent()) {
      throw bad("name: an account " + clean + " exists already");
    }
    String vendor = blankToNull(vendorId);
    String developer = blankToNull(developerId);
    if (vendor != null && developer != null) {
      throw bad("give a v2 vendor id or a v3 developer id, not both");
    }
    try {
      if (vendor != null) {
        VendorId.of(vendor);
      }
      if (developer != null) {
        DeveloperId.of(developer);
      }
    } catch (IllegalArgumentException e) {
      throw bad(e.getMessage());
    }
    String secret = blankToNull(token);
    if (secret != null && vendor == null && developer == null) {
      throw bad("an account with an API token needs a v2 vendor id or a v3 developer id");
    }
    String url = blankToNull(baseUrl);
    if (url != null) {
      checkUrl(url);
    }
    String mail = blankToNull(email);
    if (mail != null && (mail.length() > 200 || !mail.contains("@"))) {
      throw bad("email: an email address, got '" + printable(mail) + "'");
    }
    VendorAccount saved =
        accounts.save(
            new VendorAccount.New(
                clean, developer != null ? "v3" : "v2", vendor, developer, url, mail, secret));
    audit.add(
        me.getUsername(),
        "account-added",
        clean
            + " ("
            + saved.apiVersion()
            + (vendor != null ? ", vendor " + vendor : "")
            + (developer != null ? ", developer " + developer : "")
            + ", "
            + saved.baseUrl()
            + (saved.hasToken() ? ", API token stored" : ", no API token")
            + ")",
        remote);
    books.invalidate();
    access.forget();
    return saved;
  }

  void removeAccount(SignedIn me, String name, String confirm, String remote) {
    VendorAccount account =
        accounts
            .find(name)
            .orElseThrow(
                () -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no account " + name));
    if (!account.name().equals(confirm)) {
      throw bad(
          "confirm: type the account's name, "
              + account.name()
              + ", to remove it and everything stored for it");
    }
    accounts.remove(account.name());
    audit.add(me.getUsername(), "account-removed", account.name(), remote);
    books.invalidate();
    access.forget();
  }

  // ---- settings

  long syncInterval() {
    try {
      return settings.get(SYNC_INTERVAL).map(String::strip).map(Long::parseLong).orElse(0L);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  void setSyncInterval(SignedIn me, String minutes, String remote) {
    long value;
    try {
      value = Long.parseLong(minutes == null ? "" : minutes.strip());
    } catch (NumberFormatException e) {
      throw bad(
          "sync interval: whole minutes 0–" + MAX_INTERVAL + ", got '" + printable(minutes) + "'");
    }
    if (value < 0 || value > MAX_INTERVAL) {
      throw bad("sync interval: whole minutes 0–" + MAX_INTERVAL + ", got " + value);
    }
    settings.put(SYNC_INTERVAL, Long.toString(value));
    audit.add(me.getUsername(), "settings-changed", SYNC_INTERVAL + " = " + value, remote);
  }

  List<dev.marketlens.store.AuditLog.Entry> audit(int limit) {
    return audit.latest(limit);
  }

  // ---- checks

  private Set<Long> accountIds(boolean allAccounts, Collection<String> names) {
    if (allAccounts || names == null) {
      return Set.of();
    }
    Map<String, VendorAccount> byName =
        accounts.list().stream()
            .collect(Collectors.toMap(VendorAccount::name, Function.identity()));
    Set<Long> ids = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (String n : names) {
      if (n == null || n.isBlank()) {
        continue;
      }
      Optional.ofNullable(byName.get(n.strip()))
          .ifPresentOrElse(a -> ids.add(a.id()), () -> unknown.add(n));
    }
    if (!unknown.isEmpty()) {
      throw bad("accounts: no account " + String.join(", ", unknown));
    }
    return ids;
  }

  private static String scope(boolean allAccounts, Collection<String> names) {
    if (allAccounts) {
      return "all accounts";
    }
    List<String> shown =
        names == null ? List.of() : names.stream().filter(n -> n != null && !n.isBlank()).toList();
    return shown.isEmpty() ? "no account" : "accounts " + String.join(", ", shown);
  }

  private static void checkRole(String role) {
    if (!Users.roles().contains(role)) {
      throw bad("role: one of " + Users.roles() + ", got '" + printable(role) + "'");
    }
  }

  private static void checkPassword(String field, String password) {
    if (password == null || password.length() < MIN_PASSWORD) {
      throw bad(field + ": at least " + MIN_PASSWORD + " characters");
    }
    if (password.length() > 200) {
      throw bad(field + ": at most 200 characters");
    }
  }

  private static void checkUrl(String url) {
    try {
      URI uri = new URI(url);
      if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
          || uri.getHost() == null) {
        throw bad(
            "base URL: an http(s) URL like https://marketplace.atlassian.com, got '"
                + printable(url)
                + "'");
      }
    } catch (URISyntaxException e) {
      throw bad("base URL: not a URL: '" + printable(url) + "'");
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** Input as typed, cut short and without control characters, for messages. */
  static String printable(String text) {
    if (text == null) {
      return "";
    }
    String clean = text.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
  }
}
