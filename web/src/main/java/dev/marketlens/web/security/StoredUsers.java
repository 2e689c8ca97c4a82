package dev.marketlens.web.security;

import dev.marketlens.store.Users;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Form login's view of the users table. */
@Component
class StoredUsers implements UserDetailsService {
  private final Users users;

  StoredUsers(Users users) {
    this.users = users;
  }

  @Override
  public UserDetails loadUserByUsername(String username) {
    return users
        .find(username)
        .map(SignedIn::new)
        .orElseThrow(() -> new UsernameNotFoundException("no such user"));
  }
}
