package dev.marketlens.emulator.commerce;

/** The Atlassian product an app extends. */
public enum HostProduct {
  JIRA("Jira", true),
  CONFLUENCE("Confluence", true),
  /**
   * Jira Service Management (formerly Jira Service Desk); its apps report the parent product as
   * Jira.
   */
  JIRA_SERVICE_MANAGEMENT("Jira", true),
  BITBUCKET("Bitbucket", false),
  BAMBOO("Bamboo", false);

  private final String parentProductName;
  private final boolean coreProduct;

  HostProduct(String parentProductName, boolean coreProduct) {
    this.parentProductName = parentProductName;
    this.coreProduct = coreProduct;
  }

  /** {@code parentProductName} as the reporting API shows it. */
  public String parentProductName() {
    return parentProductName;
  }

  /**
   * Seed 004: Jira, Jira Service Desk and Confluence apps get the hosting-specific revenue share;
   * apps for other products get 75 % on every hosting.
   */
  public boolean hasHostingSpecificShare() {
    return coreProduct;
  }
}
