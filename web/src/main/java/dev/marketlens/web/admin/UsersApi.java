package dev.marketlens.web.admin;

import dev.marketlens.web.Params;
import dev.marketlens.web.security.SignedIn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The users, for admins: {@code GET /api/v1/admin/users} lists them (never a password hash), {@code
 * POST} creates one.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Users", description = "Users of the application (admins only)")
class UsersApi {

  /** A user to create: the vendor accounts they see by name, or all. */
  record NewUser(
      String username, String password, String role, Boolean allAccounts, List<String> accounts) {
    @Override
    public String toString() {
      return "NewUser[" + username + ", " + role + ", password=(hidden)]";
    }
  }

  private final Administration admin;

  UsersApi(Administration admin) {
    this.admin = admin;
  }

  @GetMapping(path = "/api/v1/admin/users", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Every user: role, the accounts they see, whether disabled")
  List<Administration.UserView> list() {
    return admin.users();
  }

  @PostMapping(
      path = "/api/v1/admin/users",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Creates a user (role admin, analyst or viewer; accounts by name, or all)")
  ResponseEntity<Administration.UserView> create(
      @RequestBody NewUser body, Authentication authentication, HttpServletRequest request) {
    if (body == null) {
      throw Params.bad("a JSON body with username, password, role is required");
    }
    Administration.UserView user =
        admin.createUser(
            SignedIn.of(authentication),
            body.username(),
            body.password(),
            body.role(),
            Boolean.TRUE.equals(body.allAccounts()),
            body.accounts(),
            request.getRemoteAddr());
    return ResponseEntity.created(URI.create("/api/v1/admin/users/" + user.id())).body(user);
  }
}
