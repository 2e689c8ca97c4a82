package dev.marketlens.emulator.world;

import static dev.marketlens.emulator.world.Worlds.describe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.commerce.PaymentModel;
import dev.marketlens.emulator.wire.BillingPeriod;
import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.License;
import dev.marketlens.emulator.wire.LicenseStatus;
import dev.marketlens.emulator.wire.LicenseType;
import dev.marketlens.emulator.wire.PurchaseDetails;
import dev.marketlens.emulator.wire.SaleType;
import dev.marketlens.emulator.wire.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("§17 W1/W3/W7, K1, SR-N2: licenses and transactions tell one story")
class LicensesAndTransactionsTest {

  private final World world = Worlds.standard();
  private final Worlds.Index index = Worlds.index();

  private static boolean notRefund(Transaction t) {
    return t.purchaseDetails().saleType() != SaleType.REFUND;
  }

  /** Non-refund lines of a license by sale date, then in the order they were created. */
  private List<Transaction> sales(License l) {
    List<Transaction> out = new ArrayList<>(index.transactionsOf(l));
    out.removeIf(t -> !notRefund(t));
    out.sort(Comparator.comparing(t -> t.purchaseDetails().saleDate()));
    return out;
  }

  @Test
  @DisplayName(
      "W1: every COMMERCIAL license of a Paid-via-Atlassian app except sandbox installs has a"
          + " transaction with its ids, and every transaction's license exists (same app and"
          + " hosting)")
  void everyPaidLicenseHasTransactionsAndEveryTransactionALicense() {
    Violations licenses = new Violations("W1 paid license has a transaction");
    Violations sandboxes = new Violations("sandbox installs have no transaction of their own");
    for (License l : world.licenses()) {
      if (l.licenseType() == LicenseType.COMMERCIAL
          && index.app(l.addonKey()).paymentModel() == PaymentModel.PAID_VIA_ATLASSIAN) {
        boolean sandbox = l.insights() != null && "Yes".equals(l.insights().installedOnSandbox());
        if (sandbox) {
          sandboxes.check(index.transactionsOf(l).isEmpty(), () -> describe(l));
        } else {
          licenses.check(!index.transactionsOf(l).isEmpty(), () -> describe(l));
        }
      }
    }
    licenses.assertNone();
    sandboxes.assertNone();
    Violations transactions = new Violations("W1 transaction's license exists");
    for (Transaction t : world.transactions()) {
      License l = index.licenses.get(Worlds.licenseKey(t));
      transactions.check(
          l != null
              && l.addonKey().equals(t.addonKey())
              && l.hosting() == t.purchaseDetails().hosting()
              && (t.ids().appEntitlementId() == null
                  || t.ids().appEntitlementId().equals(l.ids().appEntitlementId())),
          () -> describe(t) + " → " + (l == null ? null : describe(l)));
    }
    transactions.assertNone();
  }

  @Test
  @DisplayName(
      "§17 / issue 3 §5: licenses and transactions agree on hosting, maintenance end (unless"
          + " cancelled by a refund) and current tier")
  void licensesAndTransactionsAgree() {
    Violations hosting = new Violations("hosting agrees");
    Violations end = new Violations("license maintenanceEndDate = latest transaction end");
    Violations tier = new Violations("license tier = latest sale's tier");
    int refunded = 0;
    for (License l : world.licenses()) {
      List<Transaction> all = index.transactionsOf(l);
      if (all.isEmpty()) {
        continue;
      }
      for (Transaction t : all) {
        hosting.check(
            t.purchaseDetails().hosting() == l.hosting(), () -> describe(l) + " / " + describe(t));
      }
      List<Transaction> sales = sales(l);
      List<Transaction> refunds = all.stream().filter(t -> !notRefund(t)).toList();
      if (sales.isEmpty()) {
        end.check(false, () -> describe(l) + " has only refunds");
        continue;
      }
      if (refunds.isEmpty()) {
        LocalDate latestEnd =
            sales.stream()
                .map(t -> t.purchaseDetails().maintenanceEndDate())
                .max(Comparator.naturalOrder())
                .orElseThrow();
        end.check(
            l.maintenanceEndDate().equals(latestEnd),
            () -> describe(l) + " but its sales end " + latestEnd);
      } else {
        refunded++;
        end.check(
            l.status() == LicenseStatus.CANCELLED
                && !l.maintenanceEndDate()
                    .isAfter(
                        refunds.stream()
                            .map(t -> t.purchaseDetails().saleDate())
                            .max(Comparator.naturalOrder())
                            .orElseThrow()),
            () -> describe(l) + " after refund " + describe(refunds.get(refunds.size() - 1)));
      }
      LocalDate lastDay = sales.get(sales.size() - 1).purchaseDetails().saleDate();
      Set<String> lastTiers =
          sales.stream()
              .filter(t -> t.purchaseDetails().saleDate().equals(lastDay))
              .map(t -> t.purchaseDetails().tier().wire())
              .collect(Collectors.toCollection(TreeSet::new));
      tier.check(
          lastTiers.contains(l.tier().wire()),
          () -> describe(l) + " but its latest sales (" + lastDay + ") have tiers " + lastTiers);
    }
    hosting.assertNone();
    end.assertNone();
    tier.assertNone();
    assertThat(refunded).as("licenses cancelled by a refund").isPositive();
  }

