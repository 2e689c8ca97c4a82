package dev.marketlens.web.payouts;

import dev.marketlens.metrics.Records;
import dev.marketlens.metrics.report.ReportTable;
import dev.marketlens.payouts.pricing.PriceAudit;
import dev.marketlens.payouts.pricing.PriceBook;
import dev.marketlens.payouts.pricing.PriceBookCsv;
import dev.marketlens.payouts.pricing.PriceBookException;
import dev.marketlens.payouts.pricing.PriceGuidance;
import dev.marketlens.payouts.pricing.PriceImpact;
import dev.marketlens.payouts.pricing.PricingTables;
import dev.marketlens.store.AuditLog;
import dev.marketlens.store.Database;
import dev.marketlens.store.PriceBooks;
import dev.marketlens.store.VendorAccount;
import dev.marketlens.web.Params;
import dev.marketlens.web.revenue.RevenueBooks;
import dev.marketlens.web.security.Access;
import dev.marketlens.web.security.SignedIn;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Pricing for the page and the API: the price book of one vendor account the user may see, its
 * changes (analysts and admins, audited), and the price audit, guidance and impact as the same
 * report tables the command line prints.
 */
@Component
class Pricing {
  private final PriceBooks books;
  private final RevenueBooks revenue;
  private final Access access;
  private final AuditLog audit;

  Pricing(Database database, RevenueBooks revenue, Access access, AuditLog audit) {
    this.books = new PriceBooks(database);
    this.revenue = revenue;
    this.access = access;
    this.audit = audit;
  }

  /**
   * The account a request is about: the named one (404 when the user may not see it), or the only
   * one the user sees; with several, the first by name when {@code firstIfSeveral}, else 400.
   */
  VendorAccount account(SignedIn user, String name, boolean firstIfSeveral) {
    Set<Long> scope = access.scope(user, name);
    List<VendorAccount> visible =
        access.visible(user).stream().filter(a -> scope.contains(a.id())).toList();
    if (visible.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no account to price");
    }
    if (visible.size() > 1 && !firstIfSeveral) {
      throw Params.bad(
          "pricing works on one account: say which with account=NAME ("
              + String.join(", ", visible.stream().map(VendorAccount::name).sorted().toList())
              + ")");
    }
    return visible.stream()
        .sorted(java.util.Comparator.comparing(VendorAccount::name))
        .findFirst()
        .orElseThrow();
  }

  PriceBook book(VendorAccount account) {
    return StoredPriceBooks.read(books, account.id());
  }

  ReportTable bookTable(VendorAccount account) {
    return PricingTables.book(book(account));
  }

  /** The account's audit, kept while its records and its price book are the same. */
  PriceAudit.Result audit(VendorAccount account) {
    PriceBook book = book(account);
    return revenue.derived(
        Set.of(account.id()),
        List.of("price-audit", book.rows()),
        loaded -> PriceAudit.audit(book, loaded.allLines(), loaded.licenses()));
  }

  ReportTable auditTable(VendorAccount account, boolean all, boolean byRule) {
    PriceAudit.Result result = audit(account);
    return byRule
        ? PricingTables.auditByRule(result)
        : PricingTables.audit(all ? result.lines() : result.unexplained());
  }

  ReportTable cloudServer(VendorAccount account, LocalDate day) {
    return PricingTables.cloudServer(PriceGuidance.cloudServer(book(account), day));
  }

  ReportTable normalised(VendorAccount account, String referenceCsv, LocalDate day) {
    List<PriceGuidance.Reference> reference;
    try {
      reference = PriceGuidance.readReference(referenceCsv, "reference table");
    } catch (PriceBookException e) {
      throw Params.bad(e.getMessage());
    }
    return PricingTables.normalised(PriceGuidance.normalised(book(account), reference, day));
  }

  ReportTable impact(VendorAccount account, String bookCsv, LocalDate effective, LocalDate asOf) {
    PriceBook change = read(bookCsv, "new price book");
    Records.Loaded loaded = revenue.loaded(Set.of(account.id()));
    return PricingTables.impact(
        PriceImpact.project(
            book(account), change, effective, PriceImpact.subscriptions(loaded.allLines(), asOf)));
  }

  /** Imports a price book CSV, all or nothing; returns the prices imported. */
  int importBook(SignedIn user, VendorAccount account, String csv, String source, String remote) {
    requireChange(user);
    PriceBook book = read(csv, source);
    int plans = books.importPlans(account.id(), StoredPriceBooks.prices(book));
    audit.add(
        user.getUsername(),
        "price-book-imported",
        account.name()
            + ": "
            + book.rows().size()
            + " prices in "
            + plans
            + " plans from "
            + source,
        remote);
    return book.rows().size();
  }

  /** Saves one price entered in a form; bad fields are a 400 naming the field and value. */
  PriceBook.Row save(
      SignedIn user,
      VendorAccount account,
      String app,
      String hosting,
      String effectiveFrom,
      String tier,
      String price,
      String renewalPrice,
      String remote) {
    requireChange(user);
    PriceBook.Row row;
    try {
      row = PriceBookCsv.price("price", app, hosting, effectiveFrom, tier, price, renewalPrice);
    } catch (PriceBookException e) {
      throw Params.bad(e.getMessage());
    }
    books.put(account.id(), StoredPriceBooks.price(row));
    audit.add(
        user.getUsername(),
        "price-saved",
        account.name()
            + ": "
            + row.app()
            + " "
            + row.hosting().wire()
            + " from "
            + row.effectiveFrom()
            + " "
            + row.tier()
            + " = "
            + row.price()
            + " cents",
        remote);
    return row;
  }

  /** Removes one price; 404 when there is none. */
  void remove(
      SignedIn user,
      VendorAccount account,
      String app,
      String hosting,
      String effectiveFrom,
      String tier,
      String remote) {
    requireChange(user);
    PriceBook.Row row;
    try {
      row = PriceBookCsv.price("price", app, hosting, effectiveFrom, tier, "0", "");
    } catch (PriceBookException e) {
      throw Params.bad(e.getMessage());
    }
    if (!books.remove(
        account.id(), row.app(), row.hosting(), row.effectiveFrom(), row.tier().toString())) {
      throw new ResponseStatusException(
          HttpStatus.NOT_FOUND,
          "no price for " + app + " " + hosting + " from " + effectiveFrom + " " + tier);
    }
    audit.add(
        user.getUsername(),
        "price-removed",
        account.name()
            + ": "
            + row.app()
            + " "
            + row.hosting().wire()
            + " from "
            + row.effectiveFrom()
            + " "
            + row.tier(),
        remote);
  }

  private static void requireChange(SignedIn user) {
    if (!user.canChangeData()) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN, "only analysts and admins change price books");
    }
  }

  static PriceBook read(String csv, String source) {
    try {
      return PriceBookCsv.read(csv == null ? "" : csv, source);
    } catch (PriceBookException e) {
      throw Params.bad(e.getMessage());
    }
  }

  static LocalDate day(String name, String text, LocalDate otherwise) {
    if (text == null || text.isBlank()) {
      if (otherwise == null) {
        throw Params.bad(name + " is required, as YYYY-MM-DD");
      }
      return otherwise;
    }
    try {
      return LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw Params.bad(name + " must be a day as YYYY-MM-DD, not '" + text + "'");
    }
  }
}
