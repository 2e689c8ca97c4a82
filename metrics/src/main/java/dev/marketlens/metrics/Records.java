package dev.marketlens.metrics;

import dev.marketlens.metrics.conversion.Evaluation;
import dev.marketlens.metrics.identity.CustomerKeys;
import dev.marketlens.metrics.identity.LicenseAliases;
import dev.marketlens.metrics.identity.LicenseAliases.Kind;
import dev.marketlens.metrics.mrr.Book;
import dev.marketlens.metrics.segments.Dimension;
import dev.marketlens.model.Contact;
import dev.marketlens.model.CustomerDetails;
import dev.marketlens.model.LicenseType;
import dev.marketlens.model.Partner;
import dev.marketlens.model.PaymentStatus;
import dev.marketlens.model.id.LicenseIds;
import dev.marketlens.model.license.DataInsights;
import dev.marketlens.model.license.License;
import dev.marketlens.model.transaction.TransactionLine;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a vendor's latest transaction lines and licenses into the engine's {@link Book} (metrics
 * spec §3, §2.7): joins license ids into lineages, keys customers, drops what never counts, and
 * collects the evaluations for conversion.
 *
 * <p>Dropped: lines of Atlassian's own licenses ({@code licenseSourceType = Atlassian}) and of
 * sandboxes ({@code installedOnSandbox = Yes}); {@code Uncollectible} lines, with the refunds of
 * them; manual invoices without a sale type. Evaluations of sandboxes, of Atlassian's licenses and
 * upgrade evaluations are not counted.
 */
public final class Records {

  private final List<TransactionLine> lines = new ArrayList<>();
  private final List<License> licenses = new ArrayList<>();

  /** Adds the latest version of a transaction line. */
  public void add(TransactionLine line) {
    lines.add(line);
  }

  /** Adds the latest version of a license. */
  public void add(License license) {
    licenses.add(license);
  }

  /**
   * The book, with the lines it holds in the order they were added to it.
   *
   * @param lines every line added to the book, by the number {@link Book.Builder#line} gave it
   * @param refunded for each such line that is a refund, the line it refunds, else -1
   * @param customerOfId the customer key of every license id any record carries (entitlement id and
   *     number, SEN, add-on license id, as the records spell them), kept or not
   * @param allLines every transaction line added, kept or not (payouts count them all)
   * @param licenses every license added
   */
  public record Loaded(
      Book book,
      List<Evaluation> evaluations,
      List<TransactionLine> lines,
      int[] refunded,
      Map<String, String> customerOfId,
      List<TransactionLine> allLines,
      List<License> licenses) {}

