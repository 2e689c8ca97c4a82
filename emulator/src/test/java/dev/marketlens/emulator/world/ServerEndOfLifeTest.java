package dev.marketlens.emulator.world;

import static dev.marketlens.emulator.world.Worlds.describe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.License;
import dev.marketlens.emulator.wire.LicenseType;
import dev.marketlens.emulator.wire.PurchaseDetails;
import dev.marketlens.emulator.wire.SaleType;
import dev.marketlens.emulator.wire.Transaction;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Seed 004 / SR-N4: the end of server")
class ServerEndOfLifeTest {

  private static final LocalDate NO_NEW_SERVER_FROM = LocalDate.of(2021, 2, 2);
  private static final LocalDate PRORATED_FROM = LocalDate.of(2023, 2, 15);
  private static final LocalDate END_OF_SUPPORT = LocalDate.of(2024, 2, 15);

  private final World world = Worlds.standard();

  @Test
  @DisplayName("SR-N4: no server New sale and no server evaluation on or after 2021-02-02")
  void noNewServerBusinessAfterFebruary2021() {
    Violations sales = new Violations("SR-N4 server New sales before 2021-02-02");
    int before = 0;
    for (RecordHistory<Transaction> h : world.transactionHistories()) {
      for (Versioned<Transaction> v : h.versions()) {
        PurchaseDetails p = v.record().purchaseDetails();
        if (p.hosting() == Hosting.SERVER && p.saleType() == SaleType.NEW) {
          sales.check(p.saleDate().isBefore(NO_NEW_SERVER_FROM), () -> describe(v.record()));
          if (p.saleDate().isBefore(NO_NEW_SERVER_FROM)) {
            before++;
          }
        }
      }
    }
    sales.assertNone();
    assertThat(before).as("server New sales before 2021-02-02 exist").isPositive();

    Violations evaluations = new Violations("SR-N4 server evaluations before 2021-02-02");
    for (RecordHistory<License> h : world.licenseHistories()) {
      for (Versioned<License> v : h.versions()) {
        License l = v.record();
        if (l.hosting() == Hosting.SERVER && l.licenseType() == LicenseType.EVALUATION) {
          evaluations.check(
              l.maintenanceStartDate().isBefore(NO_NEW_SERVER_FROM), () -> describe(l));
        }
      }
    }
    evaluations.assertNone();
    assertThat(world.evaluations())
        .filteredOn(e -> e.hosting() == Hosting.SERVER)
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.start()).isBefore(NO_NEW_SERVER_FROM));
  }

  @Test
  @DisplayName(
      "SR-N4: server maintenance bought from 2023-02-15 ends at the end of support 2024-02-15,"
          + " prorated")
  void serverRenewalsFromFebruary2023AreProratedToEndOfSupport() {
    Violations v = new Violations("SR-N4 server maintenance from 2023-02-15 ends 2024-02-15");
    Violations prorated =
        new Violations("SR-N4 prorated server renewal costs less than a whole year");
    for (Transaction t : world.transactions()) {
      PurchaseDetails p = t.purchaseDetails();
      if (p.hosting() != Hosting.SERVER
          || p.saleType() == SaleType.REFUND
          || p.maintenanceStartDate().isBefore(PRORATED_FROM)) {
        continue;
      }
      v.check(p.maintenanceEndDate().equals(END_OF_SUPPORT), () -> describe(t));
      // Against the same license's previous whole year on the same tier: the prorated term costs
      // at most that year's list price times the days it covers over 365 (a cent of rounding).
      Worlds.index().transactionsByLicense.get(Worlds.licenseKey(t)).stream()
          .filter(
              o ->
                  (o.purchaseDetails().saleType() == SaleType.RENEWAL
                          || o.purchaseDetails().saleType() == SaleType.NEW)
                      && o.purchaseDetails().tier().equals(p.tier())
                      && o.purchaseDetails().maintenanceEndDate().equals(p.maintenanceStartDate())
                      && o.purchaseDetails()
                          .maintenanceStartDate()
                          .plusYears(1)
                          .equals(o.purchaseDetails().maintenanceEndDate()))
          .findFirst()
          .ifPresent(
              previous -> {
                long wholeList =
                    previous.purchaseDetails().purchasePriceCents()
                        + previous.purchaseDetails().discountTotalCents();
                long list = p.purchasePriceCents() + p.discountTotalCents();
                long days = ChronoUnit.DAYS.between(p.maintenanceStartDate(), END_OF_SUPPORT);
                prorated.check(
                    list <= (wholeList * days + 364) / 365 + 1,
                    () -> describe(t) + " after the whole year " + describe(previous));
              });
    }
    v.assertNone();
    prorated.assertNone();
  }

  @Test
  @DisplayName(
      "SR-N4: no current server license or transaction has maintenance running past 2024-02-15")
  void noCurrentServerMaintenanceBeyondEndOfSupport() {
    Violations v = new Violations("SR-N4 current server maintenance ends by 2024-02-15");
    for (Transaction t : world.transactions()) {
      if (t.purchaseDetails().hosting() == Hosting.SERVER) {
        v.check(
            !t.purchaseDetails().maintenanceEndDate().isAfter(END_OF_SUPPORT), () -> describe(t));
      }
    }
    for (License l : world.licenses()) {
      if (l.hosting() == Hosting.SERVER) {
        v.check(!l.maintenanceEndDate().isAfter(END_OF_SUPPORT), () -> describe(l));
      }
    }
    v.assertNone();
    assertThat(world.transactions())
        .as("some server maintenance is prorated to the end of support")
        .anySatisfy(
            t -> {
              assertThat(t.purchaseDetails().hosting()).isEqualTo(Hosting.SERVER);
              assertThat(t.purchaseDetails().maintenanceEndDate()).isEqualTo(END_OF_SUPPORT);
              assertThat(t.purchaseDetails().maintenanceStartDate())
                  .isAfterOrEqualTo(PRORATED_FROM);
            });
  }

  @Test
  @DisplayName(
      "SR-N4: no server sale is dated after the end of support 2024-02-15, and no version of any"
          + " server record has maintenance past it")
  void noServerSaleOrVersionBeyondEndOfSupport() {
    Violations v = new Violations("SR-N4 server maintenance and sales end by 2024-02-15");
    for (RecordHistory<Transaction> h : world.transactionHistories()) {
      for (Versioned<Transaction> version : h.versions()) {
        PurchaseDetails p = version.record().purchaseDetails();
        if (p.hosting() == Hosting.SERVER) {
          v.check(
              !p.maintenanceEndDate().isAfter(END_OF_SUPPORT)
                  && (p.saleType() == SaleType.REFUND || !p.saleDate().isAfter(END_OF_SUPPORT)),
              () -> describe(version.record()) + " version of " + version.since());
        }
      }
    }
    for (RecordHistory<License> h : world.licenseHistories()) {
      for (Versioned<License> version : h.versions()) {
        License l = version.record();
        if (l.hosting() == Hosting.SERVER) {
          v.check(
              !l.maintenanceEndDate().isAfter(END_OF_SUPPORT),
              () -> describe(l) + " version of " + version.since());
        }
      }
    }
    v.assertNone();
  }
}
