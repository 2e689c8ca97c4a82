package dev.marketlens.web.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /login}: the sign-in form (fields {@code username}, {@code password}, CSRF token). */
@Controller
class LoginPage {
  @GetMapping("/login")
  String login() {
    return "login";
  }
}
