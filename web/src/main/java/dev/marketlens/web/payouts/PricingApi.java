package dev.marketlens.web.payouts;

import dev.marketlens.metrics.report.ReportTable;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.web.security.SignedIn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/pricing/...}: the price book of one account (read, import a CSV, save or remove
 * one price) and the price audit, guidance and impact — the rows the command line's {@code
 * marketlens pricing ... --format json} prints.
 */
@RestController
@Tag(name = "Pricing", description = "Price books, the price audit, guidance and impact")
class PricingApi {
  private final Pricing pricing;
  private final Clock clock;

  PricingApi(Pricing pricing, Clock clock) {
    this.pricing = pricing;
    this.clock = clock;
  }

  private VendorAccount account(Authentication auth, String account) {
    return pricing.account(SignedIn.of(auth), account, false);
  }

  @GetMapping(
      path = "/api/v1/pricing/book",
      produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  @Operation(
      summary = "The price book",
      description =
          "One row per tier price: app, hosting, effectiveFrom, tier, price and renewalPrice in"
              + " cents (a month for Cloud, a year for Server and Data Center). account: the"
              + " vendor account (needed when the caller sees several); format=csv for CSV.")
  ResponseEntity<?> book(
      @RequestParam(required = false) String account,
      @RequestParam(required = false) String format,
      Authentication auth) {
    return respond(pricing.bookTable(account(auth, account)), format, "price-book");
  }

  @PostMapping(path = "/api/v1/pricing/book", consumes = "text/csv")
  @PreAuthorize("hasAnyRole('ADMIN','ANALYST')")
  @Operation(
      summary = "Import a price book CSV",
      description =
          "Body: the price book CSV (App Key, Hosting, Effective From, Tier, Price, Renewal"
              + " Price). All or nothing; each plan in it replaces the stored plan of the same app,"
              + " hosting and effective date. Analysts and admins.")
  Map<String, Object> importBook(
      @RequestParam(required = false) String account,
      @RequestBody String csv,
      Authentication auth,
      HttpServletRequest request) {
    VendorAccount target = account(auth, account);
    int prices =
        pricing.importBook(SignedIn.of(auth), target, csv, "request body", request.getRemoteAddr());
    return Map.of("account", target.name(), "prices", prices);
  }

  @PutMapping("/api/v1/pricing/book/prices")
  @PreAuthorize("hasAnyRole('ADMIN','ANALYST')")
  @Operation(
      summary = "Save one price",
      description =
          "Adds or changes the price of one tier of one plan: app, hosting, effectiveFrom"
              + " (YYYY-MM-DD), tier (\"100 Users\"), price and renewalPrice in US dollars.")
  Map<String, Object> save(
      @RequestParam(required = false) String account,
      @RequestParam String app,
      @RequestParam String hosting,
      @RequestParam String effectiveFrom,
      @RequestParam String tier,
      @RequestParam String price,
      @RequestParam(required = false) String renewalPrice,
      Authentication auth,
      HttpServletRequest request) {
    VendorAccount target = account(auth, account);
    var row =
        pricing.save(
            SignedIn.of(auth),
            target,
            app,
            hosting,
            effectiveFrom,
            tier,
            price,
            renewalPrice,
            request.getRemoteAddr());
    return Map.of(
        "app", row.app(),
        "hosting", row.hosting().wire(),
        "effectiveFrom", row.effectiveFrom().toString(),
        "tier", row.tier().toString(),
        "price", row.price());
  }

  @DeleteMapping("/api/v1/pricing/book/prices")
  @PreAuthorize("hasAnyRole('ADMIN','ANALYST')")
  @Operation(summary = "Remove one price", description = "app, hosting, effectiveFrom, tier.")
  ResponseEntity<Void> remove(
      @RequestParam(required = false) String account,
      @RequestParam String app,
      @RequestParam String hosting,
      @RequestParam String effectiveFrom,
      @RequestParam String tier,
      Authentication auth,
      HttpServletRequest request) {
    pricing.remove(
        SignedIn.of(auth),
        account(auth, account),
        app,
        hosting,
        effectiveFrom,
        tier,
        request.getRemoteAddr());
    return ResponseEntity.noContent().build();
  }

  @GetMapping(
      path = "/api/v1/pricing/audit",
      produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  @Operation(
      summary = "The price audit",
      description =
          "Each transaction line priced from the price book; by default the lines the book does"
              + " not explain, with the arithmetic. all=true: every line; byRule=true: lines"
              + " counted by rule. Same rows as marketlens pricing audit --format json.")
  ResponseEntity<?> audit(
      @RequestParam(required = false) String account,
      @RequestParam(defaultValue = "false") boolean all,
      @RequestParam(defaultValue = "false") boolean byRule,
      @RequestParam(required = false) String format,
      Authentication auth) {
    return respond(pricing.auditTable(account(auth, account), all, byRule), format, "price-audit");
  }

  @GetMapping(
      path = "/api/v1/pricing/guidance",
      produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  @Operation(
      summary = "Cloud–server price ratio guidance",
      description =
          "Seed 004's cloud–server ratio per cloud tier, from the plans in force on asOf"
              + " (YYYY-MM-DD, default today).")
  ResponseEntity<?> guidance(
      @RequestParam(required = false) String account,
      @Parameter(description = "YYYY-MM-DD") @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String format,
      Authentication auth) {
    LocalDate day = Pricing.day("asOf", asOf, LocalDate.now(clock));
    return respond(pricing.cloudServer(account(auth, account), day), format, "price-guidance");
  }

  @PostMapping(
      path = "/api/v1/pricing/guidance/normalised",
      consumes = "text/csv",
      produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  @Operation(
      summary = "Normalised price ratio guidance",
      description =
          "Body: the reference table as CSV (Users, Average Annual Price: the average annual"
              + " Data Center price for that many users; a row for 100 users needed). Seed 004's"
              + " normalised guidance per tier.")
  ResponseEntity<?> normalised(
      @RequestParam(required = false) String account,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String format,
      @RequestBody(required = false) String reference,
      Authentication auth) {
    LocalDate day = Pricing.day("asOf", asOf, LocalDate.now(clock));
    return respond(
        pricing.normalised(account(auth, account), reference == null ? "" : reference, day),
        format,
        "price-guidance-normalised");
  }

  @PostMapping(
      path = "/api/v1/pricing/impact",
      consumes = "text/csv",
      produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
  @Operation(
      summary = "Impact of a price change",
      description =
          "Body: the new prices as a price book CSV. effective (YYYY-MM-DD): the first day of the"
              + " new prices; asOf: the day whose paying subscriptions are projected (default"
              + " today). 12 months of baseline and projected MRR and renewal revenue, with the"
              + " 60-day override (SR-C3).")
  ResponseEntity<?> impact(
      @RequestParam(required = false) String account,
      @RequestParam(required = false) String effective,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String format,
      @RequestBody(required = false) String book,
      Authentication auth) {
    LocalDate from = Pricing.day("effective", effective, null);
    LocalDate day = Pricing.day("asOf", asOf, LocalDate.now(clock));
    return respond(pricing.impact(account(auth, account), book, from, day), format, "price-impact");
  }

  /** A table as JSON, or as a CSV attachment when {@code format} is csv. */
  static ResponseEntity<?> respond(ReportTable table, String format, String name) {
    if ("csv".equalsIgnoreCase(format)) {
      StringWriter csv = new StringWriter();
      table.print(ReportTable.Format.CSV, new PrintWriter(csv));
      return ResponseEntity.ok()
          .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".csv\"")
          .body(csv.toString());
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(table.objects());
  }
}
