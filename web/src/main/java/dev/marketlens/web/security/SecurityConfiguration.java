package dev.marketlens.web.security;

import dev.marketlens.store.ApiTokens;
import dev.marketlens.store.AuditLog;
import dev.marketlens.store.Users;
import dev.marketlens.web.WebSettings;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may do what. Everything but the health check, the login page and the static assets needs a
 * signed-in user: by form login (session cookie, CSRF token on every change) or by API token
 * ({@code Authorization: Bearer}, no session, no CSRF). The API answers 401 where a page redirects
 * to the login form. Roles: admin (users, accounts, settings), analyst (also imports, syncs,
 * exports), viewer (reads).
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

  @Bean
  PasswordEncoder passwordEncoder() {
    // bcrypt, behind a prefix ({bcrypt}…) so that stored hashes can move to a newer algorithm.
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  LoginThrottle loginThrottle() {
    return new LoginThrottle(Clock.systemUTC());
  }

  @Bean
  SecurityFilterChain filterChain(
      HttpSecurity http,
      ApiTokens tokens,
      Users users,
      AuditLog audit,
      LoginThrottle throttle,
      WebSettings settings)
      throws Exception {
    PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
    SavedRequestAwareAuthenticationSuccessHandler toSavedPage =
        new SavedRequestAwareAuthenticationSuccessHandler();
    toSavedPage.setDefaultTargetUrl("/");
    http.authorizeHttpRequests(
            auth ->
                auth.requestMatchers(
                        "/login",
                        "/error",
                        "/actuator/health",
                        "/actuator/health/**",
                        "/css/**",
                        "/js/**",
                        "/favicon.svg")
                    .permitAll()
                    .requestMatchers("/admin/**", "/api/v1/admin/**")
                    .hasRole("ADMIN")
                    .anyRequest()
                    .authenticated())
        .formLogin(
            form ->
                form.loginPage("/login")
                    .successHandler(
                        (request, response, authentication) -> {
                          String name = authentication.getName();
                          throttle.succeeded(name);
                          audit.add(name, "login", null, request.getRemoteAddr());
                          toSavedPage.onAuthenticationSuccess(request, response, authentication);
                        })
                    .failureHandler(
                        (request, response, exception) -> {
                          String name = request.getParameter("username");
                          throttle.failed(name, request.getRemoteAddr());
                          audit.add(
                              null,
                              "login-failed",
                              "username " + printable(name),
                              request.getRemoteAddr());
                          response.sendRedirect("/login?error");
                        }))
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        .csrf(csrf -> csrf.ignoringRequestMatchers(BearerTokens::carriesToken))
        .exceptionHandling(
            e ->
                // The API's browsable documentation is a page: sign in first.
                e.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        path.matcher("/api/v1/docs"))
                    .defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED), path.matcher("/api/**"))
                    .defaultAuthenticationEntryPointFor(
                        new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED),
                        path.matcher("/actuator/**")))
        .headers(
            h ->
                h.contentSecurityPolicy(
                        csp ->
                            csp.policyDirectives(
                                "default-src 'self'; script-src 'self'; style-src 'self'"
                                    + " 'unsafe-inline'; img-src 'self' data:; object-src 'none';"
                                    + " frame-ancestors 'none'; base-uri 'self'; form-action"
                                    + " 'self'"))
                    .referrerPolicy(
                        r ->
                            r.policy(
                                org.springframework.security.web.header.writers
                                    .ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
        .addFilterBefore(
            new BearerTokens(tokens, users), UsernamePasswordAuthenticationFilter.class)
        .addFilterAfter(new FreshUsers(users), BearerTokens.class)
        .addFilterBefore(
            new Throttled(throttle, audit, path.matcher(HttpMethod.POST, "/login")),
            UsernamePasswordAuthenticationFilter.class);
    return http.build();
  }

  /** A user name as typed, cut short and without control characters, for the audit log. */
  static String printable(String text) {
    if (text == null) {
      return "(none)";
    }
    String clean = text.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
  }

  /** Turns a sign-in attempt away while its user name or address must wait. */
  private static final class Throttled extends OncePerRequestFilter {
    private final LoginThrottle throttle;
    private final AuditLog audit;
    private final PathPatternRequestMatcher login;

    Throttled(LoginThrottle throttle, AuditLog audit, PathPatternRequestMatcher login) {
      this.throttle = throttle;
      this.audit = audit;
      this.login = login;
    }

    @Override
    protected void doFilterInternal(
        HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      if (login.matches(request)) {
        String name = request.getParameter("username");
        Duration wait = throttle.wait(name, request.getRemoteAddr());
        if (!wait.isZero()) {
          audit.add(
              null, "login-throttled", "username " + printable(name), request.getRemoteAddr());
          response.sendRedirect("/login?wait=" + Math.max(1, wait.toSeconds()));
          return;
        }
      }
      chain.doFilter(request, response);
    }
  }
}
