package dev.marketlens.sync.wire;

import dev.marketlens.model.Contact;
import dev.marketlens.model.CustomerDetails;
import dev.marketlens.model.Discount;
import dev.marketlens.model.Money;
import dev.marketlens.model.Partner;
import dev.marketlens.model.Tier;
import dev.marketlens.model.id.LicenseIds;
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
import java.io.Writer;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;

/**
 * One license or transaction line as a JSON object in the export's shape (spec §7.3, §8.3): the
 * spec's field names and nesting, properties in the order of the spec's tables (the order the
 * emulator writes), absent values, empty lists and empty objects omitted, amounts as {@code 40.0}
 * and dates as {@code YYYY-MM-DD}. The text is canonical: {@link ExportReader} reads it back to an
 * equal record, and equal records give equal text.
 *
 * <p>Two fields have no JSON twin in the spec and are written under their CSV names: a license's
 * {@code upgradeEvaluationEndDate} and a transaction line's {@code isInvoiceManual} only when true
 * (as the API does). Thread-safe; each thread reuses one text buffer.
 */
public final class WireJson {

  static final JsonFactory FACTORY =
      JsonFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

  /** Writes root values back to back, with nothing between them, for {@link Encoder}. */
  private static final JsonFactory BACK_TO_BACK =
      JsonFactory.builder()
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .rootValueSeparator((String) null)
          .build();

  private static final ThreadLocal<Encoder> ENCODER = ThreadLocal.withInitial(Encoder::new);

  private WireJson() {}

  /** The license fields an export in CSV has no column for (JSON paths). */
  private static final List<String> LICENSE_FIELDS_NOT_IN_CSV =
      List.of(
          "productId",
          "latestEvaluationStartDate",
          "latestMaintenanceStartDate",
          "newBillingSystem",
          "inGracePeriod",
          "invoiceDunningReason",
          "cloudComplianceBoundaries",
          "licenseLevel",
          "multiInstanceEntitlementId",
          "multiInstanceEntitlementNumber",
          "recordCreatedDate");

  /** The transaction fields an export in CSV has no column for (JSON paths). */
  private static final List<String> TRANSACTION_FIELDS_NOT_IN_CSV =
      List.of(
          "productId",
          "cloudComplianceBoundaries",
          "licenseLevel",
          "purchaseDetails.proratedDetails");

  /**
   * The fields of this JSON shape that an export of {@code kind} in {@code format} cannot carry
   * (JSON paths, each with everything under it): a record read from such an export says nothing
   * about them. Empty for JSON.
   */
  public static List<String> fieldsNotCarried(ExportKind kind, ExportFormat format) {
    if (format == ExportFormat.JSON) {
      return List.of();
    }
    return kind == ExportKind.LICENSES ? LICENSE_FIELDS_NOT_IN_CSV : TRANSACTION_FIELDS_NOT_IN_CSV;
  }

  /** The license as one JSON object of a license export. */
  public static String license(License license) {
    Encoder encoder = ENCODER.get();
    try {
      writeLicense(encoder.generator, license);
      return encoder.take();
    } catch (RuntimeException | Error e) {
      ENCODER.remove(); // the generator may be mid-object; start afresh next time
      throw e;
    }
  }

  /** The transaction line as one JSON object of a transaction export. */
  public static String transaction(TransactionLine line) {
    Encoder encoder = ENCODER.get();
    try {
      writeTransaction(encoder.generator, line);
      return encoder.take();
    } catch (RuntimeException | Error e) {
      ENCODER.remove();
      throw e;
    }
  }

