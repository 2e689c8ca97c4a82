package dev.marketlens.model.remittance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.marketlens.model.ModelException;
import dev.marketlens.model.Money;
import dev.marketlens.model.remittance.RemittanceLine.Kind;
import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RemittanceLineTest {
  private static final LocalDate MARCH_1 = LocalDate.of(2024, 3, 1);

  private static RemittanceLine line(String sen, String sale, String net, String reference) {
    return new RemittanceLine(
        MARCH_1,
        "AT-123456789",
        sen,
        "Globex",
        "Acme Planner",
        Money.parse(sale),
        Money.parse(net),
        reference);
  }

  @Test
  @DisplayName("seed 004 SR-M5: the reference number tells the kind of line")
  void kindsByReference() {
    assertThat(Kind.of("MPV1234567")).isEqualTo(Kind.BILL);
    assertThat(Kind.of("MPVCR1234567")).isEqualTo(Kind.BILL_CREDIT);
    assertThat(Kind.of("AT1234567")).isEqualTo(Kind.ELA_BILL);
    assertThat(Kind.of("AT1234567A")).isEqualTo(Kind.CONCESSION_BILL);
    assertThat(Kind.of("ATL1234567A")).isEqualTo(Kind.TEN_K_BILL);
  }

  @Test
  @DisplayName("seed 004 SR-M6/M7: ELA, concession and 10k bills are remittance-only")
  void remittanceOnlyKinds() {
    assertThat(Kind.values())
        .filteredOn(Kind::remittanceOnly)
        .containsExactly(Kind.ELA_BILL, Kind.CONCESSION_BILL, Kind.TEN_K_BILL);
  }

  @Test
  @DisplayName("seed 004 SR-M5: a reference of no known form is refused, naming the forms")
  void unknownReference() {
    assertThatThrownBy(() -> Kind.of("INV-77"))
        .isInstanceOf(ModelException.class)
        .hasMessage(
            "reference: \"INV-77\" is not a remittance reference (expected MPV…, MPVCR…, AT…, AT…A"
                + " or ATL…A)");
  }

  @Test
  @DisplayName("a bill line keeps its values; blank customer name reads as absent")
  void billLine() {
    RemittanceLine line =
        new RemittanceLine(
            MARCH_1,
            " AT-1 ",
            "SEN-L123",
            " ",
            "Acme Planner",
            Money.parse("100"),
            Money.parse("85"),
            "MPV1");
    assertThat(line.orderId()).isEqualTo("AT-1");
    assertThat(line.customerName()).isNull();
    assertThat(line.netRevenue()).isEqualTo(Money.ofCents(8500));
    assertThat(line.kind()).isEqualTo(Kind.BILL);
  }

  @Test
  @DisplayName("seed 004 SR-M6: an ELA bill may have no Host SEN; a bill line may not")
  void hostSenRequiredOnBills() {
    assertThat(line("", "0", "425.00", "AT9876543").licenseId()).isNull();
    assertThatThrownBy(() -> line("", "100", "85", "MPV1"))
        .isInstanceOf(ModelException.class)
        .hasMessage(
            "licenseId: null is required on a bill line (only ELA, concession and 10k bills may"
                + " have no Host SEN)");
  }

  @Test
  @DisplayName("a bill is a sale: a negative sale price is refused")
  void billNotNegative() {
    assertThatThrownBy(() -> line("SEN-1", "-100", "-85", "MPV1"))
        .hasMessage("salePrice: \"-100.00\" must not be negative on a bill line (a sale)");
  }

  @Test
  @DisplayName("a bill credit is a refund: a positive amount is refused")
  void creditNotPositive() {
    assertThat(line("SEN-1", "-100", "-85", "MPVCR1").kind()).isEqualTo(Kind.BILL_CREDIT);
    assertThatThrownBy(() -> line("SEN-1", "100", "85", "MPVCR1"))
        .hasMessage("salePrice: \"100.00\" must not be positive on a bill-credit line (a refund)");
  }

  @Test
  @DisplayName("the partner's share is at most 100 %: net revenue above the sale price is refused")
  void netAtMostSale() {
    assertThatThrownBy(() -> line("SEN-1", "100", "100.01", "MPV1"))
        .hasMessage(
            "netRevenue: \"100.01\" is more than the sale price 100.00 (the partner's share is at"
                + " most 100 %)");
    assertThatThrownBy(() -> line("SEN-1", "-100", "-100.01", "MPVCR1"))
        .hasMessageStartingWith(
            "netRevenue: \"-100.01\" is more than the sale price -100.00 in size");
  }

  @Test
  @DisplayName("required text components may not be blank")
  void requiredText() {
    assertThatThrownBy(
            () ->
                new RemittanceLine(
                    MARCH_1, "AT-1", "SEN-1", null, " ", Money.ZERO, Money.ZERO, "MPV1"))
        .hasMessage("appName: \" \" is required");
    assertThatThrownBy(
            () ->
                new RemittanceLine(
                    null, "AT-1", "SEN-1", null, "A", Money.ZERO, Money.ZERO, "MPV1"))
        .hasMessage("saleDate: null is required");
  }
}
