package dev.marketlens.emulator.reporting;

import dev.marketlens.emulator.commerce.Vendor;
import dev.marketlens.emulator.quirks.Quirk;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The emulator's own controls under {@code /_emulator} (admin bearer token): the clock, the quirk
 * switches and the reporting lag.
 */
@RestController
final class AdminController {

  private final Marketplace market;

  AdminController(Marketplace market) {
    this.market = market;
  }

  /** {@code POST /_emulator/advance?days=N}: moves the clock N days (default 1) forward. */
  @PostMapping("/_emulator/advance")
  void advance(HttpServletRequest req, HttpServletResponse res) {
    int days = Access.params(req).integer("days", 1, 1);
    if (days > 3660) {
      throw ApiException.badParam("days", "Must be at most 3660, got " + days);
    }
    market.advance(days);
    status(req, res);
  }

  /** {@code POST /_emulator/quirks?on=a,b}: switches exactly these quirks on (none when empty). */
  @PostMapping("/_emulator/quirks")
  void quirks(HttpServletRequest req, HttpServletResponse res) {
    String on = Access.params(req).single("on");
    try {
      market.setQuirks(Quirk.parse(on));
    } catch (IllegalArgumentException e) {
      throw ApiException.badParam("on", e.getMessage());
    }
    status(req, res);
  }

  /** {@code POST /_emulator/reporting-lag?on=true|false}. */
  @PostMapping("/_emulator/reporting-lag")
  void lag(HttpServletRequest req, HttpServletResponse res) {
    market.setReportingLag(Access.params(req).bool("on", true));
    status(req, res);
  }

  /** {@code GET /_emulator/status}: the clock, the vendors and the switches. */
  @GetMapping("/_emulator/status")
  void status(HttpServletRequest req, HttpServletResponse res) {
    Json.write(
        res,
        200,
        g -> {
          g.writeStartObject();
          g.writeStringProperty("today", market.today().toString());
          g.writeBooleanProperty("reportingLag", market.reportingLag());
          g.writeArrayPropertyStart("quirks");
          for (Quirk q : Quirk.values()) {
            if (market.quirk(q)) {
              g.writeString(q.switchName());
            }
          }
          g.writeEndArray();
          g.writeArrayPropertyStart("vendors");
          for (Vendor v : market.vendors()) {
            g.writeStartObject();
            g.writeNumberProperty("vendorId", v.vendorId());
            g.writeStringProperty("developerId", v.developerId());
            g.writeStringProperty("name", v.name());
            VendorView view = market.view(v);
            g.writeNumberProperty("licenses", view.licenses().size());
            g.writeNumberProperty("transactions", view.transactions().size());
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        });
  }
}
