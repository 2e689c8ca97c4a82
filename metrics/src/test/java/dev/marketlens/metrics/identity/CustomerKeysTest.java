package dev.marketlens.metrics.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Customer identity (metrics spec §3.3). */
class CustomerKeysTest {

  private static CustomerKeys.Hints tech(String email, String company) {
    return new CustomerKeys.Hints(email, null, company);
  }

  private static Map<String, String> assign(Map<String, List<CustomerKeys.Hints>> hints) {
    return new CustomerKeys(Set.of("partner.example"), Map.of()).assign(hints);
  }

  @Test
  @DisplayName("spec §3.3: the registrable domain of the technical contact keys the customer")
  void technicalDomain() {
    assertThat(
            assign(
                Map.of(
                    "E-1", List.of(tech("ada@mail.acme.com", "Acme")),
                    "E-2", List.of(tech("bob@acme.com", "Acme Inc")))))
        .containsEntry("E-1", "domain:acme.com")
        .containsEntry("E-2", "domain:acme.com");
  }

  @Test
  @DisplayName("spec §3.3: country second levels keep three labels")
  void countrySecondLevel() {
    assertThat(CustomerKeys.registrableDomain("ada@shop.acme.co.uk")).isEqualTo("acme.co.uk");
    assertThat(CustomerKeys.registrableDomain("RTBF")).isNull();
    assertThat(CustomerKeys.registrableDomain("ada@localhost")).isNull();
    assertThat(CustomerKeys.registrableDomain(null)).isNull();
  }

  @Test
  @DisplayName(
      "spec §3.3: free mail, partner domains and redacted contacts fall through to the billing contact, then the company")
  void fallThrough() {
    Map<String, String> keys =
        assign(
            Map.of(
                "E-1", List.of(new CustomerKeys.Hints("ada@gmail.com", "pay@globex.de", "Globex")),
                "E-2", List.of(tech("joe@partner.example", "Initech GmbH")),
                "E-3", List.of(tech(null, null))));
    assertThat(keys)
        .containsEntry("E-1", "domain:globex.de")
        .containsEntry("E-2", "company:initech")
        .containsEntry("E-3", "license:E-3");
  }

  @Test
  @DisplayName("decision: a redacted license joins the domain its company has on another license")
  void redactedJoinsItsCompanysDomain() {
    assertThat(
            assign(
                Map.of(
                    "E-1", List.of(tech("ada@acme.com", "Acme Ltd")),
                    "E-2", List.of(tech(null, "ACME, Ltd.")))))
        .containsEntry("E-2", "domain:acme.com");
  }

  @Test
  @DisplayName("spec §3.3: a manual override wins, by license, domain or company")
  void override() {
    CustomerKeys keys =
        new CustomerKeys(Set.of(), Map.of("E-9", "Big Corp", "domain:globex.de", "Big Corp"));
    assertThat(
            keys.assign(
                Map.of(
                    "E-9", List.of(tech("ada@acme.com", "Acme")),
                    "E-8", List.of(tech("bob@globex.de", "Globex")))))
        .containsEntry("E-9", "customer:Big Corp")
        .containsEntry("E-8", "customer:Big Corp");
  }

  @Test
  @DisplayName("spec §3.3: company names lose case, punctuation, accents and legal suffixes")
  void normalisedCompany() {
    assertThat(CustomerKeys.normalisedCompany("Müller & Söhne GmbH")).isEqualTo("muller sohne");
    assertThat(CustomerKeys.normalisedCompany("ACME, Inc.")).isEqualTo("acme");
    assertThat(CustomerKeys.normalisedCompany("RTBF")).isNull();
    assertThat(CustomerKeys.normalisedCompany("  ")).isNull();
  }
}
