package dev.marketlens.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ContactTest {

  @Test
  @DisplayName("K20: a contact reading RTBF is redacted, and says which detail is")
  void rtbfIsRedacted() {
    Contact contact = new Contact("RTBF", "RTBF");
    assertThat(contact.isRedacted()).isTrue();
    assertThat(contact.isNameRedacted()).isTrue();
    assertThat(contact.isEmailRedacted()).isTrue();
    assertThat(contact).isEqualTo(Contact.redacted());

    Contact emailOnly = new Contact("Ada Lovelace", "RTBF");
    assertThat(emailOnly.isRedacted()).isTrue();
    assertThat(emailOnly.isNameRedacted()).isFalse();
  }

  @Test
  @DisplayName("K37, K32: a missing contact is empty, not redacted; blanks read as absent")
  void missingIsNotRedacted() {
    Contact contact = new Contact(" ", null);
    assertThat(contact.isEmpty()).isTrue();
    assertThat(contact.isRedacted()).isFalse();
    assertThat(contact).isEqualTo(Contact.none());
    assertThat(new Contact("Ada", "ada@example.com").isRedacted()).isFalse();
  }

  @Test
  @DisplayName("K20: customer details are redacted when the company or a contact is")
  void customerRedaction() {
    assertThat(new CustomerDetails("RTBF", "Germany", "EMEA", null, null).isRedacted()).isTrue();
    assertThat(
            new CustomerDetails("Acme", "Germany", "EMEA", Contact.redacted(), null).isRedacted())
        .isTrue();
    CustomerDetails plain = new CustomerDetails("Acme", "Germany", "EMEA", null, null);
    assertThat(plain.isRedacted()).isFalse();
    assertThat(plain.technicalContact()).isEqualTo(Contact.none());
    assertThat(plain.billingContact()).isEqualTo(Contact.none());
  }

  @Test
  @DisplayName("spec §7.3: a partner needs a name or a type")
  void partnerNeedsNameOrType() {
    assertThat(new Partner(null, PartnerType.EXPERT, null).contact()).isEqualTo(Contact.none());
    assertThat(new Partner("Acme Consulting", null, null).name()).isEqualTo("Acme Consulting");
    assertThatThrownBy(() -> new Partner(" ", null, null))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("partnerDetails");
  }

  @Test
  @DisplayName("spec §8.3: discounts are positive, with a type")
  void discountsArePositive() {
    Discount discount =
        new Discount(DiscountType.MANUAL, Money.parse("496.19"), "", "DUAL_LICENSING");
    assertThat(discount.code()).isNull();
    assertThat(discount.reason()).isEqualTo("DUAL_LICENSING");
    assertThatThrownBy(() -> Discount.of(DiscountType.EXPERT, Money.ZERO))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("discounts[].amount")
        .hasMessageContaining("must be positive");
    assertThatThrownBy(() -> Discount.of(DiscountType.EXPERT, Money.parse("-10.0")))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("\"-10.00\"");
    assertThatThrownBy(() -> Discount.of(null, Money.parse("10.0")))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("discounts[].type");
  }

  @Test
  @DisplayName("spec §7.3: license contacts carry phone and address; any RTBF detail is redacted")
  void addressDetails() {
    Contact contact =
        new Contact(
            "Ann", "ann@acme.example", "+49 30 1234", "Main St 1", " ", "Berlin", "BE", "10115");
    assertThat(contact.address2()).isNull();
    assertThat(contact.isRedacted()).isFalse();
    assertThat(contact.isEmpty()).isFalse();
    assertThat(new Contact(null, null, null, null, null, "Berlin", null, null).isEmpty()).isFalse();
    assertThat(new Contact(null, null, "RTBF", null, null, null, null, null).isRedacted()).isTrue();
    assertThat(new Contact("Ann", "ann@acme.example"))
        .isEqualTo(new Contact("Ann", "ann@acme.example", null, null, null, null, null, null));
  }
}
