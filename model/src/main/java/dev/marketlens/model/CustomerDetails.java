package dev.marketlens.model;

/**
 * Who holds a license or bought a sale: company, billing country and region (each null when
 * absent), and the technical and billing contacts ({@link Contact#none()} when absent).
 */
public record CustomerDetails(
    String company,
    String country,
    String region,
    Contact technicalContact,
    Contact billingContact) {

  private static final CustomerDetails NONE = new CustomerDetails(null, null, null, null, null);

  public CustomerDetails {
    company = Text.blankToNull(company);
    country = Text.blankToNull(country);
    region = Text.blankToNull(region);
    technicalContact = technicalContact == null ? Contact.none() : technicalContact;
    billingContact = billingContact == null ? Contact.none() : billingContact;
  }

  public static CustomerDetails none() {
    return NONE;
  }

  /** True when the company or a contact was redacted on request (K20). */
  public boolean isRedacted() {
    return Contact.REDACTED.equals(company)
        || technicalContact.isRedacted()
        || billingContact.isRedacted();
  }
}
