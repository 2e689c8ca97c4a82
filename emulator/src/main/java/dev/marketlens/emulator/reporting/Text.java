package dev.marketlens.emulator.reporting;

import dev.marketlens.emulator.wire.Contact;
import dev.marketlens.emulator.wire.ContactDetails;
import dev.marketlens.emulator.wire.LicenseIds;
import dev.marketlens.emulator.wire.PartnerDetails;

/** The {@code text} filter: a case-insensitive substring of any searchable field. */
final class Text {

  private final String needle;

  private Text(String needle) {
    this.needle = needle;
  }

  /** The filter for a {@code text} value, or null when there is none. */
  static Text of(String value) {
    return value == null || value.isEmpty() ? null : new Text(value);
  }

  /** Whether {@code value} contains the text, ignoring case, without allocating. */
  boolean in(String value) {
    if (value == null) {
      return false;
    }
    int last = value.length() - needle.length();
    for (int i = 0; i <= last; i++) {
      if (value.regionMatches(true, i, needle, 0, needle.length())) {
        return true;
      }
    }
    return false;
  }

  boolean in(LicenseIds ids) {
    return in(ids.licenseId())
        || in(ids.addonLicenseId())
        || in(ids.appEntitlementId())
        || in(ids.appEntitlementNumber())
        || in(ids.hostEntitlementNumber())
        || in(ids.cloudId())
        || in(ids.cloudSiteHostname());
  }

  boolean in(ContactDetails c) {
    return c != null && (in(c.company()) || in(c.technicalContact()) || in(c.billingContact()));
  }

  boolean in(PartnerDetails p) {
    return p != null && (in(p.partnerName()) || in(p.billingContact()));
  }

  private boolean in(Contact c) {
    return c != null && (in(c.email()) || in(c.name()));
  }
}