  @Test
  @DisplayName(
      "K1: a multi-app order is one transactionId shared by lines of different apps, each with a"
          + " unique transactionLineItemId")
  void multiAppOrdersShareTheTransactionId() {
    List<String> lineIds =
        world.transactions().stream().map(Transaction::transactionLineItemId).toList();
    assertThat(new HashSet<>(lineIds))
        .as("transactionLineItemId is unique")
        .hasSize(lineIds.size());
    List<List<Transaction>> multiApp =
        index.transactionsById.values().stream()
            .filter(lines -> lines.stream().map(Transaction::addonKey).distinct().count() >= 2)
            .toList();
    assertThat(multiApp).as("orders spanning several apps").isNotEmpty();
    assertThat(index.transactionsById.values())
        .as("the lines of one order share the sale date and the customer")
        .allSatisfy(
            lines -> {
              assertThat(lines.stream().map(t -> t.purchaseDetails().saleDate()).distinct())
                  .as(lines.stream().map(Worlds::describe).toList().toString())
                  .hasSize(1);
              assertThat(lines.stream().map(t -> t.customerDetails().company().trim()).distinct())
                  .as(lines.stream().map(Worlds::describe).toList().toString())
                  .hasSize(1);
            });
  }

  @Test
  @DisplayName(
      "W3: a Renewal (or Downgrade) starts where the license's previous maintenance ended (late"
          + " renewals are backdated to it); an Upgrade starts on or before the previous end")
  void maintenanceIsContinuous() {
    Violations renewals = new Violations("W3 renewal starts at the previous end");
    Violations upgrades = new Violations("W3 upgrade overlaps the previous period");
    int late = 0;
    for (License l : world.licenses()) {
      LocalDate previousEnd = null;
      for (Transaction t : sales(l)) {
        PurchaseDetails p = t.purchaseDetails();
        LocalDate prev = previousEnd;
        if (prev != null
            && (p.saleType() == SaleType.RENEWAL || p.saleType() == SaleType.DOWNGRADE)) {
          renewals.check(
              p.maintenanceStartDate().equals(prev),
              () -> describe(t) + " but the previous period ended " + prev);
          if (p.saleDate().isAfter(p.maintenanceStartDate())) {
            late++;
          }
        }
        if (prev != null && p.saleType() == SaleType.UPGRADE) {
          upgrades.check(
              !p.maintenanceStartDate().isAfter(prev),
              () -> describe(t) + " but the previous period ended " + prev);
        }
        if (previousEnd == null || p.maintenanceEndDate().isAfter(previousEnd)) {
          previousEnd = p.maintenanceEndDate();
        }
      }
    }
    renewals.assertNone();
    upgrades.assertNone();
    assertThat(late).as("late renewals backdated to the previous end").isPositive();
  }

