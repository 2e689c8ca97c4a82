package dev.marketlens.payouts.pricing;

import dev.marketlens.model.BillingPeriod;
import dev.marketlens.model.DiscountType;
import dev.marketlens.model.Hosting;
import dev.marketlens.model.PartnerType;
import dev.marketlens.model.SaleType;
import dev.marketlens.model.Tier;
import dev.marketlens.model.id.LicenseIds;
import dev.marketlens.model.license.License;
import dev.marketlens.model.transaction.TransactionLine;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The price audit: each transaction line priced from a {@link PriceBook} — tier, billing period
 * (cloud annual = 10 × monthly, SR-C1), proration, the 60-day price override for existing customers
 * (SR-C3) and cloud evaluators (SR-C4), upgrades priced as the difference for the rest of the term,
 * and the {@code discounts[]} array (SR-D1, SR-D6: list price − discounts = purchase price; SR-D7:
 * Solution Partner discounts only for Expert partners) — with the arithmetic of every line the book
 * does not explain.
 */
public final class PriceAudit {

  /** Seed 004 (SR-C3): existing customers keep the old price for 60 days after a change. */
  public static final int OVERRIDE_DAYS = 60;

  /** The rule that priced a line, or the reason it could not be priced. */
  public enum Rule {
    /** A whole term at the plan in force on the sale date. */
    LIST_PRICE("list price"),
    /** Part of a term: the annualised price × days / 365. */
    PRORATED("prorated"),
    /** SR-C3: an existing customer on the same tier within 60 days of a price rise. */
    OVERRIDE_EXISTING_CUSTOMER("SR-C3 60-day override"),
    /** SR-C4: a cloud evaluator who started before a price rise, buying before the end. */
    OVERRIDE_CLOUD_EVALUATOR("SR-C4 evaluator override"),
    /** An upgrade: the difference of the two tiers' prices for the rest of the term. */
    UPGRADE("upgrade difference"),
    /** A refund of the original sale: all of it, or the unused remainder. */
    REFUND("refund"),
    /** No plan of the book covers the app, hosting and sale date, or the plan lacks the tier. */
    NO_PRICE("no price in the book"),
    /** The line has no priced tier (evaluation or empty). */
    NO_TIER("no tier"),
    /** A refund whose original sale is not among the lines. */
    NO_ORIGINAL("original sale not found"),
    /** SR-D7: an EXPERT (Solution Partner) discount on a line without an Expert partner. */
    EXPERT_WITHOUT_PARTNER("SR-D7 EXPERT discount without an Expert partner"),
    /** The book's price and the line's list price differ. */
    DIFFERENCE("price differs");

    private final String label;

