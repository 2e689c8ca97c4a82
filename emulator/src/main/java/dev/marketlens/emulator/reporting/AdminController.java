package dev.marketlens.emulator.reporting;

import dev.marketlens.emulator.commerce.Vendor;
import dev.marketlens.emulator.quirks.Faults;
import dev.marketlens.emulator.quirks.Quirk;
import dev.marketlens.emulator.quirks.RateLimit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The emulator's own controls under {@code /_emulator} (admin bearer token): the clock, the quirk
 * switches, the faults and rate limit, and the reporting lag.
 */
@RestController
final class AdminController {

  private final Marketplace market;
  private final RequestFilter requests;

  AdminController(Marketplace market, RequestFilter requests) {
    this.market = market;
    this.requests = requests;
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

  /**
   * {@code POST /_emulator/faults?rate=5%&kinds=502,reset&rateLimit=120/min}: switches the faults
   * and the rate limit (absent: off).
   */
  @PostMapping("/_emulator/faults")
  void faults(HttpServletRequest req, HttpServletResponse res) {
    Params p = Access.params(req);
    Faults faults = Faults.NONE;
    int perMinute = 0;
    try {
      String rate = p.single("rate");
      if (rate != null && !rate.isBlank()) {
        String kinds = p.single("kinds");
        faults =
            new Faults(
                Faults.parseRate(rate),
                kinds == null || kinds.isBlank() ? Faults.ALL : Faults.parseKinds(kinds));
      }
    } catch (IllegalArgumentException e) {
      throw ApiException.badParam("rate", e.getMessage());
    }
    try {
      String limit = p.single("rateLimit");
      if (limit != null && !limit.isBlank()) {
        perMinute = RateLimit.parsePerMinute(limit);
      }
    } catch (IllegalArgumentException e) {
      throw ApiException.badParam("rateLimit", e.getMessage());
    }
    requests.setFaults(faults, perMinute);
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
          Faults faults = requests.faults();
          g.writeObjectPropertyStart("faults");
          g.writeNumberProperty("ratePpm", faults.ppm());
          g.writeArrayPropertyStart("kinds");
          for (Faults.Fault f : faults.kinds()) {
            g.writeString(f.switchName());
          }
          g.writeEndArray();
          g.writeNumberProperty("rateLimitPerMinute", requests.rateLimitPerMinute());
          g.writeEndObject();
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