  /**
   * Builds the book.
   *
   * @param overrides manual customer assignments (see {@link CustomerKeys})
   * @param vendorPartnerDomains the vendor's list of partner domains, besides those in the records
   */
  public Loaded load(Map<String, String> overrides, Set<String> vendorPartnerDomains) {
    LicenseAliases aliases = new LicenseAliases();
    int[] lineNode = new int[lines.size()];
    for (int k = 0; k < lines.size(); k++) {
      lineNode[k] = join(aliases, lines.get(k).licenseIds());
    }
    int[] licenseNode = new int[licenses.size()];
    for (int k = 0; k < licenses.size(); k++) {
      licenseNode[k] = join(aliases, licenses.get(k).ids());
    }
    Map<Integer, String> keyOfRoot = aliases.canonicalKeys();

    // The latest license record of each lineage.
    Map<String, License> licenseOf = new HashMap<>();
    // Lineages whose lines never count: Atlassian's own licenses and sandboxes.
    Set<String> excluded = new HashSet<>();
    Map<String, List<CustomerKeys.Hints>> hints = new LinkedHashMap<>();
    Set<String> partnerDomains = new HashSet<>(vendorPartnerDomains);
    for (int k = 0; k < licenses.size(); k++) {
      License l = licenses.get(k);
      String lineage = keyOfRoot.get(aliases.find(licenseNode[k]));
      License known = licenseOf.get(lineage);
      if (known == null || l.lastUpdated().isAfter(known.lastUpdated())) {
        licenseOf.put(lineage, l);
      }
      if ("Atlassian".equalsIgnoreCase(l.details().licenseSourceType()) || sandbox(l)) {
        excluded.add(lineage);
      }
      hints.computeIfAbsent(lineage, x -> new ArrayList<>()).add(hints(l.customer()));
      partnerDomain(l.partner(), partnerDomains);
    }
    String[] lineageOfLine = new String[lines.size()];
    Integer[] byDate = new Integer[lines.size()];
    for (int k = 0; k < lines.size(); k++) {
      lineageOfLine[k] = keyOfRoot.get(aliases.find(lineNode[k]));
      byDate[k] = k;
      partnerDomain(lines.get(k).partner(), partnerDomains);
    }
    // Lines count as hints after the license record, the earliest sale first.
    java.util.Arrays.sort(
        byDate, Comparator.comparing((Integer k) -> lines.get(k).saleDate()).thenComparing(k -> k));
    for (int k : byDate) {
      hints
          .computeIfAbsent(lineageOfLine[k], x -> new ArrayList<>())
          .add(hints(lines.get(k).customer()));
    }
    Map<String, String> customerOf = new CustomerKeys(partnerDomains, overrides).assign(hints);
    Map<String, String> customerOfId = new HashMap<>();
    for (int k = 0; k < licenses.size(); k++) {
      String customer = customerOf.get(keyOfRoot.get(aliases.find(licenseNode[k])));
      for (String id : idValues(licenses.get(k).ids())) {
        customerOfId.put(id, customer);
      }
    }
    for (int k = 0; k < lines.size(); k++) {
      String customer = customerOf.get(lineageOfLine[k]);
      for (String id : idValues(lines.get(k).licenseIds())) {
        customerOfId.put(id, customer);
      }
    }

    Book.Builder builder = Book.builder();
    List<Integer> keptIndices = keptLines(lineageOfLine, excluded);
    keptIndices.sort(Comparator.comparing(k -> lines.get(k).lineItemId().value()));
    List<TransactionLine> kept = new ArrayList<>(keptIndices.size());
    String[] lineage = new String[keptIndices.size()];
    Map<String, List<Integer>> byTransaction = new HashMap<>();
    Map<String, List<Integer>> byLineage = new HashMap<>();
    for (int k = 0; k < keptIndices.size(); k++) {
      TransactionLine t = lines.get(keptIndices.get(k));
      kept.add(t);
      lineage[k] = lineageOfLine[keptIndices.get(k)];
      License l = licenseOf.get(lineage[k]);
      int added =
          builder.line(
              builder.license(lineage[k]),
              builder.customer(customerOf.get(lineage[k])),
              builder.profile(profile(t, l)),
              t.saleType(),
              t.maintenanceStartDate().toEpochDay(),
              t.maintenanceEndDate().toEpochDay(),
              t.saleDate().toEpochDay(),
              t.billingPeriod(),
              t.vendorAmount().cents(),
              t.purchasePrice().cents(),
              listPrice(t));
      if (added != k) {
        throw new IllegalStateException("lines are numbered in the order they are added");
      }
      byTransaction.computeIfAbsent(t.transactionId().value(), x -> new ArrayList<>()).add(k);
      byLineage.computeIfAbsent(lineage[k], x -> new ArrayList<>()).add(k);
    }
    int[] refunded = new int[kept.size()];
    for (int k = 0; k < kept.size(); k++) {
      TransactionLine t = kept.get(k);
      refunded[k] = t.isRefund() ? original(kept, k, lineage, byTransaction, byLineage) : -1;
      if (refunded[k] >= 0 && !t.maintenanceEndDate().isAfter(t.maintenanceStartDate())) {
        builder.refunds(k, refunded[k]);
      }
    }
    List<Evaluation> evaluations =
        evaluations(builder, aliases, licenseNode, keyOfRoot, customerOf, excluded);
    return new Loaded(
        builder.build(),
        List.copyOf(evaluations),
        List.copyOf(kept),
        refunded,
        Map.copyOf(customerOfId),
        List.copyOf(lines),
        List.copyOf(licenses));
  }

  /**
   * §2.2: purchase price plus {@code discounts[]}; on a legacy line without the array, plus the
   * legacy partner discount instead.
   */
  public static long listPrice(TransactionLine t) {
    if (t.discounts().isEmpty() && t.legacyPartnerDiscountAmount() != null) {
      return t.purchasePrice().cents() + t.legacyPartnerDiscountAmount().cents();
    }
    return t.listPrice().cents();
  }

