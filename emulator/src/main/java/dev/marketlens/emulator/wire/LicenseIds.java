package dev.marketlens.emulator.wire;

/**
 * Every identifier a license has carried. Server and Data Center licenses have {@code
 * addonLicenseId} and a SEN ({@code licenseId}); cloud licenses have entitlement ids and numbers, a
 * site ({@code cloudId}) and, when created before the move to Atlassian's new commerce platform,
 * also a SEN and a {@code hostLicenseId}. Data Center licenses gained entitlement numbers in
 * September 2025.
 */
public record LicenseIds(
    String addonLicenseId,
    String hostLicenseId,
    String licenseId,
    String appEntitlementId,
    String appEntitlementNumber,
    String hostEntitlementId,
    String hostEntitlementNumber,
    String cloudId,
    String cloudSiteHostname) {}
