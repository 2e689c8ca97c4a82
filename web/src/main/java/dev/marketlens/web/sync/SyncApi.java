package dev.marketlens.web.sync;

import dev.marketlens.store.AuditLog;
import dev.marketlens.store.SyncRun;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.web.security.Access;
import dev.marketlens.web.security.SignedIn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * The vendor accounts, their sync runs, syncs on demand and imports, as JSON: {@code GET
 * /api/v1/accounts}, {@code GET /api/v1/sync/runs}, {@code POST /api/v1/sync/{account}}, {@code
 * POST /api/v1/imports}. Only the accounts the caller sees; never a Marketplace API token.
 */
@RestController
@Tag(name = "Data", description = "Vendor accounts, sync runs, syncs and imports")
class SyncApi {

  /** A vendor account as the API shows it: no token, only whether it has one. */
  record Account(
      String name,
      String apiVersion,
      String vendorId,
      String developerId,
      String baseUrl,
      boolean hasToken) {}

  /** A sync run of an account. */
  record Run(
      String account,
      long id,
      String kind,
      Instant startedAt,
      Instant finishedAt,
      String status,
      int created,
      int changed,
      int unchanged,
      int drifted,
      String error) {}

  /** A sync just asked for. */
  record Started(String account, String status) {}

  private final Access access;
  private final Syncs syncs;
  private final SyncStatus status;
  private final Uploads uploads;
  private final AuditLog audit;

  SyncApi(Access access, Syncs syncs, SyncStatus status, Uploads uploads, AuditLog audit) {
    this.audit = audit;
    this.access = access;
    this.syncs = syncs;
    this.status = status;
    this.uploads = uploads;
  }

  /** The account named, which the user must see (404 otherwise, as if it did not exist). */
  static VendorAccount account(Access access, SignedIn user, String name) {
    Set<Long> scope = access.scope(user, name);
    if (name == null || name.isBlank()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "account is required");
    }
    return access.visible(user).stream()
        .filter(a -> scope.contains(a.id()))
        .findFirst()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no account " + name));
  }

  @GetMapping(path = "/api/v1/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "The vendor accounts the caller sees (never their API tokens)")
  List<Account> accounts(Authentication authentication) {
    return access.visible(SignedIn.of(authentication)).stream()
        .map(
            a ->
                new Account(
                    a.name(),
                    a.apiVersion(),
                    a.vendorId(),
                    a.developerId(),
                    a.baseUrl(),
                    a.hasToken()))
        .toList();
  }

  @GetMapping(path = "/api/v1/sync/runs", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "The latest sync runs of each account the caller sees, newest first")
  List<Run> runs(
      @Parameter(description = "only this account") @RequestParam(required = false) String account,
      @Parameter(description = "runs per account, 1–500") @RequestParam(defaultValue = "20")
          int limit,
      Authentication authentication) {
    if (limit < 1 || limit > 500) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "limit must be 1–500, not " + limit);
    }
    SignedIn user = SignedIn.of(authentication);
    Set<Long> scope = access.scope(user, account);
    List<Run> runs = new ArrayList<>();
    for (VendorAccount a : access.visible(user)) {
      if (!scope.contains(a.id())) {
        continue;
      }
      for (SyncRun r : status.runs(a.id(), limit)) {
        runs.add(
            new Run(
                a.name(),
                r.id(),
                r.kind(),
                r.startedAt(),
                r.finishedAt(),
                r.status(),
                r.created(),
                r.changed(),
                r.unchanged(),
                r.drifted(),
                r.error()));
      }
    }
    return runs;
  }

  @PostMapping(path = "/api/v1/sync/{account}", produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('ADMIN','ANALYST')")
  @Operation(
      summary = "Starts a sync of the account in the background (analysts and admins)",
      description =
          "202 when started, 409 when a sync of the account is already running. The run shows"
              + " in GET /api/v1/sync/runs.")
  ResponseEntity<Started> sync(
      @PathVariable String account, Authentication authentication, HttpServletRequest request) {
    VendorAccount target = account(access, SignedIn.of(authentication), account);
    if (!syncs.start(target, authentication.getName())) {
      throw new ResponseStatusException(
          HttpStatus.CONFLICT, "a sync of account " + target.name() + " is already running");
    }
    audit.add(
        authentication.getName(),
        "sync-started",
        "account " + target.name(),
        request.getRemoteAddr());
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/sync/runs?account=" + target.name()))
        .body(new Started(target.name(), "started"));
  }

  @PostMapping(
      path = "/api/v1/imports",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @PreAuthorize("hasAnyRole('ADMIN','ANALYST')")
  @Operation(
      summary = "Imports export files into an account (analysts and admins)",
      description =
          "Multipart field files (one or more): license or transaction exports (CSV or JSON) and"
              + " remittance CSVs, each imported whole or not at all, exactly as the command"
              + " line's import. 200 when every file was imported; 400 problem JSON naming the"
              + " file, line, field and value of each refused file, with every file's outcome in"
              + " 'files'.")
  ResponseEntity<?> importFiles(
      @RequestParam String account,
      @RequestParam(name = "files", required = false) List<MultipartFile> files,
      Authentication authentication,
      HttpServletRequest request) {
    SignedIn user = SignedIn.of(authentication);
    VendorAccount target = account(access, user, account);
    if (files == null || files.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "files: no file given");
    }
    List<Uploads.Outcome> outcomes =
        uploads.importFiles(target, files, user.getUsername(), request.getRemoteAddr());
    List<String> errors =
        outcomes.stream().filter(o -> !o.ok()).map(Uploads.Outcome::error).toList();
    if (errors.isEmpty()) {
      return ResponseEntity.ok(outcomes);
    }
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            String.join("; ", errors) + " — nothing of a refused file was imported");
    problem.setTitle("File refused");
    problem.setProperty("files", outcomes);
    return ResponseEntity.badRequest()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }
}
