package dev.marketlens.web.admin;

import dev.marketlens.store.Users;
import dev.marketlens.web.Page;
import dev.marketlens.web.security.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin}, for admins only: users (role, the vendor accounts they see, disabled), vendor
 * accounts (added with their API token, which is stored encrypted and never shown again), the sync
 * interval, and {@code /admin/audit}, the latest entries of the audit log.
 */
@Page
@PreAuthorize("hasRole('ADMIN')")
class AdminPage {
  static final int AUDIT_SHOWN = 200;

  private final Administration admin;

  AdminPage(Administration admin) {
    this.admin = admin;
  }

  @GetMapping("/admin")
  String admin(Model model) {
    return page(model);
  }

  @GetMapping("/admin/audit")
  String audit(Model model) {
    model.addAttribute("entries", admin.audit(AUDIT_SHOWN));
    return "audit";
  }

  @PostMapping("/admin/users")
  String createUser(
      @RequestParam(defaultValue = "") String username,
      @RequestParam(defaultValue = "") String password,
      @RequestParam(defaultValue = "viewer") String role,
      @RequestParam(defaultValue = "false") boolean allAccounts,
      @RequestParam(name = "accounts", required = false) List<String> accounts,
      Authentication authentication,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Model model) {
    try {
      admin.createUser(
          SignedIn.of(authentication),
          username,
          password,
          role,
          allAccounts,
          accounts,
          request.getRemoteAddr());
    } catch (ResponseStatusException e) {
      return refused(e, response, model);
    }
    redirect.addFlashAttribute("message", "User " + username.strip() + " was created.");
    return "redirect:/admin";
  }

  @PostMapping("/admin/users/{id}")
  String changeUser(
      @PathVariable long id,
      @RequestParam(defaultValue = "viewer") String role,
      @RequestParam(defaultValue = "false") boolean allAccounts,
      @RequestParam(name = "accounts", required = false) List<String> accounts,
      @RequestParam(defaultValue = "false") boolean disabled,
      Authentication authentication,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Model model) {
    try {
      var user =
          admin.changeUser(
              SignedIn.of(authentication),
              id,
              role,
              allAccounts,
              accounts,
              disabled,
              request.getRemoteAddr());
      redirect.addFlashAttribute("message", "User " + user.username() + " was changed.");
    } catch (ResponseStatusException e) {
      return refused(e, response, model);
    }
    return "redirect:/admin";
  }

  @PostMapping("/admin/accounts")
  String addAccount(
      @RequestParam(defaultValue = "") String name,
      @RequestParam(required = false) String vendorId,
      @RequestParam(required = false) String developerId,
      @RequestParam(required = false) String email,
      @RequestParam(required = false) String token,
      @RequestParam(required = false) String baseUrl,
      Authentication authentication,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Model model) {
    try {
      var account =
          admin.addAccount(
              SignedIn.of(authentication),
              name,
              vendorId,
              developerId,
              email,
              token,
              baseUrl,
              request.getRemoteAddr());
      redirect.addFlashAttribute("message", "Account " + account.name() + " was added.");
    } catch (ResponseStatusException e) {
      return refused(e, response, model);
    }
    return "redirect:/admin";
  }

  @PostMapping("/admin/accounts/{name}/remove")
  String removeAccount(
      @PathVariable String name,
      @RequestParam(defaultValue = "") String confirm,
      Authentication authentication,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Model model) {
    try {
      admin.removeAccount(SignedIn.of(authentication), name, confirm, request.getRemoteAddr());
    } catch (ResponseStatusException e) {
      return refused(e, response, model);
    }
    redirect.addFlashAttribute("message", "Account " + name + " was removed.");
    return "redirect:/admin";
  }

  @PostMapping("/admin/sync-interval")
  String syncInterval(
      @RequestParam(defaultValue = "") String minutes,
      Authentication authentication,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Model model) {
    try {
      admin.setSyncInterval(SignedIn.of(authentication), minutes, request.getRemoteAddr());
    } catch (ResponseStatusException e) {
      return refused(e, response, model);
    }
    redirect.addFlashAttribute("message", "The sync interval was saved.");
    return "redirect:/admin";
  }

  private String refused(ResponseStatusException e, HttpServletResponse response, Model model) {
    response.setStatus(e.getStatusCode().value());
    model.addAttribute("error", e.getReason());
    return page(model);
  }

  private String page(Model model) {
    model.addAttribute("users", admin.users());
    model.addAttribute("vendorAccounts", admin.accounts());
    model.addAttribute("roles", Users.roles());
    model.addAttribute("interval", admin.syncInterval());
    return "admin";
  }
}
