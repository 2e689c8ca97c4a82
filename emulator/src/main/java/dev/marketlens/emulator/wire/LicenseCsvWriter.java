package dev.marketlens.emulator.wire;

import static dev.marketlens.emulator.wire.WireCsv.column;
import static dev.marketlens.emulator.wire.WireCsv.contact;
import static dev.marketlens.emulator.wire.WireCsv.date;
import static dev.marketlens.emulator.wire.WireCsv.details;
import static dev.marketlens.emulator.wire.WireCsv.ids;
import static dev.marketlens.emulator.wire.WireCsv.partner;
import static dev.marketlens.emulator.wire.WireCsv.wire;

import dev.marketlens.emulator.wire.WireCsv.Column;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;

/**
 * Writes licenses as the CSV export of the reporting API (spec §7.5): a header row of camelCase
 * names, then one row per license, RFC 4180 with CRLF row ends, every field double-quoted (empty
 * ones as {@code ""}), line breaks kept inside the quotes, null as an empty field. Columns are
 * exactly {@link #COLUMNS}, followed by {@link #INSIGHT_COLUMNS} with {@code withDataInsights};
 * there is never a {@code productId} column. The writer streams row by row.
 */
public final class LicenseCsvWriter implements ExportWriter<License> {

  private static final List<Column<License>> BASE =
      List.of(
          column("addonLicenseId", l -> ids(l.ids()).addonLicenseId()),
          column("hostLicenseId", l -> ids(l.ids()).hostLicenseId()),
          column("licenseId", l -> ids(l.ids()).licenseId()),
          column("addonKey", License::addonKey),
          column("addonName", License::addonName),
          column("licenseType", l -> wire(l.licenseType())),
          column("maintenanceStartDate", l -> date(l.maintenanceStartDate())),
          column("maintenanceEndDate", l -> date(l.maintenanceEndDate())),
          column("status", l -> wire(l.status())),
          column("hosting", l -> wire(l.hosting())),
          column("tier", l -> WireCsv.tier(l.tier())),
          column("company", l -> details(l.contactDetails()).company()),
          column("country", l -> details(l.contactDetails()).country()),
          column("region", l -> details(l.contactDetails()).region()),
          technical("Name", Contact::name),
          technical("Email", Contact::email),
          technical("Phone", Contact::phone),
          technical("Address1", Contact::address1),
          technical("Address2", Contact::address2),
          technical("City", Contact::city),
          technical("State", Contact::state),
          technical("Postcode", Contact::postcode),
          billing("Name", Contact::name),
          billing("Email", Contact::email),
          billing("Phone", Contact::phone),
          billing("Address1", Contact::address1),
          billing("Address2", Contact::address2),
          billing("City", Contact::city),
          billing("State", Contact::state),
          billing("Postcode", Contact::postcode),
          column("partnerType", l -> wire(partner(l.partnerDetails()).partnerType())),
          column("partnerName", l -> partner(l.partnerDetails()).partnerName()),
          column(
              "partnerContactName",
              l -> contact(partner(l.partnerDetails()).billingContact()).name()),
          column(
              "partnerContactEmail",
              l -> contact(partner(l.partnerDetails()).billingContact()).email()),
          column("lastUpdated", l -> date(l.lastUpdated())),
          column("appEntitlementId", l -> ids(l.ids()).appEntitlementId()),
          column("appEntitlementNumber", l -> ids(l.ids()).appEntitlementNumber()),
          column("hostEntitlementId", l -> ids(l.ids()).hostEntitlementId()),
          column("hostEntitlementNumber", l -> ids(l.ids()).hostEntitlementNumber()),
          column("cloudId", l -> ids(l.ids()).cloudId()),
          column("cloudSiteHostname", l -> ids(l.ids()).cloudSiteHostname()),
          column("cmtStatus", l -> l.cmtDetails() == null ? null : l.cmtDetails().status()),
          column(
              "cmtRelatedOnPremLicense",
              l -> l.cmtDetails() == null ? null : l.cmtDetails().relatedOnPremLicense()),
          column("extendedServerSupport", License::extendedServerSupport),
          column("licenseSourceType", License::licenseSourceType),
          column("transactionAccountId", License::transactionAccountId),
          column("appEdition", License::appEdition),
          column("upgradeEvaluationEdition", License::upgradeEvaluatingEdition),
          column("upgradeEvaluationStartDate", l -> date(l.upgradeEvaluationStartDate())),
          column("upgradeEvaluationEndDate", l -> date(l.upgradeEvaluationEndDate())));

