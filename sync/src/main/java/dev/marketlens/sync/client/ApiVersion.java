package dev.marketlens.sync.client;

/** The two versions of the reporting API (spec §1.1, §12). */
public enum ApiVersion {
  /** {@code /rest/2/vendors/{vendorId}/reporting}, on {@code https://marketplace.atlassian.com}. */
  V2,
  /**
   * {@code /rest/3/reporting/developer-space/{developerId}}, on {@code
   * https://api.atlassian.com/marketplace}.
   */
  V3
}
