package dev.marketlens.web.security;

import dev.marketlens.store.User;
import dev.marketlens.store.Users;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads a signed-in session's user again on every request, so that an admin's change takes effect
 * at once: a new role or set of accounts applies to the next request, and a disabled or removed
 * user's session ends (the request then counts as anonymous).
 */
final class FreshUsers extends OncePerRequestFilter {
  private final Users users;

  FreshUsers(Users users) {
    this.users = users;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication current = SecurityContextHolder.getContext().getAuthentication();
    if (BearerTokens.carriesToken(request)
        || current == null
        || !(current.getPrincipal() instanceof SignedIn signedIn)) {
      chain.doFilter(request, response);
      return;
    }
    Optional<User> fresh = users.find(signedIn.user().id()).filter(u -> !u.disabled());
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    if (fresh.isEmpty()) {
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
    } else {
      SignedIn principal = new SignedIn(fresh.get());
      UsernamePasswordAuthenticationToken authentication =
          UsernamePasswordAuthenticationToken.authenticated(
              principal, null, principal.getAuthorities());
      authentication.setDetails(current.getDetails());
      context.setAuthentication(authentication);
    }
    SecurityContextHolder.setContext(context);
    chain.doFilter(request, response);
  }
}
