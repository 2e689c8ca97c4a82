package dev.marketlens.web.admin;

import dev.marketlens.store.ApiTokens;
import dev.marketlens.web.security.SignedIn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own API tokens: {@code GET /api/v1/tokens} lists them (never the token), {@code
 * POST} creates one and returns it this once, {@code DELETE /api/v1/tokens/{id}} revokes one.
 */
@RestController
@Tag(name = "API tokens", description = "The caller's own API tokens")
class TokensApi {

  /** A token as listed. */
  record Token(
      long id,
      String name,
      String prefix,
      Instant createdAt,
      Instant lastUsedAt,
      Instant revokedAt) {
    static Token of(ApiTokens.Listed t) {
      return new Token(t.id(), t.name(), t.prefix(), t.createdAt(), t.lastUsedAt(), t.revokedAt());
    }
  }

  /** A token just created, with the token itself: the only time it is shown. */
  record CreatedToken(long id, String name, String prefix, Instant createdAt, String token) {
    @Override
    public String toString() {
      return "CreatedToken[" + id + ", " + name + ", token=(hidden)]";
    }
  }

  /** What to create: a name that says what the token is for. */
  record NewToken(String name) {}

  private final Administration admin;

  TokensApi(Administration admin) {
    this.admin = admin;
  }

  @GetMapping(path = "/api/v1/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "The caller's API tokens, newest first, revoked ones included")
  List<Token> list(Authentication authentication) {
    return admin.tokens(SignedIn.of(authentication)).stream().map(Token::of).toList();
  }

  @PostMapping(
      path = "/api/v1/tokens",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Creates an API token for the caller",
      description = "The response holds the token; it is stored hashed and never shown again.")
  ResponseEntity<CreatedToken> create(
      @RequestBody NewToken body, Authentication authentication, HttpServletRequest request) {
    ApiTokens.Created created =
        admin.createToken(
            SignedIn.of(authentication),
            body == null ? null : body.name(),
            request.getRemoteAddr());
    ApiTokens.Listed t = created.listed();
    return ResponseEntity.created(URI.create("/api/v1/tokens/" + t.id()))
        .cacheControl(CacheControl.noStore())
        .body(new CreatedToken(t.id(), t.name(), t.prefix(), t.createdAt(), created.token()));
  }

  @DeleteMapping("/api/v1/tokens/{id}")
  @Operation(summary = "Revokes one of the caller's tokens (404 when there is no such live token)")
  ResponseEntity<Void> revoke(
      @PathVariable long id, Authentication authentication, HttpServletRequest request) {
    admin.revokeToken(SignedIn.of(authentication), id, request.getRemoteAddr());
    return ResponseEntity.noContent().build();
  }
}