    Rule(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * One audited line.
   *
   * @param termPrice the whole-term list price the book gives, or null
   * @param expectedList what the line should list at, or null when the book has no price
   * @param discounts the sum of {@code discounts[]}
   * @param expectedPurchase {@code expectedList − discounts}, or null
   * @param actual the line's purchase price
   * @param difference {@code actual − expectedPurchase}, or null
   * @param tried the rules tried, in order
   * @param arithmetic how the expected price was reached
   */
  public record Line(
      String lineItemId,
      String transactionId,
      LocalDate saleDate,
      String app,
      Hosting hosting,
      BillingPeriod billingPeriod,
      String tier,
      SaleType saleType,
      Long termPrice,
      Long expectedList,
      long discounts,
      Long expectedPurchase,
      long actual,
      Long difference,
      Rule rule,
      boolean explained,
      String tried,
      String arithmetic) {}

  /** The audit: every line, and the count by rule of explained and unexplained lines. */
  public record Result(List<Line> lines, int skipped) {

    public List<Line> unexplained() {
      return lines.stream().filter(l -> !l.explained()).toList();
    }

    /** Lines per rule: [explained, unexplained]. */
    public Map<Rule, long[]> byRule() {
      Map<Rule, long[]> counts = new LinkedHashMap<>();
      for (Rule r : Rule.values()) {
        counts.put(r, new long[2]);
      }
      for (Line l : lines) {
        counts.get(l.rule())[l.explained() ? 0 : 1]++;
      }
      counts.values().removeIf(c -> c[0] == 0 && c[1] == 0);
      return counts;
    }
  }

  private record Candidate(Rule rule, long termPrice, long list, String arithmetic, String doubt) {}

  private final PriceBook book;
  private final Map<String, List<Integer>> linesOfId = new HashMap<>();
  private final Map<String, License> licenseOfId = new HashMap<>();
  private final List<TransactionLine> lines;

  private PriceAudit(PriceBook book, List<TransactionLine> lines, List<License> licenses) {
    this.book = book;
    this.lines = lines;
    for (int i = 0; i < lines.size(); i++) {
      for (String id : ids(lines.get(i).licenseIds())) {
        linesOfId.computeIfAbsent(id, k -> new ArrayList<>()).add(i);
      }
    }
    for (License l : licenses) {
      for (String id : ids(l.ids())) {
        License known = licenseOfId.get(id);
        if (known == null || l.lastUpdated().isAfter(known.lastUpdated())) {
          licenseOfId.put(id, l);
        }
      }
    }
  }

  /**
   * Audits every line with a sale type (manual invoices without one are counted as skipped).
   *
   * @param lines every transaction line of the account (the latest version of each)
   * @param licenses the account's licenses (their evaluation dates show SR-C4 evaluators)
   */
  public static Result audit(PriceBook book, List<TransactionLine> lines, List<License> licenses) {
    PriceAudit audit = new PriceAudit(book, lines, licenses);
    List<Line> out = new ArrayList<>();
    int skipped = 0;
    for (int i = 0; i < lines.size(); i++) {
      TransactionLine t = lines.get(i);
      if (t.saleType() == null) {
        skipped++;
        continue;
      }
      out.add(audit.line(i));
    }
    out.sort(
        Comparator.comparing(Line::saleDate)
            .thenComparing(Line::transactionId)
            .thenComparing(Line::lineItemId));
    return new Result(List.copyOf(out), skipped);
  }

  private Line line(int index) {
    TransactionLine t = lines.get(index);
    long discounts = t.discountTotal().cents();
    long actualList = t.purchasePrice().cents() + discounts;
    if (t.isRefund()) {
      return refund(index, t);
    }
    if (t.discountOf(DiscountType.EXPERT).isPositive()
        && (t.partner() == null || t.partner().type() != PartnerType.EXPERT)) {
      return result(
          t,
          null,
          null,
          Rule.EXPERT_WITHOUT_PARTNER,
          false,
          "",
          "EXPERT discount "
              + dollars(t.discountOf(DiscountType.EXPERT).cents())
              + " with partner "
              + (t.partner() == null ? "none" : t.partner().type()));
    }
    if (!priced(t.tier())) {
      return result(
          t, null, null, Rule.NO_TIER, false, "", "tier \"" + t.tier() + "\" has no price");
    }
    var plan = book.planOn(t.app().value(), t.hosting(), t.saleDate());
    if (plan.isEmpty()) {
      return result(
          t,
          null,
          null,
          Rule.NO_PRICE,
          false,
          "",
          "no plan for " + t.app().value() + " " + t.hosting().wire() + " on " + t.saleDate());
    }
    List<Candidate> candidates =
        t.saleType() == SaleType.UPGRADE
            ? upgrade(index, t, plan.get())
            : term(index, t, plan.get());
    if (candidates.isEmpty()) {
      return result(
          t,
          null,
          null,
          Rule.NO_PRICE,
          false,
          "",
          "the plan from "
              + plan.get().effectiveFrom()
              + " has no "
              + t.billingPeriod().wire()
              + " price for "
              + t.tier());
    }
    Set<String> tried = new LinkedHashSet<>();
    for (Candidate c : candidates) {
      tried.add(c.rule().label());
    }
    String triedText = String.join(", ", tried);
    for (Candidate c : candidates) {
      if (c.list() == actualList) {
        if (c.doubt() != null) {
          return result(
              t,
              c.termPrice(),
              c.list(),
              c.rule(),
              false,
              triedText,
              c.arithmetic() + "; " + c.doubt());
        }
        return result(t, c.termPrice(), c.list(), c.rule(), true, triedText, c.arithmetic());
      }
    }
    Candidate first = candidates.get(0);
    return result(
        t, first.termPrice(), first.list(), Rule.DIFFERENCE, false, triedText, first.arithmetic());
  }

  /** New, renewal and downgrade lines: a term at the plan in force, or at the old plan's price. */
  private List<Candidate> term(int index, TransactionLine t, PriceBook.Plan plan) {
    boolean renewal = t.saleType() == SaleType.RENEWAL || t.saleType() == SaleType.DOWNGRADE;
    List<Candidate> out = new ArrayList<>();
    OptionalLong price = plan.termPrice(t.tier(), t.billingPeriod(), renewal);
    if (price.isEmpty()) {
      return out;
    }
    String from = "plan from " + plan.effectiveFrom();
    add(
        out,
        t,
        price.getAsLong(),
        null,
        from + (renewal && t.hosting() != Hosting.CLOUD ? " (renewal price)" : ""),
        null);
    if (renewal && t.hosting() != Hosting.CLOUD) {
      // A renewal at the full price, e.g. a dual-licensing year (SR-D8), 100 % discounted.
      long full = plan.termPrice(t.tier(), t.billingPeriod(), false).getAsLong();
      if (full != price.getAsLong()) {
        add(out, t, full, null, from + " (full price)", null);
      }
    }
    var previous = book.previous(plan);
    if (previous.isPresent()
        && t.saleDate().isBefore(plan.effectiveFrom().plusDays(OVERRIDE_DAYS))) {
      OptionalLong old = previous.get().termPrice(t.tier(), t.billingPeriod(), renewal);
      if (old.isPresent() && old.getAsLong() < price.getAsLong()) {
        String oldFrom = "plan from " + previous.get().effectiveFrom();
        LocalDate change = plan.effectiveFrom();
        if (renewal) {
          LocalDate since = customerSince(index, t);
          String doubt = null;
          if (!(t.oldTier() != null && t.oldTier().equals(t.tier()))) {
            doubt = "not on the same tier (old tier " + t.oldTier() + ")";
          } else if (since == null || !since.isBefore(change)) {
            doubt = "the customer's first sale " + since + " is not before the change on " + change;
          }
          add(
              out,
              t,
              old.getAsLong(),
              Rule.OVERRIDE_EXISTING_CUSTOMER,
              oldFrom + ", kept until " + change.plusDays(OVERRIDE_DAYS - 1) + " (SR-C3)",
              doubt);
          if (t.hosting() != Hosting.CLOUD) {
            // A renewal at the old full price, e.g. a dual-licensing year (SR-D8).
            OptionalLong oldFull = previous.get().termPrice(t.tier(), t.billingPeriod(), false);
            if (oldFull.isPresent() && oldFull.getAsLong() != old.getAsLong()) {
              add(
                  out,
                  t,
                  oldFull.getAsLong(),
                  Rule.OVERRIDE_EXISTING_CUSTOMER,
                  oldFrom
                      + " (full price), kept until "
                      + change.plusDays(OVERRIDE_DAYS - 1)
                      + " (SR-C3)",
                  doubt);
            }
          }
        } else if (t.saleType() == SaleType.NEW && t.hosting() == Hosting.CLOUD) {
          License license = license(t);
          LocalDate start =
              license == null || license.insights() == null
                  ? null
                  : license.insights().evaluationStartDate();
          LocalDate end =
              license == null || license.insights() == null
                  ? null
                  : license.insights().evaluationEndDate();
          String doubt = null;
          if (start == null || end == null) {
            doubt = "the license shows no evaluation dates to prove an evaluation before " + change;
          } else if (!start.isBefore(change) || !t.saleDate().isBefore(end)) {
            doubt =
                "evaluation "
                    + start
                    + " → "
                    + end
                    + " did not start before "
                    + change
                    + " or ended before the sale";
          }
          add(
              out,
              t,
              old.getAsLong(),
              Rule.OVERRIDE_CLOUD_EVALUATOR,
              oldFrom + ", for an evaluation started before " + change + " (SR-C4)",
              doubt);
        }
      }
    }
    return out;
  }

  private void add(
      List<Candidate> out, TransactionLine t, long whole, Rule rule, String from, String doubt) {
    LocalDate s = t.maintenanceStartDate();
    LocalDate e = t.maintenanceEndDate();
    int months = t.billingPeriod() == BillingPeriod.MONTHLY ? 1 : 12;
    String term = termText(t, whole, from);
    if (isWhole(s, e, months)) {
      out.add(
          new Candidate(
              rule == null ? Rule.LIST_PRICE : rule,
              whole,
              whole,
              term + "; whole term " + s + " → " + e,
              doubt));
    } else {
      long days = ChronoUnit.DAYS.between(s, e);
      long list = prorate(whole, months, days);
      out.add(
          new Candidate(
              rule == null ? Rule.PRORATED : rule,
              whole,
              list,
              term
                  + "; prorated "
                  + s
                  + " → "
                  + e
                  + ": "
                  + dollars(whole)
                  + " × "
                  + (12 / months)
                  + " × "
                  + days
                  + " / 365 = "
                  + dollars(list),
              doubt));
    }
  }

  /** Upgrades: the new tier's price less the old tier's, for the days left (whole dollars, up). */
  private List<Candidate> upgrade(int index, TransactionLine t, PriceBook.Plan plan) {
    List<Candidate> out = new ArrayList<>();
    OptionalLong newPrice = plan.termPrice(t.tier(), t.billingPeriod(), false);
    if (newPrice.isEmpty() || t.oldTier() == null || !priced(t.oldTier())) {
      return out;
    }
    TransactionLine previous = previousSale(index, t);
    Set<Long> olds = new LinkedHashSet<>();
    List<String> oldFrom = new ArrayList<>();
    List<LocalDate> days = new ArrayList<>();
    days.add(t.saleDate());
    if (previous != null) {
      days.add(0, previous.saleDate());
    }
    for (LocalDate day : days) {
      var p = book.planOn(t.app().value(), t.hosting(), day);
      if (p.isEmpty()) {
        continue;
      }
      List<PriceBook.Plan> plans = new ArrayList<>(List.of(p.get()));
      book.previous(p.get()).ifPresent(plans::add);
      for (PriceBook.Plan q : plans) {
        OptionalLong o = q.termPrice(t.oldTier(), t.billingPeriod(), false);
        if (o.isPresent() && olds.add(o.getAsLong())) {
          oldFrom.add("plan from " + q.effectiveFrom());
        }
      }
    }
    int k = 0;
    for (long old : olds) {
      String from = oldFrom.get(k++);
      long list;
      String text;
      if (t.hosting() == Hosting.SERVER) {
        long remaining =
            previous == null
                ? 0
                : Math.max(0, ChronoUnit.DAYS.between(t.saleDate(), previous.maintenanceEndDate()));
        list = ceilDollars(newPrice.getAsLong() - old * remaining / 365);
        text =
            "new tier "
                + t.tier()
                + " "
                + dollars(newPrice.getAsLong())
                + " (plan from "
                + plan.effectiveFrom()
                + ") − old tier "
                + t.oldTier()
                + " "
                + dollars(old)
                + " ("
                + from
                + ") × "
                + remaining
                + " days left / 365, up to whole dollars = "
                + dollars(list);
      } else {
        long remaining = ChronoUnit.DAYS.between(t.maintenanceStartDate(), t.maintenanceEndDate());
        list = ceilDollars((newPrice.getAsLong() - old) * remaining / 365);
        text =
            "(new tier "
                + t.tier()
                + " "
                + dollars(newPrice.getAsLong())
                + " (plan from "
                + plan.effectiveFrom()
                + ") − old tier "
                + t.oldTier()
                + " "
                + dollars(old)
                + " ("
                + from
                + ")) × "
                + remaining
                + " days / 365, up to whole dollars = "
                + dollars(list);
      }
      out.add(new Candidate(Rule.UPGRADE, newPrice.getAsLong(), list, text, null));
    }
    return out;
  }

  /** Refunds: the original sale's purchase price, or its unused remainder by days / 365. */
  private Line refund(int index, TransactionLine t) {
    TransactionLine original = null;
    LocalDate originalDate =
        t.originalTransaction() == null ? null : t.originalTransaction().saleDate();
    for (int i : lineage(t)) {
      TransactionLine o = lines.get(i);
      if (i != index
          && !o.isRefund()
          && (originalDate == null || o.saleDate().equals(originalDate))
          && (t.originalTransaction() == null
              || t.originalTransaction().transactionId() == null
              || o.transactionId().equals(t.originalTransaction().transactionId()))
          && o.app().equals(t.app())
          && o.purchasePrice().cents() >= -t.purchasePrice().cents()) {
        original = o;
      }
    }
    if (original == null) {
      return result(
          t,
          null,
          null,
          Rule.NO_ORIGINAL,
          false,
          Rule.REFUND.label(),
          "no sale of the license on " + originalDate + " to refund");
    }
    long paid = original.purchasePrice().cents();
    long remaining = ChronoUnit.DAYS.between(t.maintenanceStartDate(), t.maintenanceEndDate());
    long remainder = Math.min(paid, (paid * remaining * 2 + 365) / (365 * 2));
    long actual = -t.purchasePrice().cents();
    String text =
        "original "
            + original.transactionId().value()
            + " of "
            + original.saleDate()
            + " paid "
            + dollars(paid);
    if (actual == paid) {
      return result(
          t, paid, -paid, Rule.REFUND, true, Rule.REFUND.label(), text + "; refunded in full");
    }
    String part =
        text
            + "; unused remainder "
            + dollars(paid)
            + " × "
            + remaining
            + " / 365 = "
            + dollars(remainder);
    return result(
        t,
        paid,
        -remainder,
        actual == remainder ? Rule.REFUND : Rule.DIFFERENCE,
        actual == remainder,
        Rule.REFUND.label(),
        part);
  }

  private Line result(
      TransactionLine t,
      Long termPrice,
      Long expectedList,
      Rule rule,
      boolean explained,
      String tried,
      String arithmetic) {
    long discounts = t.discountTotal().cents();
    Long expectedPurchase =
        expectedList == null ? null : (t.isRefund() ? expectedList : expectedList - discounts);
    long actual = t.purchasePrice().cents();
    return new Line(
        t.lineItemId().value(),
        t.transactionId().value(),
        t.saleDate(),
        t.app().value(),
        t.hosting(),
        t.billingPeriod(),
        t.tier().toString(),
        t.saleType(),
        termPrice,
        expectedList,
        discounts,
        expectedPurchase,
        actual,
        expectedPurchase == null ? null : actual - expectedPurchase,
        rule,
        explained,
        tried.isEmpty() ? rule.label() : tried,
        arithmetic);
  }

  private static String termText(TransactionLine t, long whole, String from) {
    String period = t.billingPeriod().wire();
    return period
        + " "
        + t.tier()
        + " at "
        + dollars(whole)
        + " ("
        + from
        + (t.hosting() == Hosting.CLOUD && t.billingPeriod() == BillingPeriod.ANNUAL
            ? ", 10 × monthly, SR-C1"
            : "")
        + ")";
  }

  /** Seed / service-intervals N1: whole when the end is within 3 days of start + the period. */
  static boolean isWhole(LocalDate start, LocalDate end, int months) {
    return Math.abs(ChronoUnit.DAYS.between(start.plusMonths(months), end)) <= 3;
  }

  /** A part of a term: the annualised whole-term price × days / 365, rounded half up. */
  static long prorate(long whole, int months, long days) {
    long annual = whole * (12 / months);
    return (annual * days * 2 + 365) / (365 * 2);
  }

  static long ceilDollars(long cents) {
    return cents <= 0 ? 0 : ((cents + 99) / 100) * 100;
  }

  private static boolean priced(Tier tier) {
    return tier.kind() == Tier.Kind.USERS
        || tier.kind() == Tier.Kind.PER_UNIT_PRICING
        || tier.kind() == Tier.Kind.UNLIMITED_USERS;
  }

  private Set<Integer> lineage(TransactionLine t) {
    Set<Integer> all = new LinkedHashSet<>();
    for (String id : ids(t.licenseIds())) {
      all.addAll(linesOfId.getOrDefault(id, List.of()));
    }
    return all;
  }

  /** The first sale date of the license's lines. */
  private LocalDate customerSince(int index, TransactionLine t) {
    LocalDate since = null;
    for (int i : lineage(t)) {
      TransactionLine o = lines.get(i);
      if (!o.isRefund()
          && o.saleType() != null
          && (since == null || o.saleDate().isBefore(since))) {
        since = o.saleDate();
      }
    }
    return since;
  }

  /** The latest earlier non-refund sale of the same license and app. */
  private TransactionLine previousSale(int index, TransactionLine t) {
    TransactionLine found = null;
    for (int i : lineage(t)) {
      TransactionLine o = lines.get(i);
      if (i == index || o.isRefund() || o.saleType() == null || !o.app().equals(t.app())) {
        continue;
      }
      boolean earlier =
          o.saleDate().isBefore(t.saleDate())
              || (o.saleDate().equals(t.saleDate())
                  && o.maintenanceStartDate().isBefore(t.maintenanceStartDate()));
      if (earlier && (found == null || !o.saleDate().isBefore(found.saleDate()))) {
        found = o;
      }
    }
    return found;
  }

  private License license(TransactionLine t) {
    for (String id : ids(t.licenseIds())) {
      License l = licenseOfId.get(id);
      if (l != null) {
        return l;
      }
    }
    return null;
  }

  static List<String> ids(LicenseIds ids) {
    List<String> out = new ArrayList<>(4);
    if (ids.appEntitlementId() != null) out.add("E:" + ids.appEntitlementId().value());
    if (ids.appEntitlementNumber() != null) out.add("N:" + ids.appEntitlementNumber().value());
    if (ids.addonLicenseId() != null) out.add("A:" + ids.addonLicenseId().value());
    if (ids.licenseId() != null) out.add("S:" + ids.licenseId().value());
    return out;
  }

  static String dollars(long cents) {
    return (cents < 0 ? "-" : "")
        + "$"
        + java.math.BigDecimal.valueOf(Math.abs(cents), 2).toPlainString();
  }
}