  @Test
  @DisplayName(
      "W7: a license whose maintenance ended before the day it is served is not active (on the"
          + " clock day and in every version)")
  void expiredLicensesAreNotActive() {
    Violations clockDay = new Violations("W7 on the clock day");
    int inactive = 0;
    int active = 0;
    for (License l : world.licenses()) {
      if (l.maintenanceEndDate().isBefore(world.clock())) {
        clockDay.check(l.status() != LicenseStatus.ACTIVE, () -> describe(l));
        inactive++;
      } else if (l.status() == LicenseStatus.ACTIVE) {
        active++;
      }
    }
    clockDay.assertNone();
    assertThat(inactive).as("expired licenses").isPositive();
    assertThat(active).as("active licenses").isPositive();

    Violations everyVersion = new Violations("W7 in every version");
    for (RecordHistory<License> h : world.licenseHistories()) {
      List<Versioned<License>> versions = h.versions();
      for (int i = 0; i < versions.size(); i++) {
        License l = versions.get(i).record();
        LocalDate servedUntil =
            i + 1 < versions.size() ? versions.get(i + 1).since().minusDays(1) : world.clock();
        if (l.status() == LicenseStatus.ACTIVE) {
          everyVersion.check(
              !l.maintenanceEndDate().isBefore(servedUntil),
              () -> describe(l) + " served until " + servedUntil);
        }
      }
    }
    everyVersion.assertNone();
  }

  @Test
  @DisplayName(
      "SR-N2 (seed 004): cloud monthly terms last one month (the first, and the first after a"
          + " switch from annual, ends on the next billing day), annual terms 12 months")
  void cloudTermsAreMonthsOrYears() {
    Violations v = new Violations("SR-N2 cloud terms");
    Map<BillingPeriod, Integer> seen = new HashMap<>();
    for (Transaction t : world.transactions()) {
      PurchaseDetails p = t.purchaseDetails();
      if (p.hosting() != Hosting.CLOUD
          || p.saleType() == SaleType.REFUND
          || p.saleType() == SaleType.UPGRADE) {
        continue;
      }
      LocalDate start = p.maintenanceStartDate();
      LocalDate end = p.maintenanceEndDate();
      boolean ok;
      if (p.billingPeriod() == BillingPeriod.ANNUAL) {
        ok = end.equals(start.plusYears(1));
      } else if (p.saleType() == SaleType.NEW || "Yes".equals(p.changeInBillingPeriod())) {
        // a new subscription, or a switch from annual, runs to the site's next billing day
        ok = end.isAfter(start) && !end.isAfter(start.plusMonths(1));
      } else {
        ok = end.equals(start.plusMonths(1));
      }
      seen.merge(p.billingPeriod(), 1, Integer::sum);
      v.check(ok, () -> describe(t));
    }
    v.assertNone();
    assertThat(seen).containsKeys(BillingPeriod.MONTHLY, BillingPeriod.ANNUAL);
  }

  @Test
  @DisplayName(
      "W8 (seed 004 / SR-E3): a cloud site's monthly renewals all fall on its billing day, the day"
          + " its first monthly term ended")
  void monthlyRenewalsFallOnTheBillingDay() {
    Map<String, Set<Integer>> days = new HashMap<>();
    Map<String, List<String>> examples = new HashMap<>();
    for (Transaction t : world.transactions()) {
      PurchaseDetails p = t.purchaseDetails();
      if (p.hosting() != Hosting.CLOUD || p.billingPeriod() != BillingPeriod.MONTHLY) {
        continue;
      }
      boolean firstMonthlyTerm =
          p.saleType() == SaleType.NEW || "Yes".equals(p.changeInBillingPeriod());
      int day =
          firstMonthlyTerm
              ? p.maintenanceEndDate().getDayOfMonth()
              : p.saleType() == SaleType.RENEWAL ? p.maintenanceStartDate().getDayOfMonth() : -1;
      if (day > 0) {
        days.computeIfAbsent(t.ids().cloudId(), k -> new TreeSet<>()).add(day);
        examples
            .computeIfAbsent(t.ids().cloudId(), k -> new ArrayList<>())
            .add(day + ": " + describe(t));
      }
    }
    Violations v = new Violations("W8 one billing day per site");
    for (Map.Entry<String, Set<Integer>> e : days.entrySet()) {
      v.check(
          e.getValue().size() == 1,
          () ->
              "site "
                  + e.getKey()
                  + " renews on days "
                  + e.getValue()
                  + ", e.g. "
                  + e.getValue().stream()
                      .map(
                          d ->
                              examples.get(e.getKey()).stream()
                                  .filter(x -> x.startsWith(d + ": "))
                                  .findFirst()
                                  .orElseThrow())
                      .toList());
    }
    v.assertNone();
  }
}
