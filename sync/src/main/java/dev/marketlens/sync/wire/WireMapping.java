package dev.marketlens.sync.wire;

import dev.marketlens.model.BillingPeriod;
import dev.marketlens.model.ChangeInTier;
import dev.marketlens.model.Contact;
import dev.marketlens.model.CustomerDetails;
import dev.marketlens.model.Discount;
import dev.marketlens.model.DiscountType;
import dev.marketlens.model.Hosting;
import dev.marketlens.model.LicenseStatus;
import dev.marketlens.model.LicenseType;
import dev.marketlens.model.ModelException;
import dev.marketlens.model.Money;
import dev.marketlens.model.Partner;
import dev.marketlens.model.PartnerType;
import dev.marketlens.model.PaymentStatus;
import dev.marketlens.model.PaymentTerms;
import dev.marketlens.model.SaleType;
import dev.marketlens.model.Tier;
import dev.marketlens.model.id.AddonLicenseId;
import dev.marketlens.model.id.AppEntitlementId;
import dev.marketlens.model.id.AppEntitlementNumber;
import dev.marketlens.model.id.AppKey;
import dev.marketlens.model.id.CloudId;
import dev.marketlens.model.id.HostEntitlementId;
import dev.marketlens.model.id.HostEntitlementNumber;
import dev.marketlens.model.id.HostLicenseId;
import dev.marketlens.model.id.LicenseId;
import dev.marketlens.model.id.LicenseIds;
import dev.marketlens.model.id.ProductId;
import dev.marketlens.model.id.TransactionId;
import dev.marketlens.model.id.TransactionLineItemId;
import dev.marketlens.model.license.Attribution;
import dev.marketlens.model.license.CmtDetails;
import dev.marketlens.model.license.DataInsights;
import dev.marketlens.model.license.License;
import dev.marketlens.model.license.LicenseDetails;
import dev.marketlens.model.license.UpgradeEvaluation;
import dev.marketlens.model.transaction.DunningAttempt;
import dev.marketlens.model.transaction.OriginalTransaction;
import dev.marketlens.model.transaction.ParentProduct;
import dev.marketlens.model.transaction.ProratedDetail;
import dev.marketlens.model.transaction.SaleDetails;
import dev.marketlens.model.transaction.TransactionLine;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/** Export records (spec §7.3, §8.3) onto the model; every failure names where it happened. */
final class WireMapping {
  private static final String[][] INSIGHTS = {
    {"parentProductName", "parentProductName"},
    {"parentProductEdition", "parentProductEdition"},
    {"parentProductBillingCycle", "parentProductBillingCycle"},
    {"installedOnSandbox", "installedOnSandbox"},
    {"evaluationOpportunitySize", "evaluationOpportunitySize"},
    {"evaluationLicense", "evaluationLicense"},
    {"daysToConvertEval", "daysToConvertEval"},
    {"evaluationStartDate", "evaluationStartDate"},
    {"evaluationEndDate", "evaluationEndDate"},
    {"evaluationSaleDate", "evaluationSaleDate"},
  };
  private static final String[][] ATTRIBUTION = {
    {"attribution.channel", "channel"},
    {"attribution.referrerDomain", "referrerDomain"},
    {"attribution.campaignSource", "campaignSource"},
    {"attribution.campaignMedium", "campaignMedium"},
    {"attribution.campaignName", "campaignName"},
    {"attribution.campaignContent", "campaignContent"},
  };

  private static final CustomerKeys LICENSE_CUSTOMER = new CustomerKeys("contactDetails.");
  private static final CustomerKeys TRANSACTION_CUSTOMER = new CustomerKeys("customerDetails.");

  private WireMapping() {}

