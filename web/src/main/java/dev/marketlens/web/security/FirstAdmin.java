package dev.marketlens.web.security;

import dev.marketlens.store.AuditLog;
import dev.marketlens.store.Users;
import dev.marketlens.web.WebSettings;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The first user. In demo mode the user {@code demo} (password {@code demo}, admin) always exists.
 * Otherwise, when there is no user at all, an {@code admin} is created with the configured password
 * ({@code MARKETLENS_ADMIN_PASSWORD}), or with a random one printed once on the console — never
 * logged, never stored in clear.
 */
@Component
class FirstAdmin implements ApplicationRunner {
  private final Users users;
  private final AuditLog audit;
  private final PasswordEncoder encoder;
  private final WebSettings settings;

  FirstAdmin(Users users, AuditLog audit, PasswordEncoder encoder, WebSettings settings) {
    this.users = users;
    this.audit = audit;
    this.encoder = encoder;
    this.settings = settings;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (settings.demo()) {
      if (users.find("demo").isEmpty()) {
        users.save("demo", encoder.encode("demo"), "admin", true, List.of());
        audit.add(null, "user-created", "demo (admin, demo mode)", null);
      }
      return;
    }
    if (!users.isEmpty()) {
      return;
    }
    String password = settings.adminPassword();
    boolean generated = password == null || password.isBlank();
    if (generated) {
      byte[] random = new byte[18];
      new SecureRandom().nextBytes(random);
      password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
    users.save("admin", encoder.encode(password), "admin", true, List.of());
    audit.add(null, "user-created", "admin (first start)", null);
    if (generated) {
      // Printed once, to the console only: the logs never see it.
      System.out.println(
          "First start: created the user 'admin' with password "
              + password
              + " — sign in and change it (Settings → Users).");
      System.out.flush();
    }
  }
}
