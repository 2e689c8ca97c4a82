package dev.marketlens.payouts.refunds;

import dev.marketlens.metrics.identity.LicenseAliases;
import dev.marketlens.metrics.identity.LicenseAliases.Kind;
import dev.marketlens.model.id.LicenseIds;
import dev.marketlens.model.license.License;
import dev.marketlens.model.transaction.TransactionLine;
import java.util.List;
import java.util.Map;

/**
 * The license lineage of every line and license, by the metrics' identity rules ({@code
 * docs/metrics/identity.md}): every id Atlassian has used for a license — entitlement number, SEN,
 * add-on license id, entitlement id — joined when one record carries several.
 */
final class Lineages {
  final String[] ofLine;
  final String[] ofLicense;

  private Lineages(String[] ofLine, String[] ofLicense) {
    this.ofLine = ofLine;
    this.ofLicense = ofLicense;
  }

  static Lineages of(List<TransactionLine> lines, List<License> licenses) {
    LicenseAliases aliases = new LicenseAliases();
    int[] lineNode = new int[lines.size()];
    for (int k = 0; k < lines.size(); k++) {
      lineNode[k] = join(aliases, lines.get(k).licenseIds());
    }
    int[] licenseNode = new int[licenses.size()];
    for (int k = 0; k < licenses.size(); k++) {
      licenseNode[k] = join(aliases, licenses.get(k).ids());
    }
    Map<Integer, String> keys = aliases.canonicalKeys();
    String[] ofLine = new String[lines.size()];
    for (int k = 0; k < lines.size(); k++) {
      ofLine[k] = lineNode[k] < 0 ? null : keys.get(aliases.find(lineNode[k]));
    }
    String[] ofLicense = new String[licenses.size()];
    for (int k = 0; k < licenses.size(); k++) {
      ofLicense[k] = licenseNode[k] < 0 ? null : keys.get(aliases.find(licenseNode[k]));
    }
    return new Lineages(ofLine, ofLicense);
  }

  /** Joins a record's ids; -1 when it carries none of the four (only host or site ids). */
  private static int join(LicenseAliases aliases, LicenseIds ids) {
    int first = -1;
    first =
        link(
            aliases,
            first,
            Kind.APP_ENTITLEMENT_NUMBER,
            ids.appEntitlementNumber() == null ? null : ids.appEntitlementNumber().value());
    first =
        link(
            aliases,
            first,
            Kind.LICENSE_ID,
            ids.licenseId() == null ? null : ids.licenseId().value());
    first =
        link(
            aliases,
            first,
            Kind.ADDON_LICENSE_ID,
            ids.addonLicenseId() == null ? null : ids.addonLicenseId().value());
    first =
        link(
            aliases,
            first,
            Kind.APP_ENTITLEMENT_ID,
            ids.appEntitlementId() == null ? null : ids.appEntitlementId().value());
    return first;
  }

  private static int link(LicenseAliases aliases, int first, Kind kind, String id) {
    if (id == null || id.isBlank()) {
      return first;
    }
    int node = aliases.node(kind, id);
    if (first >= 0) {
      aliases.union(first, node);
      return first;
    }
    return node;
  }
}