  static License license(Fields f) {
    LicenseIds ids = ids(f);
    DataInsights insights = null;
    if (f.anyPresent(INSIGHTS) || f.anyPresent(ATTRIBUTION)) {
      Attribution attribution =
          f.anyPresent(ATTRIBUTION)
              ? new Attribution(
                  text(f, "attribution.channel", "channel"),
                  text(f, "attribution.referrerDomain", "referrerDomain"),
                  text(f, "attribution.campaignSource", "campaignSource"),
                  text(f, "attribution.campaignMedium", "campaignMedium"),
                  text(f, "attribution.campaignName", "campaignName"),
                  text(f, "attribution.campaignContent", "campaignContent"))
              : null;
      insights =
          new DataInsights(
              text(f, "parentProductName", "parentProductName"),
              text(f, "parentProductEdition", "parentProductEdition"),
              text(f, "parentProductBillingCycle", "parentProductBillingCycle"),
              text(f, "installedOnSandbox", "installedOnSandbox"),
              text(f, "evaluationOpportunitySize", "evaluationOpportunitySize"),
              text(f, "evaluationLicense", "evaluationLicense"),
              text(f, "daysToConvertEval", "daysToConvertEval"),
              insightDate(f, "evaluationStartDate"),
              insightDate(f, "evaluationEndDate"),
              insightDate(f, "evaluationSaleDate"),
              attribution);
    }
    CustomerDetails customer = customer(f, LICENSE_CUSTOMER);
    Partner partner = partner(f);
    DataInsights finalInsights = insights;
    LicenseDetails details = licenseDetails(f);
    return construct(
        f,
        () ->
            new License(
                ids,
                convert(f, "addonKey", "addonKey", AppKey::of),
                text(f, "addonName", "addonName"),
                convert(f, "productId", "productId", ProductId::of),
                convert(f, "hosting", "hosting", Hosting::fromWire),
                convert(f, "licenseType", "licenseType", LicenseType::fromWire),
                convert(f, "status", "status", LicenseStatus::fromWire),
                tier(f, "tier", "tier"),
                text(f, "appEdition", "appEdition"),
                date(f, "maintenanceStartDate", "maintenanceStartDate"),
                date(f, "maintenanceEndDate", "maintenanceEndDate"),
                lastUpdated(f),
                customer,
                partner,
                text(f, "cloudSiteHostname", "cloudSiteHostname"),
                finalInsights,
                details));
  }

  static TransactionLine transaction(Fields f) {
    // final: p + "saleDate" is then a constant, made once, whose hash code the lookups reuse
    final String p = "purchaseDetails.";
    LicenseIds ids = ids(f);
    boolean manual = "true".equalsIgnoreCase(text(f, "isInvoiceManual", "isInvoiceManual"));
    List<Discount> discounts = new ArrayList<>();
    for (Fields.RawDiscount raw : f.discounts()) {
      discounts.add(discount(f, raw));
    }
    OriginalTransaction original = null;
    String originalId = p + "originalTransactionDetails.transactionId";
    String originalDate = p + "originalTransactionDetails.saleDate";
    if (f.value(originalId, "originalTransactionId") != null
        || f.value(originalDate, "originalTransactionSaleDate") != null) {
      TransactionId id = convert(f, originalId, "originalTransactionId", TransactionId::of);
      LocalDate saleDate = date(f, originalDate, "originalTransactionSaleDate");
      original = construct(f, () -> new OriginalTransaction(id, saleDate));
    }
    ParentProduct parent = null;
    String parentName = text(f, p + "parentProductName", "parentProductName");
    String parentEdition = text(f, p + "parentProductEdition", "parentProductEdition");
    String oldEdition = text(f, p + "oldParentProductEdition", "oldParentProductEdition");
    String editionChange =
        text(f, p + "changeInParentProductEdition", "changeInParentProductEdition");
    if (parentName != null
        || parentEdition != null
        || oldEdition != null
        || editionChange != null) {
      parent = new ParentProduct(parentName, parentEdition, editionChange, oldEdition);
    }
    SaleDetails details = saleDetails(f);
    CustomerDetails customer = customer(f, TRANSACTION_CUSTOMER);
    Partner partner = partner(f);
    OriginalTransaction finalOriginal = original;
    ParentProduct finalParent = parent;
    return construct(
        f,
        () ->
            new TransactionLine(
                convert(f, "transactionId", "transactionId", TransactionId::of),
                convert(
                    f, "transactionLineItemId", "transactionLineItemId", TransactionLineItemId::of),
                ids,
                convert(f, "addonKey", "addonKey", AppKey::of),
                text(f, "addonName", "addonName"),
                convert(f, "productId", "productId", ProductId::of),
                date(f, p + "saleDate", "saleDate"),
                convert(f, p + "saleType", "saleType", SaleType::fromWire),
                convert(f, p + "licenseType", "licenseType", LicenseType::fromWire),
                convert(f, p + "hosting", "hosting", Hosting::fromWire),
                convert(f, p + "billingPeriod", "billingPeriod", BillingPeriod::fromWire),
                tier(f, p + "tier", "tier"),
                f.value(p + "oldTier", "oldTier") == null
                    ? null
                    : tier(f, p + "oldTier", "oldTier"),
                convert(f, p + "changeInTier", "changeInTier", ChangeInTier::fromWire),
                money(f, p + "purchasePrice", "purchasePrice"),
                money(f, p + "vendorAmount", "vendorAmount"),
                discounts,
                money(f, p + "partnerDiscountAmount", "partnerDiscountAmount"),
                finalOriginal,
                date(f, p + "maintenanceStartDate", "maintenanceStartDate"),
                date(f, p + "maintenanceEndDate", "maintenanceEndDate"),
                convert(f, "paymentStatus", "paymentStatus", PaymentStatus::fromWire),
                customer,
                partner,
                finalParent,
                lastUpdated(f),
                manual,
                details));
  }

