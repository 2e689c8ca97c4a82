package dev.marketlens.web;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;

/**
 * A page's refusal (a bad filter, a record the user may not see) as an HTML page that says what is
 * wrong; the REST API answers the same as problem JSON.
 */
@ControllerAdvice(annotations = Page.class)
// Before Spring Boot's problem-details handler (order 0), which would answer pages with JSON too.
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

  @ExceptionHandler(ResponseStatusException.class)
  String refused(ResponseStatusException e, HttpServletResponse response, Model model) {
    HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
    response.setStatus(status.value());
    model.addAttribute("status", status.value());
    model.addAttribute("error", status.getReasonPhrase());
    model.addAttribute("message", e.getReason());
    return "error";
  }
}
