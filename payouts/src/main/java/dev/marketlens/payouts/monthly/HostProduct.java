package dev.marketlens.payouts.monthly;

import java.util.Locale;

/**
 * The Atlassian product an app extends, as far as the revenue share cares (seed 004, SR-V1/SR-V2):
 * Jira, Jira Service Management (formerly Jira Service Desk) and Confluence apps get the
 * hosting-specific rates; apps of every other product get one rate on every hosting.
 */
public enum HostProduct {
  JIRA("Jira"),
  JIRA_SERVICE_MANAGEMENT("Jira Service Management"),
  CONFLUENCE("Confluence"),
  /** Bitbucket, Bamboo, Crowd, Fisheye … — every product without hosting-specific rates. */
  OTHER("other product");

  private final String label;

  HostProduct(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** SR-V1: the products whose apps get the hosting-specific rates. */
  public boolean hasHostingSpecificShare() {
    return this != OTHER;
  }

  /**
   * A product by name, in any case, with or without spaces: {@code Jira}, {@code Jira Software},
   * {@code Jira Service Management}, {@code Jira Service Desk}, {@code JSM}, {@code Confluence};
   * any other non-blank name (Bitbucket, Bamboo …) is {@link #OTHER}; null for blank text and for
   * {@code Pending} (the API's placeholder while insights are computed).
   */
  public static HostProduct named(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "").replace("-", "");
    return switch (t) {
      case "pending", "na", "n/a", "unknown" -> null;
      case "jira", "jirasoftware", "jiracore", "jirawork", "jirabusiness" -> JIRA;
      case "jiraservicemanagement", "jiraservicedesk", "jsm", "servicedesk" ->
          JIRA_SERVICE_MANAGEMENT;
      case "confluence" -> CONFLUENCE;
      default -> OTHER;
    };
  }
}
