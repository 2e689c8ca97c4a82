package dev.marketlens.emulator.world;

import static dev.marketlens.emulator.world.Worlds.describe;
import static org.assertj.core.api.Assertions.assertThat;

import dev.marketlens.emulator.commerce.App;
import dev.marketlens.emulator.wire.Contact;
import dev.marketlens.emulator.wire.ContactDetails;
import dev.marketlens.emulator.wire.Hosting;
import dev.marketlens.emulator.wire.License;
import dev.marketlens.emulator.wire.SaleType;
import dev.marketlens.emulator.wire.Transaction;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Seed 001 (SR-Z6): the free starter tier")
class FreeStarterTierTest {

  private final World world = Worlds.standard();
  private final Worlds.Index index = Worlds.index();

  private static void emails(ContactDetails c, Set<String> out) {
    if (c == null) {
      return;
    }
    for (Contact p : new Contact[] {c.technicalContact(), c.billingContact()}) {
      if (p != null && p.email() != null && !p.isRedacted()) {
        out.add(p.email());
      }
    }
  }

  @Test
  @DisplayName(
      "SR-Z6 (seed 001): free starter entitlements exist only for cloud apps with a free starter"
          + " tier, for sites of at most 10 users")
  void freeStarterOnlyForFreeStarterApps() {
    assertThat(world.freeStarterEntitlements()).isNotEmpty();
    assertThat(world.freeStarterEntitlements())
        .allSatisfy(
            e -> {
              App app = index.app(e.addonKey());
              assertThat(app.freeStarterTier()).as(e.toString()).isTrue();
              assertThat(app.sells(Hosting.CLOUD)).as(e.toString()).isTrue();
              assertThat(e.parentUnitCount()).as(e.toString()).isBetween(1, 10);
              assertThat(e.end() == null || e.end().isAfter(e.start())).as(e.toString()).isTrue();
            });
  }

  @Test
  @DisplayName(
      "SR-Z6 (seed 001): a free starter entitlement never overlaps a paid cloud subscription of"
          + " the same customer and app; the paid one starts when the free one ends")
  void freeStarterNeverOverlapsAPaidSubscription() {
    // Paid cloud service periods of each (contact email, app).
    Map<String, List<Transaction>> paid = new HashMap<>();
    for (RecordHistory<License> h : world.licenseHistories()) {
      License l = h.latest();
      if (l.hosting() != Hosting.CLOUD || !index.app(l.addonKey()).freeStarterTier()) {
        continue;
      }
      Set<String> emails = new HashSet<>();
      for (Versioned<License> v : h.versions()) {
        emails(v.record().contactDetails(), emails);
      }
      List<Transaction> sales =
          index.transactionsOf(l).stream()
              .filter(t -> t.purchaseDetails().saleType() != SaleType.REFUND)
              .toList();
      for (String email : emails) {
        paid.computeIfAbsent(email + "|" + l.addonKey(), k -> new ArrayList<>()).addAll(sales);
      }
    }
    Violations v = new Violations("SR-Z6 free starter and paid subscriptions do not overlap");
    int handedOver = 0;
    for (FreeStarterEntitlement e : world.freeStarterEntitlements()) {
      if (e.technicalEmail() == null) {
        continue;
      }
      List<Transaction> sales =
          paid.getOrDefault(e.technicalEmail() + "|" + e.addonKey(), List.of());
      LocalDate freeEnd = e.end() == null ? LocalDate.MAX : e.end();
      for (Transaction t : sales) {
        LocalDate start = t.purchaseDetails().maintenanceStartDate();
        LocalDate end = t.purchaseDetails().maintenanceEndDate();
        v.check(
            !(start.isBefore(freeEnd) && e.start().isBefore(end)),
            () -> e + " overlaps " + describe(t));
        if (t.purchaseDetails().saleType() == SaleType.NEW && start.equals(e.end())) {
          handedOver++;
        }
      }
    }
    v.assertNone();
    assertThat(handedOver).as("sites that left the free tier by buying the app").isPositive();
  }

  @Test
  @DisplayName(
      "SR-Z6 / SR-Z8 (seed 001): free starter use is not a transaction — no cloud transaction of a"
          + " free-starter-tier app is for the free 10-user tier")
  void freeStarterUseIsNotATransaction() {
    Violations v = new Violations("SR-Z6 no 10-user cloud rows of free-starter apps");
    for (Transaction t : world.transactions()) {
      App app = index.app(t.addonKey());
      if (app.freeStarterTier() && t.purchaseDetails().hosting() == Hosting.CLOUD) {
        v.check(
            t.purchaseDetails().tier().userCount().orElse(Integer.MAX_VALUE) > 10,
            () -> describe(t));
      }
    }
    v.assertNone();
  }
}
