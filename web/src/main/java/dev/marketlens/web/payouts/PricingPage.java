package dev.marketlens.web.payouts;

import dev.marketlens.payouts.pricing.PriceAudit;
import dev.marketlens.payouts.pricing.PricingTables;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.web.Page;
import dev.marketlens.web.Params;
import dev.marketlens.web.revenue.Filters;
import dev.marketlens.web.security.SignedIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /payouts/pricing}: the account's price book with a form to add, change or remove a price
 * and to import a CSV (analysts and admins); the price audit (lines by rule, the unexplained lines
 * with their arithmetic); the cloud–server guidance, the normalised guidance against a reference
 * table pasted in; and the impact of a price change as a chart of MRR. The numbers are the rows of
 * the pricing API.
 */
@Page
class PricingPage {
  /** Unexplained lines shown on the page; the API and CSV give them all. */
  static final int SHOWN = 200;

  private final Pricing pricing;
  private final Clock clock;
  private final JsonMapper json;

  PricingPage(Pricing pricing, Clock clock, JsonMapper json) {
    this.pricing = pricing;
    this.clock = clock;
    this.json = json;
  }

  @GetMapping("/payouts/pricing")
  String page(@ModelAttribute("filters") Filters filters, Authentication auth, Model model) {
    return render(filters, auth, model, null, null, null, null);
  }

  @PostMapping("/payouts/pricing/prices")
  String save(
      @ModelAttribute("filters") Filters filters,
      @RequestParam(defaultValue = "") String app,
      @RequestParam(defaultValue = "") String hosting,
      @RequestParam(defaultValue = "") String effectiveFrom,
      @RequestParam(defaultValue = "") String tier,
      @RequestParam(defaultValue = "") String price,
      @RequestParam(defaultValue = "") String renewalPrice,
      Authentication auth,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Model model) {
    SignedIn me = SignedIn.of(auth);
    try {
      VendorAccount account = pricing.account(me, filters.account(), true);
      var row =
          pricing.save(
              me,
              account,
              app,
              hosting,
              effectiveFrom,
              tier,
              price,
              renewalPrice,
              request.getRemoteAddr());
      redirect.addFlashAttribute(
          "message",
          "Saved "
              + row.app()
              + " "
              + row.hosting().wire()
              + " "
              + row.tier()
              + " from "
              + row.effectiveFrom()
              + ".");
      return back(account);
    } catch (ResponseStatusException e) {
      return refused(e, filters, auth, response, model);
    }
  }

  @PostMapping("/payouts/pricing/prices/remove")
  String remove(
      @ModelAttribute("filters") Filters filters,
      @RequestParam(defaultValue = "") String app,
      @RequestParam(defaultValue = "") String hosting,
      @RequestParam(defaultValue = "") String effectiveFrom,
      @RequestParam(defaultValue = "") String tier,
      Authentication auth,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Model model) {
    SignedIn me = SignedIn.of(auth);
    try {
      VendorAccount account = pricing.account(me, filters.account(), true);
      pricing.remove(me, account, app, hosting, effectiveFrom, tier, request.getRemoteAddr());
      redirect.addFlashAttribute(
          "message",
          "Removed " + app + " " + hosting + " " + tier + " from " + effectiveFrom + ".");
      return back(account);
    } catch (ResponseStatusException e) {
      return refused(e, filters, auth, response, model);
    }
  }

  @PostMapping("/payouts/pricing/import")
  String importBook(
      @ModelAttribute("filters") Filters filters,
      @RequestParam(required = false) MultipartFile file,
      Authentication auth,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Model model)
      throws IOException {
    SignedIn me = SignedIn.of(auth);
    try {
      VendorAccount account = pricing.account(me, filters.account(), true);
      if (file == null || file.isEmpty()) {
        throw Params.bad("choose a price book CSV to import");
      }
      String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
      int prices =
          pricing.importBook(
              me,
              account,
              new String(file.getBytes(), StandardCharsets.UTF_8),
              name,
              request.getRemoteAddr());
      redirect.addFlashAttribute("message", "Imported " + prices + " prices from " + name + ".");
      return back(account);
    } catch (ResponseStatusException e) {
      return refused(e, filters, auth, response, model);
    }
  }

