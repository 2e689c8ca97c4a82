package dev.marketlens.emulator.reporting;

import dev.marketlens.emulator.wire.BillingPeriod;
import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.PartnerType;
import dev.marketlens.emulator.wire.PaymentStatus;
import dev.marketlens.emulator.wire.PurchaseDetails;
import dev.marketlens.emulator.wire.SaleType;
import dev.marketlens.emulator.wire.Tier;
import dev.marketlens.emulator.wire.Transaction;
import dev.marketlens.emulator.wire.WireFormat;
import dev.marketlens.emulator.wire.WireFormat.ApiVersion;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The filters and sort of a transaction request (spec §8.2), read from its query parameters and
 * checked as the live API checks them.
 */
public final class TransactionQuery implements RecordQuery<Transaction> {

  /** {@code saleType}: the swagger's four and {@code downgrade}, accepted live (K22). */
  private static final Map<String, SaleType> SALE_TYPES =
      Map.of(
          "new", SaleType.NEW,
          "refund", SaleType.REFUND,
          "renewal", SaleType.RENEWAL,
          "upgrade", SaleType.UPGRADE,
          "downgrade", SaleType.DOWNGRADE);

  private static final Map<String, BillingPeriod> BILLING_PERIODS =
      Map.of("monthly", BillingPeriod.MONTHLY, "annual", BillingPeriod.ANNUAL);

  private static final Map<String, PaymentStatus> PAYMENT_STATUSES =
      Map.of(
          "paid", PaymentStatus.PAID,
          "open", PaymentStatus.OPEN,
          "uncollectible", PaymentStatus.UNCOLLECTIBLE,
          "refunded", PaymentStatus.REFUNDED);

  private static final Map<String, Function<Transaction, ? extends Comparable<?>>> SORT_KEYS =
      new LinkedHashMap<>();

  static {
    SORT_KEYS.put("addonName", Transaction::addonName);
    SORT_KEYS.put("company", t -> company(t));
    SORT_KEYS.put(
        "country", t -> t.customerDetails() == null ? null : t.customerDetails().country());
    SORT_KEYS.put("date", t -> t.purchaseDetails().saleDate());
    SORT_KEYS.put("hosting", t -> t.purchaseDetails().hosting().wire());
    SORT_KEYS.put("licenseId", t -> t.ids().licenseId());
    SORT_KEYS.put("licenseType", t -> t.purchaseDetails().licenseType().wire());
    SORT_KEYS.put(
        "partner", t -> t.partnerDetails() == null ? null : t.partnerDetails().partnerName());
    SORT_KEYS.put(
        "partnerType",
        t -> t.partnerDetails() == null ? null : t.partnerDetails().partnerType().wire());
    SORT_KEYS.put("purchasePrice", t -> t.purchaseDetails().purchasePriceCents());
    SORT_KEYS.put("region", t -> t.customerDetails() == null ? null : t.customerDetails().region());
    SORT_KEYS.put("saleType", t -> t.purchaseDetails().saleType().wire());
    SORT_KEYS.put("tier", t -> t.purchaseDetails().tier().userCount().orElse(0));
    SORT_KEYS.put("transactionId", Transaction::transactionId);
    SORT_KEYS.put("vendorAmount", t -> t.purchaseDetails().vendorAmountCents());
    SORT_KEYS.put(
        "paymentStatus", t -> t.paymentStatus() == null ? null : t.paymentStatus().wire());
  }

  private static final Map<String, String> SORT_PARAM = new LinkedHashMap<>();

  static {
    SORT_KEYS.keySet().forEach(k -> SORT_PARAM.put(k, k));
  }

  private static final Comparator<Transaction> ROW_KEY =
      Comparator.comparing(Transaction::transactionLineItemId);

  /** Parameters that do not change which rows match or their order. */
  private static final Set<String> NOT_FILTERS = Set.of("offset", "limit", "accept");

  private final AppFilter apps;
  private final LocalDate startDate;
  private final LocalDate endDate;
  private final Text text;
  private final Set<Integer> tiers;
  private final boolean tierIncludesEvaluation;
  private final Set<SaleType> saleTypes;
  private final Set<PartnerType> partnerTypes;
  private final boolean direct;
  private final boolean partnerTypeGiven;
  private final Set<Hosting> hostings;
  private final Set<BillingPeriod> billingPeriods;
  private final Set<String> complianceBoundaries;
  private final Set<String> appEditions;
  private final LocalDate lastUpdated;
  private final boolean excludeZero;
  private final boolean includeManualInvoice;
  private final Set<PaymentStatus> paymentStatuses;
  private final Set<String> licenseLevels;
  private final boolean proratedDetails;
  private final WireFormat wire;
  private final String sortBy;
  private final Order order;
  private final String key;

