package dev.marketlens.payouts.refunds;

import dev.marketlens.metrics.identity.LicenseAliases;
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
      lineNode[k] = aliases.join(lines.get(k).licenseIds());
    }
    int[] licenseNode = new int[licenses.size()];
    for (int k = 0; k < licenses.size(); k++) {
      licenseNode[k] = aliases.join(licenses.get(k).ids());
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
}
