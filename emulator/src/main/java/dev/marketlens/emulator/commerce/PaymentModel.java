package dev.marketlens.emulator.commerce;

import dev.marketlens.emulator.wire.Hosting;

/** Seed 004: how customers pay for an app. */
public enum PaymentModel {
  /**
   * Customers buy from Atlassian; Atlassian reports sales and licenses and pays the partner a
   * revenue share.
   */
  PAID_VIA_ATLASSIAN,
  /** Customers buy from the partner, who runs its own licensing and billing. */
  PAID_VIA_VENDOR,
  /** Customers do not pay. */
  FREE;

  /**
   * Seed 004 (SR-R6): the payment model of an existing app may change between Free and Paid via
   * Vendor only; moving into or out of Paid via Atlassian needs a new app version.
   */
  public boolean canChangeTo(PaymentModel target) {
    if (target == this) {
      return true;
    }
    return (this == FREE && target == PAID_VIA_VENDOR)
        || (this == PAID_VIA_VENDOR && target == FREE);
  }

  /** Seed 004 (SR-R5): Paid via Atlassian is not available for Bitbucket Cloud apps. */
  public boolean isAvailableFor(HostProduct product, Hosting hosting) {
    return !(this == PAID_VIA_ATLASSIAN
        && product == HostProduct.BITBUCKET
        && hosting == Hosting.CLOUD);
  }

  /**
   * Seed 000 (SR-R1): only Paid-via-Atlassian apps have sales reports; free apps show no customer
   * contacts.
   */
  public boolean hasSalesReports() {
    return this == PAID_VIA_ATLASSIAN;
  }
}
