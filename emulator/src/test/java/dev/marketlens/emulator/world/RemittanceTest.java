package dev.marketlens.emulator.world;

import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.wire.DiscountType;
import dev.marketlens.emulator.wire.PurchaseDetails;
import dev.marketlens.emulator.wire.RemittanceCsvWriter;
import dev.marketlens.emulator.wire.RemittanceRow;
import dev.marketlens.emulator.wire.SaleType;
import dev.marketlens.emulator.wire.Transaction;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The remittance a world implies (seed 004, SR-M4…M9). */
@DisplayName("the world's remittance")
class RemittanceTest {

  private static Remittance remittance(boolean mismatches) {
    World world = Worlds.standard();
    return Remittance.of(world, world.vendors().get(0), mismatches);
  }

  private static List<RemittanceRow> all(Remittance r) {
    List<RemittanceRow> rows = new ArrayList<>();
    r.months().values().forEach(rows::addAll);
    return rows;
  }

  @Test
  @DisplayName("SR-M4: one CSV per month of the world, from its start to its clock")
  void onePerMonth() {
    Remittance r = remittance(false);
    assertThat(r.months().firstKey()).isEqualTo(YearMonth.from(Worlds.SPEC.from()));
    assertThat(r.months().lastKey()).isEqualTo(YearMonth.from(Worlds.SPEC.to()));
    assertThat(r.months()).hasSize(8 * 12 + 10);
  }

  @Test
  @DisplayName(
      "SR-M5: every transaction line with money is one line of its sale month, MPV for a sale and"
          + " MPVCR for a refund, with its order, amounts and date")
  void everyLineWithMoneyOnce() {
    Remittance r = remittance(false);
    Map<String, Integer> remitted = new HashMap<>();
    for (RemittanceRow row : all(r)) {
      if (row.reference().startsWith("MPV")) {
        remitted.merge(
            row.orderId()
                + "|"
                + row.licenseId()
                + "|"
                + row.salePriceCents()
                + "|"
                + row.saleDate(),
            1,
            Integer::sum);
        assertThat(row.reference())
            .startsWith(row.salePriceCents() < 0 ? "MPVCR" : "MPV")
            .contains(
                String.format(
                    "%04d%02d", row.saleDate().getYear(), row.saleDate().getMonthValue()));
      }
    }
    int expected = 0;
    for (Transaction t : Worlds.standard().transactions()) {
      PurchaseDetails p = t.purchaseDetails();
      if (p.purchasePriceCents() == 0 && p.vendorAmountCents() == 0) {
        continue;
      }
      expected++;
      String key =
          t.transactionId()
              + "|"
              + Remittance.hostSen(t.ids())
              + "|"
              + p.purchasePriceCents()
              + "|"
              + p.saleDate();
      assertThat(remitted.get(key)).as(key).isNotNull().isPositive();
      assertThat(p.saleType() == SaleType.REFUND).isEqualTo(p.purchasePriceCents() < 0);
    }
    assertThat(remitted.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(expected);
  }

  @Test
  @DisplayName(
      "SR-M6: a $0 line fully discounted by a customer advocate becomes a concession bill AT…A,"
          + " sale price 0 and the partner's share of the list price")
  void concessions() {
    Remittance r = remittance(false);
    long concessions =
        Worlds.standard().transactions().stream()
            .filter(t -> t.purchaseDetails().purchasePriceCents() == 0)
            .filter(
                t ->
                    t.purchaseDetails().discounts().stream()
                        .anyMatch(
                            d ->
                                d.type() == DiscountType.MANUAL
                                    && !"DUAL_LICENSING".equals(d.reason())))
            .count();
    List<RemittanceRow> bills =
        r.remittanceOnly().stream()
            .filter(b -> !b.reference().startsWith("ATL") && b.reference().endsWith("A"))
            .toList();
    assertThat(bills).hasSize((int) concessions).isNotEmpty();
    assertThat(bills)
        .allMatch(b -> b.salePriceCents() == 0 && b.netRevenueCents() > 0)
        .allMatch(b -> b.reference().equals(b.orderId() + "A"));
  }

  @Test
  @DisplayName(
      "SR-M6, SR-M7: ELA bills (AT…, sale price 0, no Host SEN) and 10k bills (ATL…A) appear at"
          + " low rates, only in the remittance")
  void elaAndTenK() {
    Remittance r = remittance(false);
    List<RemittanceRow> ela =
        r.remittanceOnly().stream().filter(b -> !b.reference().endsWith("A")).toList();
    List<RemittanceRow> tenK =
        r.remittanceOnly().stream().filter(b -> b.reference().startsWith("ATL")).toList();
    assertThat(ela).isNotEmpty().allMatch(b -> b.salePriceCents() == 0 && b.licenseId() == null);
    assertThat(tenK).isNotEmpty().allMatch(b -> b.netRevenueCents() <= b.salePriceCents());
    assertThat(ela.size() + tenK.size()).isLessThan(all(r).size() / 50);
  }

  @Test
  @DisplayName(
      "SR-M9: with mismatches, each kind is injected and recorded; a cancelled refund is an MPV"
          + " line reversing the refund")
  void mismatches() {
    Remittance r = remittance(true);
    assertThat(r.mismatches())
        .extracting(Remittance.Mismatch::kind)
        .contains(Remittance.MismatchKind.values());
    for (Remittance.Mismatch m : r.mismatches()) {
      List<RemittanceRow> month = r.months().get(m.month());
      switch (m.kind()) {
        case MISSING_LINE ->
            assertThat(month)
                .noneMatch(
                    row ->
                        row.orderId().equals(m.orderId())
                            && row.licenseId().equals(m.licenseId())
                            && row.salePriceCents() == m.expectedSalePriceCents());
        case CHANGED_AMOUNT -> {
          assertThat(m.remittedNetRevenueCents()).isLessThan(m.expectedNetRevenueCents());
          assertThat(month)
              .anyMatch(
                  row ->
                      row.orderId().equals(m.orderId())
                          && row.netRevenueCents() == m.remittedNetRevenueCents());
        }
        case CANCELLED_REFUND -> {
          assertThat(m.expectedSalePriceCents()).isNegative();
          assertThat(month)
              .anyMatch(
                  row ->
                      row.orderId().equals(m.orderId())
                          && row.reference().startsWith("MPV2")
                          && row.salePriceCents() == -m.expectedSalePriceCents());
        }
      }
    }
  }

  @Test
  @DisplayName(
      "the switch changes only the injected lines: the remittance-only bills are the same with and"
          + " without it")
  void switchChangesOnlyTheInjected() {
    assertThat(remittance(true).remittanceOnly()).isEqualTo(remittance(false).remittanceOnly());
  }

  @Test
  @DisplayName("the same world writes byte-identical CSVs")
  void deterministic() {
    ByteArrayOutputStream a = new ByteArrayOutputStream();
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    RemittanceCsvWriter.write(remittance(true).months().get(YearMonth.of(2024, 3)), a);
    RemittanceCsvWriter.write(remittance(true).months().get(YearMonth.of(2024, 3)), b);
    assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
    assertThat(a.toString(StandardCharsets.UTF_8))
        .startsWith(
            "\"Sale Date\",\"Order ID\",\"License ID (Host SEN)\",\"Customer Name\",\"App Name\","
                + "\"Sale Price\",\"Net Revenue\",\"Reference #\"\r\n");
  }
}