  @PostMapping("/payouts/pricing/impact")
  String impact(
      @ModelAttribute("filters") Filters filters,
      @RequestParam(defaultValue = "") String book,
      @RequestParam(defaultValue = "") String effective,
      Authentication auth,
      HttpServletResponse response,
      Model model) {
    try {
      VendorAccount account = pricing.account(SignedIn.of(auth), filters.account(), true);
      LocalDate from = Pricing.day("effective", effective, null);
      List<Map<String, Object>> rows =
          pricing.impact(account, book, from, LocalDate.now(clock)).objects();
      return render(filters, auth, model, rows, book, effective, null);
    } catch (ResponseStatusException e) {
      model.addAttribute("impactBook", book);
      model.addAttribute("effective", effective);
      return refused(e, filters, auth, response, model);
    }
  }

  @PostMapping("/payouts/pricing/guidance")
  String normalised(
      @ModelAttribute("filters") Filters filters,
      @RequestParam(defaultValue = "") String reference,
      Authentication auth,
      HttpServletResponse response,
      Model model) {
    try {
      VendorAccount account = pricing.account(SignedIn.of(auth), filters.account(), true);
      List<Map<String, Object>> rows =
          pricing.normalised(account, reference, LocalDate.now(clock)).objects();
      return render(filters, auth, model, null, null, null, rows);
    } catch (ResponseStatusException e) {
      model.addAttribute("reference", reference);
      return refused(e, filters, auth, response, model);
    }
  }

  private static String back(VendorAccount account) {
    return "redirect:/payouts/pricing?account="
        + UriUtils.encodeQueryParam(account.name(), StandardCharsets.UTF_8);
  }

  private String refused(
      ResponseStatusException e,
      Filters filters,
      Authentication auth,
      HttpServletResponse response,
      Model model) {
    response.setStatus(e.getStatusCode().value());
    model.addAttribute("error", e.getReason());
    return render(filters, auth, model, null, null, null, null);
  }

  private String render(
      Filters filters,
      Authentication auth,
      Model model,
      List<Map<String, Object>> impact,
      String impactBook,
      String effective,
      List<Map<String, Object>> normalised) {
    VendorAccount account = pricing.account(SignedIn.of(auth), filters.account(), true);
    PriceAudit.Result audit = pricing.audit(account);
    List<Map<String, Object>> unexplained = PricingTables.audit(audit.unexplained()).objects();
    model.addAttribute("account", account.name());
    model.addAttribute("book", pricing.bookTable(account).objects());
    model.addAttribute("byRule", PricingTables.auditByRule(audit).objects());
    model.addAttribute("audited", audit.lines().size());
    model.addAttribute("unexplainedCount", unexplained.size());
    model.addAttribute("unexplained", unexplained.subList(0, Math.min(SHOWN, unexplained.size())));
    model.addAttribute("guidance", pricing.cloudServer(account, LocalDate.now(clock)).objects());
    model.addAttribute("normalised", normalised);
    model.addAttribute("impact", impact);
    if (impact != null) {
      model.addAttribute("impactChart", json.writeValueAsString(chart(impact)));
    }
    if (!model.containsAttribute("impactBook")) {
      model.addAttribute("impactBook", impactBook == null ? "" : impactBook);
    }
    if (!model.containsAttribute("effective")) {
      model.addAttribute(
          "effective", effective == null ? LocalDate.now(clock).plusDays(1).toString() : effective);
    }
    if (!model.containsAttribute("reference")) {
      model.addAttribute("reference", "Users,Average Annual Price\n10,\n100,\n250,\n1000,\n");
    }
    return "payouts/pricing";
  }

  /** Baseline and projected MRR by month, in cents. */
  private static Map<String, Object> chart(List<Map<String, Object>> rows) {
    List<Object> months = new ArrayList<>();
    List<Object> base = new ArrayList<>();
    List<Object> projected = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      months.add(r.get("month"));
      base.add(r.get("baselineMrr"));
      projected.add(r.get("projectedMrr"));
    }
    Map<String, Object> chart = new LinkedHashMap<>();
    chart.put("x", months);
    chart.put(
        "series",
        List.of(
            Map.of("name", "MRR at today's prices", "values", base),
            Map.of("name", "MRR with the change", "values", projected)));
    chart.put("money", true);
    return chart;
  }
}
