package dev.marketlens.web.sync;

import dev.marketlens.store.AppSettings;
import dev.marketlens.store.AuditLog;
import dev.marketlens.store.SyncRun;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.web.Page;
import dev.marketlens.web.security.Access;
import dev.marketlens.web.security.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /data}: per vendor account the user sees, its sync runs, a running sync's progress (the
 * fragment {@code /data/status} is polled every two seconds while one runs), the records that
 * drifted and the files imported; for analysts and admins a "Sync now" button and an upload form
 * that imports as the command line does.
 */
@Page
class DataPage {
  static final int RUNS_SHOWN = 10;
  static final int DRIFT_SHOWN = 20;
  static final int IMPORTS_SHOWN = 10;

  /** Everything the page shows about one account. */
  record AccountData(
      VendorAccount account,
      List<SyncRun> runs,
      Syncs.Live live,
      Syncs.Refusal refusal,
      long driftCount,
      List<SyncStatus.Drifted> drift,
      List<SyncStatus.ImportBatch> imports) {}

  private final Access access;
  private final Syncs syncs;
  private final SyncStatus status;
  private final Uploads uploads;
  private final AppSettings settings;
  private final AuditLog audit;

  DataPage(
      Access access,
      Syncs syncs,
      SyncStatus status,
      Uploads uploads,
      AppSettings settings,
      AuditLog audit) {
    this.audit = audit;
    this.access = access;
    this.syncs = syncs;
    this.status = status;
    this.uploads = uploads;
    this.settings = settings;
  }

  @GetMapping("/data")
  String data(Authentication authentication, Model model) {
    fill(SignedIn.of(authentication), model);
    return "data";
  }

  /** The accounts' status alone, for htmx to poll while a sync runs. */
  @GetMapping("/data/status")
  String status(Authentication authentication, Model model) {
    fill(SignedIn.of(authentication), model);
    return "data :: status";
  }

  @PostMapping("/data/sync")
  @PreAuthorize("hasAnyRole('ADMIN','ANALYST')")
  String sync(
      @RequestParam String account,
      Authentication authentication,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    VendorAccount target = SyncApi.account(access, SignedIn.of(authentication), account);
    boolean started = syncs.start(target, authentication.getName());
    if (started) {
      audit.add(
          authentication.getName(), "sync-started", "account " + target.name(), remote(request));
    }
    redirect.addFlashAttribute(
        "message",
        started
            ? "Sync of " + target.name() + " started."
            : "A sync of " + target.name() + " is already running.");
    return "redirect:/data";
  }

  @PostMapping("/data/import")
  @PreAuthorize("hasAnyRole('ADMIN','ANALYST')")
  String importFiles(
      @RequestParam String account,
      @RequestParam(name = "files", required = false) List<MultipartFile> files,
      Authentication authentication,
      HttpServletRequest request,
      Model model) {
    SignedIn user = SignedIn.of(authentication);
    VendorAccount target = SyncApi.account(access, user, account);
    List<Uploads.Outcome> outcomes =
        uploads.importFiles(
            target, files == null ? List.of() : files, user.getUsername(), request.getRemoteAddr());
    model.addAttribute("imported", outcomes);
    model.addAttribute("importedInto", target.name());
    if (outcomes.isEmpty()) {
      model.addAttribute("message", "Choose at least one file to import.");
    }
    fill(user, model);
    return "data";
  }

  private static String remote(HttpServletRequest request) {
    return request.getRemoteAddr();
  }

  private void fill(SignedIn user, Model model) {
    List<AccountData> all =
        access.visible(user).stream()
            .map(
                a ->
                    new AccountData(
                        a,
                        status.runs(a.id(), RUNS_SHOWN),
                        syncs.running(a.id()).orElse(null),
                        syncs.refusal(a.id()).orElse(null),
                        status.driftCount(a.id()),
                        status.drift(a.id(), DRIFT_SHOWN),
                        status.imports(a.id(), IMPORTS_SHOWN)))
            .toList();
    model.addAttribute("data", all);
    model.addAttribute("anyRunning", all.stream().anyMatch(d -> d.live() != null));
    model.addAttribute("canChange", user.canChangeData());
    model.addAttribute(
        "intervalMinutes", ScheduledSync.interval(settings.get(ScheduledSync.SETTING)));
  }
}