  private static LicenseDetails licenseDetails(Fields f) {
    CmtDetails cmt = null;
    String cmtStatus = text(f, "cmtDetails.status", "cmtStatus");
    String onPrem = text(f, "cmtDetails.relatedOnPremLicense", "cmtRelatedOnPremLicense");
    if (cmtStatus != null || onPrem != null) {
      cmt = new CmtDetails(cmtStatus, onPrem);
    }
    UpgradeEvaluation upgrade = null;
    String edition = text(f, "upgradeEvaluatingEdition", "upgradeEvaluationEdition");
    LocalDate start = date(f, "upgradeEvaluationStartDate", "upgradeEvaluationStartDate");
    LocalDate end = date(f, "upgradeEvaluationEndDate", "upgradeEvaluationEndDate");
    if (edition != null || start != null || end != null) {
      upgrade = construct(f, () -> new UpgradeEvaluation(edition, start, end));
    }
    String newBillingSystem = text(f, "newBillingSystem", null);
    if (newBillingSystem == null) {
      newBillingSystem = text(f, "isNewBillingSystem", null);
    }
    List<String> boundaries = texts(f, "cloudComplianceBoundaries");
    CmtDetails finalCmt = cmt;
    UpgradeEvaluation finalUpgrade = upgrade;
    String finalNewBillingSystem = newBillingSystem;
    return construct(
        f,
        () ->
            new LicenseDetails(
                finalCmt,
                finalUpgrade,
                text(f, "extendedServerSupport", "extendedServerSupport"),
                text(f, "licenseSourceType", "licenseSourceType"),
                text(f, "transactionAccountId", "transactionAccountId"),
                finalNewBillingSystem,
                text(f, "inGracePeriod", null),
                text(f, "invoiceDunningReason", null),
                text(f, "licenseLevel", null),
                text(f, "multiInstanceEntitlementId", null),
                text(f, "multiInstanceEntitlementNumber", null),
                boundaries,
                date(f, "latestEvaluationStartDate", null),
                date(f, "latestMaintenanceStartDate", null),
                date(f, "recordCreatedDate", null)));
  }

  private static SaleDetails saleDetails(Fields f) {
    final String p = "purchaseDetails.";
    List<DunningAttempt> dunning = new ArrayList<>(0);
    for (Fields attempt : f.objects("dunningStatus", "dunningStatus")) {
      int count = integer(attempt, "attemptCount");
      String errorCode = text(attempt, "errorCode", "errorCode");
      LocalDate attempted = date(attempt, "paymentAttemptDate", "paymentAttemptDate");
      LocalDate next = date(attempt, "nextPaymentAttemptDate", "nextPaymentAttemptDate");
      dunning.add(construct(attempt, () -> new DunningAttempt(count, errorCode, attempted, next)));
    }
    List<ProratedDetail> prorated = new ArrayList<>(0);
    for (Fields detail : f.objects(p + "proratedDetails", null)) {
      int users = integer(detail, "addedUsers");
      LocalDate day = date(detail, "date", "date");
      prorated.add(construct(detail, () -> new ProratedDetail(users, day)));
    }
    return construct(
        f,
        () ->
            new SaleDetails(
                text(f, "appEdition", "appEdition"),
                text(f, p + "changeInBillingPeriod", "changeInBillingPeriod"),
                text(f, p + "oldBillingPeriod", "oldBillingPeriod"),
                text(f, p + "refundReason", "refundReason"),
                text(f, p + "creditNoteReason", "creditNoteReason"),
                convert(f, p + "paymentTerms", "paymentTerms", PaymentTerms::fromWire),
                dunning,
                prorated,
                texts(f, "cloudComplianceBoundaries"),
                text(f, "licenseLevel", null)));
  }

