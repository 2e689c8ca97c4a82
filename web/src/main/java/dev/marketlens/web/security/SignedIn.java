package dev.marketlens.web.security;

import dev.marketlens.store.User;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The person behind a request, signed in by form or by API token: who, which role, which data. */
public final class SignedIn implements UserDetails {
  private final User user;

  SignedIn(User user) {
    this.user = user;
  }

  public User user() {
    return user;
  }

  /** The signed-in user of an authenticated request. */
  public static SignedIn of(Authentication authentication) {
    if (authentication != null && authentication.getPrincipal() instanceof SignedIn s) {
      return s;
    }
    throw new IllegalStateException("not signed in");
  }

  public boolean isAdmin() {
    return "admin".equals(user.role());
  }

  /** Admins and analysts may import files, start syncs and export; viewers only read. */
  public boolean canChangeData() {
    return !"viewer".equals(user.role());
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    return List.of(new SimpleGrantedAuthority("ROLE_" + user.role().toUpperCase(Locale.ROOT)));
  }

  @Override
  public String getPassword() {
    return user.passwordHash();
  }

  @Override
  public String getUsername() {
    return user.username();
  }

  @Override
  public boolean isEnabled() {
    return !user.disabled();
  }

  @Override
  public String toString() {
    return "SignedIn[" + user.username() + ", " + user.role() + "]";
  }
}