  private static final List<Column<License>> INSIGHTS =
      List.of(
          insight("evaluationOpportunitySize", LicenseInsights::evaluationOpportunitySize),
          insight("evaluationLicense", LicenseInsights::evaluationLicense),
          insight("daysToConvertEval", LicenseInsights::daysToConvertEval),
          insight("evaluationStartDate", LicenseInsights::evaluationStartDate),
          insight("evaluationEndDate", LicenseInsights::evaluationEndDate),
          insight("evaluationSaleDate", LicenseInsights::evaluationSaleDate),
          attribution("channel", Attribution::channel),
          attribution("referrerDomain", Attribution::referrerDomain),
          attribution("campaignSource", Attribution::campaignSource),
          attribution("campaignMedium", Attribution::campaignMedium),
          attribution("campaignName", Attribution::campaignName),
          attribution("campaignContent", Attribution::campaignContent),
          insight("parentProductBillingCycle", LicenseInsights::parentProductBillingCycle),
          insight("parentProductName", LicenseInsights::parentProductName),
          insight("parentProductEdition", LicenseInsights::parentProductEdition),
          insight("installedOnSandbox", LicenseInsights::installedOnSandbox));

  /**
   * The columns of a license export without data insights, in the live export's order (spec §7.5).
   */
  public static final List<String> COLUMNS = WireCsv.names(BASE);

  /**
   * The columns {@code withDataInsights=true} appends after {@link #COLUMNS} (spec §7.5 [EMU]
   * order).
   */
  public static final List<String> INSIGHT_COLUMNS = WireCsv.names(INSIGHTS);

  /** {@link #COLUMNS} followed by {@link #INSIGHT_COLUMNS}. */
  public static final List<String> COLUMNS_WITH_INSIGHTS = WireCsv.names(concat(BASE, INSIGHTS));

  private final WireFormat wire;
  private final WireCsv.Table<License> table;

  /**
   * A writer of license CSV; only {@code wire}'s {@code withDataInsights} matters (CSV has no
   * {@code productId}).
   */
  public LicenseCsvWriter(WireFormat wire) {
    if (wire == null) {
      throw new IllegalArgumentException("a license writer needs a wire format");
    }
    this.wire = wire;
    this.table = new WireCsv.Table<>(wire.withDataInsights() ? concat(BASE, INSIGHTS) : BASE);
  }

  /** The header of a license export with or without data insights. */
  public static List<String> columns(boolean withDataInsights) {
    return withDataInsights ? COLUMNS_WITH_INSIGHTS : COLUMNS;
  }

  @Override
  public ExportFormat format() {
    return ExportFormat.CSV;
  }

  /** The wire options this writer applies. */
  public WireFormat wireFormat() {
    return wire;
  }

  @Override
  public void write(Iterator<? extends License> licenses, OutputStream out) {
    table.write(licenses, out);
  }

  private static Column<License> technical(String suffix, Function<Contact, String> field) {
    return column(
        "technicalContact" + suffix,
        l -> field.apply(contact(details(l.contactDetails()).technicalContact())));
  }

  private static Column<License> billing(String suffix, Function<Contact, String> field) {
    return column(
        "billingContact" + suffix,
        l -> field.apply(contact(details(l.contactDetails()).billingContact())));
  }

  private static Column<License> insight(String name, Function<LicenseInsights, String> field) {
    return column(name, l -> l.insights() == null ? null : field.apply(l.insights()));
  }

  private static Column<License> attribution(String name, Function<Attribution, String> field) {
    return column(
        name,
        l ->
            l.insights() == null || l.insights().attribution() == null
                ? null
                : field.apply(l.insights().attribution()));
  }

  private static <T> List<Column<T>> concat(List<Column<T>> first, List<Column<T>> second) {
    List<Column<T>> all = new ArrayList<>(first.size() + second.size());
    all.addAll(first);
    all.addAll(second);
    return List.copyOf(all);
  }
}
