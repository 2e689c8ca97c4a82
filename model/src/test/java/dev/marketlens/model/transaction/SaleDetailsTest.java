package dev.marketlens.model.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketlens.model.ModelException;
import dev.marketlens.model.PaymentTerms;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SaleDetailsTest {

  private static final LocalDate MAY_3 = LocalDate.of(2025, 5, 3);
  private static final LocalDate MAY_9 = LocalDate.of(2025, 5, 9);

  private static SaleDetails withProrated(List<ProratedDetail> prorated) {
    return new SaleDetails(null, null, null, null, null, null, null, prorated, null, null);
  }

  @Test
  @DisplayName("spec §8.3: absent text, lists and terms are null or empty")
  void none() {
    SaleDetails none = new SaleDetails(" ", "", null, null, null, null, null, null, null, "");
    assertThat(none).isEqualTo(SaleDetails.none());
    assertThat(none.appEdition()).isNull();
    assertThat(none.dunningStatus()).isEmpty();
    assertThat(none.proratedDetails()).isEmpty();
    assertThat(none.cloudComplianceBoundaries()).isEmpty();
  }

  @Test
  @DisplayName("spec §8.3: proratedDetails order is not stable, so the model holds them by date")
  void proratedDetailsSorted() {
    ProratedDetail late = new ProratedDetail(4, MAY_9);
    ProratedDetail early = new ProratedDetail(2, MAY_3);
    ProratedDetail earlyMore = new ProratedDetail(7, MAY_3);

    SaleDetails one = withProrated(List.of(late, earlyMore, early));
    SaleDetails other = withProrated(List.of(early, late, earlyMore));

    assertThat(one.proratedDetails()).containsExactly(early, earlyMore, late);
    assertThat(one).isEqualTo(other);
  }

  @Test
  @DisplayName("a null entry in a list is refused with the field's name")
  void nullEntries() {
    assertThatThrownBy(() -> withProrated(Arrays.asList(new ProratedDetail(1, MAY_3), null)))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("proratedDetails[]");
    assertThatThrownBy(
            () ->
                new SaleDetails(null, null, null, null, null, null, null, null, List.of(" "), null))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("cloudComplianceBoundaries[]");
  }

  @Test
  @DisplayName("a prorated entry needs its date; a dunning attempt its positive number")
  void entryInvariants() {
    assertThatThrownBy(() -> new ProratedDetail(3, null))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("proratedDetails[].date");
    assertThatThrownBy(() -> new DunningAttempt(0, null, MAY_3, null))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("attemptCount: \"0\"");
    DunningAttempt attempt = new DunningAttempt(2, "", MAY_3, MAY_9);
    assertThat(attempt.errorCode()).isNull();
    assertThat(attempt.nextPaymentAttemptDate()).isEqualTo(MAY_9);
  }

  @Test
  @DisplayName("spec §8.3: paymentTerms are Net14 or Net30, read in any spelling")
  void paymentTerms() {
    assertThat(PaymentTerms.fromWire("Net30")).isEqualTo(PaymentTerms.NET30);
    assertThat(PaymentTerms.fromWire("net 14")).isEqualTo(PaymentTerms.NET14);
    assertThat(PaymentTerms.NET30.wire()).isEqualTo("Net30");
    assertThatThrownBy(() -> PaymentTerms.fromWire("Net60"))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("paymentTerms: \"Net60\" is not one of [Net14, Net30]");
  }

  @Test
  @DisplayName("spec §8.3: changeInParentProductEdition is kept; blank parent fields are absent")
  void parentProduct() {
    ParentProduct upgraded = new ParentProduct("Jira", "Premium", "Yes", "Standard");
    assertThat(upgraded.changeInEdition()).isEqualTo("Yes");
    assertThat(upgraded.editionChanged()).isTrue();
    assertThat(new ParentProduct("Jira", "Free", ""))
        .isEqualTo(new ParentProduct("Jira", "Free", null, null));
  }
}