  private List<Integer> keptLines(String[] lineageOfLine, Set<String> excluded) {
    Set<String> uncollectible = new HashSet<>();
    for (TransactionLine t : lines) {
      if (t.paymentStatus() == PaymentStatus.UNCOLLECTIBLE) {
        uncollectible.add(t.transactionId().value());
      }
    }
    List<Integer> kept = new ArrayList<>();
    for (int k = 0; k < lines.size(); k++) {
      TransactionLine t = lines.get(k);
      boolean refundOfUncollectible =
          t.isRefund()
              && t.originalTransaction() != null
              && t.originalTransaction().transactionId() != null
              && uncollectible.contains(t.originalTransaction().transactionId().value());
      if (t.saleType() == null
          || excluded.contains(lineageOfLine[k])
          || t.paymentStatus() == PaymentStatus.UNCOLLECTIBLE
          || refundOfUncollectible) {
        continue;
      }
      kept.add(k);
    }
    return kept;
  }

  /**
   * §2.5: the line a refund refunds — a line of its original transaction on the same lineage, else
   * the line of the same lineage active on the refund's start sold before it with the best overlap;
   * -1 when none is found.
   */
  private static int original(
      List<TransactionLine> kept,
      int refund,
      String[] lineage,
      Map<String, List<Integer>> byTransaction,
      Map<String, List<Integer>> byLineage) {
    TransactionLine r = kept.get(refund);
    String key = lineage[refund];
    if (r.originalTransaction() != null && r.originalTransaction().transactionId() != null) {
      for (int k :
          byTransaction.getOrDefault(r.originalTransaction().transactionId().value(), List.of())) {
        if (k != refund && !kept.get(k).isRefund() && lineage[k].equals(key)) {
          return k;
        }
      }
    }
    int best = -1;
    long bestOverlap = -1;
    for (int k : byLineage.get(key)) {
      TransactionLine t = kept.get(k);
      if (t.isRefund() || t.saleDate().isAfter(r.saleDate())) {
        continue;
      }
      LocalDate s = r.maintenanceStartDate();
      LocalDate e = r.maintenanceEndDate().isAfter(s) ? r.maintenanceEndDate() : s.plusDays(1);
      long overlap =
          Math.min(e.toEpochDay(), t.maintenanceEndDate().toEpochDay())
              - Math.max(s.toEpochDay(), t.maintenanceStartDate().toEpochDay());
      if (overlap > 0 && overlap > bestOverlap) {
        best = k;
        bestOverlap = overlap;
      }
    }
    return best;
  }

  private List<Evaluation> evaluations(
      Book.Builder builder,
      LicenseAliases aliases,
      int[] licenseNode,
      Map<Integer, String> keyOfRoot,
      Map<String, String> customerOf,
      Set<String> excluded) {
    // Evaluation licenses first, by lineage; then paid licenses that state their evaluation.
    Map<String, Evaluation> byLineage = new LinkedHashMap<>();
    Map<String, String> convertedBy = new HashMap<>();
    List<Integer> paid = new ArrayList<>();
    for (int k = 0; k < licenses.size(); k++) {
      License l = licenses.get(k);
      String lineage = keyOfRoot.get(aliases.find(licenseNode[k]));
      if (excluded.contains(lineage) || l.details().upgradeEvaluation() != null) {
        continue;
      }
      DataInsights i = l.insights();
      if (l.licenseType() == LicenseType.EVALUATION) {
        LocalDate start =
            i != null && i.evaluationStartDate() != null
                ? i.evaluationStartDate()
                : l.maintenanceStartDate();
        LocalDate end =
            i != null && i.evaluationEndDate() != null
                ? i.evaluationEndDate()
                : l.maintenanceEndDate();
        byLineage.put(lineage, evaluation(builder, lineage, l, customerOf, start, end, null));
      } else if (i != null && i.evaluationStartDate() != null) {
        paid.add(k);
      }
    }
    for (int k : paid) {
      License l = licenses.get(k);
      DataInsights i = l.insights();
      String lineage = keyOfRoot.get(aliases.find(licenseNode[k]));
      String evaluated = evaluationLineage(aliases, keyOfRoot, i.evaluationLicense());
      if (evaluated != null && !evaluated.equals(lineage) && byLineage.containsKey(evaluated)) {
        convertedBy.put(evaluated, lineage);
      } else if (!byLineage.containsKey(lineage)) {
        LocalDate end =
            i.evaluationEndDate() != null ? i.evaluationEndDate() : i.evaluationStartDate();
        byLineage.put(
            lineage,
            evaluation(
                builder,
                lineage,
                l,
                customerOf,
                i.evaluationStartDate(),
                end,
                i.evaluationSaleDate()));
      }
    }
    List<Evaluation> out = new ArrayList<>();
    byLineage.forEach(
        (lineage, e) -> {
          String by = convertedBy.get(lineage);
          out.add(
              by == null
                  ? e
                  : new Evaluation(
                      e.customer(),
                      e.license(),
                      e.profile(),
                      e.start(),
                      e.end(),
                      builder.license(by),
                      e.saleDate()));
        });
    return out;
  }