  /** {@code dunningStatus} as compact JSON text, as the CSV export carries it. */
  static String dunningText(List<DunningAttempt> attempts) {
    TextBuffer buffer = new TextBuffer();
    try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), buffer)) {
      dunningArray(g, attempts);
    }
    return buffer.text();
  }

  static void writeLicense(JsonGenerator g, License l) {
    LicenseDetails d = l.details();
    DataInsights insights = l.insights();
    g.writeStartObject();
    ids(g, l.ids());
    string(g, "cloudSiteHostname", l.cloudSiteHostname());
    string(g, "addonKey", l.app());
    string(g, "productId", l.productId());
    string(g, "addonName", l.appName());
    string(g, "hosting", l.hosting().wire());
    string(g, "appEdition", l.appEdition());
    UpgradeEvaluation upgrade = d.upgradeEvaluation();
    if (upgrade != null) {
      string(g, "upgradeEvaluationStartDate", WireText.date(upgrade.startDate()));
      string(g, "upgradeEvaluatingEdition", upgrade.edition());
      string(g, "upgradeEvaluationEndDate", WireText.date(upgrade.endDate()));
    }
    string(g, "latestEvaluationStartDate", WireText.date(d.latestEvaluationStartDate()));
    string(g, "latestMaintenanceStartDate", WireText.date(d.latestMaintenanceStartDate()));
    string(g, "newBillingSystem", d.newBillingSystem());
    string(g, "lastUpdated", WireText.day(l.lastUpdated()));
    string(g, "licenseType", l.licenseType().wire());
    string(g, "maintenanceStartDate", WireText.date(l.maintenanceStartDate()));
    string(g, "maintenanceEndDate", WireText.date(l.maintenanceEndDate()));
    string(g, "status", l.status().wire());
    tier(g, "tier", l.tier());
    CmtDetails cmt = d.cmt();
    if (cmt != null) {
      g.writeObjectPropertyStart("cmtDetails");
      string(g, "status", cmt.status());
      string(g, "relatedOnPremLicense", cmt.relatedOnPremLicense());
      g.writeEndObject();
    }
    customer(g, "contactDetails", l.customer());
    partner(g, l.partner());
    if (insights != null && insights.attribution() != null) {
      attribution(g, insights.attribution());
    }
    string(g, "extendedServerSupport", d.extendedServerSupport());
    string(g, "licenseSourceType", d.licenseSourceType());
    if (insights != null) {
      string(g, "evaluationOpportunitySize", insights.evaluationOpportunitySize());
      string(g, "evaluationLicense", insights.evaluationLicense());
      string(g, "daysToConvertEval", insights.daysToConvertEval());
      string(g, "evaluationStartDate", WireText.date(insights.evaluationStartDate()));
      string(g, "evaluationEndDate", WireText.date(insights.evaluationEndDate()));
      string(g, "evaluationSaleDate", WireText.date(insights.evaluationSaleDate()));
      string(g, "parentProductBillingCycle", insights.parentProductBillingCycle());
      string(g, "parentProductName", insights.parentProductName());
      string(g, "parentProductEdition", insights.parentProductEdition());
      string(g, "installedOnSandbox", insights.installedOnSandbox());
    }
    string(g, "transactionAccountId", d.transactionAccountId());
    string(g, "inGracePeriod", d.inGracePeriod());
    string(g, "invoiceDunningReason", d.invoiceDunningReason());
    strings(g, "cloudComplianceBoundaries", d.cloudComplianceBoundaries());
    string(g, "licenseLevel", d.licenseLevel());
    string(g, "multiInstanceEntitlementId", d.multiInstanceEntitlementId());
    string(g, "multiInstanceEntitlementNumber", d.multiInstanceEntitlementNumber());
    string(g, "recordCreatedDate", WireText.date(d.recordCreatedDate()));
    g.writeEndObject();
  }

  static void writeTransaction(JsonGenerator g, TransactionLine t) {
    SaleDetails d = t.details();
    g.writeStartObject();
    string(g, "transactionId", t.transactionId());
    string(g, "transactionLineItemId", t.lineItemId());
    ids(g, t.licenseIds());
    string(g, "addonKey", t.app());
    string(g, "productId", t.productId());
    string(g, "addonName", t.appName());
    string(g, "lastUpdated", WireText.day(t.lastUpdated()));
    string(g, "appEdition", d.appEdition());
    string(g, "paymentStatus", t.paymentStatus() == null ? null : t.paymentStatus().wire());
    if (!d.dunningStatus().isEmpty()) {
      g.writeName("dunningStatus");
      dunningArray(g, d.dunningStatus());
    }
    if (t.manualInvoice()) {
      g.writeBooleanProperty("isInvoiceManual", true);
    }
    strings(g, "cloudComplianceBoundaries", d.cloudComplianceBoundaries());
    string(g, "licenseLevel", d.licenseLevel());
    customer(g, "customerDetails", t.customer());
    partner(g, t.partner());
    g.writeObjectPropertyStart("purchaseDetails");
    string(g, "saleDate", WireText.date(t.saleDate()));
    string(g, "licenseType", t.licenseType() == null ? null : t.licenseType().wire());
    string(g, "hosting", t.hosting().wire());
    string(g, "billingPeriod", t.billingPeriod().wire());
    string(g, "changeInBillingPeriod", d.changeInBillingPeriod());
    string(g, "oldBillingPeriod", d.oldBillingPeriod());
    tier(g, "tier", t.tier());
    string(g, "changeInTier", t.changeInTier() == null ? null : t.changeInTier().wire());
    if (t.oldTier() != null) {
      tier(g, "oldTier", t.oldTier());
    }
    ParentProduct parent = t.parentProduct();
    if (parent != null) {
      string(g, "parentProductName", parent.name());
      string(g, "parentProductEdition", parent.edition());
      string(g, "changeInParentProductEdition", parent.changeInEdition());
      string(g, "oldParentProductEdition", parent.oldEdition());
    }
    amount(g, "purchasePrice", t.purchasePrice());
    amount(g, "vendorAmount", t.vendorAmount());
    amount(g, "partnerDiscountAmount", t.legacyPartnerDiscountAmount());
    if (!t.discounts().isEmpty()) {
      g.writeArrayPropertyStart("discounts");
      for (Discount discount : t.discounts()) {
        g.writeStartObject();
        string(g, "type", discount.type().wire());
        amount(g, "amount", discount.amount());
        string(g, "code", discount.code());
        string(g, "reason", discount.reason());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    string(g, "refundReason", d.refundReason());
    string(g, "creditNoteReason", d.creditNoteReason());
    string(g, "saleType", t.saleType() == null ? null : t.saleType().wire());
    string(g, "maintenanceStartDate", WireText.date(t.maintenanceStartDate()));
    string(g, "maintenanceEndDate", WireText.date(t.maintenanceEndDate()));
    string(g, "paymentTerms", d.paymentTerms() == null ? null : d.paymentTerms().wire());
    OriginalTransaction original = t.originalTransaction();
    if (original != null) {
      g.writeObjectPropertyStart("originalTransactionDetails");
      string(g, "transactionId", original.transactionId());
      string(g, "saleDate", WireText.date(original.saleDate()));
      g.writeEndObject();
    }
    if (!d.proratedDetails().isEmpty()) {
      g.writeArrayPropertyStart("proratedDetails");
      for (ProratedDetail detail : d.proratedDetails()) {
        g.writeStartObject();
        g.writeNumberProperty("addedUsers", detail.addedUsers());
        string(g, "date", WireText.date(detail.date()));
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
    g.writeEndObject();
  }

  private static void ids(JsonGenerator g, LicenseIds ids) {
    string(g, "addonLicenseId", ids.addonLicenseId());
    string(g, "hostLicenseId", ids.hostLicenseId());
    string(g, "licenseId", ids.licenseId());
    string(g, "appEntitlementId", ids.appEntitlementId());
    string(g, "appEntitlementNumber", ids.appEntitlementNumber());
    string(g, "hostEntitlementId", ids.hostEntitlementId());
    string(g, "hostEntitlementNumber", ids.hostEntitlementNumber());
    string(g, "cloudId", ids.cloudId());
  }

  private static void customer(JsonGenerator g, String name, CustomerDetails c) {
    if (c.company() == null
        && c.country() == null
        && c.region() == null
        && c.technicalContact().isEmpty()
        && c.billingContact().isEmpty()) {
      return;
    }
    g.writeObjectPropertyStart(name);
    string(g, "company", c.company());
    string(g, "country", c.country());
    string(g, "region", c.region());
    contact(g, "technicalContact", c.technicalContact());
    contact(g, "billingContact", c.billingContact());
    g.writeEndObject();
  }

  private static void partner(JsonGenerator g, Partner p) {
    if (p == null) {
      return;
    }
    g.writeObjectPropertyStart("partnerDetails");
    string(g, "partnerName", p.name());
    string(g, "partnerType", p.type() == null ? null : p.type().wire());
    contact(g, "billingContact", p.contact());
    g.writeEndObject();
  }

  private static void contact(JsonGenerator g, String name, Contact c) {
    if (c.isEmpty()) {
      return;
    }
    g.writeObjectPropertyStart(name);
    string(g, "email", c.email());
    string(g, "name", c.name());
    string(g, "phone", c.phone());
    string(g, "address1", c.address1());
    string(g, "address2", c.address2());
    string(g, "city", c.city());
    string(g, "state", c.state());
    string(g, "postcode", c.postcode());
    g.writeEndObject();
  }

  private static void attribution(JsonGenerator g, Attribution a) {
    g.writeObjectPropertyStart("attribution");
    string(g, "channel", a.channel());
    string(g, "referrerDomain", a.referrerDomain());
    string(g, "campaignSource", a.campaignSource());
    string(g, "campaignMedium", a.campaignMedium());
    string(g, "campaignName", a.campaignName());
    string(g, "campaignContent", a.campaignContent());
    g.writeEndObject();
  }

  private static void dunningArray(JsonGenerator g, List<DunningAttempt> attempts) {
    g.writeStartArray();
    for (DunningAttempt a : attempts) {
      g.writeStartObject();
      g.writeNumberProperty("attemptCount", a.attemptCount());
      string(g, "errorCode", a.errorCode());
      string(g, "paymentAttemptDate", WireText.date(a.paymentAttemptDate()));
      string(g, "nextPaymentAttemptDate", WireText.date(a.nextPaymentAttemptDate()));
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  private static void strings(JsonGenerator g, String name, List<String> values) {
    if (values.isEmpty()) {
      return;
    }
    g.writeArrayPropertyStart(name);
    for (String value : values) {
      g.writeString(value);
    }
    g.writeEndArray();
  }

  private static void tier(JsonGenerator g, String name, Tier tier) {
    if (tier.isDefined()) {
      g.writeStringProperty(name, tier.toString());
    }
  }

  private static void amount(JsonGenerator g, String name, Money amount) {
    if (amount != null) {
      g.writeName(name);
      g.writeNumber(WireText.amount(amount));
    }
  }

  private static void string(JsonGenerator g, String name, Object value) {
    if (value != null) {
      g.writeStringProperty(name, value.toString());
    }
  }

  /**
   * One generator per thread, kept open: each record is one root value, taken out of the buffer
   * after it is written, so no generator is created per record.
   */
  private static final class Encoder {
    private final TextBuffer buffer = new TextBuffer();
    private final JsonGenerator generator =
        BACK_TO_BACK.createGenerator(ObjectWriteContext.empty(), buffer);

    String take() {
      generator.flush();
      String text = buffer.text();
      buffer.reset();
      return text;
    }
  }

  /** A writer into a reusable, unsynchronised text buffer. */
  private static final class TextBuffer extends Writer {
    private final StringBuilder text = new StringBuilder(2048);

    void reset() {
      if (text.capacity() > 1 << 16) {
        text.setLength(0);
        text.trimToSize();
      }
      text.setLength(0);
    }

    String text() {
      return text.toString();
    }

    @Override
    public void write(char[] chars, int offset, int length) {
      text.append(chars, offset, length);
    }

    @Override
    public void write(String string, int offset, int length) {
      text.append(string, offset, length);
    }

    @Override
    public void write(int c) {
      text.append((char) c);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