  private TransactionQuery(
      Params p, ApiVersion version, AppFilter apps, boolean tierIncludesEvaluation) {
    this.apps = apps;
    this.startDate = p.date("startDate");
    this.endDate = p.date("endDate");
    this.text = Text.of(p.single("text"));
    this.tiers = p.integers("tier");
    this.tierIncludesEvaluation = tierIncludesEvaluation;
    this.saleTypes = p.choices("saleType", SALE_TYPES);
    Set<Set<PartnerType>> partner = p.choices("partnerType", LicenseQuery.PARTNER_TYPES);
    this.partnerTypeGiven = !partner.isEmpty();
    this.partnerTypes = partner.stream().flatMap(Set::stream).collect(Collectors.toSet());
    this.direct = p.all("partnerType").stream().anyMatch(v -> v.equalsIgnoreCase("direct"));
    this.hostings = p.choices("hosting", LicenseQuery.HOSTINGS);
    this.billingPeriods = p.choices("billingPeriod", BILLING_PERIODS);
    Set<String> boundaries =
        p.choices("cloudComplianceBoundaries", LicenseQuery.COMPLIANCE_BOUNDARIES);
    this.complianceBoundaries = boundaries.isEmpty() ? Set.of("commercial") : boundaries;
    this.appEditions = p.choices("appEdition", LicenseQuery.APP_EDITIONS);
    this.lastUpdated = p.dateOrDateTime("lastUpdated");
    this.excludeZero = p.bool("excludeZeroTransactions", false);
    this.includeManualInvoice = p.bool("includeManualInvoice", false);
    this.proratedDetails = version == ApiVersion.V3 || p.bool("showProratedTransactions", false);
    this.paymentStatuses = p.choices("paymentStatus", PAYMENT_STATUSES);
    this.licenseLevels = p.choices("licenseLevel", LicenseQuery.LICENSE_LEVELS);
    this.wire = WireFormat.of(version);
    this.sortBy = p.choice("sortBy", SORT_PARAM, "date");
    this.order = p.choice("order", Order.PARAM, Order.DESC);
    this.key =
        "transactions|" + version + "|" + tierIncludesEvaluation + "|" + p.canonical(NOT_FILTERS);
  }

  /**
   * Reads a transaction request.
   *
   * @param tierIncludesEvaluation the live quirk K33: a {@code tier} filter also returns rows on
   *     the {@code Evaluation} tier
   * @throws ApiException 400 for a malformed or unknown value
   */
  public static TransactionQuery parse(
      Params params, ApiVersion version, AppFilter apps, boolean tierIncludesEvaluation) {
    return new TransactionQuery(params, version, apps, tierIncludesEvaluation);
  }

  public WireFormat wire() {
    return wire;
  }

  /**
   * Whether rows carry {@code purchaseDetails.proratedDetails}: always in v3 (as live), in v2 only
   * with {@code showProratedTransactions=true}.
   */
  public boolean proratedDetails() {
    return proratedDetails;
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public String sortKey() {
    return sortBy + ":" + order;
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Comparator<Transaction> comparator() {
    Comparator<Transaction> key = Sorting.by((Function) SORT_KEYS.get(sortBy));
    return Sorting.stable(key, order, ROW_KEY);
  }

  @Override
  public boolean matches(Transaction t) {
    PurchaseDetails p = t.purchaseDetails();
    if (!apps.test(t.addonKey())) {
      return false;
    }
    LocalDate sale = p.saleDate();
    if ((startDate != null && sale.isBefore(startDate))
        || (endDate != null && sale.isAfter(endDate))) {
      return false;
    }
    if (lastUpdated != null && t.lastUpdated().isBefore(lastUpdated)) {
      return false;
    }
    if (excludeZero && p.purchasePriceCents() == 0) {
      return false;
    }
    if (!includeManualInvoice && Boolean.TRUE.equals(t.isInvoiceManual())) {
      return false;
    }
    if (!hostings.isEmpty() && !hostings.contains(p.hosting())) {
      return false;
    }
    if (!saleTypes.isEmpty() && !saleTypes.contains(p.saleType())) {
      return false;
    }
    if (!billingPeriods.isEmpty() && !billingPeriods.contains(p.billingPeriod())) {
      return false;
    }
    if (!paymentStatuses.isEmpty() && !paymentStatuses.contains(t.paymentStatus())) {
      return false;
    }
    if (!tiers.isEmpty() && !tier(p.tier())) {
      return false;
    }
    if (partnerTypeGiven
        && !(t.partnerDetails() == null
            ? direct
            : partnerTypes.contains(t.partnerDetails().partnerType()))) {
      return false;
    }
    if (p.hosting() == Hosting.CLOUD
        && !LicenseQuery.compliance(t.cloudComplianceBoundaries(), complianceBoundaries)) {
      return false;
    }
    if (!appEditions.isEmpty()
        && (t.appEdition() == null
            || !appEditions.contains(t.appEdition().toLowerCase(Locale.ROOT)))) {
      return false;
    }
    if (!licenseLevels.isEmpty() && !licenseLevels.contains(t.licenseLevel())) {
      return false;
    }
    return text == null
        || text.in(t.transactionId())
        || text.in(t.transactionLineItemId())
        || text.in(t.ids())
        || text.in(t.customerDetails())
        || text.in(t.partnerDetails());
  }

  private boolean tier(Tier tier) {
    if (tier.kind() == Tier.Kind.EVALUATION) {
      return tierIncludesEvaluation;
    }
    return tier.userCount().isPresent() && tiers.contains(tier.userCount().getAsInt());
  }

  private static String company(Transaction t) {
    return t.customerDetails() == null ? null : t.customerDetails().company();
  }
}