  private static Evaluation evaluation(
      Book.Builder builder,
      String lineage,
      License l,
      Map<String, String> customerOf,
      LocalDate start,
      LocalDate end,
      LocalDate saleDate) {
    return new Evaluation(
        builder.customer(customerOf.get(lineage)),
        builder.license(lineage),
        builder.profile(profile(null, l)),
        (int) start.toEpochDay(),
        (int) end.toEpochDay(),
        -1,
        saleDate == null ? Evaluation.NO_DATE : (int) saleDate.toEpochDay());
  }

  /** The lineage an {@code evaluationLicense} id names, or null when no record carries it. */
  private static String evaluationLineage(
      LicenseAliases aliases, Map<Integer, String> keyOfRoot, String id) {
    if (id == null || id.isBlank()) {
      return null;
    }
    for (Kind kind : Kind.values()) {
      int node = aliases.existing(kind, id);
      if (node >= 0) {
        return keyOfRoot.get(aliases.find(node));
      }
    }
    return null;
  }

  private static boolean sandbox(License l) {
    return l.insights() != null && "Yes".equalsIgnoreCase(l.insights().installedOnSandbox());
  }

  /** A record's license ids as the records spell them. */
  private static List<String> idValues(LicenseIds ids) {
    List<String> out = new ArrayList<>(4);
    if (ids.appEntitlementId() != null) {
      out.add(ids.appEntitlementId().value());
    }
    if (ids.appEntitlementNumber() != null) {
      out.add(ids.appEntitlementNumber().value());
    }
    if (ids.licenseId() != null) {
      out.add(ids.licenseId().value());
    }
    if (ids.addonLicenseId() != null) {
      out.add(ids.addonLicenseId().value());
    }
    return out;
  }

  /** Joins a record's ids into one lineage and returns one of their nodes. */
  private static int join(LicenseAliases aliases, LicenseIds ids) {
    int first = aliases.join(ids);
    if (first < 0) {
      throw new IllegalArgumentException("a license record without a license id: " + ids);
    }
    return first;
  }

  private static CustomerKeys.Hints hints(CustomerDetails c) {
    if (c == null) {
      return new CustomerKeys.Hints(null, null, null);
    }
    return new CustomerKeys.Hints(
        email(c.technicalContact()), email(c.billingContact()), c.company());
  }

  private static String email(Contact c) {
    return c == null || c.isEmailRedacted() ? null : c.email();
  }

  private static void partnerDomain(Partner p, Set<String> domains) {
    if (p != null && p.contact() != null) {
      String d = CustomerKeys.registrableDomain(email(p.contact()));
      if (d != null) {
        domains.add(d);
      }
    }
  }

  /** A line's (or, for an evaluation, a license's) value of every dimension. */
  private static String[] profile(TransactionLine t, License l) {
    String[] v = new String[Dimension.values().length];
    DataInsights i = l == null ? null : l.insights();
    CustomerDetails c = t != null ? t.customer() : l.customer();
    v[Dimension.APP.ordinal()] = t != null ? t.app().value() : l.app().value();
    v[Dimension.HOSTING.ordinal()] = t != null ? t.hosting().wire() : l.hosting().wire();
    v[Dimension.TIER.ordinal()] =
        t != null ? t.tier().toString() : l.tier() == null ? null : l.tier().toString();
    v[Dimension.EDITION.ordinal()] = l == null ? null : l.appEdition();
    v[Dimension.PARENT_PRODUCT.ordinal()] =
        t != null && t.parentProduct() != null
            ? t.parentProduct().name()
            : i == null ? null : i.parentProductName();
    v[Dimension.BILLING_PERIOD.ordinal()] =
        t != null && t.billingPeriod() != null ? t.billingPeriod().wire() : null;
    v[Dimension.COUNTRY.ordinal()] = c == null ? null : c.country();
    v[Dimension.REGION.ordinal()] = c == null ? null : c.region();
    Partner partner = t != null ? t.partner() : l.partner();
    v[Dimension.SALE_CHANNEL.ordinal()] = partner == null ? "Direct" : "Solution Partner";
    v[Dimension.ATTRIBUTION.ordinal()] =
        i == null || i.attribution() == null ? null : i.attribution().channel();
    return v;
  }
}
