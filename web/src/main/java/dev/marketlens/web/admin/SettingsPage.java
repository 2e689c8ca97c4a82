package dev.marketlens.web.admin;

import dev.marketlens.store.ApiTokens;
import dev.marketlens.web.Page;
import dev.marketlens.web.security.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /settings}, for everyone: change one's own password, create API tokens (each shown once,
 * on the page that created it) and revoke them; admins find the links to users, accounts and the
 * audit log here.
 */
@Page
class SettingsPage {
  private final Administration admin;

  SettingsPage(Administration admin) {
    this.admin = admin;
  }

  @GetMapping("/settings")
  String settings(Authentication authentication, Model model) {
    return page(SignedIn.of(authentication), model);
  }

  @PostMapping("/settings/password")
  String password(
      @RequestParam(defaultValue = "") String current,
      @RequestParam(defaultValue = "") String password,
      @RequestParam(defaultValue = "") String repeat,
      Authentication authentication,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Model model) {
    SignedIn me = SignedIn.of(authentication);
    try {
      admin.changePassword(me, current, password, repeat, request.getRemoteAddr());
    } catch (ResponseStatusException e) {
      return refused(e, me, response, model);
    }
    redirect.addFlashAttribute("message", "Your password was changed.");
    return "redirect:/settings";
  }

  @PostMapping("/settings/tokens")
  String createToken(
      @RequestParam(defaultValue = "") String name,
      Authentication authentication,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    SignedIn me = SignedIn.of(authentication);
    try {
      ApiTokens.Created created = admin.createToken(me, name, request.getRemoteAddr());
      // Shown on this response only: it is stored hashed and cannot be shown again.
      model.addAttribute("created", created);
      response.setHeader("Cache-Control", "no-store");
    } catch (ResponseStatusException e) {
      return refused(e, me, response, model);
    }
    return page(me, model);
  }

  @PostMapping("/settings/tokens/{id}/revoke")
  String revokeToken(
      @PathVariable long id,
      Authentication authentication,
      HttpServletRequest request,
      RedirectAttributes redirect) {
    admin.revokeToken(SignedIn.of(authentication), id, request.getRemoteAddr());
    redirect.addFlashAttribute("message", "Token " + id + " was revoked.");
    return "redirect:/settings";
  }

  private String refused(
      ResponseStatusException e, SignedIn me, HttpServletResponse response, Model model) {
    response.setStatus(e.getStatusCode().value());
    model.addAttribute("error", e.getReason());
    return page(me, model);
  }

  private String page(SignedIn me, Model model) {
    model.addAttribute("tokens", admin.tokens(me));
    model.addAttribute("minPassword", Administration.MIN_PASSWORD);
    return "settings";
  }
}