  /**
   * A whole number ({@code attemptCount}, {@code addedUsers}); JSON may write it as {@code 3.0}.
   */
  private static int integer(Fields f, String name) {
    Fields.Value value = f.value(name, name);
    if (value == null) {
      throw new WireFormatException(
          f.source, f.recordLocation(), "field " + name, null, "is required", null);
    }
    try {
      return new java.math.BigDecimal(value.text().trim()).intValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new WireFormatException(
          f.source,
          value.location(),
          value.field(),
          value.text(),
          "is not a whole number (expected e.g. 3)",
          e);
    }
  }

  private static List<String> texts(Fields f, String jsonPath) {
    List<Fields.Value> values = f.strings(jsonPath);
    if (values.isEmpty()) {
      return List.of();
    }
    List<String> texts = new ArrayList<>(values.size());
    for (Fields.Value value : values) {
      texts.add(value.text());
    }
    return texts;
  }

  private static Discount discount(Fields f, Fields.RawDiscount raw) {
    DiscountType type;
    Money amount;
    if (raw.type() == null) {
      throw new WireFormatException(
          f.source, raw.amount().location(), "field discounts[].type", null, "is required", null);
    }
    Fields.Value typeValue = new Fields.Value(raw.type(), raw.amount().location(), "field type");
    type = convert(f, typeValue, DiscountType::fromWire);
    amount = convert(f, raw.amount(), Money::parse);
    String code = raw.code() == null ? null : raw.code().text();
    String reason = raw.reason() == null ? null : raw.reason().text();
    return construct(f, raw.amount(), () -> new Discount(type, amount, code, reason));
  }

  private static LicenseIds ids(Fields f) {
    return construct(
        f,
        () ->
            new LicenseIds(
                convert(f, "addonLicenseId", "addonLicenseId", AddonLicenseId::of),
                convert(f, "licenseId", "licenseId", LicenseId::of),
                convert(f, "hostLicenseId", "hostLicenseId", HostLicenseId::of),
                convert(f, "appEntitlementId", "appEntitlementId", AppEntitlementId::of),
                convert(
                    f, "appEntitlementNumber", "appEntitlementNumber", AppEntitlementNumber::of),
                convert(f, "hostEntitlementId", "hostEntitlementId", HostEntitlementId::of),
                convert(
                    f, "hostEntitlementNumber", "hostEntitlementNumber", HostEntitlementNumber::of),
                convert(f, "cloudId", "cloudId", CloudId::of)));
  }

  private static CustomerDetails customer(Fields f, CustomerKeys k) {
    return new CustomerDetails(
        text(f, k.company, "company"),
        text(f, k.country, "country"),
        text(f, k.region, "region"),
        contact(f, k.technical),
        contact(f, k.billing));
  }

  /**
   * A contact with the eight fields licenses carry (transactions carry name and email only); {@code
   * "RTBF"} values are kept as read and recognised by {@link Contact}.
   */
  private static Contact contact(Fields f, ContactKeys k) {
    String[] json = k.json;
    String[] csv = k.csv;
    return new Contact(
        text(f, json[0], csv[0]),
        text(f, json[1], csv[1]),
        text(f, json[2], csv[2]),
        text(f, json[3], csv[3]),
        text(f, json[4], csv[4]),
        text(f, json[5], csv[5]),
        text(f, json[6], csv[6]),
        text(f, json[7], csv[7]));
  }

  /**
   * The JSON paths and CSV columns of a record's customer, made once: looked up for every record,
   * the keys keep their hash codes.
   */
  private static final class CustomerKeys {
    final String company;
    final String country;
    final String region;
    final ContactKeys technical;
    final ContactKeys billing;

    CustomerKeys(String prefix) {
      company = prefix + "company";
      country = prefix + "country";
      region = prefix + "region";
      technical = new ContactKeys(prefix + "technicalContact.", "technicalContact");
      billing = new ContactKeys(prefix + "billingContact.", "billingContact");
    }
  }

  private static final class ContactKeys {
    private static final String[] FIELDS = {
      "name", "email", "phone", "address1", "address2", "city", "state", "postcode"
    };
    final String[] json = new String[FIELDS.length];
    final String[] csv = new String[FIELDS.length];

    ContactKeys(String jsonPrefix, String csvPrefix) {
      for (int i = 0; i < FIELDS.length; i++) {
        json[i] = jsonPrefix + FIELDS[i];
        csv[i] = csvPrefix + Character.toUpperCase(FIELDS[i].charAt(0)) + FIELDS[i].substring(1);
      }
    }
  }

