package dev.marketlens.sync.wire;

import dev.marketlens.model.Contact;
import dev.marketlens.model.CustomerDetails;
import dev.marketlens.model.Discount;
import dev.marketlens.model.DiscountType;
import dev.marketlens.model.Money;
import dev.marketlens.model.Partner;
import dev.marketlens.model.Tier;
import dev.marketlens.model.license.Attribution;
import dev.marketlens.model.license.DataInsights;
import dev.marketlens.model.license.License;
import dev.marketlens.model.license.UpgradeEvaluation;
import dev.marketlens.model.transaction.ParentProduct;
import dev.marketlens.model.transaction.TransactionLine;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The columns of the CSV exports (spec §7.5, §8.5) and how a model record fills each; null is an
 * empty cell.
 */
final class CsvColumns {

  /** Several distinct discount reasons or codes of one type in one cell. */
  static final String MULTI_VALUE_SEPARATOR = "; ";

  /** One column: its header name and its cell. */
  record Column<T>(String name, Function<T, String> cell) {}

  /** License columns: the live export's order, then the data-insight columns (spec §7.5). */
  static final List<Column<License>> LICENSE = licenseColumns();

  /** Transaction columns in the live export's order (spec §8.5), then {@code isInvoiceManual}. */
  static final List<Column<TransactionLine>> TRANSACTION = transactionColumns();

  private CsvColumns() {}

  private static List<Column<License>> licenseColumns() {
    List<Column<License>> c = new ArrayList<>();
    c.add(col("addonLicenseId", l -> WireText.text(l.ids().addonLicenseId())));
    c.add(col("hostLicenseId", l -> WireText.text(l.ids().hostLicenseId())));
    c.add(col("licenseId", l -> WireText.text(l.ids().licenseId())));
    c.add(col("addonKey", l -> WireText.text(l.app())));
    c.add(col("addonName", License::appName));
    c.add(col("licenseType", l -> l.licenseType().wire()));
    c.add(col("maintenanceStartDate", l -> WireText.date(l.maintenanceStartDate())));
    c.add(col("maintenanceEndDate", l -> WireText.date(l.maintenanceEndDate())));
    c.add(col("status", l -> l.status().wire()));
    c.add(col("hosting", l -> l.hosting().wire()));
    c.add(col("tier", l -> tier(l.tier())));
    customerColumns(c, License::customer, true);
    partnerColumns(c, License::partner);
    c.add(col("lastUpdated", l -> WireText.day(l.lastUpdated())));
    c.add(col("appEntitlementId", l -> WireText.text(l.ids().appEntitlementId())));
    c.add(col("appEntitlementNumber", l -> WireText.text(l.ids().appEntitlementNumber())));
    c.add(col("hostEntitlementId", l -> WireText.text(l.ids().hostEntitlementId())));
    c.add(col("hostEntitlementNumber", l -> WireText.text(l.ids().hostEntitlementNumber())));
    c.add(col("cloudId", l -> WireText.text(l.ids().cloudId())));
    c.add(col("cloudSiteHostname", License::cloudSiteHostname));
    c.add(col("cmtStatus", l -> l.details().cmt() == null ? null : l.details().cmt().status()));
    c.add(
        col(
            "cmtRelatedOnPremLicense",
            l -> l.details().cmt() == null ? null : l.details().cmt().relatedOnPremLicense()));
    c.add(col("extendedServerSupport", l -> l.details().extendedServerSupport()));
    c.add(col("licenseSourceType", l -> l.details().licenseSourceType()));
    c.add(col("transactionAccountId", l -> l.details().transactionAccountId()));
    c.add(col("appEdition", License::appEdition));
    c.add(col("upgradeEvaluationEdition", l -> upgrade(l, UpgradeEvaluation::edition)));
    c.add(col("upgradeEvaluationStartDate", l -> upgrade(l, u -> WireText.date(u.startDate()))));
    c.add(col("upgradeEvaluationEndDate", l -> upgrade(l, u -> WireText.date(u.endDate()))));
    c.add(insight("evaluationOpportunitySize", DataInsights::evaluationOpportunitySize));
    c.add(insight("evaluationLicense", DataInsights::evaluationLicense));
    c.add(insight("daysToConvertEval", DataInsights::daysToConvertEval));
    c.add(insight("evaluationStartDate", i -> WireText.date(i.evaluationStartDate())));
    c.add(insight("evaluationEndDate", i -> WireText.date(i.evaluationEndDate())));
    c.add(insight("evaluationSaleDate", i -> WireText.date(i.evaluationSaleDate())));
    c.add(attribution("channel", Attribution::channel));
    c.add(attribution("referrerDomain", Attribution::referrerDomain));
    c.add(attribution("campaignSource", Attribution::campaignSource));
    c.add(attribution("campaignMedium", Attribution::campaignMedium));
    c.add(attribution("campaignName", Attribution::campaignName));
    c.add(attribution("campaignContent", Attribution::campaignContent));
    c.add(insight("parentProductBillingCycle", DataInsights::parentProductBillingCycle));
    c.add(insight("parentProductName", DataInsights::parentProductName));
    c.add(insight("parentProductEdition", DataInsights::parentProductEdition));
    c.add(insight("installedOnSandbox", DataInsights::installedOnSandbox));
    return List.copyOf(c);
  }

