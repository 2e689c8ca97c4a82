package dev.marketlens.metrics.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.metrics.identity.LicenseAliases.Kind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The license alias graph (metrics spec §3.2). */
class LicenseAliasesTest {

  @Test
  @DisplayName(
      "spec §3.2: ids seen together on any record are one lineage, keyed by its entitlement number")
  void joinedAcrossRecords() {
    LicenseAliases a = new LicenseAliases();
    int sen = a.node(Kind.LICENSE_ID, "SEN-100");
    int addon = a.node(Kind.ADDON_LICENSE_ID, "100");
    int number = a.node(Kind.APP_ENTITLEMENT_NUMBER, "E-7");
    a.union(sen, addon);
    a.union(addon, number);
    assertThat(a.find(sen)).isEqualTo(a.find(number));
    assertThat(a.canonicalKeys()).containsEntry(a.find(sen), "E-7");
  }

  @Test
  @DisplayName(
      "spec §3.2: ids are namespaced — an addon license id equal to another license's number is not joined")
  void namespaced() {
    LicenseAliases a = new LicenseAliases();
    int addon = a.node(Kind.ADDON_LICENSE_ID, "555");
    int number = a.node(Kind.APP_ENTITLEMENT_NUMBER, "555");
    assertThat(a.find(addon)).isNotEqualTo(a.find(number));
    assertThat(a.canonicalKeys().values()).containsExactlyInAnyOrder("SEN-555", "555");
  }
}