  private static Partner partner(Fields f) {
    String name = text(f, "partnerDetails.partnerName", "partnerName");
    PartnerType type =
        convert(f, "partnerDetails.partnerType", "partnerType", PartnerType::fromWire);
    final String c = "partnerDetails.billingContact.";
    Contact contact =
        new Contact(
            text(f, c + "name", "partnerContactName"),
            text(f, c + "email", "partnerContactEmail"),
            text(f, c + "phone", null),
            text(f, c + "address1", null),
            text(f, c + "address2", null),
            text(f, c + "city", null),
            text(f, c + "state", null),
            text(f, c + "postcode", null));
    if (name == null && type == null) {
      if (!contact.isEmpty()) {
        throw new WireFormatException(
            f.source,
            f.recordLocation(),
            "partnerDetails",
            null,
            "has a partner contact but neither partnerName nor partnerType",
            null);
      }
      return null;
    }
    return new Partner(name, type, contact);
  }

  private static String text(Fields f, String jsonPath, String csvColumn) {
    Fields.Value value = f.value(jsonPath, csvColumn);
    return value == null ? null : value.text();
  }

  private static Tier tier(Fields f, String jsonPath, String csvColumn) {
    Fields.Value value = f.value(jsonPath, csvColumn);
    return value == null ? Tier.undefined() : convert(f, value, Tier::parse);
  }

  private static Money money(Fields f, String jsonPath, String csvColumn) {
    return convert(f, jsonPath, csvColumn, Money::parse);
  }

  private static LocalDate date(Fields f, String jsonPath, String csvColumn) {
    Fields.Value value = f.value(jsonPath, csvColumn);
    return value == null ? null : parseDate(f, value);
  }

  /** Insight dates read {@code "NA"} or {@code "Pending"} before data arrives (§7.4). */
  private static LocalDate insightDate(Fields f, String name) {
    Fields.Value value = f.value(name, name);
    if (value == null || !Character.isDigit(value.text().charAt(0))) {
      return null;
    }
    return parseDate(f, value);
  }

  private static Instant lastUpdated(Fields f) {
    LocalDate date = date(f, "lastUpdated", "lastUpdated");
    return date == null ? null : date.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** {@code YYYY-MM-DD}, read without a formatter: every record has several dates. */
  private static LocalDate parseDate(Fields f, Fields.Value value) {
    String text = value.text();
    if (!isoDateShape(text)) {
      throw new WireFormatException(
          f.source,
          value.location(),
          value.field(),
          text,
          "is not a date (expected YYYY-MM-DD)",
          null);
    }
    try {
      return LocalDate.of(digits(text, 0, 4), digits(text, 5, 7), digits(text, 8, 10));
    } catch (DateTimeException e) {
      throw new WireFormatException(
          f.source,
          value.location(),
          value.field(),
          text,
          "is not a calendar date (expected YYYY-MM-DD)",
          e);
    }
  }

  private static boolean isoDateShape(String text) {
    if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-') {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      char c = text.charAt(i);
      if (i != 4 && i != 7 && (c < '0' || c > '9')) {
        return false;
      }
    }
    return true;
  }

  private static int digits(String text, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n = n * 10 + (text.charAt(i) - '0');
    }
    return n;
  }

  private static <T> T convert(
      Fields f, String jsonPath, String csvColumn, Function<String, T> parse) {
    Fields.Value value = f.value(jsonPath, csvColumn);
    return value == null ? null : convert(f, value, parse);
  }

  private static <T> T convert(Fields f, Fields.Value value, Function<String, T> parse) {
    try {
      return parse.apply(value.text());
    } catch (ModelException e) {
      throw new WireFormatException(
          f.source, value.location(), value.field(), value.text(), expected(e), e);
    }
  }

  /** Builds a model object; an invariant it breaks is reported at the record's location. */
  private static <T> T construct(Fields f, Supplier<T> build) {
    try {
      return build.get();
    } catch (ModelException e) {
      throw new WireFormatException(f.source, f.recordLocation(), e.getMessage(), e);
    }
  }

  private static <T> T construct(Fields f, Fields.Value at, Supplier<T> build) {
    try {
      return build.get();
    } catch (ModelException e) {
      throw new WireFormatException(f.source, at.location(), at.field(), at.text(), expected(e), e);
    }
  }

  /** The model's message without its leading {@code field: "value"}, to avoid saying it twice. */
  private static String expected(ModelException e) {
    String prefix = e.field() + ": " + (e.value() == null ? "null" : "\"" + e.value() + "\"") + " ";
    String message = e.getMessage();
    String rest = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    int colon = rest.indexOf(": expected ");
    return colon < 0 ? rest : rest.substring(0, colon) + " (" + rest.substring(colon + 2) + ")";
  }
}