  private static List<Column<TransactionLine>> transactionColumns() {
    List<Column<TransactionLine>> c = new ArrayList<>();
    c.add(col("saleDate", t -> WireText.date(t.saleDate())));
    c.add(col("transactionId", t -> WireText.text(t.transactionId())));
    c.add(col("addonLicenseId", t -> WireText.text(t.licenseIds().addonLicenseId())));
    c.add(col("hostLicenseId", t -> WireText.text(t.licenseIds().hostLicenseId())));
    c.add(col("licenseId", t -> WireText.text(t.licenseIds().licenseId())));
    c.add(col("addonName", TransactionLine::appName));
    c.add(col("addonKey", t -> WireText.text(t.app())));
    c.add(col("licenseType", t -> t.licenseType() == null ? null : t.licenseType().wire()));
    c.add(col("hosting", t -> t.hosting().wire()));
    c.add(col("changeInBillingPeriod", t -> t.details().changeInBillingPeriod()));
    c.add(col("oldBillingPeriod", t -> t.details().oldBillingPeriod()));
    c.add(col("billingPeriod", t -> t.billingPeriod().wire()));
    c.add(col("changeInTier", t -> t.changeInTier() == null ? null : t.changeInTier().wire()));
    c.add(col("oldTier", t -> t.oldTier() == null ? null : tier(t.oldTier())));
    c.add(col("tier", t -> tier(t.tier())));
    c.add(col("appEntitlementId", t -> WireText.text(t.licenseIds().appEntitlementId())));
    c.add(col("appEntitlementNumber", t -> WireText.text(t.licenseIds().appEntitlementNumber())));
    c.add(parent("parentProductName", ParentProduct::name));
    c.add(parent("changeInParentProductEdition", ParentProduct::changeInEdition));
    c.add(parent("oldParentProductEdition", ParentProduct::oldEdition));
    c.add(parent("parentProductEdition", ParentProduct::edition));
    c.add(col("hostEntitlementId", t -> WireText.text(t.licenseIds().hostEntitlementId())));
    c.add(col("hostEntitlementNumber", t -> WireText.text(t.licenseIds().hostEntitlementNumber())));
    c.add(col("cloudId", t -> WireText.text(t.licenseIds().cloudId())));
    c.add(col("maintenanceStartDate", t -> WireText.date(t.maintenanceStartDate())));
    c.add(col("maintenanceEndDate", t -> WireText.date(t.maintenanceEndDate())));
    c.add(col("saleType", t -> t.saleType() == null ? null : t.saleType().wire()));
    c.add(col("purchasePrice", t -> WireText.amount(t.purchasePrice())));
    c.add(col("vendorAmount", t -> WireText.amount(t.vendorAmount())));
    c.add(
        col(
            "partnerDiscountAmount",
            t ->
                t.legacyPartnerDiscountAmount() == null
                    ? null
                    : WireText.amount(t.legacyPartnerDiscountAmount())));
    c.add(col("paymentStatus", t -> t.paymentStatus() == null ? null : t.paymentStatus().wire()));
    c.add(
        col(
            "dunningStatus",
            t ->
                t.details().dunningStatus().isEmpty()
                    ? null
                    : WireJson.dunningText(t.details().dunningStatus())));
    c.add(col("refundReason", t -> t.details().refundReason()));
    c.add(col("creditNoteReason", t -> t.details().creditNoteReason()));
    c.add(discountAmount("loyaltyDiscountAmount", DiscountType.LOYALTY_DISCOUNT));
    c.add(discountText("loyaltyDiscountReason", DiscountType.LOYALTY_DISCOUNT, Discount::reason));
    c.add(discountAmount("marketplacePromotionDiscountAmount", DiscountType.MARKETPLACE_PROMOTION));
    c.add(
        discountText(
            "marketplacePromotionDiscountCode",
            DiscountType.MARKETPLACE_PROMOTION,
            Discount::code));
    c.add(
        discountText(
            "marketplacePromotionDiscountReason",
            DiscountType.MARKETPLACE_PROMOTION,
            Discount::reason));
    c.add(discountAmount("expertDiscountAmount", DiscountType.EXPERT));
    c.add(discountText("expertDiscountReason", DiscountType.EXPERT, Discount::reason));
    c.add(discountAmount("manualDiscountAmount", DiscountType.MANUAL));
    c.add(discountText("manualDiscountReason", DiscountType.MANUAL, Discount::reason));
    c.add(
        col(
            "paymentTerms",
            t -> t.details().paymentTerms() == null ? null : t.details().paymentTerms().wire()));
    c.add(
        col(
            "originalTransactionId",
            t ->
                t.originalTransaction() == null
                    ? null
                    : t.originalTransaction().transactionId().toString()));
    c.add(
        col(
            "originalTransactionSaleDate",
            t ->
                t.originalTransaction() == null
                    ? null
                    : WireText.date(t.originalTransaction().saleDate())));
    customerColumns(c, TransactionLine::customer, false);
    c.add(col("partnerType", t -> partnerType(t.partner())));
    c.add(col("partnerName", t -> t.partner() == null ? null : t.partner().name()));
    c.add(col("partnerContactEmail", t -> partnerContact(t.partner(), Contact::email)));
    c.add(col("partnerContactName", t -> partnerContact(t.partner(), Contact::name)));
    c.add(col("lastUpdated", t -> WireText.day(t.lastUpdated())));
    c.add(col("transactionLineItemId", t -> WireText.text(t.lineItemId())));
    c.add(col("appEdition", t -> t.details().appEdition()));
    c.add(col("isInvoiceManual", t -> t.manualInvoice() ? "true" : null));
    return List.copyOf(c);
  }

