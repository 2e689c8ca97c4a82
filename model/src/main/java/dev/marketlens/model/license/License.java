package dev.marketlens.model.license;

import static dev.marketlens.model.ModelException.required;

import dev.marketlens.model.CustomerDetails;
import dev.marketlens.model.Hosting;
import dev.marketlens.model.LicenseStatus;
import dev.marketlens.model.LicenseType;
import dev.marketlens.model.ModelException;
import dev.marketlens.model.Partner;
import dev.marketlens.model.Tier;
import dev.marketlens.model.id.AppKey;
import dev.marketlens.model.id.LicenseIds;
import dev.marketlens.model.id.ProductId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * A license as the platform holds it (spec §7.3). Optional components are null when absent and read
 * through the {@code Optional} accessors: {@code appName}, {@code productId}, {@code appEdition},
 * {@code maintenanceEndDate} (optional in the swagger), {@code cloudSiteHostname}, {@code partner}
 * and {@code insights}.
 *
 * @param ids the license's identifiers, at least one present
 * @param app the app's key
 * @param lastUpdated the last change of the record in Atlassian's systems; the API sends a date,
 *     which the reader places at the start of that day in UTC
 * @param customer company, country, region and contacts; {@link CustomerDetails#none()} if absent
 * @param details the commerce and support fields ({@code cmtDetails}, {@code
 *     extendedServerSupport}, …); {@link LicenseDetails#none()} if absent
 */
public record License(
    LicenseIds ids,
    AppKey app,
    String appName,
    ProductId productId,
    Hosting hosting,
    LicenseType licenseType,
    LicenseStatus status,
    Tier tier,
    String appEdition,
    LocalDate maintenanceStartDate,
    LocalDate maintenanceEndDate,
    Instant lastUpdated,
    CustomerDetails customer,
    Partner partner,
    String cloudSiteHostname,
    DataInsights insights,
    LicenseDetails details) {

  public License {
    required("license ids", ids);
    required("addonKey", app);
    required("hosting", hosting);
    required("licenseType", licenseType);
    required("status", status);
    tier = tier == null ? Tier.undefined() : tier;
    required("maintenanceStartDate", maintenanceStartDate);
    required("lastUpdated", lastUpdated);
    if (maintenanceEndDate != null && maintenanceEndDate.isBefore(maintenanceStartDate)) {
      throw new ModelException(
          "maintenanceEndDate",
          maintenanceEndDate,
          "is before maintenanceStartDate " + maintenanceStartDate + " of license " + label(ids));
    }
    customer = customer == null ? CustomerDetails.none() : customer;
    details = details == null ? LicenseDetails.none() : details;
  }

  /** A license without the {@link LicenseDetails} fields. */
  public License(
      LicenseIds ids,
      AppKey app,
      String appName,
      ProductId productId,
      Hosting hosting,
      LicenseType licenseType,
      LicenseStatus status,
      Tier tier,
      String appEdition,
      LocalDate maintenanceStartDate,
      LocalDate maintenanceEndDate,
      Instant lastUpdated,
      CustomerDetails customer,
      Partner partner,
      String cloudSiteHostname,
      DataInsights insights) {
    this(
        ids,
        app,
        appName,
        productId,
        hosting,
        licenseType,
        status,
        tier,
        appEdition,
        maintenanceStartDate,
        maintenanceEndDate,
        lastUpdated,
        customer,
        partner,
        cloudSiteHostname,
        insights,
        null);
  }

  public boolean isEvaluation() {
    return licenseType == LicenseType.EVALUATION;
  }

  public boolean isCloud() {
    return hosting == Hosting.CLOUD;
  }

  public Optional<LocalDate> maintenanceEnd() {
    return Optional.ofNullable(maintenanceEndDate);
  }

  public Optional<Partner> partnerDetails() {
    return Optional.ofNullable(partner);
  }

  public Optional<DataInsights> dataInsights() {
    return Optional.ofNullable(insights);
  }

  /** The id a person would search for: SEN, entitlement number, then the other ids. */
  private static String label(LicenseIds ids) {
    Object[] candidates = {
      ids.licenseId(),
      ids.appEntitlementNumber(),
      ids.addonLicenseId(),
      ids.appEntitlementId(),
      ids.hostLicenseId(),
      ids.hostEntitlementNumber(),
      ids.hostEntitlementId(),
      ids.cloudId()
    };
    for (Object id : candidates) {
      if (id != null) {
        return id.toString();
      }
    }
    return ids.toString();
  }
}
