package dev.marketlens.emulator.world;

import dev.marketlens.emulator.commerce.App;
import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.License;
import dev.marketlens.emulator.wire.LicenseIds;
import java.time.LocalDate;
import java.util.List;

/** One license over its life: its identity, its state at creation and its dated changes. */
final class LicenseLife {
  final Customer customer;
  final App app;
  final Hosting hosting;
  final long journeyKey;
  final int localSeq;
  final LocalDate created;
  final LicenseState state = new LicenseState();
  final Timeline<LicenseState> timeline;

  /**
   * Whether the license carries a SEN and addonLicenseId (server, Data Center, cloud before the new
   * platform).
   */
  final boolean hasSen;

  final boolean cloudSite;
  final String appEntitlementId;
  final String appEntitlementNumber;
  final String hostEntitlementId;
  final String hostEntitlementNumber;
  final String cloudId;
  final String cloudSiteHostname;
  String addonLicenseId;
  String hostLicenseId;

  /** Whether Data Center entitlement numbers were added to this license in September 2025. */
  boolean dcEntitlement;

  /** The maintenance end of the latest extension, expired at the end of the simulation. */
  LocalDate scheduledEnd;

  private final String lineage;
  private final LicenseIds[] ids = new LicenseIds[2];

  LicenseLife(
      Customer customer,
      App app,
      Hosting hosting,
      long journeyKey,
      int localSeq,
      LocalDate created,
      boolean hasSen,
      Ids ids,
      String siteSuffix) {
    this.customer = customer;
    this.app = app;
    this.hosting = hosting;
    this.journeyKey = journeyKey;
    this.localSeq = localSeq;
    this.created = created;
    this.timeline = new Timeline<>(created);
    this.hasSen = hasSen;
    this.lineage = "L" + customer.index + "." + Long.toHexString(journeyKey) + "." + localSeq;
    this.cloudSite = hosting == Hosting.CLOUD;
    long c = customer.index;
    this.appEntitlementId = ids.uuid(0xE1, c, journeyKey, localSeq);
    this.appEntitlementNumber = ids.entitlementNumber(0xE2, c, journeyKey, localSeq);
    if (cloudSite) {
      this.hostEntitlementId = ids.uuid(0xE3, c, siteSuffix.hashCode());
      this.hostEntitlementNumber = ids.entitlementNumber(0xE4, c, siteSuffix.hashCode());
      this.cloudId = ids.uuid(0xE5, c, siteSuffix.hashCode());
      this.cloudSiteHostname = customer.siteSlug + siteSuffix + ".atlassian.net";
    } else {
      this.hostEntitlementId = null;
      this.hostEntitlementNumber = null;
      this.cloudId = null;
      this.cloudSiteHostname = null;
    }
  }

  /**
   * The license's identifiers on {@code day} (Data Center gains entitlement numbers from September
   * 2025).
   */
  LicenseIds idsOn(LocalDate day) {
    boolean entitled =
        cloudSite || (dcEntitlement && !day.isBefore(Simulation.DC_ENTITLEMENT_NUMBERS_FROM));
    int i = entitled ? 1 : 0;
    if (ids[i] == null) {
      ids[i] =
          cloudSite
              ? new LicenseIds(
                  addonLicenseId,
                  hostLicenseId,
                  sen(),
                  appEntitlementId,
                  appEntitlementNumber,
                  hostEntitlementId,
                  hostEntitlementNumber,
                  cloudId,
                  cloudSiteHostname)
              : new LicenseIds(
                  addonLicenseId,
                  null,
                  sen(),
                  entitled ? appEntitlementId : null,
                  entitled ? appEntitlementNumber : null,
                  null,
                  null,
                  null,
                  null);
    }
    return ids[i];
  }

  String sen() {
    return addonLicenseId == null ? null : Ids.sen(addonLicenseId);
  }

  /**
   * A stable key of the license across all its ids: the customer, its journey and its place in it.
   */
  String lineage() {
    return lineage;
  }

  List<Versioned<License>> versions(LocalDate clock) {
    return timeline.versions(
        state, clock, LicenseState::snapshot, LicenseState::sameButLastUpdated);
  }
}