  /**
   * {@code company} … contacts: licenses carry all eight contact fields (name first), transactions
   * name and email of each contact.
   */
  private static <T> void customerColumns(
      List<Column<T>> c, Function<T, CustomerDetails> customer, boolean full) {
    c.add(col("company", r -> customer.apply(r).company()));
    c.add(col("country", r -> customer.apply(r).country()));
    c.add(col("region", r -> customer.apply(r).region()));
    for (String role : new String[] {"technicalContact", "billingContact"}) {
      Function<T, Contact> contact =
          r ->
              role.equals("technicalContact")
                  ? customer.apply(r).technicalContact()
                  : customer.apply(r).billingContact();
      c.add(col(role + "Name", r -> contact.apply(r).name()));
      c.add(col(role + "Email", r -> contact.apply(r).email()));
      if (full) {
        c.add(col(role + "Phone", r -> contact.apply(r).phone()));
        c.add(col(role + "Address1", r -> contact.apply(r).address1()));
        c.add(col(role + "Address2", r -> contact.apply(r).address2()));
        c.add(col(role + "City", r -> contact.apply(r).city()));
        c.add(col(role + "State", r -> contact.apply(r).state()));
        c.add(col(role + "Postcode", r -> contact.apply(r).postcode()));
      }
    }
  }

  /** The license order: type, name, contact name, contact email. */
  private static <T> void partnerColumns(List<Column<T>> c, Function<T, Partner> partner) {
    c.add(col("partnerType", r -> partnerType(partner.apply(r))));
    c.add(col("partnerName", r -> partner.apply(r) == null ? null : partner.apply(r).name()));
    c.add(col("partnerContactName", r -> partnerContact(partner.apply(r), Contact::name)));
    c.add(col("partnerContactEmail", r -> partnerContact(partner.apply(r), Contact::email)));
  }

  private static String partnerType(Partner partner) {
    return partner == null || partner.type() == null ? null : partner.type().wire();
  }

  private static String partnerContact(Partner partner, Function<Contact, String> field) {
    return partner == null ? null : field.apply(partner.contact());
  }

  private static String tier(Tier tier) {
    return tier.isDefined() ? tier.toString() : null;
  }

  private static String upgrade(License l, Function<UpgradeEvaluation, String> field) {
    UpgradeEvaluation upgrade = l.details().upgradeEvaluation();
    return upgrade == null ? null : field.apply(upgrade);
  }

  private static Column<License> insight(String name, Function<DataInsights, String> field) {
    return col(name, l -> l.insights() == null ? null : field.apply(l.insights()));
  }

  private static Column<License> attribution(String name, Function<Attribution, String> field) {
    return col(
        name,
        l ->
            l.insights() == null || l.insights().attribution() == null
                ? null
                : field.apply(l.insights().attribution()));
  }

  private static Column<TransactionLine> parent(
      String name, Function<ParentProduct, String> field) {
    return col(name, t -> t.parentProduct() == null ? null : field.apply(t.parentProduct()));
  }

  /** The sum of the discounts of one type; empty when the line has none of it. */
  private static Column<TransactionLine> discountAmount(String name, DiscountType type) {
    return col(
        name,
        t -> {
          Money sum = null;
          for (Discount d : t.discounts()) {
            if (d.type() == type) {
              sum = sum == null ? d.amount() : sum.plus(d.amount());
            }
          }
          return sum == null ? null : WireText.amount(sum);
        });
  }

  /** The distinct reasons or codes of one type's discounts, in order, joined. */
  private static Column<TransactionLine> discountText(
      String name, DiscountType type, Function<Discount, String> field) {
    return col(
        name,
        t -> {
          List<String> values = new ArrayList<>(1);
          for (Discount d : t.discounts()) {
            String value = d.type() == type ? field.apply(d) : null;
            if (value != null && !values.contains(value)) {
              values.add(value);
            }
          }
          return values.isEmpty() ? null : String.join(MULTI_VALUE_SEPARATOR, values);
        });
  }

  private static <T> Column<T> col(String name, Function<T, String> cell) {
    return new Column<>(name, cell);
  }
}
